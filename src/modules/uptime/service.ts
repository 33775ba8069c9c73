import { uptimeSettings, type UptimeSettings } from './settings.ts';
import type { Logger } from 'pino';
import type { Store } from '../../store/index.ts';
import type { Clock } from '../../lib/time.ts';
import { iso } from '../../lib/time.ts';
import type { Outbox } from '../outbox/index.ts';
import type { PortalService } from '../portals/index.ts';
import { OutboundPolicy, outgoingRequest as outgoing } from '../../lib/outbound.ts';
import { type UptimeDB } from './tables.ts';

// The uptime watch (the national monitoring centre's job, EMC): the central
// portal probes every portal of the network — its own deployment's and the
// approved members of its directory — each minute: `/healthz` says the
// process is alive, the home page says it actually serves readers. A portal
// is "down" after a few failed probes in a row (one lost packet is not an
// outage), "slow" after a few slow home pages in a row, and "up" again at the
// first good probe. Each change of state raises one alert, by email to the
// central portal's admins and by webhook, through the outbox so an alert
// survives a restart and a webhook that is down for a while.

export const PROBE_TOPIC = 'uptime.probe';
export const ALERT_MAIL_TOPIC = 'uptime.alert-mail';
export const ALERT_WEBHOOK_TOPIC = 'uptime.alert-webhook';

export { uptimeSettings, type UptimeSettings } from './settings.ts';

export type UptimeStatus = 'unknown' | 'up' | 'down' | 'slow';

export interface Target {
  slug: string;
  name: Record<string, string>;
  kind: string;
  url: string;
}

export interface ProbeResult {
  ok: boolean;
  latencyMs: number | null;
  statusCode: number | null;
  error: string | null;
}

export interface UptimeAlert {
  portal: string;
  name: string;
  url: string;
  status: 'down' | 'slow' | 'up';
  previous: UptimeStatus;
  at: string;
  /** why: the last error, or the latency that was too slow */
  detail: string | null;
}

export interface PortalUptime {
  slug: string;
  name: Record<string, string>;
  kind: string;
  url: string;
  status: UptimeStatus;
  since: string | null;
  lastCheckedAt: string | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  /** share of good probes, 0–1 (null: no probe in the window) */
  availability24h: number | null;
  availability30d: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  checks24h: number;
}

export interface UptimeDeps {
  store: Store;
  portals: PortalService;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  /** every portal to watch: this deployment's and the directory's members */
  targets: () => Promise<Target[]>;
  /** who gets alert emails: the central portal's admins */
  recipients: () => Promise<string[]>;
  mail: (to: string, subject: string, text: string) => Promise<void>;
  settings?: UptimeSettings;
  /** where probes of other deployments' portals may go (their addresses came with their join requests) */
  outbound: OutboundPolicy;
}

const HOUR_MS = 3600_000;
const KEEP_CHECKS_MS = 48 * HOUR_MS;

const percentile = (sorted: number[], p: number): number | null => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]);

export class UptimeService {
  readonly settings: UptimeSettings;
  private readonly db: UptimeDB;

  constructor(private readonly d: UptimeDeps) {
    this.settings = d.settings ?? uptimeSettings({});
    this.db = d.store.db;
    d.outbox.handle(PROBE_TOPIC, async () => {
      try {
        await this.probeAll();
      } finally {
        // the next round is queued even when this one failed, so the watch never stops by itself
        await d.outbox.enqueue(d.store.db, PROBE_TOPIC, {}, { runAfter: new Date(d.clock().getTime() + this.settings.intervalMs), maxAttempts: 1 });
      }
    });
    // two jobs per alert, so a webhook being retried never mails the admins twice
    d.outbox.handle(ALERT_MAIL_TOPIC, (payload: UptimeAlert) => this.mailAlert(payload));
    d.outbox.handle(ALERT_WEBHOOK_TOPIC, (payload: UptimeAlert) => this.postAlert(payload));
  }

  /** Whether this deployment watches the network: only one with a central portal does. */
  async watches(): Promise<boolean> {
    return this.settings.enabled && (await this.d.portals.list()).some((p) => p.kind === 'central');
  }

  /** One probe of one portal: `/healthz`, then the home page; its latency is the home page's. */
  async probe(url: string): Promise<ProbeResult> {
    const timeoutMs = this.settings.timeoutMs;
    // this deployment's own portals are the operator's addresses; a member's was chosen by that member
    const own = (await this.d.portals.list()).some((p) => p.url === url);
    const policy = own ? OutboundPolicy.unrestricted : this.d.outbound;
    try {
      const health = await outgoing({ url: `${url}/healthz`, timeoutMs, maxBytes: 64 * 1024, policy });
      if (health.status !== 200) return { ok: false, latencyMs: null, statusCode: health.status, error: `/healthz answered ${health.status}` };
      const started = performance.now();
      const home = await outgoing({ url: `${url}/`, timeoutMs, maxBytes: 4 * 1024 * 1024, policy, headers: { 'user-agent': 'LantoaUptime/1 (+network monitoring)' } });
      const latencyMs = Math.round(performance.now() - started);
      if (home.status < 200 || home.status >= 400) return { ok: false, latencyMs, statusCode: home.status, error: `home page answered ${home.status}` };
      return { ok: true, latencyMs, statusCode: home.status, error: null };
    } catch (err) {
      return { ok: false, latencyMs: null, statusCode: null, error: (err as Error).message.slice(0, 500) };
    }
  }

