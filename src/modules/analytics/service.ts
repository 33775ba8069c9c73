import { analyticsSettings, type AnalyticsSettings } from './settings.ts';
import type { Clock } from '../../lib/time.ts';
import type { Store } from '../../store/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import { vnDay } from './calendar.ts';
import { normalizeHost, parseSourceKey } from './classify.ts';
import { Forwarder } from './forward.ts';
import { Ingestion, type AcceptResult, type Client, type HostIndex } from './ingest.ts';
import { AnalyticsQueries, previousRange, resolveRange, type Dimension, type Range, type Stats, type Totals } from './queries.ts';
import { AnalyticsStorage } from './storage.ts';

// Privacy-friendly analytics of the portals (DESIGN.md, Analytics): the
// beacon's events in (ingest.ts), counted into rollups (counting.ts), read
// back by the dashboards (queries.ts), optionally forwarded to a national
// collector (forward.ts). This is the module's public surface; the network
// view and uptime watch build on `totalsByPortal`, `stats` and `realtime`.

export { analyticsSettings, type AnalyticsSettings } from './settings.ts';

export interface AnalyticsDeps {
  store: Store;
  portals: PortalService;
  clock: Clock;
  /** public base URL: every portal also answers at <slug>.<its host> */
  publicUrl: URL;
  /** the other portals of the network (federation members), so a referral from one counts as "network" */
  networkPortals?: () => Promise<Array<{ slug: string; url: string }>>;
  logger?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export const CSV_TABLES = ['summary', 'series', 'pages', 'sources', 'devices', 'browsers', 'languages', 'events'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const HOSTS_TTL_MS = 5_000;
const NETWORK_TTL_MS = 60_000;

export class AnalyticsService {
  readonly settings: AnalyticsSettings;
  readonly ingestion: Ingestion;
  readonly queries: AnalyticsQueries;
  readonly forwarder: Forwarder | undefined;
  private readonly storage: AnalyticsStorage;
  private index: { at: number; value: HostIndex } | undefined;
  private building: Promise<HostIndex> | undefined;
  private network: { at: number; value: Map<string, string> } | undefined;

  constructor(
    private readonly deps: AnalyticsDeps,
    settings: Partial<AnalyticsSettings> = {},
  ) {
    this.settings = { ...analyticsSettings({}), ...settings };
    this.storage = new AnalyticsStorage(deps.store);
    this.queries = new AnalyticsQueries(this.storage.db, deps.store.engine);
    const s = this.settings;
    this.forwarder = s.forwardUrl ? new Forwarder({ url: s.forwardUrl, siteId: s.forwardSiteId, token: s.forwardToken, everyMs: s.forwardMs, logger: deps.logger }) : undefined;
    this.ingestion = new Ingestion(this.storage, () => this.hosts(), deps.clock, s, this.forwarder, deps.logger);
    // a new portal or hostname is counted from its first page view
    deps.portals.changes.on('change', () => (this.index = undefined));
  }

  // ---------- ingestion ----------

  /** One beacon `{n, u, r?, w?, p?}` from a reader: 202 counted or dropped (bots), 400 bad, 503 shed. */
  accept(body: unknown, client: Client): Promise<AcceptResult> {
    return this.ingestion.accept(body, client);
  }

  /** Writes what is buffered now (tests, tools); the timer does this on its own. */
  flush(): Promise<void> {
    return this.ingestion.drain();
  }

  /** Graceful shutdown: stops taking events and writes all of them. Call before closing the store. */
  close(): Promise<void> {
    return this.ingestion.close();
  }

  /** Counters for /metrics. */
  metrics() {
    return { ...this.ingestion.counters, buffered: this.ingestion.buffered, forwarded: this.forwarder?.counters.forwarded ?? 0, forwardDropped: this.forwarder?.counters.dropped ?? 0, forwardQueued: this.forwarder?.queued ?? 0 };
  }

  // ---------- reading ----------

  /** Today in Hà Nội. */
  today(): string {
    return vnDay(this.deps.clock().getTime());
  }

  /** A request's period (defaults: the last 30 days); ValidationError when malformed. */
  range(q: { from?: string; to?: string; interval?: string }): Range {
    return resolveRange(q, this.today());
  }

  stats(portal: Pick<Portal, 'id' | 'slug'>, range: Range, limit = 10): Promise<Stats> {
    return this.queries.stats(portal, range, limit);
  }

  realtime(portal: Pick<Portal, 'id'>, minutes = 5) {
    return this.queries.realtime(portal.id, this.deps.clock().getTime(), minutes);
  }

  /** A portal's counters day by day over a period (days without traffic absent). */
  dailyTotals(portal: Pick<Portal, 'id'>, range: Pick<Range, 'from' | 'to'>) {
    return this.queries.dailyTotals(portal.id, range.from, range.to);
  }

  /** Totals of every portal over a period, by slug (portals without traffic have zeros): the network view. */
  async totalsByPortal(range: Pick<Range, 'from' | 'to'>): Promise<Array<{ portal: Portal; totals: Totals }>> {
    const [portals, byId] = await Promise.all([this.deps.portals.list(), this.queries.totalsByPortal(range.from, range.to)]);
    const empty: Totals = { visitors: 0, visits: 0, pageviews: 0, bounceRate: 0, viewsPerVisit: 0, events: 0 };
    return portals.map((portal) => ({ portal, totals: byId.get(portal.id) ?? empty }));
  }

  /** One table of the dashboard as CSV (RFC 4180, CRLF), safe to open in a spreadsheet. */
  async csv(portal: Pick<Portal, 'id' | 'slug'>, range: Range, table: CsvTable): Promise<string> {
    const rows: unknown[][] = [];
    const top = (dim: Dimension) => this.queries.top(portal.id, dim, range.from, range.to, 1000);
    switch (table) {
      case 'summary': {
        const [now, before] = await Promise.all([
          this.queries.totals(portal.id, range.from, range.to),
          (async () => {
            const p = previousRange(range);
            return this.queries.totals(portal.id, p.from, p.to);
          })(),
        ]);
        rows.push(['metric', `${range.from}..${range.to}`, 'previous period']);
        for (const k of ['visitors', 'visits', 'pageviews', 'bounceRate', 'viewsPerVisit', 'events'] as const) rows.push([k, now[k], before[k]]);
        break;
      }
      case 'series':
        rows.push(['t', 'visitors', 'visits', 'pageviews']);
        for (const p of await this.queries.series(portal.id, range)) rows.push([p.t, p.visitors, p.visits, p.pageviews]);
        break;
      case 'pages':
        rows.push(['path', 'pageviews', 'visitors']);
        for (const r of await top('page')) rows.push([r.value, r.pageviews, r.visitors]);
        break;
      case 'sources':
        rows.push(['kind', 'source', 'visitors', 'visits', 'pageviews']);
        for (const r of await top('source')) {
          const s = parseSourceKey(r.value);
          rows.push([s.kind, s.kind === 'direct' ? 'direct' : s.name, r.visitors, r.visits, r.pageviews]);
        }
        break;
      case 'devices':
      case 'browsers':
      case 'languages': {
        const dim = table === 'devices' ? 'device' : table === 'browsers' ? 'browser' : 'lang';
        rows.push([dim, 'visitors', 'visits', 'pageviews']);
        for (const r of await top(dim)) rows.push([r.value, r.visitors, r.visits, r.pageviews]);
        break;
      }
      case 'events':
        rows.push(['kind', 'name', 'events', 'visitors']);
        for (const dim of ['event', 'outbound', 'download'] as const) for (const r of await top(dim)) rows.push([dim, r.value, r.events, r.visitors]);
        break;
    }
    return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  // ---------- hosts ----------

  private hosts(): HostIndex | Promise<HostIndex> {
    const idx = this.index;
    if (idx && Date.now() - idx.at < HOSTS_TTL_MS) return idx.value;
    const build = (this.building ??= this.buildIndex().finally(() => (this.building = undefined)));
    // a stale index answers at once while the new one is built
    return idx ? idx.value : build;
  }

  private async buildIndex(): Promise<HostIndex> {
    const portals = await this.deps.portals.list();
    const publicHost = this.deps.publicUrl.hostname.toLowerCase();
    const byHost = new Map<string, Portal>();
    const ownHosts = new Map<number, Set<string>>();
    const network = new Map<string, string>(await this.networkHosts());
    for (const p of portals) {
      const hosts = new Set<string>([...p.hosts.map(normalizeHost), `${p.slug}.localhost`, normalizeHost(new URL(p.url).host)]);
      if (publicHost !== 'localhost') hosts.add(`${p.slug}.${publicHost}`);
      ownHosts.set(p.id, hosts);
      for (const h of hosts) {
        byHost.set(h, p);
        network.set(h, p.slug);
      }
    }
    const value: HostIndex = {
      portal: (host) => byHost.get(host),
      sources: (portalId) => ({ ownHosts: ownHosts.get(portalId) ?? new Set(), networkHosts: network }),
    };
    this.index = { at: Date.now(), value };
    return value;
  }

  private async networkHosts(): Promise<Map<string, string>> {
    if (this.network && Date.now() - this.network.at < NETWORK_TTL_MS) return this.network.value;
    const value = new Map<string, string>();
    try {
      for (const p of (await this.deps.networkPortals?.()) ?? []) {
        try {
          value.set(normalizeHost(new URL(p.url).host), p.slug);
        } catch {
          // a member with a malformed address just does not count as the network
        }
      }
    } catch (err) {
      this.deps.logger?.warn({ err }, 'analytics: the network directory could not be read');
    }
    this.network = { at: Date.now(), value };
    return value;
  }
}

/** A CSV field, quoted when needed; text a spreadsheet would run as a formula is defused with a leading apostrophe. */
export function csvCell(v: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any value a report holds is written as its own text, as before
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
