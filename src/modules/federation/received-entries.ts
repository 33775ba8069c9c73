import type { Selectable } from 'kysely';
import type { Portal } from '../portals/index.ts';
import { DomainError, ValidationError } from '../../lib/errors.ts';
import { iso } from '../../lib/time.ts';
import { InboxRejection } from './inbox.ts';
import { matchesFilter, type LogEntry } from './log.ts';
import type { FederationDeps } from './messenger.ts';
import { filterOf, type Policy } from './policy.ts';
import type { FedDB, FedTrx, SubscriptionTable } from './tables.ts';
import { lockForUpdate } from '../../store/index.ts';

// Applying an entry received from a source we subscribe to: in sequence
// order, together with the cursor and the record of what was received, in
// one transaction — so an entry is applied exactly once however often it is
// delivered, pushed or pulled. An entry that skips ahead is not applied: it
// queues a catch-up pull of the missing range.

type SubscriptionRow = Selectable<SubscriptionTable>;

export const CATCH_UP_TOPIC = 'federation.catch-up';

/** The most entries one push may carry (and the most refusals one report may list). */
export const MAX_PUSHED_ENTRIES = 200;

export interface ApplyResult {
  outcome: 'applied' | 'skipped' | 'rejected';
  itemId: number | null;
  /** why an authentic entry was not taken in (its item is not valid here) */
  rejection?: EntryRejection;
}

/** An entry the subscriber recorded as refused and went past; the source hears of it. */
export interface EntryRejection {
  sequence: number;
  reason: string;
  detail: string;
  errors?: unknown;
}

export class ReceivedEntries {
  private readonly db: FedDB;

  constructor(private readonly d: FederationDeps) {
    this.db = d.store.db;
  }

  private now(): string {
    return iso(this.d.clock());
  }

  async cursorOf(subscriptionId: number): Promise<number> {
    const row = await this.db.selectFrom('federation_subscriptions').select('cursor').where('id', '=', subscriptionId).executeTakeFirst();
    return Number(row?.cursor ?? 0);
  }

  /**
   * Applies one entry if it is the next for the subscription: in one
   * transaction with the cursor and the message-log row, so it happens once.
   * `previous` (pushes): the sequence the source sent before; absent for pulls,
   * which read every entry and so see none missing.
   */
  async applyInOrder(subscriptionId: number, entry: LogEntry, via: 'push' | 'pull', previous?: number): Promise<ApplyResult | 'replayed' | 'gap'> {
    // assigned inside the transaction's callback, which the compiler does not follow
    let sanitizedItem = null as number | null;
    let rejected: EntryRejection | undefined;
    let committed: (() => void) | undefined;
    const owner = await this.db.selectFrom('federation_subscriptions').select('portal_id').where('id', '=', subscriptionId).executeTakeFirst();
    const portal = owner ? await this.d.portals.byId(owner.portal_id) : undefined;
    if (!portal) return 'replayed';
    const result = await this.db.transaction().execute(async (trx) => {
      const sub = await this.lockSubscription(trx, subscriptionId);
      if (!sub || sub.status !== 'active') return 'replayed' as const;
      const cursor = Number(sub.cursor);
      const seq = entry.header.sequence;
      if (seq <= cursor) return 'replayed' as const;
      if (previous !== undefined && previous > cursor) {
        await this.d.outbox.enqueue(trx, CATCH_UP_TOPIC, { subscriptionId });
        return 'gap' as const;
      }
      let applied: Awaited<ReturnType<ReceivedEntries['apply']>>;
      try {
        applied = await this.apply(trx, sub, portal, entry);
      } catch (err) {
        // An authentic entry that is not a valid item here (too deep, an unknown type, a bad field)
        // would block every later one, pushed or pulled: it is recorded as refused, the cursor
        // goes past it, and the source is told.
        if (!(err instanceof InboxRejection) || err.reason !== 'invalid-item') throw err;
        rejected = { sequence: seq, reason: err.reason, detail: err.message.slice(0, 1000), ...(err.extra.errors ? { errors: err.extra.errors } : {}) };
        applied = { outcome: 'rejected', itemId: null, sanitized: false };
      }
      if (applied.sanitized) sanitizedItem = applied.itemId;
      committed = applied.committed;
      const now = this.now();
      await trx
        .insertInto('federation_received')
        .values({
          subscription_id: sub.id,
          sequence: seq,
          action: entry.header.action,
          origin_item_id: entry.header.item,
          digest: entry.header.digest,
          signature: entry.signature,
          key_id: entry.keyId,
          item_id: applied.itemId,
          outcome: applied.outcome,
          via,
          received_at: now,
        })
        .execute();
      await trx.updateTable('federation_subscriptions').set({ cursor: seq, last_contact_at: now, last_error: null, updated_at: now }).where('id', '=', sub.id).execute();
      return { outcome: applied.outcome, itemId: applied.itemId, ...(rejected ? { rejection: rejected } : {}) };
    });
    committed?.();
    if (rejected) {
      await this.d.audit.record({ portalId: portal.id, action: 'federation-rejected', actor: entry.header.portal, target: `log:${entry.header.sequence}`, detail: { ...rejected, via }, ip: '' });
      // a push carries the refusal back in its answer; a pulled entry's source hears it in a message of its own
      if (via === 'pull') void this.reportRejection(portal, subscriptionId, rejected);
    }
    if (sanitizedItem !== null) {
      await this.d.audit.record({
        portalId: portal.id,
        action: 'federation-sanitized',
        actor: entry.header.portal,
        target: `item:${sanitizedItem}`,
        detail: { sequence: entry.header.sequence, digest: entry.header.digest, note: 'markup outside the allow-list (e.g. scripts) was removed from the received body' },
        ip: '',
      });
    }
    return result;
  }

