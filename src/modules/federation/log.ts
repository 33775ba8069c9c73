import { type Store, lockForUpdate } from '../../store/index.ts';
import { iso, type Clock } from '../../lib/time.ts';
import type { Item, ContentService } from '../content/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import type { Outbox } from '../outbox/index.ts';
import { canonicalJson, sha256Field } from './canonical.ts';
import type { KeyRing } from './keys.ts';
import { signEd25519 } from './signatures.ts';
import { type FedDB, type FedTrx } from './tables.ts';

// The publication log: one immutable, signed entry for every publish, update
// (with its change note), unpublish and withdrawal of a portal's own items,
// numbered by a per-portal sequence without gaps. Subscribers apply entries
// in sequence order and pull the ranges they missed, so the log is the single
// source of truth of what a portal has shared.
//
// An entry is a snapshot of the item at one version. When several changes
// are logged late (a busy worker), the snapshot of the newest version stands
// for them, and an older version is never logged after a newer one.

export const PUSH_TOPIC = 'federation.push';
export const LOG_VERSION = 1;

export type LogAction = 'publish' | 'update' | 'unpublish';

/** What is signed: the entry without the item, whose digest it carries. */
export interface EntryHeader {
  v: number;
  portal: string;
  sequence: number;
  action: LogAction;
  at: string;
  item: number;
  version: number;
  type: string;
  lang: string;
  section: string | null;
  digest: string;
  changeNote?: { note: string; minor: boolean };
  unpublished?: { kind: 'withdrawn' | 'gone'; reason: string };
}

/** An item as federation carries it: content, translations, metadata, media URLs and canonical URL. */
export interface SharedItem {
  id: number;
  type: string;
  lang: string;
  slug: string;
  title: string;
  summary: string;
  /** sanitized HTML with absolute URLs */
  body: string;
  section: string | null;
  tags: string[];
  meta: Record<string, unknown>;
  url: string;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  publicUpdatedAt: string | null;
  /** ids at the origin of the other language versions */
  translations: Record<string, number>;
  /** every picture and file the item shows, absolute */
  media: string[];
  changeNotes: Array<{ at: string; note: string }>;
}

export interface LogEntry {
  header: EntryHeader;
  item: SharedItem;
  signature: string;
  keyId: string;
}

const MEDIA_KEYS = new Set(['src', 'poster', 'url', 'template']);

/** Relative links and pictures made absolute against the portal, and the media they name. */
export function absolutize(item: Pick<Item, 'body' | 'meta'>, base: string): { body: string; meta: Record<string, unknown>; media: string[] } {
  const media = new Set<string>();
  const abs = (u: string) => (u.startsWith('/') && !u.startsWith('//') ? base + u : u);
  const body = item.body
    .replace(/\s(src|href)="([^"]*)"/g, (_m, attr: string, value: string) => {
      const v = abs(value);
      if (attr === 'src') media.add(v);
      return ` ${attr}="${v}"`;
    })
    .replace(/\ssrcset="([^"]*)"/g, (_m, value: string) => {
      const parts = value.split(',').map((p) => {
        const [u, ...rest] = p.trim().split(/\s+/);
        const v = abs(u ?? '');
        if (v) media.add(v);
        return [v, ...rest].join(' ');
      });
      return ` srcset="${parts.join(', ')}"`;
    });
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (key && MEDIA_KEYS.has(key)) {
        const a = abs(v);
        if (/^https?:\/\//.test(a)) media.add(a);
        return a;
      }
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return { body, meta: walk(item.meta) as Record<string, unknown>, media: [...media].sort() };
}

export function sharedItem(item: Item, portal: Portal): SharedItem {
  const { body, meta, media } = absolutize(item, portal.url);
  const translations: Record<string, number> = {};
  for (const [lang, id] of Object.entries(item.translations)) if (id !== undefined) translations[lang] = id;
  return {
    id: item.id,
    type: item.type,
    lang: item.lang,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    body,
    section: item.section,
    tags: item.tags,
    meta,
    url: item.url,
    publishedAt: item.publishedAt,
    firstPublishedAt: item.firstPublishedAt,
    publicUpdatedAt: item.publicUpdatedAt,
    translations,
    media,
    changeNotes: item.changeNotes.filter((n) => n.kind === 'major').map((n) => ({ at: n.at, note: n.note })),
  };
}

