import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { iso } from '../../lib/time.ts';
import type { Portal } from '../portals/index.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { InboxRejection, type VerifiedMessage } from './inbox.ts';
import type { LogFilter } from './log.ts';
import type { FederationDeps } from './messenger.ts';
import { checkFilter } from './policy.ts';
import { MAX_PUSHED_ENTRIES } from './received-entries.ts';
import type { FedDB, SubscriberTable } from './tables.ts';

// Our subscribers: the portals that follow one of ours. A portal asks to
// subscribe with a signed `subscribe`; we check it meant it (a challenge to
// its inbox, WebSub style), and, when the portal's admin wants to approve new
// subscribers, keep it waiting until they do. The fan-out of log entries to
// the accepted ones is the deliverer's (delivery.ts).

type SubscriberRow = Selectable<SubscriberTable>;

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

export class Subscribers {
  private readonly db: FedDB;

  constructor(private readonly d: FederationDeps) {
    this.db = d.store.db;
  }

  private now(): string {
    return iso(this.d.clock());
  }

  /** Whether `from` subscribes to `portal`. */
  async isSubscriber(portal: Portal, from: string): Promise<boolean> {
    return !!(await this.db.selectFrom('federation_subscribers').select('id').where('portal_id', '=', portal.id).where('subscriber_url', '=', from).executeTakeFirst());
  }

  /** A portal asks to receive our pushes. We check it meant it (challenge), then record it. */
  async onSubscribe(v: VerifiedMessage): Promise<{ id: number; status: 'active'; head: number } | { id: number; status: 'pending' }> {
    let filter: LogFilter;
    try {
      filter = checkFilter(v.message.filter);
    } catch (err) {
      throw new InboxRejection(422, 'malformed-message', (err as Error).message);
    }
    const identity =
      v.identity ??
      (await this.d.peers.fetchIdentity(v.from).catch((err) => {
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
      return (
        await trx
          .insertInto('federation_subscribers')
          .values({ portal_id: v.portal.id, subscriber_url: v.from, created_at: now, ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
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
      if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence)) continue;
      const text = `entry ${sequence} refused: ${typeof reason === 'string' ? reason.slice(0, 100) : 'refused'}${typeof detail === 'string' ? ` (${detail.slice(0, 500)})` : ''}`;
      await this.d.audit.record({
        portalId: portal.id,
        action: 'federation-entry-refused',
        actor: subscriber,
        target: `log:${sequence}`,
        detail: { subscriber, sequence, reason: typeof reason === 'string' ? reason.slice(0, 100) : null, detail: typeof detail === 'string' ? detail.slice(0, 1000) : null },
        ip: '',
      });
      await this.db
        .updateTable('federation_subscribers')
        .set({ last_error: text.slice(0, 1000) })
        .where('portal_id', '=', portal.id)
        .where('subscriber_url', '=', subscriber)
        .execute();
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
    return this.subscriberView(await this.db.selectFrom('federation_subscribers').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), portal);
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
      filter: JSON.parse(r.filter) as LogFilter,
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
