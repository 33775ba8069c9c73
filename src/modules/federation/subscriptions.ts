import type { Selectable } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { iso } from '../../lib/time.ts';
import type { Portal } from '../portals/index.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { checkContentDigest } from './canonical.ts';
import { request, OutgoingHttpError } from './http.ts';
import { InboxRejection, FRESHNESS_SECONDS, type VerifiedMessage } from './inbox.ts';
import type { LogEntry } from './log.ts';
import { checkEntry, describeFailure, type FederationDeps } from './messenger.ts';
import { PeerError, portalOrigin } from './peers.ts';
import { checkPolicy, filterOf, type Policy } from './policy.ts';
import { MAX_PUSHED_ENTRIES, ReceivedEntries, type ApplyResult, type EntryRejection } from './received-entries.ts';
import { parseSignatureHeaders, RESPONSE_COMPONENTS, signatureBase, verifyEd25519 } from './signatures.ts';
import { Subscribers, type FederationPortalSettings, type SubscriberView } from './subscribers.ts';
import type { FedDB, SubscriptionTable } from './tables.ts';

// Subscriptions, from both ends; this file holds ours.
//
// Our subscriptions: an operator subscribes a local portal to a source by URL.
// We pin the source's keys, ask it to subscribe us (a signed `subscribe`),
// and it confirms our intent with a challenge to our inbox (WebSub style).
// Entries then arrive by push; each is verified and applied in sequence
// order (received-entries.ts). A push that skips ahead triggers a pull of the
// missing range from the source's log; a timer pulls every subscription as
// well, so a portal that was down catches up.
//
// Our subscribers (subscribers.ts): the portals that follow ours, reached
// through this same handle; the fan-out of each log entry to them, with
// per-subscriber retries, is the deliverer's (delivery.ts).

export const SUBSCRIBE_TOPIC = 'federation.subscribe';

const PULL_PAGE = 100;
const PULL_MAX_BYTES = 32 * 1024 * 1024;

type SubscriptionRow = Selectable<SubscriptionTable>;

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

export class Subscriptions {
  private readonly db: FedDB;
  /** pulls running in this process, and whether another was asked for meanwhile */
  private readonly pulls = new Map<number, { promise: Promise<number>; again: boolean }>();

  private readonly entries: ReceivedEntries;
  /** who follows us: kept behind this handle too, which the inbox, the admin and the deliverer use for both directions */
  private readonly followers: Subscribers;

  constructor(private readonly d: FederationDeps) {
    this.db = d.store.db;
    this.entries = new ReceivedEntries(d);
    this.followers = new Subscribers(d);
  }

  private now(): string {
    return iso(this.d.clock());
  }

  // ================= our subscriptions =================

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
      source = portalOrigin(typeof input.source === 'string' ? input.source : '');
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
        await this.db.updateTable('federation_subscriptions').set({ status: 'active', cursor: head, updated_at: this.now(), last_contact_at: this.now(), last_error: null }).where('id', '=', sub.id).where('status', '=', 'pending').execute();
        return;
      }
      failure = `the source refused: ${describeFailure(res)}`;
    } catch (err) {
      failure = (err as Error).message;
    }
    await this.db
      .updateTable('federation_subscriptions')
      .set({ last_error: failure.slice(0, 1000), updated_at: this.now() })
      .where('id', '=', sub.id)
      .execute();
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
      sourceName: JSON.parse(r.source_name) as Record<string, string>,
      sourceKind: r.source_kind,
      policy: JSON.parse(r.policy) as Policy,
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
        result = await this.entries.applyInOrder(sub.id, entry, 'push', prev);
      } catch (err) {
        // what came before the bad entry is in; say how far, so the source resumes there
        if (err instanceof InboxRejection) Object.assign(err.extra, { cursor: await this.entries.cursorOf(sub.id) });
        throw err;
      }
      prev = entry.header.sequence;
      if (result === 'replayed') replayed++;
      else if (result === 'gap') {
        this.pullSoon(sub.id);
        return { status: 202, body: { status: 'gap', applied, cursor: await this.entries.cursorOf(sub.id) } };
      } else {
        applied++;
        last = result;
        if (result.rejection) rejected.push(result.rejection);
      }
    }
    const cursor = await this.entries.cursorOf(sub.id);
    if (applied === 0 && replayed > 0) {
      const seqs = entries.map((e) => e.header.sequence);
      throw new InboxRejection(409, 'replayed', `Entr${seqs.length === 1 ? `y ${seqs[0]}` : `ies ${seqs[0]}–${seqs[seqs.length - 1]}`} of ${v.from} ${seqs.length === 1 ? 'was' : 'were'} already received here.`, {
        sequence: seqs[seqs.length - 1],
        cursor,
      });
    }
    return {
      status: 200,
      body: { status: last?.outcome ?? 'applied', applied, cursor, sequence: entries[entries.length - 1].header.sequence, item: last?.itemId ?? null, ...(rejected.length ? { rejected } : {}) },
    };
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
        await this.db
          .updateTable('federation_subscriptions')
          .set({ last_error: message.slice(0, 1000), last_pull_at: this.now() })
          .where('id', '=', sub.id)
          .execute();
        throw err;
      }
      for (const raw of entries) {
        let entry: LogEntry;
        try {
          entry = await checkEntry(raw, sub.source_url, this.d.peers);
        } catch (err) {
          // a tampered or broken entry stops the pull here: skipping it would lose it for good
          await this.db
            .updateTable('federation_subscriptions')
            .set({ last_error: `log entry rejected: ${(err as Error).message}`.slice(0, 1000), last_pull_at: this.now() })
            .where('id', '=', sub.id)
            .execute();
          throw err;
        }
        const result = await this.entries.applyInOrder(sub.id, entry, 'pull');
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
    if (
      !verifyEd25519(
        key.publicKey,
        signatureBase(sig.components, (c) => values[c], sig.paramsText),
        sig.signature,
      )
    ) {
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

  // ================= our subscribers (subscribers.ts) =================

  isSubscriber(portal: Portal, from: string): Promise<boolean> {
    return this.followers.isSubscriber(portal, from);
  }
  onSubscribe(v: VerifiedMessage): ReturnType<Subscribers['onSubscribe']> {
    return this.followers.onSubscribe(v);
  }
  onEntryRejected(v: VerifiedMessage): Promise<{ recorded: number }> {
    return this.followers.onEntryRejected(v);
  }
  recordRefusals(portal: Portal, subscriber: string, reported: unknown): Promise<number> {
    return this.followers.recordRefusals(portal, subscriber, reported);
  }
  settingsOf(portal: Portal): Promise<FederationPortalSettings> {
    return this.followers.settingsOf(portal);
  }
  updateSettings(ctx: RequestContext, portal: Portal, input: { subscribersNeedApproval?: unknown }): Promise<FederationPortalSettings> {
    return this.followers.updateSettings(ctx, portal, input);
  }
  decideSubscriber(ctx: RequestContext, portal: Portal, id: number, decision: unknown): Promise<SubscriberView> {
    return this.followers.decideSubscriber(ctx, portal, id, decision);
  }
  onUnsubscribe(v: VerifiedMessage): Promise<{ status: 'ended' }> {
    return this.followers.onUnsubscribe(v);
  }
  subscribers(portal: Portal): Promise<SubscriberView[]> {
    return this.followers.subscribers(portal);
  }
  allSubscribers(): Promise<SubscriberView[]> {
    return this.followers.allSubscribers();
  }
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
