import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { loadSettings, type Config } from './config.ts';
import { migrate, openStore } from './store/index.ts';
import { systemClock, type Clock } from './lib/time.ts';
import { PortalService } from './modules/portals/index.ts';
import { AccountService } from './modules/accounts/index.ts';
import { ContentService, EditorialQueries, EVENTS, PublishFlow, SCHEDULED_PUBLISH_TOPIC, syncIndexEntry } from './modules/content/index.ts';
import { SearchService } from './modules/search/index.ts';
import { Outbox, OutboxWorker } from './modules/outbox/index.ts';
import { PageCacheService, type PageCacheSettings } from './modules/pagecache/index.ts';
import { createSessionModules, type SessionOptions } from './modules/sessions/index.ts';
import { registerWorkflowMail } from './modules/notifications/index.ts';
import { AuditService } from './modules/audit/index.ts';
import { MediaService, mediaStorage } from './modules/media/index.ts';
import { SocialService } from './modules/social/index.ts';
import { METRICS_TOPIC } from './modules/social/index.ts';
import { ANSWER_PUBLISHED, FeedbackService } from './modules/feedback/index.ts';
import { ProofOfWork } from './modules/feedback/index.ts';
import { loadSecret, Sealer } from './lib/secrets.ts';
import { hkdfSync } from 'node:crypto';
import { FederationService } from './modules/federation/index.ts';
import { AnalyticsService, type AnalyticsSettings } from './modules/analytics/index.ts';
import { PROBE_TOPIC, UptimeService } from './modules/uptime/index.ts';
import { NetworkView, REPORT_TOPIC } from './modules/network/index.ts';
import { HOME_REFRESH_TOPIC, HomeService, type HomeRefresh } from './modules/home/index.ts';
import type { Services } from './services.ts';

// The composition root: the one place that knows every part and wires them.
// `serve`, `worker`, the CLI and the tests all build the system through here.

export type { Services } from './services.ts';

export interface BuildOptions {
  clock?: Clock;
  logger?: Logger;
  /** Environment the modules' settings are read from (loadSettings); this process's when absent. */
  env?: NodeJS.ProcessEnv;
  /** Skip `migrate` (the caller already did). */
  skipMigrate?: boolean;
  /** Page cache settings over those from the environment (PAGE_CACHE, PAGE_CACHE_MB, CDN_PURGE_URL, …). */
  pageCache?: Partial<PageCacheSettings>;
  /** Admin session, throttling and mail settings over those from the environment. */
  admin?: SessionOptions;
  /** Social delivery settings: tries per delivery and the first retry delay (tests of long fault runs). */
  social?: { maxAttempts?: number; retryBaseMs?: number };
  /** Analytics settings over those from the environment (ANALYTICS_*). */
  analytics?: Partial<AnalyticsSettings>;
}

export function createLogger(config: Config): Logger {
  return pino({
    level: config.logLevel,
    // tokens, passwords and cookies never reach the logs
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.credentials'], censor: '[redacted]' },
  });
}