export const itemDigest = (item: unknown) => sha256Field(canonicalJson(item));

export class PublicationLog {
  private readonly db: FedDB;

  constructor(
    private readonly store: Store,
    private readonly content: ContentService,
    private readonly portals: PortalService,
    private readonly keys: KeyRing,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {
    this.db = store.db;
  }

  /**
   * Logs the item's current state if it is newer than what the log holds.
   * Runs from the outbox after each publish, edit or unpublish; safe to run twice.
   */
  async record(itemId: number): Promise<LogEntry | undefined> {
    const item = await this.content.find(itemId);
    // mirrored and proposed items belong to another portal's log
    if (!item || item.origin) return undefined;
    const portal = await this.portals.bySlug(item.portal);
    if (!portal) return undefined;
    const key = await this.keys.signingKey(portal);
    return this.db.transaction().execute(async (trx) => {
      const last = await this.lockHead(trx, portal.id);
      const previous = await trx.selectFrom('federation_log').select(['action', 'item_version']).where('portal_id', '=', portal.id).where('item_id', '=', item.id).orderBy('sequence', 'desc').limit(1).executeTakeFirst();
      if (previous && previous.item_version >= item.version) return undefined;
      let action: LogAction;
      if (item.status === 'published') action = !previous || previous.action === 'unpublish' ? 'publish' : 'update';
      else {
        // never shared, or its withdrawal is already logged: nothing to say
        if (!previous || previous.action === 'unpublish') return undefined;
        action = 'unpublish';
      }
      const shared = sharedItem(item, portal);
      const sequence = last + 1;
      const header: EntryHeader = {
        v: LOG_VERSION,
        portal: portal.url,
        sequence,
        action,
        at: iso(this.clock()),
        item: item.id,
        version: item.version,
        type: item.type,
        lang: item.lang,
        section: item.section,
        digest: itemDigest(shared),
      };
      if (action === 'update') {
        const latest = item.changeNotes[0];
        if (latest) header.changeNote = { note: latest.note, minor: latest.kind === 'minor' };
      }
      if (action === 'unpublish') header.unpublished = { kind: item.unpublished?.kind ?? 'withdrawn', reason: item.unpublished?.reason ?? '' };
      const headerJson = canonicalJson(header);
      const signature = signEd25519(key.privateKey, headerJson);
      await trx
        .insertInto('federation_log')
        .values({
          portal_id: portal.id,
          sequence,
          item_id: item.id,
          item_version: item.version,
          action,
          type: item.type,
          lang: item.lang,
          section: item.section,
          at: header.at,
          header: headerJson,
          item: canonicalJson(shared),
          digest: header.digest,
          signature,
          key_id: key.keyId,
        })
        .execute();
      await trx.updateTable('federation_log_heads').set({ last_sequence: sequence }).where('portal_id', '=', portal.id).execute();
      // fan-out happens in its own job, in this transaction: logged means it will be pushed
      await this.outbox.enqueue(trx, PUSH_TOPIC, { portalId: portal.id, sequence });
      return { header, item: shared, signature, keyId: key.keyId };
    });
  }

  /** Reads (creating at 0) and locks the portal's sequence counter for this transaction. */
  private async lockHead(trx: FedTrx, portalId: number): Promise<number> {
    // the row is made first, as a lock can only be put on a row that exists
    await trx
      .insertInto('federation_log_heads')
      .values({ portal_id: portalId, last_sequence: 0 })
      .onConflict((oc) => oc.column('portal_id').doNothing())
      .execute();
    const row = await lockForUpdate(this.store, trx.selectFrom('federation_log_heads').select('last_sequence').where('portal_id', '=', portalId)).executeTakeFirstOrThrow();
    return Number(row.last_sequence);
  }

  async head(portalId: number): Promise<number> {
    const row = await this.db.selectFrom('federation_log_heads').select('last_sequence').where('portal_id', '=', portalId).executeTakeFirst();
    return Number(row?.last_sequence ?? 0);
  }

  /**
   * The JSON text of each entry after `after`, in order, up to `limit` entries
   * or about `maxBytes` (always at least one). Stored canonical texts are
   * spliced in as they are: what was signed is exactly what is served.
   */
  async entriesJson(portalId: number, after: number, limit: number, maxBytes = 4 * 1024 * 1024): Promise<{ entries: string[]; last: number | null }> {
    const rows = await this.db.selectFrom('federation_log').select(['sequence', 'header', 'item', 'signature', 'key_id']).where('portal_id', '=', portalId).where('sequence', '>', after).orderBy('sequence').limit(limit).execute();
    const entries: string[] = [];
    let size = 0;
    let last: number | null = null;
    for (const r of rows) {
      const text = entryJson(r.header, r.item, r.signature, r.key_id);
      if (entries.length > 0 && size + text.length > maxBytes) break;
      entries.push(text);
      size += text.length;
      last = Number(r.sequence);
    }
    return { entries, last };
  }

  /** The entries after `after` (up to `upTo`) that a subscriber's filter takes, as JSON, within the size cap. */
  async batchFor(portalId: number, after: number, upTo: number, filter: LogFilter, maxEntries: number, maxBytes: number): Promise<{ entries: string[]; sequences: number[] }> {
    let q = this.db.selectFrom('federation_log').select(['sequence', 'header', 'item', 'signature', 'key_id']).where('portal_id', '=', portalId).where('sequence', '>', after).where('sequence', '<=', upTo);
    if (filter.types?.length) q = q.where('type', 'in', filter.types);
    if (filter.languages?.length) q = q.where('lang', 'in', filter.languages);
    if (filter.sections?.length) q = q.where('section', 'in', filter.sections);
    const rows = await q.orderBy('sequence').limit(maxEntries).execute();
    const entries: string[] = [];
    const sequences: number[] = [];
    let size = 0;
    for (const r of rows) {
      const text = entryJson(r.header, r.item, r.signature, r.key_id);
      if (entries.length > 0 && size + text.length > maxBytes) break;
      entries.push(text);
      sequences.push(Number(r.sequence));
      size += text.length;
    }
    return { entries, sequences };
  }

  async entryJson(portalId: number, sequence: number): Promise<{ json: string; type: string; lang: string; section: string | null } | undefined> {
    const r = await this.db.selectFrom('federation_log').select(['header', 'item', 'signature', 'key_id', 'type', 'lang', 'section']).where('portal_id', '=', portalId).where('sequence', '=', sequence).executeTakeFirst();
    return r ? { json: entryJson(r.header, r.item, r.signature, r.key_id), type: r.type, lang: r.lang, section: r.section } : undefined;
  }

  /**
   * The sequence of the last entry before `sequence` that a subscriber with
   * this filter was sent (or its starting point): lets it see whether it
   * missed anything, though the source sends it only what its policy takes.
   */
  async previousFor(portalId: number, sequence: number, start: number, filter: LogFilter): Promise<number> {
    const unfiltered = !filter.types?.length && !filter.languages?.length && !filter.sections?.length;
    if (unfiltered) return Math.max(start, sequence - 1);
    // newest first through the (portal, sequence) index: stops at the first match
    let q = this.db.selectFrom('federation_log').select('sequence').where('portal_id', '=', portalId).where('sequence', '<', sequence).where('sequence', '>', start);
    if (filter.types?.length) q = q.where('type', 'in', filter.types);
    if (filter.languages?.length) q = q.where('lang', 'in', filter.languages);
    if (filter.sections?.length) q = q.where('section', 'in', filter.sections);
    const row = await q.orderBy('sequence', 'desc').limit(1).executeTakeFirst();
    return row ? Number(row.sequence) : start;
  }
}

export interface LogFilter {
  types?: string[];
  languages?: string[];
  sections?: string[];
}

export function matchesFilter(filter: LogFilter, entry: { type: string; lang: string; section: string | null }): boolean {
  if (filter.types?.length && !filter.types.includes(entry.type)) return false;
  if (filter.languages?.length && !filter.languages.includes(entry.lang)) return false;
  if (filter.sections?.length && (entry.section === null || !filter.sections.includes(entry.section))) return false;
  return true;
}

const entryJson = (header: string, item: string, signature: string, keyId: string) => `{"header":${header},"item":${item},"keyId":${JSON.stringify(keyId)},"signature":${JSON.stringify(signature)}}`;