  /** Probes every portal of the network once, records the results and raises alerts on changes of state. */
  async probeAll(): Promise<{ probed: number; alerts: UptimeAlert[] }> {
    if (!(await this.watches())) return { probed: 0, alerts: [] };
    const targets = await this.syncTargets();
    const alerts: UptimeAlert[] = [];
    // a few at a time: fifty portals in one burst would measure our own congestion, not theirs
    const queue = [...targets];
    const run = async () => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        const result = await this.probe(t.url);
        const alert = await this.record(t.id, result);
        if (alert) alerts.push(alert);
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, targets.length) }, run));
    await this.db
      .deleteFrom('uptime_checks')
      .where('at', '<', iso(new Date(this.d.clock().getTime() - KEEP_CHECKS_MS)))
      .execute();
    return { probed: targets.length, alerts };
  }

  /** The watched portals as rows: new members added, members that left retired (their history stays). */
  private async syncTargets(): Promise<{ id: number; url: string }[]> {
    const wanted = await this.d.targets();
    const rows = await this.db.selectFrom('uptime_targets').selectAll().execute();
    const byUrl = new Map(rows.map((r) => [r.url, r]));
    const wantedUrls = new Set(wanted.map((t) => t.url));
    for (const t of wanted) {
      const row = byUrl.get(t.url);
      if (!row) {
        await this.db
          .insertInto('uptime_targets')
          .values({ url: t.url, slug: t.slug, name: JSON.stringify(t.name), kind: t.kind, status: 'unknown', since: null, last_checked_at: null, last_latency_ms: null, last_error: null })
          .onConflict((oc) => oc.column('url').doNothing())
          .execute();
      } else if (row.retired || row.slug !== t.slug || row.kind !== t.kind || row.name !== JSON.stringify(t.name)) {
        await this.db
          .updateTable('uptime_targets')
          .set({ retired: 0, slug: t.slug, kind: t.kind, name: JSON.stringify(t.name) })
          .where('id', '=', row.id)
          .execute();
      }
    }
    for (const r of rows) if (!r.retired && !wantedUrls.has(r.url)) await this.db.updateTable('uptime_targets').set({ retired: 1 }).where('id', '=', r.id).execute();
    return this.db.selectFrom('uptime_targets').select(['id', 'url']).where('retired', '=', 0).orderBy('id').execute();
  }

  /** Stores one probe, moves the portal's state, and queues an alert when the state changed. */
  async record(targetId: number, r: ProbeResult): Promise<UptimeAlert | undefined> {
    const now = this.d.clock();
    const at = iso(now);
    const hour = at.slice(0, 13);
    const s = this.settings;
    return this.db.transaction().execute(async (trx) => {
      const t = await trx.selectFrom('uptime_targets').selectAll().where('id', '=', targetId).executeTakeFirstOrThrow();
      await trx
        .insertInto('uptime_checks')
        .values({ target_id: targetId, at, ok: r.ok ? 1 : 0, latency_ms: r.latencyMs, status_code: r.statusCode, error: r.error })
        .execute();
      const latency = r.ok ? (r.latencyMs ?? 0) : 0;
      await trx
        .insertInto('uptime_hourly')
        .values({ target_id: targetId, hour, checks: 1, up: r.ok ? 1 : 0, latency_sum: latency, latency_max: latency })
        .onConflict((oc) =>
          oc.columns(['target_id', 'hour']).doUpdateSet((eb) => ({
            checks: eb('uptime_hourly.checks', '+', 1),
            up: eb('uptime_hourly.up', '+', r.ok ? 1 : 0),
            latency_sum: eb('uptime_hourly.latency_sum', '+', latency),
            // portable max(a, b): SQLite has a two-argument max(), PostgreSQL greatest()
            latency_max: eb.case().when('uptime_hourly.latency_max', '<', latency).then(latency).else(eb.ref('uptime_hourly.latency_max')).end(),
          })),
        )
        .execute();

      const failures = r.ok ? 0 : t.failures + 1;
      const slowChecks = r.ok && (r.latencyMs ?? 0) > s.slowMs ? t.slow_checks + 1 : 0;
      const previous = t.status as UptimeStatus;
      let status: UptimeStatus = previous;
      if (!r.ok) {
        if (failures >= s.downAfter) status = 'down';
      } else if (slowChecks >= s.slowAfter) status = 'slow';
      else if (slowChecks === 0 || previous === 'down' || previous === 'unknown') status = 'up';
      const changed = status !== previous;
      await trx
        .updateTable('uptime_targets')
        .set({ status, since: changed ? at : t.since, last_checked_at: at, last_latency_ms: r.latencyMs, last_error: r.error, failures, slow_checks: slowChecks })
        .where('id', '=', targetId)
        .execute();
      // the first verdict on a portal is not news; every later change is
      if (!changed || (previous === 'unknown' && status === 'up')) return undefined;
      const names = JSON.parse(t.name) as Record<string, string>;
      const alert: UptimeAlert = {
        portal: t.slug,
        name: names.vi ?? t.slug,
        url: t.url,
        status: status as UptimeAlert['status'],
        previous,
        at,
        detail: status === 'slow' ? `home page took ${r.latencyMs} ms (limit ${s.slowMs} ms)` : r.error,
      };
      await this.d.outbox.enqueue(trx, ALERT_MAIL_TOPIC, alert, { maxAttempts: 10 });
      if (s.webhookUrl) await this.d.outbox.enqueue(trx, ALERT_WEBHOOK_TOPIC, alert, { maxAttempts: 20 });
      return alert;
    });
  }

  /** The alert email, to the central portal's admins and UPTIME_ALERT_EMAILS. */
  private async mailAlert(a: UptimeAlert): Promise<void> {
    const subject = a.status === 'down' ? `[Lantoa] ${a.name} is DOWN` : a.status === 'slow' ? `[Lantoa] ${a.name} is SLOW` : `[Lantoa] ${a.name} has RECOVERED`;
    const lines = [`${a.name} (${a.url})`, `State: ${a.previous} -> ${a.status}, at ${a.at}`];
    if (a.detail) lines.push(`Detail: ${a.detail}`);
    lines.push('', 'Sent by the uptime watch of the central portal.');
    const to = [...new Set([...(await this.d.recipients()), ...this.settings.alertEmails])];
    for (const address of to) await this.d.mail(address, subject, lines.join('\n'));
  }

  /** The alert as JSON to UPTIME_WEBHOOK_URL; anything but 2xx makes the outbox try again later. */
  private async postAlert(a: UptimeAlert): Promise<void> {
    if (!this.settings.webhookUrl) return;
    // UPTIME_WEBHOOK_URL is the operator's own address: not filtered
    const res = await outgoing({
      method: 'POST',
      url: this.settings.webhookUrl,
      policy: OutboundPolicy.unrestricted,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'uptime', ...a }),
      timeoutMs: 10_000,
      maxBytes: 64 * 1024,
    });
    if (res.status < 200 || res.status >= 300) throw new Error(`uptime webhook answered ${res.status}`);
  }

  /** Every watched portal (or only those at `only.urls`) with its state, availability over 24 hours and 30 days, and latency percentiles. */
  async report(only?: { urls: readonly string[] }): Promise<PortalUptime[]> {
    const now = this.d.clock().getTime();
    const since24 = iso(new Date(now - 24 * HOUR_MS));
    const since30 = iso(new Date(now - 30 * 24 * HOUR_MS)).slice(0, 13);
    const targets = await this.db.selectFrom('uptime_targets').selectAll().where('retired', '=', 0).orderBy('id').execute();
    const checks = await this.db.selectFrom('uptime_checks').select(['target_id', 'ok', 'latency_ms']).where('at', '>=', since24).execute();
    const hourly = await this.db
      .selectFrom('uptime_hourly')
      .select((eb) => ['target_id', eb.fn.sum<number | string>('checks').as('checks'), eb.fn.sum<number | string>('up').as('up')])
      .where('hour', '>=', since30)
      .groupBy('target_id')
      .execute();
    const month = new Map(hourly.map((h) => [h.target_id, { checks: Number(h.checks), up: Number(h.up) }]));
    const day = new Map<number, { checks: number; up: number; latencies: number[] }>();
    for (const c of checks) {
      const d = day.get(c.target_id) ?? { checks: 0, up: 0, latencies: [] };
      d.checks++;
      if (c.ok) {
        d.up++;
        if (c.latency_ms !== null) d.latencies.push(c.latency_ms);
      }
      day.set(c.target_id, d);
    }
    return targets
      .filter((t) => !only || only.urls.includes(t.url))
      .map((t) => {
        const d = day.get(t.id);
        const mth = month.get(t.id);
        const lat = (d?.latencies ?? []).sort((a, b) => a - b);
        return {
          slug: t.slug,
          name: JSON.parse(t.name) as Record<string, string>,
          kind: t.kind,
          url: t.url,
          status: t.status as UptimeStatus,
          since: t.since,
          lastCheckedAt: t.last_checked_at,
          lastLatencyMs: t.last_latency_ms,
          lastError: t.last_error,
          availability24h: d && d.checks ? d.up / d.checks : null,
          availability30d: mth && mth.checks ? mth.up / mth.checks : null,
          latencyP50Ms: percentile(lat, 0.5),
          latencyP95Ms: percentile(lat, 0.95),
          checks24h: d?.checks ?? 0,
        };
      });
  }
}
