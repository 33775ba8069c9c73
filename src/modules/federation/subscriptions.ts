import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { iso } from '../../lib/time.ts';
import type { Portal } from '../portals/index.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { checkContentDigest } from './canonical.ts';
import { request, OutgoingHttpError } from './http.ts';
import { InboxRejection, FRESHNESS_SECONDS, type VerifiedMessage } from './inbox.ts';
import { matchesFilter, type LogEntry, type LogFilter } from './log.ts';
import { checkEntry, describeFailure, type FederationDeps } from './messenger.ts';
import { PeerError, portalOrigin } from './peers.ts';
import { checkFilter, checkPolicy, filterOf, type Policy } from './policy.ts';
import { parseSignatureHeaders, RESPONSE_COMPONENTS, signatureBase, verifyEd25519 } from './signatures.ts';
import { type FedDB, type FedTrx, type SubscriberTable, type SubscriptionTable } from './tables.ts';
import { lockForUpdate } from '../../store/index.ts';

// Subscriptions, from both ends.
//
// Subscriber side: an operator subscribes a local portal to a source by URL.
// We pin the source's keys, ask it to subscribe us (a signed `subscribe`),
// and it confirms our intent with a challenge to our inbox (WebSub style).
// Entries then arrive by push; each is verified and applied in sequence
// order, together with the cursor, in one transaction — so an entry is
// applied exactly once however often it is delivered. A push that skips
// ahead triggers a pull of the missing range from the source's log; a timer
// pulls every subscription as well, so a portal that was down catches up.
//
// Source side: the accepted subscribers, and the fan-out of each log entry
// to those whose filter it matches, with per-subscriber retries.

export const SUBSCRIBE_TOPIC = 'federation.subscribe';
export const CATCH_UP_TOPIC = 'federation.catch-up';

const PULL_PAGE = 100;
const MAX_PUSHED_ENTRIES = 200;
const PULL_MAX_BYTES = 32 * 1024 * 1024;

type SubscriptionRow = Selectable<SubscriptionTable>;
type SubscriberRow = Selectable<SubscriberTable>;

export interface SubscriptionView {
  id: number;
  portal: string;
  source: string;
  sourceSlug: string;
  sourceName: Record<string, string>;
  sourceKind: string;
  policy: Policy;
  status: 'pending' | 'active' | 'removed';
  cursor: number;
  createdAt: string;
  lastContactAt: string | null;
  lastPullAt: string | null;
  lastError: string | null;
}

export interface SubscriberView {
  id: number;
  portal: string;
  subscriber: string;
  filter: LogFilter;
  /** pending: waits for an admin's approval (when the portal asks for one); approved: active at its next request */
  status: 'pending' | 'approved' | 'active' | 'ended' | 'rejected';
  startSequence: number;
  /** how far the subscriber has our log, as it last told us */
  deliveredSequence: number;
  createdAt: string;
  verifiedAt: string | null;
  lastContactAt: string | null;
  lastError: string | null;
}

export interface FederationPortalSettings {
  /** a new subscriber waits for an admin's approval before anything is pushed to it */
  subscribersNeedApproval: boolean;
}

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

export class Subscriptions {
  private readonly db: FedDB;
  /** pulls running in this process, and whether another was asked for meanwhile */
  private readonly pulls = new Map<number, { promise: Promise<number>; again: boolean }>();

  constructor(private readonly d: FederationDeps) {
    this.db = d.store.db;
  }

  private now(): string {
    return iso(this.d.clock());
  }

  // ================= subscriber side =================

