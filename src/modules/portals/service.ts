import { EventEmitter } from 'node:events';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Store } from '../../store/index.ts';
import { isConnectionError } from '../../store/errors.ts';
import type { Database, PortalTable, SectionTable } from '../../store/schema.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { LANGUAGES, isLang, type Lang, type Localized } from '../../lib/lang.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { AuditService } from '../audit/index.ts';

// Portals of the deployment, their hostnames and their sections. A section of
// kind `subsite` is a chuyên trang (sub-site): it has its own home page, menu,
// names and theme colour, and may hold sections of its own.

export const PORTAL_KINDS = ['central', 'ministry', 'province', 'agency', 'commune'] as const;
export type PortalKind = (typeof PORTAL_KINDS)[number];

export interface PortalContact {
  unit: string; // cơ quan chủ quản — owning agency
  responsible: string; // người chịu trách nhiệm — person legally responsible
  address: string;
  phone: string;
  email: string;
}

/** A picture from the portal's media library, as pages show it. */
export interface PortalLogo {
  mediaId: number;
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
}

/** The portal's own look; unset parts fall back to the colour its kind and slug give it, and the emblem. */
export interface PortalBranding {
  brandColor?: string;
  tintColor?: string;
  logo?: PortalLogo;
}

export interface Portal {
  id: number;
  slug: string;
  kind: PortalKind;
  parent: string | null;
  name: Localized;
  languages: Lang[];
  hosts: string[];
  contact: PortalContact;
  branding: PortalBranding;
  url: string;
}

export interface MenuEntry {
  label: Localized;
  href: string;
}

export interface Section {
  id: number;
  portalId: number;
  slug: string;
  kind: 'section' | 'subsite';
  parent: string | null;
  name: Localized;
  description: Partial<Record<Lang, string>>;
  themeColor: string | null;
  menu: MenuEntry[];
  position: number;
  /** false: the section has its pages, but the main menu does not list it */
  inMenu: boolean;
}

export interface NewPortal {
  slug: string;
  kind: string;
  parent?: string;
  names: Record<string, string>;
  languages: string[];
  hosts?: string[];
  contact: PortalContact;
}

export interface NewSection {
  slug: string;
  kind?: 'section' | 'subsite';
  parent?: string;
  names: Record<string, string>;
  description?: Record<string, string>;
  themeColor?: string;
  menu?: MenuEntry[];
  position?: number;
}

export interface PortalPatch {
  kind?: string;
  names?: Record<string, string>;
  languages?: string[];
  hosts?: string[];
  contact?: Partial<PortalContact>;
  /** replaces the whole branding */
  branding?: PortalBranding;
}