export async function createServices(config: Config, opts: BuildOptions = {}): Promise<Services> {
  const logger = opts.logger ?? createLogger(config);
  const clock = opts.clock ?? systemClock;
  // read before the store opens: a malformed setting stops the start with nothing to close
  const settings = loadSettings(opts.env);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeouts: config.storeTimeouts, logger });
  try {
    if (!opts.skipMigrate) await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  const outbox = new Outbox(clock);
  const audit = new AuditService(store, clock);
  const portals = new PortalService(store, config.publicUrl, clock, audit);
  const accounts = new AccountService(store, clock, audit);
  // Search writes its index inside content's publishing transactions; result URLs are content's.
  const search: SearchService = new SearchService(store, portals, (portal, lang, section, type, slug): string => content.itemUrl(portal, lang, section, type, slug));
  const content: ContentService = new ContentService(store, portals, outbox, audit, clock, search.indexer);
  // A safety net for writers built without the indexer (the demo loader, importers):
  // each publication event re-checks the item's entry, a no-op when it is current.
  for (const event of Object.values(EVENTS)) {
    outbox.subscribe(event, 'search-index', (payload: { itemId: number }) => syncIndexEntry(store, search.catchUpIndexer, payload.itemId), { leaseMs: LOCAL_JOB_LEASE_MS });
  }

  outbox.handle(SCHEDULED_PUBLISH_TOPIC, (payload: { itemId: number; scheduledAt: string }) => content.publishScheduled(payload), { leaseMs: LOCAL_JOB_LEASE_MS });
  const pagecache = new PageCacheService({ store, content, portals, outbox, databaseUrl: config.databaseUrl, timeouts: config.storeTimeouts, logger }, { ...settings.pageCache, ...opts.pageCache });

  // the deployment secret (LANTOA_SECRET or DATA_DIR/secret.key), made on first use
  const secret = () => loadSecret(config.dataDir, config.secret);
  const sessions = createSessionModules(store, clock, logger, settings, { ...opts.admin, secret, audit });
  // "an item waits for you" emails, through the outbox: never in the way of the workflow step
  registerWorkflowMail({ store, content, portals, accounts, outbox, mailer: sessions.mailer, logger });
  const media = new MediaService(store, mediaStorage(settings.media, path.join(config.dataDir, 'media')), audit, clock);
  const editorial = new EditorialQueries(store, accounts);
  // registers its outbox handlers: the log after each publication, pushes, pulls, notices
  const federation = new FederationService({ store, content, portals, outbox, audit, clock, logger, dataDir: config.dataDir, outbound: config.outbound, secret, settings: settings.federation });
  // the network index lists the directory's members: a decision on one makes it stale everywhere
  federation.network.changes.on('directory', () => {
    void pagecache.invalidateNetwork().catch((err) => logger.warn({ err }, 'could not invalidate the network index'));
  });

  // registers its publication hook (deliveries queued in the publishing transaction) and its jobs
  const social = new SocialService({
    outbound: config.outbound,
    store,
    content,
    portals,
    outbox,
    audit,
    clock,
    logger,
    dataDir: config.dataDir,
    ...opts.social,
    metricsEveryMinutes: settings.social.metricsEveryMinutes,
    timeoutMs: settings.social.timeoutMs,
    secret,
    notifyAdmins: async (portal, subject, text) => {
      const admins = (await accounts.members(portal.id)).filter((m) => m.roles.includes('admin'));
      for (const a of admins) await sessions.mailer.send({ to: a.email, subject, text });
    },
  });

  // the newsroom's workflow step with the channels an editor picks for a publication
  const publishing = new PublishFlow({ content, channels: social.deliveries });

  // keys for citizens' personal data and the proof of work, all from the deployment secret
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', secret(), Buffer.from('lantoa'), Buffer.from(purpose), 32));
  let pow: ProofOfWork | undefined;
  const lazyPow = {
    createChallenge: () => (pow ??= new ProofOfWork({ secret: derive('feedback proof of work v1') })).createChallenge(),
    verify: (payload: string) => (pow ??= new ProofOfWork({ secret: derive('feedback proof of work v1') })).verify(payload),
  } as ProofOfWork;
  let hashKey: Buffer | undefined;
  const feedback = new FeedbackService({
    store,
    portals,
    audit,
    accounts,
    outbox,
    clock,
    sealer: new Sealer(secret, 'feedback personal data v1'),
    hashKey: () => (hashKey ??= derive('feedback contact keys v1')),
    pow: lazyPow,
    forwardsPerPeerPerHour: settings.feedback.forwardsPerPeerPerHour,
    mail: (to, subject, text) => sessions.mailer.send({ to, subject, text }),
    // cases forwarded to portals of other deployments travel signed and sealed through federation
    peers: {
      connected: (portal) => federation.connectedPortals(portal),
      isConnected: (portal, url) => federation.isConnected(portal, url),
      resolve: (from, url) => federation.directPeer(from, url),
      open: (portal, box, context) => federation.openSealed(portal, box, context),
      send: (from, inbox, message) => federation.sendDirect(from, inbox, message),
    },
  });
  for (const [type, handler] of Object.entries(feedback.peerHandlers())) federation.handle(type as 'feedback-forward' | 'feedback-update', handler);
  // a published answer shows on the articles of its field: drop those pages here and on every node, and at the CDN
  feedback.changes.on('answer-published', (e: { portal: string; field: string }) => pagecache.answersChanged(e.portal, e.field));
  if (pagecache.settings.cdnPurgeUrl) outbox.subscribe(ANSWER_PUBLISHED, 'cdn-purge', (e: { portal: string; field: string }) => pagecache.purgeKeysAtCdn(pagecache.answersKeys(e.portal, e.field)));
  const home = new HomeService({ store, content, outbox, audit, clock, purgeAtCdn: () => Boolean(pagecache.settings.cdnPurgeUrl) });
  home.changes.on('change', (e: HomeRefresh) => pagecache.dropKeys(e.keys));
  // a pin's end, a banner's start and end: the pages showing them drop when the moment comes (and at the CDN)
  outbox.handle(
    HOME_REFRESH_TOPIC,
    async (e: HomeRefresh) => {
      await pagecache.bus.publish(e.keys);
      await pagecache.purgeKeysAtCdn(e.keys);
    },
    { leaseMs: 15_000 },
  );
  const uptime = new UptimeService({
    settings: settings.uptime,
    outbound: config.outbound,
    store,
    portals,
    outbox,
    clock,
    logger,
    targets: async () => (await federation.network.networkPortals()).map((p) => ({ slug: p.slug, name: p.name, kind: p.kind, url: p.url })),
    recipients: async () => {
      const central = (await portals.list()).find((p) => p.kind === 'central');
      return central ? (await accounts.members(central.id)).filter((m) => m.roles.includes('admin')).map((m) => m.email) : [];
    },
    mail: async (to, subject, text) => {
      // an alert that could not be sent is tried again by the outbox (with no SMTP at all, there is nothing to retry)
      if (!(await sessions.mailer.send({ to, subject, text })) && sessions.mailer.enabled) throw new Error('uptime alert email not sent');
    },
  });

  outbox.handle(FEEDBACK_DAILY_TOPIC, async () => {
    await feedback.remind();
    await feedback.eraseExpired();
    await outbox.enqueue(store.db, FEEDBACK_DAILY_TOPIC, {}, { runAfter: new Date(clock().getTime() + 3600_000), maxAttempts: 3 });
  });

  const analytics = new AnalyticsService({ store, portals, clock, publicUrl: config.publicUrl, logger, networkPortals: () => federation.network.networkPortals() }, { ...settings.analytics, ...opts.analytics });

  // takes members' reports at the central portal (a federation message type) and sends this deployment's own, hourly
  const network = new NetworkView({ store, portals, federation, analytics, feedback, uptime, outbox, clock, logger, reportEveryMs: settings.networkReportEveryMs });

  return { config, settings, store, clock, logger, outbox, portals, accounts, content, search, pagecache, sessions, audit, media, editorial, federation, social, feedback, uptime, analytics, network, home, publishing };
}