  async subscribe(ctx: RequestContext, portal: Portal, input: { source: unknown; policy: unknown }): Promise<SubscriptionView> {
    const policy = checkPolicy(input.policy ?? { mode: 'publish' });
    if (policy.section && !(await this.d.portals.sectionBySlug(portal.id, policy.section))) {
      throw new ValidationError([{ path: '/policy/section', message: `no section "${policy.section}" in ${portal.slug}` }]);
    }
    if (policy.languages?.some((l) => !portal.languages.includes(l))) {
      throw new ValidationError([{ path: '/policy/languages', message: `${portal.slug} publishes in ${portal.languages.join(', ')} only` }]);
    }
    let source: string;
    try {
      source = portalOrigin(String(input.source ?? ''));
    } catch (err) {
      throw new ValidationError([{ path: '/source', message: (err as Error).message }]);
    }
    if (source === portal.url) throw new ValidationError([{ path: '/source', message: 'a portal cannot subscribe to itself' }]);
    const existing = await this.db.selectFrom('federation_subscriptions').select(['id', 'status']).where('portal_id', '=', portal.id).where('source_url', '=', source).where('status', '!=', 'removed').executeTakeFirst();
    if (existing) throw new ConflictError(`${portal.slug} already subscribes to ${source} (subscription ${existing.id}, ${existing.status}).`, { existing: existing.id });
    let identity;
    try {
      identity = await this.d.peers.fetchIdentity(source);
    } catch (err) {
      throw new ValidationError([{ path: '/source', message: (err as PeerError).message }]);
    }
    const now = this.now();
    const id = await this.db.transaction().execute(async (trx) => {
      await this.d.peers.pin(trx, source, identity.keys, 'subscription');
      const row = await trx
        .insertInto('federation_subscriptions')
        .values({
          portal_id: portal.id,
          source_url: source,
          source_slug: identity.slug,
          source_name: JSON.stringify(identity.name),
          source_kind: identity.kind,
          inbox_url: identity.endpoints.inbox,
          log_url: identity.endpoints.log,
          policy: JSON.stringify(policy),
          status: 'pending',
          cursor: 0,
          created_at: now,
          updated_at: now,
          last_contact_at: null,
          last_pull_at: null,
          last_error: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // should the handshake below fail (source down), the outbox tries again with backoff
      await this.d.outbox.enqueue(trx, SUBSCRIBE_TOPIC, { subscriptionId: row.id }, { runAfter: new Date(Date.now() + 5_000), maxAttempts: 20 });
      await this.d.audit.recordFor(ctx, 'federation-subscription', `subscription:${row.id}`, { source, status: 'pending', policy }, trx);
      return row.id;
    });
    await this.handshake(id, false).catch((err) => this.d.logger.warn({ err: (err as Error).message, subscription: id }, 'subscription handshake failed; will retry'));
    return this.view(await this.row(id));
  }

  /** How long a subscription the source has yet to approve waits before asking again. */
  pendingRecheckMs = 60_000;

  /**
   * Asks the source to subscribe us; the source verifies our intent before
   * answering. A source that wants its admin to approve new subscribers says
   * `pending`: then the job asks again later (`recheck`), until it is active.
   */
  async handshake(subscriptionId: number, recheck = true): Promise<void> {
    const sub = await this.db.selectFrom('federation_subscriptions').selectAll().where('id', '=', subscriptionId).executeTakeFirst();
    if (!sub || sub.status !== 'pending') return;
    const portal = await this.d.portals.byId(sub.portal_id);
    if (!portal) return;
    const policy = JSON.parse(sub.policy) as Policy;
    const message = { type: 'subscribe', from: portal.url, to: sub.source_url, filter: filterOf(policy), inbox: `${portal.url}/federation/v1/inbox` };
    let failure: string;
    try {
      const res = await this.d.messenger.send(portal, sub.inbox_url, message, 20_000);
      if (res.status === 202 && problemlessStatus(res) === 'pending') {
        await this.db.updateTable('federation_subscriptions').set({ last_error: "waiting for the source's admin to approve the subscription", last_contact_at: this.now(), updated_at: this.now() }).where('id', '=', sub.id).execute();
        if (recheck) await this.d.outbox.enqueue(this.d.store.db, SUBSCRIBE_TOPIC, { subscriptionId: sub.id }, { runAfter: new Date(this.d.clock().getTime() + this.pendingRecheckMs), maxAttempts: 20 });
        return;
      }
      if (res.status === 201 || res.status === 200) {
        const body = res.json<{ id?: number; status?: string; head?: number }>();
        const head = Number(body.head);
        if (body.status !== 'active' || !Number.isInteger(head) || head < 0) throw new Error(`unexpected answer: ${res.body.toString('utf8').slice(0, 200)}`);
        await this.db
          .updateTable('federation_subscriptions')
          .set({ status: 'active', cursor: head, updated_at: this.now(), last_contact_at: this.now(), last_error: null })
          .where('id', '=', sub.id)
          .where('status', '=', 'pending')
          .execute();
        return;
      }
      failure = `the source refused: ${describeFailure(res)}`;
    } catch (err) {
      failure = (err as Error).message;
    }
    await this.db.updateTable('federation_subscriptions').set({ last_error: failure.slice(0, 1000), updated_at: this.now() }).where('id', '=', sub.id).execute();
    throw new Error(failure);
  }

  async list(portal: Portal): Promise<SubscriptionView[]> {
    const rows = await this.db.selectFrom('federation_subscriptions').selectAll().where('portal_id', '=', portal.id).where('status', '!=', 'removed').orderBy('id').execute();
    return Promise.all(rows.map((r) => this.view(r)));
  }

  async listAll(): Promise<SubscriptionView[]> {
    const rows = await this.db.selectFrom('federation_subscriptions').selectAll().where('status', '!=', 'removed').orderBy('portal_id').orderBy('id').execute();
    return Promise.all(rows.map((r) => this.view(r)));
  }

  async get(portal: Portal, id: number): Promise<SubscriptionView> {
    const row = await this.db.selectFrom('federation_subscriptions').selectAll().where('id', '=', id).where('portal_id', '=', portal.id).where('status', '!=', 'removed').executeTakeFirst();
    if (!row) throw new NotFoundError(`No subscription ${id} in ${portal.slug}.`);
    return this.view(row);
  }

  /** Stops following a source. Copies already received stay (with their provenance). */
  async remove(ctx: RequestContext, portal: Portal, id: number): Promise<void> {
    const row = await this.db.selectFrom('federation_subscriptions').selectAll().where('id', '=', id).where('portal_id', '=', portal.id).where('status', '!=', 'removed').executeTakeFirst();
    if (!row) throw new NotFoundError(`No subscription ${id} in ${portal.slug}.`);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('federation_subscriptions').set({ status: 'removed', updated_at: this.now() }).where('id', '=', id).execute();
      await this.d.audit.recordFor(ctx, 'federation-subscription', `subscription:${id}`, { removed: true }, trx);
    });
    // best effort: a source that does not hear this learns it from a 410 on its next push
    try {
      await this.d.messenger.send(portal, row.inbox_url, { type: 'unsubscribe', from: portal.url, to: row.source_url }, 5_000);
    } catch (err) {
      this.d.logger.info({ err: (err as Error).message, subscription: id }, 'unsubscribe notice not delivered; the source will learn on its next push');
    }
  }