export interface SectionPatch {
  names?: Record<string, string>;
  /** a section of the same portal, or null for the top level */
  parent?: string | null;
  inMenu?: boolean;
  description?: Record<string, string>;
  themeColor?: string | null;
  menu?: MenuEntry[];
  position?: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const CACHE_MS = 5_000;

/** A portal's own settings or sections changed (not its content): every page of it may show the old ones. */
export interface PortalChange {
  slug: string;
}

/** How long a read of the portal list or sections may take before the copy at hand answers instead. */
const SLOW_READ_MS = 1000;

/**
 * `reading`, or `fallback` when it fails for want of a database or takes longer than
 * SLOW_READ_MS (the read goes on, and refreshes the copy when it lands).
 */
async function withFallback<T>(reading: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([reading, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), SLOW_READ_MS)))]);
  } catch (err) {
    if (isConnectionError(err)) return fallback;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

export class PortalService {
  private cache: { at: number; portals: Portal[] } | undefined;
  private listReading: Promise<Portal[]> | undefined;
  private readonly sectionCache = new Map<number, { at: number; sections: Section[] }>();
  /** Announces changes to portals and sections, so caches of rendered pages can drop them. */
  readonly changes = new EventEmitter<{ change: [PortalChange] }>();

  constructor(
    private readonly store: Store,
    private readonly publicUrl: URL,
    private readonly clock: Clock = systemClock,
    /** a change made for someone (`ctx`) writes its audit row in the change's own transaction */
    private readonly audit?: AuditService,
  ) {}

  /** Public base URL of a portal: `<slug>.<public host>`, e.g. http://hanoi.localhost:3000. */
  portalUrl(slug: string): string {
    const u = this.publicUrl;
    return `${u.protocol}//${slug}.${u.host}`;
  }

  async create(input: NewPortal): Promise<Portal> {
    const errors: FieldError[] = [];
    if (!SLUG.test(input.slug ?? '')) errors.push({ path: '/slug', message: 'must be lower-case letters, digits and single hyphens' });
    errors.push(...checkPortalFields(input, true));
    if (errors.length) throw new ValidationError(errors);
    const languages = input.languages;
    const now = iso(this.clock());
    const portal = await this.store.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('portals').select('id').where('slug', '=', input.slug).executeTakeFirst()) {
        throw new ConflictError(`A portal with slug "${input.slug}" exists.`);
      }
      let parentId: number | null = null;
      if (input.parent) {
        const parent = await trx.selectFrom('portals').select('id').where('slug', '=', input.parent).executeTakeFirst();
        if (!parent) throw new ValidationError([{ path: '/parent', message: `no portal "${input.parent}"` }]);
        parentId = parent.id;
      }
      const row = await trx
        .insertInto('portals')
        .values({
          slug: input.slug,
          kind: input.kind,
          parent_id: parentId,
          names: JSON.stringify(pickLocalized(input.names)),
          languages: JSON.stringify(languages),
          contact: JSON.stringify(input.contact),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const host of input.hosts ?? []) {
        if (await trx.selectFrom('portal_hosts').select('host').where('host', '=', host).executeTakeFirst()) {
          throw new ConflictError(`Hostname ${host} already belongs to another portal.`);
        }
        await trx.insertInto('portal_hosts').values({ host, portal_id: row.id }).execute();
      }
      return row.id;
    });
    this.cache = undefined;
    this.changes.emit('change', { slug: input.slug });
    return (await this.byId(portal))!;
  }

  /**
   * All portals, cached briefly: they are read on every request and change rarely. While
   * the store is away the last list read is used, however old (every cached page needs it
   * to find its portal by Host); it is read again as soon as the store answers.
   */
  /** Whether the store holds any portal yet (read now, not from the cached list). */
  async any(): Promise<boolean> {
    return (await this.store.db.selectFrom('portals').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async list(): Promise<Portal[]> {
    const now = Date.now();
    if (this.cache && now - this.cache.at < CACHE_MS) return this.cache.portals;
    const kept = this.cache;
    if (kept && !this.store.health.reachable) return kept.portals;
    // nothing at hand (first read, or a change made here): read now, for this caller
    if (!kept) return this.readList(now);
    // a refresh: one at a time, requests arriving while it runs wait for the same one
    const reading = (this.listReading ??= this.readList(now).finally(() => (this.listReading = undefined)));
    // a list is at hand: a database that does not answer at once (a silent partition) does not hold every request
    reading.catch(() => {});
    return withFallback(reading, kept.portals);
  }

  private async readList(now: number): Promise<Portal[]> {
    const { db } = this.store;
    const [rows, hosts] = await Promise.all([db.selectFrom('portals').selectAll().orderBy('id').execute(), db.selectFrom('portal_hosts').selectAll().orderBy('host').execute()]);
    const slugById = new Map(rows.map((r) => [r.id, r.slug]));
    const portals = rows.map((r) =>
      this.toPortal(
        r,
        hosts.filter((h) => h.portal_id === r.id).map((h) => h.host),
        slugById,
      ),
    );
    this.cache = { at: now, portals };
    return portals;
  }

  /** Forgets the cached portals and sections (another process changed them). */
  invalidate(): void {
    // kept, expired, as the fallback for a store that is away
    if (this.cache) this.cache = { at: -Infinity, portals: this.cache.portals };
    for (const [id, hit] of this.sectionCache) this.sectionCache.set(id, { at: -Infinity, sections: hit.sections });
  }

  async bySlug(slug: string): Promise<Portal | undefined> {
    return (await this.list()).find((p) => p.slug === slug);
  }

  async byId(id: number): Promise<Portal | undefined> {
    return (await this.list()).find((p) => p.id === id);
  }

  async require(slug: string): Promise<Portal> {
    const p = await this.bySlug(slug);
    if (!p) throw new NotFoundError(`No portal "${slug}".`);
    return p;
  }

  /** The portal a request's Host header names: a registered hostname, or `<slug>.localhost`. */
  async byHost(hostHeader: string | undefined): Promise<Portal | undefined> {
    if (!hostHeader) return undefined;
    const host = hostHeader.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    const portals = await this.list();
    const registered = portals.find((p) => p.hosts.includes(host));
    if (registered) return registered;
    const publicHost = this.publicUrl.hostname.toLowerCase();
    for (const suffix of ['.localhost', publicHost === 'localhost' ? '' : `.${publicHost}`]) {
      if (suffix && host.endsWith(suffix)) {
        const slug = host.slice(0, -suffix.length);
        const p = portals.find((x) => x.slug === slug);
        if (p) return p;
      }
    }
    return undefined;
  }

  /** Changes a portal's settings: names, languages, kind, hostnames, contact and footer details. */
  async update(slug: string, patch: PortalPatch, ctx?: RequestContext): Promise<Portal> {
    const current = await this.require(slug);
    const contact = patch.contact ? { ...current.contact, ...patch.contact } : undefined;
    const errors = checkPortalFields({ ...patch, contact }, false);
    if (patch.branding !== undefined) errors.push(...checkBranding(patch.branding));
    if (errors.length) throw new ValidationError(errors);
    await this.store.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('portals')
        .set({
          ...(patch.names ? { names: JSON.stringify(pickLocalized(patch.names)) } : {}),
          ...(patch.languages ? { languages: JSON.stringify(patch.languages) } : {}),
          ...(patch.kind ? { kind: patch.kind } : {}),
          ...(contact ? { contact: JSON.stringify(contact) } : {}),
          ...(patch.branding ? { branding: JSON.stringify(cleanBranding(patch.branding)) } : {}),
          updated_at: iso(this.clock()),
        })
        .where('id', '=', current.id)
        .execute();
      if (patch.hosts) {
        for (const host of patch.hosts) {
          const owner = await trx.selectFrom('portal_hosts').select('portal_id').where('host', '=', host).executeTakeFirst();
          if (owner && owner.portal_id !== current.id) throw new ConflictError(`Hostname ${host} already belongs to another portal.`);
        }
        await trx.deleteFrom('portal_hosts').where('portal_id', '=', current.id).execute();
        for (const host of new Set(patch.hosts)) await trx.insertInto('portal_hosts').values({ host, portal_id: current.id }).execute();
      }
      if (ctx && this.audit) {
        // what an admin's save actually changed, as stored (names, contact, look), not every field the form sent
        const after = await trx.selectFrom('portals').select(['names', 'contact', 'branding']).where('id', '=', current.id).executeTakeFirstOrThrow();
        const before = { names: current.name, contact: current.contact, branding: current.branding };
        const stored = { names: JSON.parse(after.names) as unknown, contact: JSON.parse(after.contact) as unknown, branding: parseBranding(after.branding) };
        const changed = (['names', 'contact', 'branding'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(stored[k]));
        await this.audit.recordFor(ctx, 'portal-updated', `portal:${current.slug}`, { changed }, trx);
      }
    });
    this.cache = undefined;
    this.changes.emit('change', { slug: current.slug });
    return (await this.byId(current.id))!;
  }

  async updateSection(portal: Portal, slug: string, patch: SectionPatch, ctx?: RequestContext): Promise<Section> {
    const errors: FieldError[] = [];
    if (patch.names !== undefined) errors.push(...checkNames(patch.names, '/names'));
    if (patch.themeColor !== undefined && patch.themeColor !== null && !COLOR.test(patch.themeColor)) errors.push({ path: '/themeColor', message: 'must be a colour like #1a5fb4' });
    if (patch.menu !== undefined && (!Array.isArray(patch.menu) || patch.menu.some((m) => !m || typeof m.href !== 'string' || typeof m.label?.vi !== 'string'))) {
      errors.push({ path: '/menu', message: 'must be a list of {label: {vi, en?, zh?}, href}' });
    }
    if (patch.position !== undefined && (!Number.isInteger(patch.position) || Math.abs(patch.position) > 1_000_000)) errors.push({ path: '/position', message: 'must be a whole number' });
    if (patch.inMenu !== undefined && typeof patch.inMenu !== 'boolean') errors.push({ path: '/inMenu', message: 'must be true or false' });
    if (errors.length) throw new ValidationError(errors);
    // read fresh, not from the cache: the parent check below must see every section as it is now
    this.sectionCache.delete(portal.id);
    const all = await this.sections(portal.id);
    const section = all.find((s) => s.slug === slug);
    if (!section) throw new NotFoundError(`No section "${slug}" in ${portal.slug}.`);
    let parentId: number | null | undefined;
    if (patch.parent !== undefined) {
      if (patch.parent === null || patch.parent === '') parentId = null;
      else {
        const parent = all.find((s) => s.slug === patch.parent);
        if (!parent) throw new ValidationError([{ path: '/parent', message: `no section "${patch.parent}"` }]);
        // walking up from the new parent must never meet the section itself: no loops in the menu tree
        for (let p: Section | undefined = parent; p; p = p.parent ? all.find((s) => s.slug === p.parent) : undefined) {
          if (p.id === section.id) throw new ValidationError([{ path: '/parent', message: 'cannot be the section itself or one of its own sections' }]);
        }
        parentId = parent.id;
      }
    }
    await this.store.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('sections')
        .set({
          ...(patch.names ? { names: JSON.stringify(pickLocalized(patch.names)) } : {}),
          ...(parentId !== undefined ? { parent_id: parentId } : {}),
          ...(patch.inMenu !== undefined ? { in_menu: patch.inMenu ? 1 : 0 } : {}),
          ...(patch.description ? { description: JSON.stringify(patch.description) } : {}),
          ...(patch.themeColor !== undefined ? { theme_color: patch.themeColor } : {}),
          ...(patch.menu ? { menu: JSON.stringify(patch.menu) } : {}),
          ...(patch.position !== undefined ? { position: patch.position } : {}),
        })
        .where('id', '=', section.id)
        .execute();
      if (ctx && this.audit) {
        const row = await trx.selectFrom('sections').select(['slug', 'parent_id', 'position', 'in_menu']).where('id', '=', section.id).executeTakeFirstOrThrow();
        const parent = row.parent_id === null ? null : (all.find((s) => s.id === row.parent_id)?.slug ?? null);
        await this.audit.recordFor(ctx, 'section-updated', `section:${section.id}`, { slug: row.slug, parent, position: row.position, inMenu: row.in_menu === 1 }, trx);
      }
    });
    this.sectionCache.delete(portal.id);
    this.changes.emit('change', { slug: portal.slug });
    return (await this.sectionBySlug(portal.id, slug))!;
  }

  async createSection(portal: Portal, input: NewSection, ctx?: RequestContext): Promise<Section> {
    const errors: FieldError[] = [];
    if (!SLUG.test(input.slug ?? '')) errors.push({ path: '/slug', message: 'must be lower-case letters, digits and single hyphens' });
    if (input.kind && input.kind !== 'section' && input.kind !== 'subsite') errors.push({ path: '/kind', message: 'must be section or subsite' });
    errors.push(...checkNames(input.names, '/names'));
    if (input.themeColor !== undefined && !COLOR.test(input.themeColor)) errors.push({ path: '/themeColor', message: 'must be a colour like #1a5fb4' });
    if (errors.length) throw new ValidationError(errors);
    const { db } = this.store;
    const created = await db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('sections').select('id').where('portal_id', '=', portal.id).where('slug', '=', input.slug).executeTakeFirst()) {
        throw new ConflictError(`Section "${input.slug}" exists in ${portal.slug}.`);
      }
      let parentId: number | null = null;
      if (input.parent) {
        const parent = await trx.selectFrom('sections').select('id').where('portal_id', '=', portal.id).where('slug', '=', input.parent).executeTakeFirst();
        if (!parent) throw new ValidationError([{ path: '/parent', message: `no section "${input.parent}"` }]);
        parentId = parent.id;
      }
      const row = await trx
        .insertInto('sections')
        .values({
          portal_id: portal.id,
          parent_id: parentId,
          slug: input.slug,
          kind: input.kind ?? 'section',
          names: JSON.stringify(pickLocalized(input.names)),
          description: JSON.stringify(input.description ?? {}),
          theme_color: input.themeColor ?? null,
          menu: JSON.stringify(input.menu ?? []),
          position: input.position ?? 0,
          created_at: iso(this.clock()),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (ctx && this.audit) await this.audit.recordFor(ctx, 'section-created', `section:${row.id}`, { slug: row.slug, kind: row.kind }, trx);
      return toSection(row, input.parent ?? null);
    });
    this.sectionCache.delete(portal.id);
    this.changes.emit('change', { slug: portal.slug });
    return created;
  }

  /** A portal's sections in menu order, cached like the portals (every page reads them). */
  /** A section's slug, read through `db` — a caller's transaction may hold the one SQLite connection; null for none. */
  async sectionSlug(db: Kysely<Database> | Transaction<Database>, sectionId: number | null): Promise<string | null> {
    if (sectionId === null) return null;
    return (await db.selectFrom('sections').select('slug').where('id', '=', sectionId).executeTakeFirst())?.slug ?? null;
  }

  async sections(portalId: number): Promise<Section[]> {
    const now = Date.now();
    const hit = this.sectionCache.get(portalId);
    if (hit && (now - hit.at < CACHE_MS || !this.store.health.reachable)) return hit.sections;
    const reading = (async () => {
      const rows = await this.store.db.selectFrom('sections').selectAll().where('portal_id', '=', portalId).orderBy('position').orderBy('id').execute();
      const slugById = new Map(rows.map((r) => [r.id, r.slug]));
      const sections = rows.map((r) => toSection(r, r.parent_id === null ? null : (slugById.get(r.parent_id) ?? null)));
      this.sectionCache.set(portalId, { at: now, sections });
      return sections;
    })();
    if (!hit) return reading;
    // the store is away or silent: the sections last read, as for the portal list
    reading.catch(() => {});
    return withFallback(reading, hit.sections);
  }

  async sectionBySlug(portalId: number, slug: string): Promise<Section | undefined> {
    return (await this.sections(portalId)).find((s) => s.slug === slug);
  }

  private toPortal(r: Selectable<PortalTable>, hosts: string[], slugById: Map<number, string>): Portal {
    return {
      id: r.id,
      slug: r.slug,
      kind: r.kind as PortalKind,
      parent: r.parent_id === null ? null : (slugById.get(r.parent_id) ?? null),
      name: JSON.parse(r.names) as Portal['name'],
      languages: JSON.parse(r.languages) as Portal['languages'],
      hosts,
      contact: JSON.parse(r.contact) as Portal['contact'],
      branding: parseBranding(r.branding),
      url: this.portalUrl(r.slug),
    };
  }
}