export const FEEDBACK_DAILY_TOPIC = 'feedback.deadlines';

/** Jobs that only touch the store take well under a second: a crashed worker's are taken over after 10 s. */
const LOCAL_JOB_LEASE_MS = 10_000;

/** Enqueues a recurring job unless one is already waiting (each run enqueues the next). */
async function scheduleOnce(services: Services, topic: string, delayMs = 0): Promise<void> {
  await services.outbox.enqueueUnlessWaiting(services.store.db, topic, {}, { maxAttempts: 3, runAfter: delayMs ? new Date(services.clock().getTime() + delayMs) : undefined });
}

/** The worker role: the outbox worker, plus federation's delivery loops (pushes) and catch-up timer (pulls). */
class WorkerRole extends OutboxWorker {
  constructor(
    private readonly services: Services,
    opts: { pollMs?: number },
    private readonly catchUp: { start(): void; stop(): Promise<void> },
  ) {
    super(services.store, services.outbox, { clock: services.clock, logger: services.logger, pollMs: opts.pollMs });
  }
  override start(): void {
    super.start();
    this.catchUp.start();
    // followers and post reach are pulled on a schedule kept in the outbox
    scheduleOnce(this.services, METRICS_TOPIC).catch((err) => this.services.logger.warn({ err }, 'could not schedule social metrics'));
    // feedback reminders before due dates and the erasure of expired personal data, hourly
    scheduleOnce(this.services, FEEDBACK_DAILY_TOPIC).catch((err) => this.services.logger.warn({ err }, 'could not schedule feedback reminders'));
    // members report their daily figures to the network they joined, hourly (the first a minute after start)
    scheduleOnce(this.services, REPORT_TOPIC, Math.min(60_000, this.services.network.reportEveryMs)).catch((err) => this.services.logger.warn({ err }, 'could not schedule network reports'));
    // the uptime watch's first round one interval after start: a portal still starting is not "down"
    this.services.uptime
      .watches()
      .then((yes) => (yes ? scheduleOnce(this.services, PROBE_TOPIC, this.services.uptime.settings.intervalMs) : undefined))
      .catch((err) => this.services.logger.warn({ err }, 'could not schedule the uptime watch'));
  }
  override async stop(): Promise<void> {
    await Promise.all([this.catchUp.stop(), super.stop()]);
  }
}

export function createWorker(services: Services, opts: { pollMs?: number; federationPollMs?: number } = {}): OutboxWorker {
  return new WorkerRole(services, opts, services.federation.poller(opts.federationPollMs));
}

export async function createWeb(services: Services, opts: { logRequests?: boolean } = {}): Promise<FastifyInstance> {
  // The web layer is loaded only by the roles that serve: CLI commands like
  // `user add` or `worker` start faster without Fastify, the site and the admin.
  const [{ buildServer }, { createSite }, { createAdmin }] = await Promise.all([import('./web/server.ts'), import('./web/site/index.ts'), import('./web/admin/index.ts')]);
  const site = createSite(services);
  const admin = createAdmin(services);
  return buildServer(services, { logger: opts.logRequests === false ? false : services.logger, extensions: [(app) => admin.register(app), (app) => site.register(app)], pages: site });
}
