import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { migrate, openStore, type Store } from './store/index.ts';
import { systemClock, type Clock } from './lib/time.ts';
import { PortalService } from './modules/portals/service.ts';
import { AccountService } from './modules/accounts/service.ts';
import { ContentService, SCHEDULED_PUBLISH_TOPIC } from './modules/content/service.ts';
import { Outbox, OutboxWorker } from './modules/outbox/outbox.ts';
import { buildServer } from './web/server.ts';

// The composition root: the one place that knows every part and wires them.
// `serve`, `worker`, the CLI and the tests all build the system through here.

export interface Services {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  portals: PortalService;
  accounts: AccountService;
  content: ContentService;
}

export interface BuildOptions {
  clock?: Clock;
  logger?: Logger;
  /** Skip `migrate` (the caller already did). */
  skipMigrate?: boolean;
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
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (!opts.skipMigrate) await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  const outbox = new Outbox(clock);
  const portals = new PortalService(store, config.publicUrl, clock);
  const accounts = new AccountService(store, clock);
  const content = new ContentService(store, portals, outbox, clock);

  outbox.handle(SCHEDULED_PUBLISH_TOPIC, (payload) => content.publishScheduled(payload));

  return { config, store, clock, logger, outbox, portals, accounts, content };
}

export function createWorker(services: Services, opts: { pollMs?: number } = {}): OutboxWorker {
  return new OutboxWorker(services.store, services.outbox, { clock: services.clock, logger: services.logger, pollMs: opts.pollMs });
}

export async function createWeb(services: Services, opts: { logRequests?: boolean } = {}): Promise<FastifyInstance> {
  return buildServer(services, { logger: opts.logRequests === false ? false : services.logger });
}