function toSection(r: Selectable<SectionTable>, parent: string | null): Section {
  return {
    id: r.id,
    portalId: r.portal_id,
    slug: r.slug,
    kind: r.kind as Section['kind'],
    parent,
    name: JSON.parse(r.names) as Section['name'],
    description: JSON.parse(r.description) as Section['description'],
    themeColor: r.theme_color,
    menu: JSON.parse(r.menu) as Section['menu'],
    position: r.position,
    inMenu: r.in_menu !== 0,
  };
}

/** Checks the settable fields of a portal; `complete` when every field must be present (creation). */
function checkPortalFields(input: { kind?: string; names?: Record<string, string>; languages?: string[]; hosts?: string[]; contact?: Partial<PortalContact> }, complete: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if ((complete || input.kind !== undefined) && !(PORTAL_KINDS as readonly string[]).includes(input.kind ?? '')) errors.push({ path: '/kind', message: `must be one of ${PORTAL_KINDS.join(', ')}` });
  if (complete || input.languages !== undefined) {
    const languages = input.languages ?? [];
    if (!Array.isArray(languages) || !languages.includes('vi') || languages.some((l) => !isLang(l)) || new Set(languages).size !== languages.length) {
      errors.push({ path: '/languages', message: `must include vi and only ${LANGUAGES.join(', ')}, each once` });
    }
  }
  if (complete || input.names !== undefined) errors.push(...checkNames(input.names, '/names'));
  for (const [i, h] of (input.hosts ?? []).entries()) if (typeof h !== 'string' || !HOST.test(h)) errors.push({ path: `/hosts/${i}`, message: 'not a valid hostname' });
  if (complete || input.contact !== undefined) {
    for (const f of ['unit', 'responsible', 'address', 'phone', 'email'] as const) {
      if (typeof input.contact?.[f] !== 'string' || !input.contact[f].trim()) errors.push({ path: `/contact/${f}`, message: 'is required of a state portal' });
      else if (input.contact[f].length > 500) errors.push({ path: `/contact/${f}`, message: 'must be at most 500 characters' });
    }
    // the footer turns these into mailto: and tel: links (short hotlines such as 1022 are telephone numbers too)
    const { email, phone } = input.contact ?? {};
    if (typeof email === 'string' && email.trim() && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email.trim())) errors.push({ path: '/contact/email', message: 'must be an email address' });
    if (typeof phone === 'string' && phone.trim() && !/^[+(\d][\d .()\-/]{2,40}$/.test(phone.trim())) errors.push({ path: '/contact/phone', message: 'must be a telephone number' });
  }
  return errors;
}