  private async row(id: number): Promise<SubscriptionRow> {
    return this.db.selectFrom('federation_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  private async view(r: SubscriptionRow): Promise<SubscriptionView> {
    const portal = await this.d.portals.byId(r.portal_id);
    return {
      id: r.id,
      portal: portal?.slug ?? String(r.portal_id),
      source: r.source_url,
      sourceSlug: r.source_slug,
      sourceName: JSON.parse(r.source_name),
      sourceKind: r.source_kind,
      policy: JSON.parse(r.policy),
      status: r.status as SubscriptionView['status'],
      cursor: Number(r.cursor),
      createdAt: r.created_at,
      lastContactAt: r.last_contact_at,
      lastPullAt: r.last_pull_at,
      lastError: r.last_error,
    };
  }

  /** Whether a local item is a copy received through a subscription. */
  async isMirror(itemId: number): Promise<boolean> {
    return !!(await this.db.selectFrom('federation_mirrors').select('item_id').where('item_id', '=', itemId).limit(1).executeTakeFirst());
  }

  /** Whether `from` is a source `portal` subscribed to (now or before). */
  async isSource(portal: Portal, from: string): Promise<boolean> {
    return !!(await this.db.selectFrom('federation_subscriptions').select('id').where('portal_id', '=', portal.id).where('source_url', '=', from).limit(1).executeTakeFirst());
  }

  /** Whether `from` subscribes to `portal`. */
  async isSubscriber(portal: Portal, from: string): Promise<boolean> {
    return !!(await this.db.selectFrom('federation_subscribers').select('id').where('portal_id', '=', portal.id).where('subscriber_url', '=', from).executeTakeFirst());
  }

  /** The source checks that we asked for the subscription (WebSub's intent verification). */
  async onVerify(v: VerifiedMessage): Promise<{ challenge: string }> {
    const challenge = v.message.challenge;
    if (typeof challenge !== 'string' || challenge.length < 16 || challenge.length > 200) throw new InboxRejection(422, 'malformed-message', 'A verify message carries a challenge of 16 to 200 characters.');
    const sub = await this.db.selectFrom('federation_subscriptions').select(['id', 'status']).where('portal_id', '=', v.portal.id).where('source_url', '=', v.from).where('status', 'in', ['pending', 'active']).executeTakeFirst();
    if (!sub) throw new InboxRejection(404, 'no-subscription', `${v.portal.slug} has not asked to subscribe to ${v.from}.`);
    return { challenge };
  }

  /**
   * Pushed entries (`entry`, or a batch in `entries`), applied in order.
   * Answers applied (200), gap (202: a pull is on its way) or replayed (409:
   * we had them all), each with our cursor, so the source knows where we stand.
   */
  async onEntry(v: VerifiedMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const sub = await this.db.selectFrom('federation_subscriptions').selectAll().where('portal_id', '=', v.portal.id).where('source_url', '=', v.from).orderBy('id', 'desc').executeTakeFirst();
    if (!sub) throw new InboxRejection(403, 'not-a-member', `${v.portal.slug} does not subscribe to ${v.from}.`);
    if (sub.status === 'removed') throw new InboxRejection(410, 'unsubscribed', `${v.portal.slug} no longer subscribes to ${v.from}.`);
    // the source activated us but our handshake has not recorded its starting point yet
    if (sub.status === 'pending') throw new InboxRejection(503, 'not-ready', 'The subscription is still being set up here; retry in a second.', { retryAfter: 1 });
    const previous = v.message.previous;
    if (!Number.isSafeInteger(previous) || (previous as number) < 0) throw new InboxRejection(422, 'malformed-message', 'Entries come with `previous`, the sequence of the entry sent before them.');
    const raw = v.message.type === 'entries' ? v.message.entries : [v.message.entry];
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_PUSHED_ENTRIES) throw new InboxRejection(422, 'malformed-message', `\`entries\` holds 1 to ${MAX_PUSHED_ENTRIES} log entries.`);
    const entries: LogEntry[] = [];
    for (const r of raw) entries.push(await checkEntry(r, v.from, this.d.peers));
    let prev = previous as number;
    for (const e of entries) {
      if (e.header.sequence <= prev) throw new InboxRejection(422, 'malformed-message', 'Entries must come in rising sequence order, after `previous`.');
      prev = e.header.sequence;
    }
    let applied = 0;
    let replayed = 0;
    let last: ApplyResult | undefined;
    const rejected: EntryRejection[] = [];
    prev = previous as number;
    for (const entry of entries) {
      let result;
      try {
        result = await this.applyInOrder(sub.id, entry, 'push', prev);
      } catch (err) {
        // what came before the bad entry is in; say how far, so the source resumes there
        if (err instanceof InboxRejection) Object.assign(err.extra, { cursor: await this.cursorOf(sub.id) });
        throw err;
      }
      prev = entry.header.sequence;
      if (result === 'replayed') replayed++;
      else if (result === 'gap') {
        this.pullSoon(sub.id);
        return { status: 202, body: { status: 'gap', applied, cursor: await this.cursorOf(sub.id) } };
      } else {
        applied++;
        last = result;
        if (result.rejection) rejected.push(result.rejection);
      }
    }
    const cursor = await this.cursorOf(sub.id);
    if (applied === 0 && replayed > 0) {
      const seqs = entries.map((e) => e.header.sequence);
      throw new InboxRejection(409, 'replayed', `Entr${seqs.length === 1 ? `y ${seqs[0]}` : `ies ${seqs[0]}–${seqs[seqs.length - 1]}`} of ${v.from} ${seqs.length === 1 ? 'was' : 'were'} already received here.`, { sequence: seqs[seqs.length - 1], cursor });
    }
    return {
      status: 200,
      body: { status: last?.outcome ?? 'applied', applied, cursor, sequence: entries[entries.length - 1].header.sequence, item: last?.itemId ?? null, ...(rejected.length ? { rejected } : {}) },
    };
  }

