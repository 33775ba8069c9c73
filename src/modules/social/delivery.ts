import type { Selectable } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { Store } from '../../store/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { ContentService, Item, PublicationHook } from '../content/index.ts';
import { coverOf, socialTextOf } from '../content/index.ts';
import { backoffMs, type ClaimedJob, type Outbox, RetryLater } from '../outbox/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import type { ChannelService } from './channels.ts';
import { type SocialChannelTable, type SocialDB, type SocialDeliveryTable, type SocialExecutor } from './tables.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { ConnectorError, type ChannelRuntime, type Connector, type DeliveryState, type Platform, type PublishResult, type SocialPost } from './types.ts';

// Carrying published items to a portal's social channels. Publishing writes
// one delivery row and one outbox job per matching channel in the publishing
// transaction (a PublicationHook), so a delivery exists exactly when the
// publication was committed. The job posts through the platform's connector
// and records the remote id; the unique (channel, item) row and the remote id
// are what keep an item from being posted twice to one channel, and the
// connector's saved state (an upload session, an article token, a marker of
// an attempt whose answer was lost) lets a retry resume or check instead of
// posting again.

export const DELIVER_TOPIC = 'social.deliver';
export const UPDATE_TOPIC = 'social.update';
export const REMOVE_TOPIC = 'social.remove';
export const METRICS_TOPIC = 'social.metrics';

/** Tries before a delivery is given up as failed (each waits as the platform asks, or backs off). */
export const DELIVERY_ATTEMPTS = 8;

export type DeliveryStatus = 'queued' | 'delivered' | 'failed' | 'needs-reauth';

export interface Delivery {
  id: number;
  channel: number;
  channelName: string;
  platform: Platform;
  itemId: number;
  status: DeliveryStatus;
  remoteId: string | null;
  remoteUrl: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  /** set when the remote post was deleted after the item was taken down */
  removedAt: string | null;
}

type DeliveryRow = Selectable<SocialDeliveryTable>;
type ChannelRow = Selectable<SocialChannelTable>;

export interface DeliveryDeps {
  store: Store;
  content: ContentService;
  portals: PortalService;
  outbox: Outbox;
  channels: ChannelService;
  audit: AuditService;
  clock?: Clock;
  logger?: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
  /** tells a portal's admins a channel needs reconnecting (email where SMTP is set up) */
  notifyAdmins?: (portal: Portal, subject: string, text: string) => Promise<void>;
  /** minutes between metric pulls */
  metricsEveryMinutes?: number;
  /** tries per delivery (DELIVERY_ATTEMPTS unless set) */
  maxAttempts?: number;
  /** first retry delay when the platform names none; doubles each time (1 s unless set) */
  retryBaseMs?: number;
}

export class DeliveryService {
  private readonly db: SocialDB;
  private readonly clock: Clock;
  private readonly maxAttempts: number;
  /** one token refresh at a time per channel: Zalo's refresh tokens work once */
  private readonly refreshing = new Map<number, Promise<void>>();

  constructor(private readonly deps: DeliveryDeps) {
    this.db = deps.store.db;
    this.clock = deps.clock ?? systemClock;
    this.maxAttempts = deps.maxAttempts ?? DELIVERY_ATTEMPTS;
    deps.outbox.handle(DELIVER_TOPIC, (p: { deliveryId: number }, job) => this.deliver(p.deliveryId, job));
    deps.outbox.handle(UPDATE_TOPIC, (p: { deliveryId: number }, job) => this.updateRemote(p.deliveryId, job));
    deps.outbox.handle(REMOVE_TOPIC, (p: { deliveryId: number }, job) => this.removeRemote(p.deliveryId, job));
    deps.outbox.handle(METRICS_TOPIC, async () => {
      await this.pullMetrics();
    });
    deps.content.addPublicationHook(this.hook());
  }