const MEDIA_SRC = /^\/media\/[A-Za-z0-9._/-]{1,300}$/;

function checkBranding(b: PortalBranding): FieldError[] {
  const errors: FieldError[] = [];
  if (!b || typeof b !== 'object') return [{ path: '/branding', message: 'must be an object' }];
  for (const key of ['brandColor', 'tintColor'] as const) {
    if (b[key] !== undefined && (typeof b[key] !== 'string' || !COLOR.test(b[key]))) errors.push({ path: `/branding/${key}`, message: 'must be a colour like #1a5fb4' });
  }
  if (b.logo !== undefined) {
    const l = b.logo;
    // a logo is a picture of this deployment's library, never an outside address (no tracking pixel in every page)
    if (!l || typeof l.src !== 'string' || !MEDIA_SRC.test(l.src) || !Number.isSafeInteger(l.mediaId)) errors.push({ path: '/branding/logo', message: 'must be a picture from the media library' });
    else if (typeof l.alt !== 'string' || l.alt.length > 500) errors.push({ path: '/branding/logo/alt', message: 'must be a text of at most 500 characters' });
  }
  return errors;
}

function cleanBranding(b: PortalBranding): PortalBranding {
  const out: PortalBranding = {};
  if (b.brandColor) out.brandColor = b.brandColor.toLowerCase();
  if (b.tintColor) out.tintColor = b.tintColor.toLowerCase();
  if (b.logo) out.logo = { mediaId: b.logo.mediaId, src: b.logo.src, alt: b.logo.alt, width: b.logo.width ?? null, height: b.logo.height ?? null };
  return out;
}

function parseBranding(text: string | undefined): PortalBranding {
  try {
    const v = JSON.parse(text ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

function checkNames(names: Record<string, string> | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!names || typeof names.vi !== 'string' || !names.vi.trim()) errors.push({ path: `${path}/vi`, message: 'a Vietnamese name is required' });
  for (const [k, v] of Object.entries(names ?? {})) {
    if (!isLang(k)) errors.push({ path: `${path}/${k}`, message: 'unknown language' });
    else if (typeof v !== 'string') errors.push({ path: `${path}/${k}`, message: 'must be a string' });
  }
  return errors;
}

function pickLocalized(names: Record<string, string>): Localized {
  const out: Record<string, string> = {};
  for (const l of LANGUAGES) if (typeof names[l] === 'string' && names[l].trim()) out[l] = names[l].trim();
  return out as Localized;
}