  private async cursorOf(subscriptionId: number): Promise<number> {
    const row = await this.db.selectFrom('federation_subscriptions').select('cursor').where('id', '=', subscriptionId).executeTakeFirst();
    return Number(row?.cursor ?? 0);
  }

  /**
   * Applies one entry if it is the next for the subscription: in one
   * transaction with the cursor and the message-log row, so it happens once.
   * `previous` (pushes): the sequence the source sent before; absent for pulls,
   * which read every entry and so see none missing.
   */
  private async applyInOrder(subscriptionId: number, entry: LogEntry, via: 'push' | 'pull', previous?: number): Promise<ApplyResult | 'replayed' | 'gap'> {
    let sanitizedItem: number | null = null;
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
      let applied: Awaited<ReturnType<Subscriptions['apply']>>;
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
    const mirror = await trx
      .selectFrom('federation_mirrors')
      .select('item_id')
      .where('portal_id', '=', portal.id)
      .where('origin_url', '=', sub.source_url)
      .where('origin_item_id', '=', header.item)
      .executeTakeFirst();
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
      const local = await trx
        .selectFrom('federation_mirrors')
        .select('item_id')
        .where('portal_id', '=', portal.id)
        .where('origin_url', '=', sub.source_url)
        .where('origin_item_id', 'in', siblings)
        .limit(1)
        .executeTakeFirst();
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
      const sub = await this.row(subscriptionId);
      await this.d.messenger.send(portal, sub.inbox_url, { type: 'entry-rejected', from: portal.url, to: sub.source_url, rejected: [rejection] }, 10_000);
    } catch (err) {
      this.d.logger.info({ err: (err as Error).message, subscription: subscriptionId }, 'could not tell the source of a refused entry');
    }
  }

  /** Starts a pull soon without waiting for it (a gap seen by the inbox). */
  private pullSoon(subscriptionId: number): void {
    // the queued catch-up job is the durable path; this only saves its polling delay when this process runs pulls
    setImmediate(() => void this.pull(subscriptionId).catch(() => {}));
  }

  /**
   * Pulls the source's log from the cursor and applies what it finds, page by
   * page. Returns how many entries were taken in. Concurrent calls for one
   * subscription share a run (and ask it to look once more at the end).
   */
  async pull(subscriptionId: number): Promise<number> {
    const running = this.pulls.get(subscriptionId);
    if (running) {
      running.again = true;
      return running.promise;
    }
    const state = { promise: Promise.resolve(0), again: false };
    state.promise = (async () => {
      let total = 0;
      try {
        do {
          state.again = false;
          total += await this.pullOnce(subscriptionId);
        } while (state.again);
      } finally {
        this.pulls.delete(subscriptionId);
      }
      return total;
    })();
    this.pulls.set(subscriptionId, state);
    return state.promise;
  }

  private async pullOnce(subscriptionId: number): Promise<number> {
    let taken = 0;
    for (let page = 0; page < 1000; page++) {
      const sub = await this.db.selectFrom('federation_subscriptions').selectAll().where('id', '=', subscriptionId).executeTakeFirst();
      if (!sub || sub.status !== 'active') return taken;
      let entries: unknown[];
      let head: number;
      try {
        ({ entries, head } = await this.fetchLog(sub));
      } catch (err) {
        const message = err instanceof InboxRejection || err instanceof OutgoingHttpError || err instanceof PeerError ? err.message : `log unreadable: ${(err as Error).message}`;
        await this.db.updateTable('federation_subscriptions').set({ last_error: message.slice(0, 1000), last_pull_at: this.now() }).where('id', '=', sub.id).execute();
        throw err;
      }
      for (const raw of entries) {
        let entry: LogEntry;
        try {
          entry = await checkEntry(raw, sub.source_url, this.d.peers);
        } catch (err) {
          // a tampered or broken entry stops the pull here: skipping it would lose it for good
          await this.db.updateTable('federation_subscriptions').set({ last_error: `log entry rejected: ${(err as Error).message}`.slice(0, 1000), last_pull_at: this.now() }).where('id', '=', sub.id).execute();
          throw err;
        }
        const result = await this.applyInOrder(sub.id, entry, 'pull');
        if (result !== 'replayed' && result !== 'gap') taken++;
      }
      const now = this.now();
      await this.db.updateTable('federation_subscriptions').set({ last_pull_at: now, last_contact_at: now }).where('id', '=', sub.id).execute();
      const after = await this.db.selectFrom('federation_subscriptions').select('cursor').where('id', '=', sub.id).executeTakeFirst();
      if (entries.length === 0 || Number(after?.cursor ?? 0) >= head) return taken;
    }
    return taken;
  }

  /** One page of the source's log after our cursor, with the response signature checked. */
  private async fetchLog(sub: SubscriptionRow): Promise<{ entries: unknown[]; head: number }> {
    const url = `${sub.log_url}?after=${Number(sub.cursor)}&limit=${PULL_PAGE}`;
    const res = await request({ url, timeoutMs: 30_000, maxBytes: PULL_MAX_BYTES, policy: this.d.outbound });
    if (res.status !== 200) throw new InboxRejection(502, 'log-unavailable', `${url} answered ${describeFailure(res)}`);
    let sig;
    try {
      sig = parseSignatureHeaders(res.headers['signature-input'], res.headers.signature);
    } catch (err) {
      throw new InboxRejection(502, 'unsigned-log', `${url}: ${(err as Error).message}`);
    }
    for (const c of RESPONSE_COMPONENTS) if (!sig.components.includes(c)) throw new InboxRejection(502, 'unsigned-log', `${url}: the signature does not cover ${c}`);
    if (checkContentDigest(res.headers['content-digest'], res.body) !== 'ok') throw new InboxRejection(502, 'digest-mismatch', `${url}: the Content-Digest does not match the body`);
    const now = Math.floor(this.d.clock().getTime() / 1000);
    if (sig.params.created === undefined || Math.abs(now - sig.params.created) > FRESHNESS_SECONDS) throw new InboxRejection(502, 'expired', `${url}: the response signature is not fresh`);
    const keyId = sig.params.keyid ?? '';
    let key = await this.d.peers.resolve(keyId);
    if (!key) key = await this.d.peers.followRotation(sub.source_url, keyId);
    if (!key || key.peerUrl !== sub.source_url) throw new InboxRejection(502, 'unknown-key', `${url}: signed with ${keyId}, which is not pinned for ${sub.source_url}`);
    if (key.expiresAt && key.expiresAt <= this.now()) throw new InboxRejection(502, 'key-expired', `${url}: key ${keyId} was retired at ${key.expiresAt}`);
    const values: Record<string, string | undefined> = { '@status': String(res.status), 'content-digest': res.headers['content-digest'] };
    if (!verifyEd25519(key.publicKey, signatureBase(sig.components, (c) => values[c], sig.paramsText), sig.signature)) {
      throw new InboxRejection(502, 'bad-signature', `${url}: the response signature does not verify`);
    }
    const body = res.json<{ entries?: unknown; head?: unknown }>();
    if (!Array.isArray(body.entries) || !Number.isInteger(body.head)) throw new InboxRejection(502, 'malformed-log', `${url}: not a Lantoa log page`);
    return { entries: body.entries, head: body.head as number };
  }

  /** Pulls every active subscription of this deployment (the catch-up timer). */
  async pollAll(): Promise<{ subscriptions: number; taken: number; failed: number }> {
    const subs = await this.db.selectFrom('federation_subscriptions').select('id').where('status', '=', 'active').orderBy('id').execute();
    let taken = 0;
    let failed = 0;
    let next = 0;
    const worker = async () => {
      while (next < subs.length) {
        const { id } = subs[next++];
        try {
          taken += await this.pull(id);
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, subs.length) }, worker));
    return { subscriptions: subs.length, taken, failed };
  }

  // ================= source side =================

  /** A portal asks to receive our pushes. We check it meant it (challenge), then record it. */
  async onSubscribe(v: VerifiedMessage): Promise<{ id: number; status: 'active'; head: number } | { id: number; status: 'pending' }> {
    let filter: LogFilter;
    try {
      filter = checkFilter(v.message.filter);
    } catch (err) {
      throw new InboxRejection(422, 'malformed-message', (err as Error).message);
    }
    const identity = v.identity ?? (await this.d.peers.fetchIdentity(v.from).catch((err) => {
      throw new InboxRejection(422, 'unknown-sender', (err as Error).message);
    }));
    const inbox = identity.endpoints.inbox;
    const challenge = randomBytes(24).toString('base64url');
    let answer;
    try {
      answer = await this.d.messenger.send(v.portal, inbox, { type: 'verify', from: v.portal.url, to: v.from, challenge, mode: 'subscribe', filter }, 10_000);
    } catch (err) {
      throw new InboxRejection(422, 'intent-not-verified', `Could not reach ${inbox} to verify the subscription: ${(err as Error).message}`);
    }
    let echoed: unknown;
    try {
      echoed = answer.status === 200 ? answer.json<{ challenge?: unknown }>().challenge : undefined;
    } catch {
      echoed = undefined;
    }
    if (echoed !== challenge) throw new InboxRejection(403, 'intent-not-verified', `${v.from} did not confirm the subscription (its inbox answered ${answer.status}).`);
    const now = this.now();
    const known = await this.db.selectFrom('federation_subscribers').select(['id', 'status']).where('portal_id', '=', v.portal.id).where('subscriber_url', '=', v.from).executeTakeFirst();
    if (known?.status === 'rejected') throw new InboxRejection(403, 'subscription-refused', `${v.portal.slug}'s admin declined ${v.from}'s subscription.`);
    if ((await this.settingsOf(v.portal)).subscribersNeedApproval && known?.status !== 'approved' && known?.status !== 'active') {
      // recorded, nothing pinned and nothing pushed until an admin approves; the subscriber asks again meanwhile
      const pending = { inbox_url: inbox, filter: JSON.stringify(filter), status: 'pending', verified_at: now, last_contact_at: now, ended_at: null, last_error: null };
      if (known) {
        await this.db.updateTable('federation_subscribers').set(pending).where('id', '=', known.id).execute();
        return { id: known.id, status: 'pending' };
      }
      const row = await this.db
        .insertInto('federation_subscribers')
        .values({ portal_id: v.portal.id, subscriber_url: v.from, created_at: now, start_sequence: 0, delivered_sequence: 0, lease_until: null, leased_by: null, retry_at: null, failures: 0, ...pending })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, status: 'pending' };
    }
    const head = await this.d.log.head(v.portal.id);
    const id = await this.db.transaction().execute(async (trx) => {
      await this.d.peers.pin(trx, v.from, identity.keys, 'subscriber');
      const existing = await trx.selectFrom('federation_subscribers').select('id').where('portal_id', '=', v.portal.id).where('subscriber_url', '=', v.from).executeTakeFirst();
      const values = {
        inbox_url: inbox,
        filter: JSON.stringify(filter),
        status: 'active',
        start_sequence: head,
        delivered_sequence: head,
        lease_until: null,
        leased_by: null,
        retry_at: null,
        failures: 0,
        verified_at: now,
        ended_at: null,
        last_contact_at: now,
        last_error: null,
      };
      if (existing) {
        await trx.updateTable('federation_subscribers').set(values).where('id', '=', existing.id).execute();
        return existing.id;
      }
      return (await trx.insertInto('federation_subscribers').values({ portal_id: v.portal.id, subscriber_url: v.from, created_at: now, ...values }).returning('id').executeTakeFirstOrThrow()).id;
    });
    return { id, status: 'active', head };
  }

  /** A subscriber refused entries of ours (pulled ones; pushed ones come back in the push's answer). */
  async onEntryRejected(v: VerifiedMessage): Promise<{ recorded: number }> {
    return { recorded: await this.recordRefusals(v.portal, v.from, v.message.rejected) };
  }

  /**
   * Source side: a subscriber went past entries it could not take as items.
   * Each goes to the audit log and the subscriber's last error, so an
   * operator learns which publication did not reach it and why.
   */
  async recordRefusals(portal: Portal, subscriber: string, reported: unknown): Promise<number> {
    if (!Array.isArray(reported)) return 0;
    let recorded = 0;
    for (const r of reported.slice(0, MAX_PUSHED_ENTRIES)) {
      if (!r || typeof r !== 'object') continue;
      const { sequence, reason, detail } = r as Record<string, unknown>;
      if (!Number.isSafeInteger(sequence)) continue;
      const text = `entry ${sequence} refused: ${typeof reason === 'string' ? reason.slice(0, 100) : 'refused'}${typeof detail === 'string' ? ` (${detail.slice(0, 500)})` : ''}`;
      await this.d.audit.record({ portalId: portal.id, action: 'federation-entry-refused', actor: subscriber, target: `log:${sequence}`, detail: { subscriber, sequence, reason: typeof reason === 'string' ? reason.slice(0, 100) : null, detail: typeof detail === 'string' ? detail.slice(0, 1000) : null }, ip: '' });
      await this.db.updateTable('federation_subscribers').set({ last_error: text.slice(0, 1000) }).where('portal_id', '=', portal.id).where('subscriber_url', '=', subscriber).execute();
      recorded++;
    }
    return recorded;
  }

  /** A portal's federation rules (no row: the defaults). */
  async settingsOf(portal: Portal): Promise<FederationPortalSettings> {
    const row = await this.db.selectFrom('federation_settings').select('subscribers_need_approval').where('portal_id', '=', portal.id).executeTakeFirst();
    return { subscribersNeedApproval: row?.subscribers_need_approval === 1 };
  }

  async updateSettings(ctx: RequestContext, portal: Portal, input: { subscribersNeedApproval?: unknown }): Promise<FederationPortalSettings> {
    if (typeof input.subscribersNeedApproval !== 'boolean') throw new ValidationError([{ path: '/subscribersNeedApproval', message: 'must be true or false' }]);
    const values = { subscribers_need_approval: input.subscribersNeedApproval ? 1 : 0, updated_at: this.now() };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('federation_settings')
        .values({ portal_id: portal.id, ...values })
        .onConflict((oc) => oc.column('portal_id').doUpdateSet(values))
        .execute();
      await this.d.audit.recordFor(ctx, 'federation-subscription', 'settings', { subscribersNeedApproval: input.subscribersNeedApproval }, trx);
    });
    return this.settingsOf(portal);
  }

  /** An admin's answer to a subscriber waiting for approval: approved ones become active at their next request. */
  async decideSubscriber(ctx: RequestContext, portal: Portal, id: number, decision: unknown): Promise<SubscriberView> {
    if (decision !== 'approve' && decision !== 'reject') throw new ValidationError([{ path: '/decision', message: 'must be approve or reject' }]);
    const row = await this.db.selectFrom('federation_subscribers').selectAll().where('id', '=', id).where('portal_id', '=', portal.id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No subscriber ${id} of ${portal.slug}.`);
    if (row.status !== 'pending' && !(decision === 'reject' && row.status === 'approved')) throw new ConflictError(`Subscriber ${id} is ${row.status}, not waiting for a decision.`);
    const status = decision === 'approve' ? 'approved' : 'rejected';
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('federation_subscribers').set({ status }).where('id', '=', id).execute();
      await this.d.audit.recordFor(ctx, 'federation-subscription', `subscriber:${id}`, { subscriber: row.subscriber_url, status }, trx);
    });
    return this.subscriberView((await this.db.selectFrom('federation_subscribers').selectAll().where('id', '=', id).executeTakeFirstOrThrow()), portal);
  }

  async onUnsubscribe(v: VerifiedMessage): Promise<{ status: 'ended' }> {
    await this.db.updateTable('federation_subscribers').set({ status: 'ended', ended_at: this.now() }).where('portal_id', '=', v.portal.id).where('subscriber_url', '=', v.from).execute();
    return { status: 'ended' };
  }

  async subscribers(portal: Portal): Promise<SubscriberView[]> {
    const rows = await this.db.selectFrom('federation_subscribers').selectAll().where('portal_id', '=', portal.id).orderBy('id').execute();
    return rows.map((r) => this.subscriberView(r, portal));
  }

  async allSubscribers(): Promise<SubscriberView[]> {
    const rows = await this.db.selectFrom('federation_subscribers').selectAll().orderBy('portal_id').orderBy('id').execute();
    const out: SubscriberView[] = [];
    for (const r of rows) {
      const portal = await this.d.portals.byId(r.portal_id);
      if (portal) out.push(this.subscriberView(r, portal));
    }
    return out;
  }

  private subscriberView(r: SubscriberRow, portal: Portal): SubscriberView {
    return {
      id: r.id,
      portal: portal.slug,
      subscriber: r.subscriber_url,
      filter: JSON.parse(r.filter),
      status: r.status as SubscriberView['status'],
      startSequence: Number(r.start_sequence),
      deliveredSequence: Number(r.delivered_sequence),
      createdAt: r.created_at,
      verifiedAt: r.verified_at,
      lastContactAt: r.last_contact_at,
      lastError: r.last_error,
    };
  }
}

/** A peer's timestamp, or `limit` when it is later (both ISO 8601 in UTC). */
function notAfter(time: string | null, limit: string): string | null {
  return time !== null && Date.parse(time) > Date.parse(limit) ? limit : time;
}

/** The `status` of a JSON answer, if it has one. */
function problemlessStatus(res: { json<T>(): T }): string | undefined {
  try {
    const s = res.json<{ status?: unknown }>()?.status;
    return typeof s === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}