  private hook(): PublicationHook {
    return {
      published: async (trx, item) => {
        const db = trx;
        const rows = await this.deps.channels.rowsOf(db, item.portal_id);
        if (!rows.length) return;
        const section = await this.deps.portals.sectionSlug(trx, item.section_id);
        const meta = safeJson(item.meta);
        for (const ch of rows) {
          if (ch.auto_publish !== 1 || !matches(ch, item.lang, item.type, section)) continue;
          if (!this.deps.channels.connector(ch.platform as Platform).accepts(roughPost(item.type, meta))) continue;
          await this.queue(db, ch.id, item.id);
        }
      },
      corrected: async (trx, item) => {
        const db = trx;
        const rows = await db.selectFrom('social_deliveries').select(['id', 'channel_id']).where('item_id', '=', item.id).where('status', '=', 'delivered').execute();
        for (const d of rows) await this.deps.outbox.enqueue(db, UPDATE_TOPIC, { deliveryId: d.id }, { maxAttempts: this.maxAttempts });
      },
      unpublished: async (trx, item) => {
        const db = trx;
        const rows = await db.selectFrom('social_deliveries').select(['id', 'status']).where('item_id', '=', item.id).execute();
        for (const d of rows) {
          if (d.status === 'delivered') await this.deps.outbox.enqueue(db, REMOVE_TOPIC, { deliveryId: d.id }, { maxAttempts: this.maxAttempts });
        }
      },
    };
  }