  private async lockSubscription(trx: FedTrx, id: number): Promise<SubscriptionRow | undefined> {
    return lockForUpdate(this.d.store, trx.selectFrom('federation_subscriptions').selectAll().where('id', '=', id)).executeTakeFirst();
  }

  /** Writes one entry's effect on the local copy. */
  private async apply(trx: FedTrx, sub: SubscriptionRow, portal: Portal, entry: LogEntry): Promise<ApplyResult & { sanitized: boolean; committed?: () => void }> {
    const { header, item } = entry;
    const policy = JSON.parse(sub.policy) as Policy;
    const wanted = matchesFilter(filterOf(policy), header) && portal.languages.includes(header.lang as never);
    const mirror = await trx.selectFrom('federation_mirrors').select('item_id').where('portal_id', '=', portal.id).where('origin_url', '=', sub.source_url).where('origin_item_id', '=', header.item).executeTakeFirst();
    // a copy we hold keeps following its origin even if the policy would no longer take it
    if (!mirror && (!wanted || header.action === 'unpublish')) return { outcome: 'skipped', itemId: null, sanitized: false };
    // inside the transaction only: on SQLite a read outside it would wait for this very transaction
    const current = mirror ? await this.d.content.mirrorState(trx, mirror.item_id) : undefined;
    const previousOrigin = (current?.origin ?? {}) as { withdrawnAtOrigin?: boolean };
    let status: 'published' | 'submitted' | 'unpublished' | 'keep';
    let withdrawnAtOrigin = false;
    if (header.action === 'unpublish') {
      status = current && current.status !== 'unpublished' ? 'unpublished' : 'keep';
      // remembered only when the origin took it down here: a local takedown stays local
      withdrawnAtOrigin = status === 'unpublished' || !!previousOrigin.withdrawnAtOrigin;
    } else if (!current) status = policy.mode === 'publish' ? 'published' : 'submitted';
    else if (current.status === 'unpublished' && previousOrigin.withdrawnAtOrigin) status = policy.mode === 'publish' ? 'published' : 'submitted';
    else status = 'keep';
    let translationOf: number | undefined;
    const siblings = Object.values(item.translations);
    if (!mirror && siblings.length) {
      const local = await trx.selectFrom('federation_mirrors').select('item_id').where('portal_id', '=', portal.id).where('origin_url', '=', sub.source_url).where('origin_item_id', 'in', siblings).limit(1).executeTakeFirst();
      translationOf = local?.item_id;
    }
    const sourceName = JSON.parse(sub.source_name) as Record<string, string>;
    // a source's dates sort its copies among ours: none may lie ahead of the moment it reached us (an item dated 2099 would lead the home page for good)
    const received = this.now();
    let written;
    try {
      written = await this.d.content.writeMirror(trx, {
        portal,
        itemId: mirror?.item_id ?? null,
        type: item.type,
        lang: item.lang,
        title: item.title,
        summary: item.summary,
        body: item.body,
        tags: item.tags,
        meta: item.meta,
        section: policy.section ?? item.section,
        slug: item.slug,
        origin: {
          via: 'subscription',
          portal: sub.source_slug,
          portalName: sourceName,
          portalUrl: sub.source_url,
          url: item.url,
          item: item.id,
          sequence: header.sequence,
          version: header.version,
          digest: header.digest,
          signature: entry.signature,
          keyId: entry.keyId,
          receivedAt: received,
          ...(withdrawnAtOrigin ? { withdrawnAtOrigin: true } : {}),
        },
        status,
        unpublish: header.unpublished,
        changeNote: header.action === 'update' ? (header.changeNote ?? { note: '', minor: true }) : undefined,
        translationOf,
        times: { publishedAt: notAfter(item.publishedAt, received), firstPublishedAt: notAfter(item.firstPublishedAt, received), publicUpdatedAt: notAfter(item.publicUpdatedAt, received) },
        note: `${header.action} from ${sub.source_slug} (log #${header.sequence})`,
      });
    } catch (err) {
      // any refusal of the content module (invalid fields, a body past its limits) is the item's, not the transport's
      if (err instanceof ValidationError) throw new InboxRejection(422, 'invalid-item', err.message, { errors: err.errors });
      if (err instanceof DomainError && (err.status === 422 || err.status === 413)) throw new InboxRejection(422, 'invalid-item', err.message);
      throw err;
    }
    if (!mirror) await trx.insertInto('federation_mirrors').values({ portal_id: portal.id, origin_url: sub.source_url, origin_item_id: header.item, item_id: written.id }).execute();
    return { outcome: 'applied', itemId: written.id, sanitized: written.sanitized, committed: written.committed };
  }

  /** Tells a source that one of its pulled entries was refused here (best effort: the audit log here has it anyway). */
  private async reportRejection(portal: Portal, subscriptionId: number, rejection: EntryRejection): Promise<void> {
    try {
      const sub = await this.db.selectFrom('federation_subscriptions').selectAll().where('id', '=', subscriptionId).executeTakeFirstOrThrow();
      await this.d.messenger.send(portal, sub.inbox_url, { type: 'entry-rejected', from: portal.url, to: sub.source_url, rejected: [rejection] }, 10_000);
    } catch (err) {
      this.d.logger.info({ err: (err as Error).message, subscription: subscriptionId }, 'could not tell the source of a refused entry');
    }
  }
}

/** A peer's timestamp, or `limit` when it is later (both ISO 8601 in UTC). */
function notAfter(time: string | null, limit: string): string | null {
  return time !== null && Date.parse(time) > Date.parse(limit) ? limit : time;
}