  /** A delivery row (once per channel and item) and its job, in the caller's transaction. */
  private async queue(db: SocialExecutor, channelId: number, itemId: number): Promise<number | undefined> {
    const now = iso(this.clock());
    const existing = await db.selectFrom('social_deliveries').select(['id', 'status']).where('channel_id', '=', channelId).where('item_id', '=', itemId).executeTakeFirst();
    if (existing) {
      // published again after a take-down, or picked again by hand: only a delivery that did not get through goes again
      if (existing.status === 'failed' || existing.status === 'needs-reauth') {
        await db.updateTable('social_deliveries').set({ status: 'queued', attempts: 0, last_error: null, updated_at: now }).where('id', '=', existing.id).execute();
        await this.deps.outbox.enqueue(db, DELIVER_TOPIC, { deliveryId: existing.id }, { maxAttempts: this.maxAttempts });
      }
      return existing.id;
    }
    const row = await db
      .insertInto('social_deliveries')
      .values({ channel_id: channelId, item_id: itemId, status: 'queued', remote_id: null, remote_url: null, attempts: 0, last_error: null, state: '{}', created_at: now, updated_at: now, delivered_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.deps.outbox.enqueue(db, DELIVER_TOPIC, { deliveryId: row.id }, { maxAttempts: this.maxAttempts });
    return row.id;
  }

  // ---------- what editors and the API see ----------

  async forItem(itemId: number): Promise<Delivery[]> {
    const rows = await this.db
      .selectFrom('social_deliveries as d')
      .innerJoin('social_channels as c', 'c.id', 'd.channel_id')
      .selectAll('d')
      .select(['c.name as channel_name', 'c.platform'])
      .where('d.item_id', '=', itemId)
      .orderBy('d.id')
      .execute();
    return rows.map((r) => toDelivery(r, r.channel_name, r.platform as Platform));
  }

  /** The latest deliveries to these channels, newest first (the admin's channels page). */
  async recent(channelIds: number[], limit = 50): Promise<Delivery[]> {
    if (channelIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('social_deliveries as d')
      .innerJoin('social_channels as c', 'c.id', 'd.channel_id')
      .selectAll('d')
      .select(['c.name as channel_name', 'c.platform'])
      .where('d.channel_id', 'in', channelIds)
      .orderBy('d.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => toDelivery(r, r.channel_name, r.platform as Platform));
  }

  async get(id: number): Promise<Delivery & { portalId: number }> {
    const r = await this.db
      .selectFrom('social_deliveries as d')
      .innerJoin('social_channels as c', 'c.id', 'd.channel_id')
      .selectAll('d')
      .select(['c.name as channel_name', 'c.platform', 'c.portal_id'])
      .where('d.id', '=', id)
      .executeTakeFirst();
    if (!r) throw new NotFoundError(`No delivery ${id}.`);
    return { ...toDelivery(r, r.channel_name, r.platform as Platform), portalId: r.portal_id };
  }

  /** Sends a published item to channels an editor picked (also ones that do not post automatically). */
  async sendTo(ctx: RequestContext, portal: Portal, item: Item, channelIds: number[]): Promise<Delivery[]> {
    if (item.status !== 'published') throw new ConflictError('Only a published item can be posted to channels.', { state: item.status });
    const rows = channelIds.length ? await this.db.selectFrom('social_channels').selectAll().where('portal_id', '=', portal.id).where('id', 'in', channelIds).execute() : [];
    const unknown = channelIds.filter((id) => !rows.some((r) => r.id === id));
    if (unknown.length || channelIds.length === 0) throw new ValidationError([{ path: '/channels', message: channelIds.length ? `no channel ${unknown.join(', ')} in ${portal.slug}` : 'pick at least one channel' }]);
    for (const r of rows) {
      if (!this.deps.channels.connector(r.platform as Platform).accepts(roughPost(item.type, item.meta))) {
        throw new ValidationError([{ path: '/channels', message: `${r.name} (${r.platform}) cannot carry this ${item.type}` }]);
      }
    }
    await this.db.transaction().execute(async (trx) => {
      for (const r of rows) await this.queue(trx, r.id, item.id);
      await this.deps.audit.recordFor(ctx, 'social-delivery', `item:${item.id}`, { channels: channelIds }, trx);
    });
    return this.forItem(item.id);
  }

  /** Tries a failed delivery again (an editor's retry action), from where its connector left off. */
  async retry(ctx: RequestContext, id: number): Promise<Delivery> {
    const d = await this.get(id);
    if (d.status !== 'failed' && d.status !== 'needs-reauth') throw new ConflictError(`Delivery ${id} is ${d.status}; only failed deliveries are retried.`, { state: d.status });
    await this.db.transaction().execute(async (trx) => {
      await this.requeue(trx, id);
      await this.deps.audit.recordFor(ctx, 'social-delivery', `delivery:${id}`, { retried: true, channel: d.channel, item: d.itemId }, trx);
    });
    return this.get(id);
  }

  /** After a channel got new credentials: its deliveries that waited for them go again, in the caller's transaction. */
  async resumeChannel(channelId: number, trx: SocialExecutor): Promise<number> {
    const rows = await trx.selectFrom('social_deliveries').select('id').where('channel_id', '=', channelId).where('status', '=', 'needs-reauth').execute();
    for (const r of rows) await this.requeue(trx, r.id);
    return rows.length;
  }

  private async requeue(trx: SocialExecutor, id: number): Promise<void> {
    // a retry by hand is the editor's word that an unconfirmed attempt did not post
    const state: Record<string, unknown> = { ...safeJson((await trx.selectFrom('social_deliveries').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state), retriedByHand: iso(this.clock()) };
    delete state.sentAt;
    await trx
      .updateTable('social_deliveries')
      .set({ status: 'queued', attempts: 0, last_error: null, state: JSON.stringify(state), updated_at: iso(this.clock()) })
      .where('id', '=', id)
      .execute();
    await this.deps.outbox.enqueue(trx, DELIVER_TOPIC, { deliveryId: id }, { maxAttempts: this.maxAttempts });
  }

  // ---------- the jobs ----------

  private async deliver(deliveryId: number, job: ClaimedJob): Promise<void> {
    const d = await this.db.selectFrom('social_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
    if (!d || d.status === 'delivered') return; // already done (a job run twice)
    const channelRow = await this.db.selectFrom('social_channels').selectAll().where('id', '=', d.channel_id).executeTakeFirst();
    if (!channelRow) return;
    const item = await this.deps.content.find(d.item_id);
    if (!item || item.status !== 'published') return this.finish(d, 'failed', { lastError: 'the item was taken down before it was posted' });
    if (channelRow.status === 'needs-reauth') return this.finish(d, 'needs-reauth', { lastError: `the channel needs reconnecting: ${channelRow.status_reason ?? ''}`.trim() });
    const portal = await this.deps.portals.byId(channelRow.portal_id);
    if (!portal) return;
    const connector = this.deps.channels.connector(channelRow.platform as Platform);
    const post = toSocialPost(item, portal);
    const state: DeliveryState = safeJson(d.state);
    await this.db
      .updateTable('social_deliveries')
      .set({ attempts: d.attempts + 1, updated_at: iso(this.clock()) })
      .where('id', '=', d.id)
      .execute();
    let result: PublishResult;
    try {
      result = await this.withFreshToken(connector, channelRow.id, (runtime) => connector.publish(runtime, post, state, () => this.saveState(d.id, state)));
    } catch (err) {
      await this.saveState(d.id, state);
      return this.failed(d, channelRow, portal, err, job, d.attempts + 1);
    }
    await this.db
      .updateTable('social_deliveries')
      .set({ status: 'delivered', remote_id: result.remoteId, remote_url: result.remoteUrl ?? null, last_error: null, state: JSON.stringify(state), delivered_at: iso(this.clock()), updated_at: iso(this.clock()) })
      .where('id', '=', d.id)
      .execute();
    this.deps.logger?.info({ delivery: d.id, channel: channelRow.id, platform: channelRow.platform, item: d.item_id, remoteId: result.remoteId }, 'posted to social channel');
  }

  private async updateRemote(deliveryId: number, job: ClaimedJob): Promise<void> {
    const ctx = await this.remoteContext(deliveryId);
    if (!ctx || !ctx.connector.update || ctx.d.status !== 'delivered' || !ctx.d.remote_id) return;
    const item = await this.deps.content.find(ctx.d.item_id);
    if (!item || item.status !== 'published') return;
    try {
      await this.withFreshToken(ctx.connector, ctx.channel.id, (runtime) => ctx.connector.update!(runtime, ctx.d.remote_id!, toSocialPost(item, ctx.portal)));
    } catch (err) {
      await this.remoteFailure(ctx, err, job, 'update');
    }
  }

  private async removeRemote(deliveryId: number, job: ClaimedJob): Promise<void> {
    const ctx = await this.remoteContext(deliveryId);
    if (!ctx || ctx.d.status !== 'delivered' || !ctx.d.remote_id) return;
    const state = safeJson(ctx.d.state);
    if (state.removedAt) return;
    if (ctx.connector.remove) {
      try {
        await this.withFreshToken(ctx.connector, ctx.channel.id, (runtime) => ctx.connector.remove!(runtime, ctx.d.remote_id!));
      } catch (err) {
        return this.remoteFailure(ctx, err, job, 'removal');
      }
      state.removedAt = iso(this.clock());
    } else {
      state.removalNote = `${ctx.channel.platform} offers no way to delete a post: remove it by hand`;
    }
    await this.saveState(ctx.d.id, state);
    await this.db
      .updateTable('social_deliveries')
      .set({ last_error: (state.removalNote as string | undefined) ?? null, updated_at: iso(this.clock()) })
      .where('id', '=', ctx.d.id)
      .execute();
  }

  private async remoteContext(deliveryId: number) {
    const d = await this.db.selectFrom('social_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
    if (!d) return undefined;
    const channel = await this.db.selectFrom('social_channels').selectAll().where('id', '=', d.channel_id).executeTakeFirst();
    if (!channel) return undefined;
    const portal = await this.deps.portals.byId(channel.portal_id);
    if (!portal) return undefined;
    return { d, channel, portal, connector: this.deps.channels.connector(channel.platform as Platform) };
  }

  private async remoteFailure(ctx: { d: DeliveryRow; channel: ChannelRow; portal: Portal }, err: unknown, job: ClaimedJob, what: string): Promise<void> {
    const ce = asConnectorError(err);
    const message = `${what} failed: ${ce.message}`.slice(0, 2000);
    await this.db
      .updateTable('social_deliveries')
      .set({ last_error: message, updated_at: iso(this.clock()) })
      .where('id', '=', ctx.d.id)
      .execute();
    if (ce.errorClass === 'disconnected') return this.disconnect(ctx.channel, ctx.portal, ce.message);
    if ((ce.errorClass === 'retry-later' || ce.errorClass === 'refresh-token') && job.attempts < job.maxAttempts) throw new RetryLater(message, ce.details.retryAfterMs ?? this.backoff(job.attempts));
  }

  /**
   * Runs a call with the channel's credentials; when the platform says the
   * token expired, refreshes it once (one refresh per channel at a time, and
   * not again when another job refreshed meanwhile) and calls again.
   */
  private async withFreshToken<T>(connector: Connector, channelId: number, fn: (runtime: ChannelRuntime) => Promise<T>): Promise<T> {
    const runtime = await this.deps.channels.runtime(channelId);
    try {
      return await fn(runtime);
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.errorClass !== 'refresh-token' || !connector.refresh) throw err;
    }
    await this.refreshOnce(connector, channelId, runtime.version);
    return fn(await this.deps.channels.runtime(channelId));
  }

  private async refreshOnce(connector: Connector, channelId: number, seenVersion: string): Promise<void> {
    for (;;) {
      const running = this.refreshing.get(channelId);
      if (!running) break;
      await running.catch(() => {});
    }
    // claimed with no await between the check above and the set below, so two
    // jobs of one channel never both spend a single-use refresh token
    const work = (async () => {
      const current = await this.deps.channels.runtime(channelId);
      // another job refreshed after our call was made: use its token
      if (current.version !== seenVersion) return;
      const fresh = await connector.refresh!(current);
      await this.deps.channels.storeCredentials(channelId, fresh);
    })();
    this.refreshing.set(channelId, work);
    try {
      await work;
    } catch (err) {
      // a refused refresh: the grant is gone and an admin must reconnect
      const ce = asConnectorError(err);
      throw ce.errorClass === 'retry-later' ? ce : new ConnectorError('disconnected', `token refresh failed: ${ce.message}`, ce.details);
    } finally {
      if (this.refreshing.get(channelId) === work) this.refreshing.delete(channelId);
    }
  }

  private async failed(d: DeliveryRow, channel: ChannelRow, portal: Portal, err: unknown, job: ClaimedJob, attempts: number): Promise<void> {
    const ce = asConnectorError(err);
    const message = ce.message.slice(0, 2000);
    switch (ce.errorClass) {
      // the token expired again after a refresh: the next attempt refreshes once more
      case 'refresh-token':
      case 'retry-later':
        if (job.attempts >= job.maxAttempts) {
          await this.finish(d, 'failed', { lastError: `gave up after ${attempts} attempts: ${message}`, attempts });
          this.deps.logger?.error({ delivery: d.id, channel: channel.id, platform: channel.platform, error: message }, 'social delivery given up');
          return;
        }
        await this.db
          .updateTable('social_deliveries')
          .set({ last_error: message, updated_at: iso(this.clock()) })
          .where('id', '=', d.id)
          .execute();
        throw new RetryLater(message, ce.details.retryAfterMs ?? this.backoff(job.attempts));
      case 'disconnected':
        await this.finish(d, 'needs-reauth', { lastError: message, attempts });
        await this.disconnect(channel, portal, message);
        return;
      case 'bad-content':
        await this.finish(d, 'failed', { lastError: message, attempts });
        this.deps.logger?.warn({ delivery: d.id, channel: channel.id, platform: channel.platform, error: message }, 'social channel refused the post');
        return;
    }
  }

  private backoff(attempt: number): number {
    return Math.round((backoffMs(attempt) * (this.deps.retryBaseMs ?? 1000)) / 1000);
  }

  private async disconnect(channel: ChannelRow, portal: Portal, reason: string): Promise<void> {
    if (!(await this.deps.channels.markNeedsReauth(channel.id, reason))) return; // already marked: admins were told
    await this.deps.audit.record({ portalId: portal.id, accountId: null, actor: 'social delivery', action: 'social-channel', target: `social-channel:${channel.id}`, detail: { status: 'needs-reauth', reason }, ip: '' });
    this.deps.logger?.warn({ channel: channel.id, platform: channel.platform, portal: portal.slug }, 'social channel needs re-authorisation');
    await this.deps.notifyAdmins?.(
      portal,
      `[${portal.slug}] Kênh ${channel.name} cần kết nối lại — channel needs reconnecting`,
      `Kênh ${channel.name} (${channel.platform}) của ${portal.slug} không còn được phép đăng bài. Các bài chờ sẽ được gửi khi kênh được kết nối lại.\n\nThe ${channel.platform} channel "${channel.name}" of ${portal.slug} lost its authorisation: ${reason}\nPosts waiting for it go out as soon as an admin enters new credentials (PATCH /api/v1/portals/${portal.slug}/channels/${channel.id}).\n`,
    );
  }

  private async finish(d: DeliveryRow, status: DeliveryStatus, f: { lastError?: string; attempts?: number }): Promise<void> {
    await this.db
      .updateTable('social_deliveries')
      .set({ status, last_error: f.lastError ?? null, ...(f.attempts !== undefined ? { attempts: f.attempts } : {}), updated_at: iso(this.clock()) })
      .where('id', '=', d.id)
      .execute();
  }

  private async saveState(id: number, state: DeliveryState): Promise<void> {
    await this.db
      .updateTable('social_deliveries')
      .set({ state: JSON.stringify(state) })
      .where('id', '=', id)
      .execute();
  }

  // ---------- metrics ----------

  /**
   * Followers of every channel and the reach of posts from the last week,
   * stored as time series. One pull an hour by default keeps well inside
   * every platform's quota (YouTube's 10,000 units a day is the tightest).
   */
  async pullMetrics(): Promise<{ channels: number; posts: number }> {
    const channels = await this.db.selectFrom('social_channels').selectAll().where('status', '=', 'active').execute();
    const since = iso(new Date(this.clock().getTime() - 7 * 86_400_000));
    let posts = 0;
    for (const ch of channels) {
      const connector = this.deps.channels.connector(ch.platform as Platform);
      const at = iso(this.clock());
      try {
        const runtime = await this.deps.channels.runtime(ch.id);
        if (connector.channelMetrics) {
          const m = await connector.channelMetrics(runtime);
          if (Number.isFinite(m.followers))
            await this.db
              .insertInto('social_metrics')
              .values({ channel_id: ch.id, delivery_id: null, metric: 'followers', value: Math.round(m.followers), at })
              .execute();
        }
        if (connector.postMetrics) {
          const recent = await this.db
            .selectFrom('social_deliveries')
            .select(['id', 'remote_id'])
            .where('channel_id', '=', ch.id)
            .where('status', '=', 'delivered')
            .where('delivered_at', '>=', since)
            .orderBy('id', 'desc')
            .limit(50)
            .execute();
          for (const r of recent) {
            if (!r.remote_id) continue;
            const m = await connector.postMetrics(runtime, r.remote_id);
            for (const [metric, value] of Object.entries(m)) {
              if (typeof value === 'number' && Number.isFinite(value))
                await this.db
                  .insertInto('social_metrics')
                  .values({ channel_id: ch.id, delivery_id: r.id, metric, value: Math.round(value), at })
                  .execute();
            }
            posts++;
          }
        }
      } catch (err) {
        // one channel's trouble does not stop the others' figures
        this.deps.logger?.warn({ channel: ch.id, platform: ch.platform, error: (err as Error).message }, 'social metrics pull failed');
      }
    }
    await this.deps.outbox.enqueue(this.db, METRICS_TOPIC, {}, { runAfter: new Date(this.clock().getTime() + (this.deps.metricsEveryMinutes ?? 60) * 60_000), maxAttempts: 3 });
    return { channels: channels.length, posts };
  }

  /** A channel's samples of one metric, oldest first (followers by default). */
  async series(channelId: number, metric = 'followers', since?: string): Promise<{ at: string; value: number; deliveryId: number | null }[]> {
    let q = this.db.selectFrom('social_metrics').select(['at', 'value', 'delivery_id']).where('channel_id', '=', channelId).where('metric', '=', metric);
    if (since) q = q.where('at', '>=', since);
    const rows = await q.orderBy('at').limit(5000).execute();
    return rows.map((r) => ({ at: r.at, value: Number(r.value), deliveryId: r.delivery_id }));
  }
}

/** The outbox writes its rows through the same connection or transaction. */

function matches(ch: ChannelRow, lang: string, type: string, section: string | null): boolean {
  const languages = JSON.parse(ch.languages) as string[];
  const types = JSON.parse(ch.content_types) as string[];
  const sections = ch.sections ? (JSON.parse(ch.sections) as string[]) : null;
  return languages.includes(lang) && types.includes(type) && (sections === null || (section !== null && sections.includes(section)));
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function asConnectorError(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  // anything else (a bug, a store hiccup) is worth another try, not a verdict on the post
  return new ConnectorError('retry-later', err instanceof Error ? err.message : String(err));
}

/** A video's own file (not a page on a video site), which YouTube can take. */
export function videoFileUrl(meta: Record<string, unknown>): string | undefined {
  const src = typeof meta.sourceUrl === 'string' ? meta.sourceUrl : undefined;
  if (!src) return undefined;
  try {
    const u = new URL(src);
    if (/(^|\.)(youtube\.com|youtu\.be|facebook\.com|vimeo\.com)$/i.test(u.hostname)) return undefined;
    return /\.(mp4|m4v|mov|webm)$/i.test(u.pathname) ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Enough of a post for `accepts` (type, video file) before the item is loaded in full. */
function roughPost(type: string, meta: Record<string, unknown>): SocialPost {
  return { itemId: 0, type: type as SocialPost['type'], lang: 'vi', title: '', summary: '', bodyHtml: '', url: '', tags: [], videoUrl: videoFileUrl(meta), portalName: '' };
}

/** The item as connectors take it: absolute links, a cover picture, the video file. */
export function toSocialPost(item: Item, portal: Portal): SocialPost {
  const abs = (src: string | undefined) => {
    if (!src) return undefined;
    try {
      return new URL(src, portal.url).toString();
    } catch {
      return undefined;
    }
  };
  const cover = coverOf(item.meta)?.src;
  const galleryFirst = Array.isArray(item.meta.images) ? (item.meta.images as { src?: string }[])[0]?.src : undefined;
  const bodyImage = /<img[^>]+src="([^"]+)"/i.exec(item.body)?.[1];
  const poster = typeof item.meta.poster === 'string' ? item.meta.poster : undefined;
  return {
    itemId: item.id,
    type: item.type,
    lang: item.lang,
    title: item.title,
    summary: item.summary,
    bodyHtml: item.body,
    url: item.url,
    tags: item.tags,
    imageUrl: abs(cover ?? galleryFirst ?? poster ?? bodyImage),
    videoUrl: videoFileUrl(item.meta),
    portalName: portal.name[item.lang] ?? portal.name.vi ?? portal.slug,
    ...(socialTextOf(item.meta) ? { socialText: socialTextOf(item.meta) } : {}),
  };
}

function toDelivery(r: DeliveryRow, channelName: string, platform: Platform): Delivery {
  const state = safeJson(r.state);
  return {
    id: r.id,
    channel: r.channel_id,
    channelName,
    platform,
    itemId: r.item_id,
    status: r.status as DeliveryStatus,
    remoteId: r.remote_id,
    remoteUrl: r.remote_url,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deliveredAt: r.delivered_at,
    removedAt: typeof state.removedAt === 'string' ? state.removedAt : null,
  };
}
