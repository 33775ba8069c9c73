import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, socialEmulatorPort, type Config } from './config.ts';
import type { Services } from './services.ts';
import type { DemoSummary } from './demo/load.ts';
import { StoreError } from './store/errors.ts';
import { DomainError } from './lib/errors.ts';
import { systemContext } from './lib/request-context.ts';

// Heavy modules (store drivers, Fastify, the site) load inside the commands
// that need them, so `--help` and mistakes answer at once.
const appModule = () => import('./app.ts');
const storeModule = () => import('./store/index.ts');
const demoModule = () => import('./demo/index.ts');
const outboxModule = () => import('./modules/outbox/index.ts');
const backupModule = () => import('./modules/backup/index.ts');

// The `lantoa` command. Every failure a user can cause ends in one line on
// stderr and a non-zero exit; nothing here prints a stack trace for them.

class CliError extends Error {}

function fail(message: string): never {
  throw new CliError(message);
}

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const services = await (await appModule()).createServices(loadConfig());
  try {
    return await fn(services);
  } finally {
    await services.store.close();
  }
}

async function listen(services: Services, config: Config) {
  const app = await (await appModule()).createWeb(services);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    await app.close().catch(() => {});
    if (code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is taken; set PORT to a free port`);
    if (code === 'EACCES') fail(`not allowed to listen on port ${config.port}`);
    throw err;
  }
  return app;
}

/** Runs until SIGINT/SIGTERM, then lets in-flight requests finish and hands back unstarted outbox claims. */
function onShutdown(services: Services, close: () => Promise<void>) {
  let closing = false;
  const handler = async (signal: string) => {
    if (closing) return;
    closing = true;
    services.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    try {
      await close();
      await services.store.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void handler('SIGINT'));
  process.once('SIGTERM', () => void handler('SIGTERM'));
}

function printDemo(summary: DemoSummary | undefined, services: Services, config: Config, portalsList: { slug: string; url: string }[], socialUrl?: string) {
  const lines = ['', `Lantoa is serving on http://localhost:${config.port}  (store: ${services.store.engine})`, '', 'Portals:'];
  for (const p of portalsList) lines.push(`  ${p.slug.padEnd(14)} ${p.url}/`);
  lines.push('', `API:    http://localhost:${config.port}/api/v1/portals   docs: http://localhost:${config.port}/api/docs`);
  if (socialUrl) lines.push(`Social: chinhphu's publications go to Facebook, YouTube, X, Zalo and Viber emulators; see what they received at ${socialUrl}/`);
  if (summary) {
    lines.push('', `Demo accounts (password "${summary.password}"):`);
    for (const a of summary.accounts) lines.push(`  ${a.email.padEnd(30)} ${a.role} at ${a.portal}`);
    if (summary.picturesPending) lines.push('', `Demo pictures: ${summary.picturesPending} are being drawn in the background (first start on this machine); pages show each as it is done.`);
  }
  lines.push('', 'Sign in to the API with a bearer token:  npx lantoa token create --email admin@chinhphu.demo', '');
  process.stdout.write(lines.join('\n') + '\n');
}

async function reindexWithProgress(services: Services, batchSize?: number): Promise<void> {
  const bar = new cliProgress.SingleBar({ format: 'indexing [{bar}] {value}/{total} items  {rate} items/s', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
  const started = Date.now();
  bar.start(0, 0, { rate: 0 });
  const report = await services.search.reindex({
    batchSize,
    onProgress: (done, total) => {
      bar.setTotal(total);
      bar.update(done, { rate: Math.round(done / Math.max((Date.now() - started) / 1000, 0.001)) });
    },
  });
  bar.stop();
  const seconds = report.ms / 1000;
  process.stdout.write(`search index: ${report.indexed} items indexed, ${report.removed} stale entries removed in ${seconds.toFixed(1)} s (${Math.round(report.indexed / Math.max(seconds, 0.001))} items/s)\n`);
}

export function buildCli(): Command {
  const program = new Command('lantoa').description('Lantoa: a federated network of government information portals').showHelpAfterError().exitOverride();

  program
    .command('start')
    .description('migrate, load the demo network into an empty store, and run every role (web, API, worker) in one process')
    .action(async () => {
      const config = loadConfig();
      const services = await (await appModule()).createServices(config);
      let summary: DemoSummary | undefined;
      const stopDrawing = new AbortController();
      if (config.loadDemo && (await (await demoModule()).isStoreEmpty(services))) {
        process.stdout.write('Loading the demo network…\n');
        // pictures the drawing cache lacks (a fresh machine) are drawn after the server listens
        summary = await (await demoModule()).loadDemo(services, undefined, { pictures: 'background', signal: stopDrawing.signal });
        // the loader publishes through a content service of its own: index its items before the first search
        await services.search.reindex();
        void summary.pictures.then(
          (r) => {
            if (r.attached) process.stdout.write(`demo pictures: ${r.drawn} drawn in the background and attached to ${r.attached} items\n`);
          },
          (err: Error) => services.logger.warn({ err }, 'demo pictures not all drawn'),
        );
      }
      const app = await listen(services, config);
      const worker = (await appModule()).createWorker(services);
      worker.start();
      // the demo's social channels post to emulators of the five platforms, run here
      let social: { url: string; close(): Promise<void> } | undefined;
      if (config.loadDemo) {
        const port = Number(socialEmulatorPort());
        social = await (await import('./modules/social/demo.ts')).startDemoSocial(services, port).catch((err: NodeJS.ErrnoException) => {
          // an optional part: say so in one line and go on serving
          const why = err.code === 'EADDRINUSE' ? `port ${port} is taken (set SOCIAL_EMULATOR_PORT to a free port)` : err.message;
          process.stderr.write(`warning: social platform emulators not started: ${why}; the demo channels will wait\n`);
          services.logger.warn({ port, error: err.message }, 'social platform emulators not started; the demo channels will wait');
          return undefined;
        });
      }
      onShutdown(services, async () => {
        stopDrawing.abort();
        await summary?.pictures.catch(() => undefined);
        await app.close();
        await worker.stop();
        await social?.close();
      });
      printDemo(summary, services, config, await services.portals.list(), social?.url);
    });

  program
    .command('serve')
    .description('run the web roles (public site, API, admin) without the outbox worker')
    .action(async () => {
      const config = loadConfig();
      const services = await (await appModule()).createServices(config);
      const app = await listen(services, config);
      onShutdown(services, () => app.close());
      services.logger.info({ port: config.port, host: config.host }, 'serving');
    });

  program
    .command('emulate')
    .description('run local stand-ins of outside services')
    .command('social')
    .description('emulate the Facebook, YouTube, X, Zalo and Viber APIs (same paths, auth and error shapes) with fault injection; a page at / lists what each received')
    .option('--port <port>', 'port to listen on', socialEmulatorPort())
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--fault-rate <share>', 'share of write requests that fail (0..1)', '0')
    .action(async (o: { port: string; host: string; faultRate: string }) => {
      const port = Number(o.port);
      const rate = Number(o.faultRate);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError('--port must be a port number');
      if (!(rate >= 0 && rate <= 1)) throw new CliError('--fault-rate must be between 0 and 1');
      const { createSocialEmulator } = await import('./dev/social-emulator/index.ts');
      const emulator = createSocialEmulator();
      const url = await emulator.listen(port, o.host).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') fail(`port ${port} on ${o.host} is taken; choose another with --port`);
        if (err.code === 'EACCES') fail(`not allowed to listen on port ${port}`);
        throw err;
      });
      if (rate > 0) emulator.setFaultRate(rate, ['rate-limit', 'server-error', 'timeout', 'expired-token']);
      const lines = [`Social platform emulators on ${url}/  (what each received)`, ''];
      for (const p of emulator.platforms) {
        const a = emulator.account(p);
        lines.push(`  ${p.padEnd(9)} apiBaseUrl ${a.apiBaseUrl}`, `            credentials ${JSON.stringify(a.credentials)}`);
      }
      process.stdout.write(lines.join('\n') + '\n');
      const stop = () => void emulator.close().finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('worker')
    .description('run the outbox worker: scheduled publishing and every job the web roles queue')
    .action(async () => {
      const config = loadConfig();
      const services = await (await appModule()).createServices(config);
      const worker = (await appModule()).createWorker(services);
      worker.start();
      onShutdown(services, () => worker.stop());
      services.logger.info({ worker: worker.workerId }, 'outbox worker running');
    });

  program
    .command('migrate')
    .description('apply database migrations (idempotent)')
    .action(async () => {
      const config = loadConfig();
      // a migration may rewrite a large table: no statement or query time limit here
      const store = await (await storeModule()).openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeouts: { ...config.storeTimeouts, statementMs: 0, queryMs: 0 } });
      try {
        const applied = await (await storeModule()).migrate(store);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'already up to date\n');
      } finally {
        await store.close();
      }
    });

  program
    .command('demo')
    .description('load the demo network into the configured store (when empty), and optionally N extra generated items')
    .option('--articles <n>', 'also generate N published items spread over the portals (for benchmarks)')
    .action(async (opts: { articles?: string }) => {
      const extra = opts.articles === undefined ? 0 : Number(opts.articles);
      if (!Number.isInteger(extra) || extra < 0 || extra > 10_000_000) fail(`--articles must be a whole number from 0 to 10000000, got "${opts.articles}"`);
      await withServices(async (services) => {
        if (await (await demoModule()).isStoreEmpty(services)) {
          const summary = await (await demoModule()).loadDemo(services);
          for (const p of summary.portals) process.stdout.write(`${p.slug}: ${p.items} items  ${p.url}/\n`);
        } else process.stdout.write('the store already holds portals; demo network not loaded again\n');
        if (extra > 0) {
          const started = Date.now();
          const bar = new cliProgress.SingleBar({ format: 'generating [{bar}] {value}/{total} items', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
          bar.start(extra, 0);
          await (await demoModule()).generateArticles(services, extra, (done) => bar.update(done));
          bar.stop();
          process.stdout.write(`generated ${extra} items in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        }
        // generated items bypass the content service, and nothing may be running a worker: index now
        await reindexWithProgress(services);
      });
    });

  program
    .command('reindex')
    .description('rebuild the search index from the published items; safe while the site serves (search keeps answering throughout)')
    .option('--batch <n>', 'items per transaction', '500')
    .action(async (opts: { batch: string }) => {
      const batchSize = Number(opts.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) fail(`--batch must be a whole number from 1 to 10000, got "${opts.batch}"`);
      await withServices((services) => reindexWithProgress(services, batchSize));
    });

  const portal = program.command('portal').description('manage the portals of this deployment');
  portal
    .command('add')
    .description('create a portal (an operator connecting a ministry, province, agency or commune)')
    .requiredOption('--slug <slug>', 'short name, e.g. hanoi; the portal answers at <slug>.localhost')
    .requiredOption('--kind <kind>', 'central | ministry | province | agency | commune')
    .requiredOption('--name <name>', 'Vietnamese name, e.g. "Cổng Thông tin điện tử thành phố Hà Nội"')
    .option('--name-en <name>', 'English name')
    .option('--name-zh <name>', 'Chinese name')
    .option('--languages <list>', 'comma-separated, vi first', 'vi,en')
    .option('--parent <slug>', 'the portal this one belongs to')
    .option('--host <hostname...>', 'hostnames that serve this portal, e.g. hanoi.gov.vn')
    .requiredOption('--unit <unit>', 'cơ quan chủ quản — the agency that owns the portal')
    .requiredOption('--responsible <person>', 'người chịu trách nhiệm — the person legally responsible')
    .requiredOption('--address <address>', 'postal address shown in the footer')
    .requiredOption('--phone <phone>', 'phone shown in the footer')
    .requiredOption('--email <email>', 'contact email shown in the footer')
    .action(async (o: Record<string, string | string[] | undefined>) => {
      await withServices(async (services) => {
        const names: Record<string, string> = { vi: o.name as string };
        if (o.nameEn) names.en = o.nameEn as string;
        if (o.nameZh) names.zh = o.nameZh as string;
        const created = await services.portals.create({
          slug: o.slug as string,
          kind: o.kind as string,
          parent: o.parent as string | undefined,
          names,
          languages: String(o.languages)
            .split(',')
            .map((l) => l.trim())
            .filter(Boolean),
          hosts: (o.host as string[] | undefined) ?? [],
          contact: { unit: o.unit as string, responsible: o.responsible as string, address: o.address as string, phone: o.phone as string, email: o.email as string },
        });
        process.stdout.write(`portal ${created.slug} created: ${created.url}/\n`);
      });
    });

  const section = program.command('section').description('manage sections and sub-sites (chuyên trang)');
  section
    .command('add')
    .description('create a section, or a sub-site with --subsite')
    .requiredOption('--portal <slug>', 'the portal')
    .requiredOption('--slug <slug>', 'URL segment, e.g. tin-tuc')
    .requiredOption('--name <name>', 'Vietnamese name')
    .option('--name-en <name>', 'English name')
    .option('--name-zh <name>', 'Chinese name')
    .option('--subsite', 'a chuyên trang: its own home page, menu and colour')
    .option('--parent <slug>', 'the sub-site (or section) this one sits in')
    .option('--color <hex>', 'theme colour of a sub-site, e.g. #1a5fb4')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      await withServices(async (services) => {
        const target = await services.portals.bySlug(o.portal as string);
        if (!target) fail(`no portal "${o.portal}"`);
        const names: Record<string, string> = { vi: o.name as string };
        if (o.nameEn) names.en = o.nameEn as string;
        if (o.nameZh) names.zh = o.nameZh as string;
        const created = await services.portals.createSection(target, { slug: o.slug as string, kind: o.subsite ? 'subsite' : 'section', parent: o.parent as string | undefined, names, themeColor: o.color as string | undefined });
        process.stdout.write(`${created.kind} ${created.slug} created in ${target.slug}\n`);
      });
    });

  const outboxCmd = program.command('outbox').description('inspect and repair the outbox (jobs caused by changes: scheduled publishing, deliveries, …)');
  outboxCmd
    .command('status')
    .description('count jobs by state and list the dead ones with their last error')
    .action(async () => {
      await withServices(async (services) => {
        const counts = await (await outboxModule()).outboxCounts(services.store);
        process.stdout.write(`pending ${counts.pending}  running ${counts.running}  done ${counts.done}  dead ${counts.dead}\n`);
        const dead = await (await outboxModule()).deadJobs(services.store, 50);
        for (const d of dead) process.stdout.write(`dead #${d.id} ${d.topic} after ${d.attempts} attempts at ${d.finishedAt}: ${d.lastError}\n`);
      });
    });
  outboxCmd
    .command('retry')
    .description('put a dead job back in the queue, with its attempts reset')
    .argument('<id>', 'the job id from `outbox status`')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) fail(`job id must be a number, got "${id}"`);
      await withServices(async (services) => {
        if (!(await (await outboxModule()).retryDead(services.store, Number(id), services.clock))) fail(`no dead job #${id}`);
        process.stdout.write(`job #${id} queued again\n`);
      });
    });

  const fed = program.command('federation').description('connect portals across deployments: subscriptions, the network directory, keys');
  const list = (v: string | undefined) =>
    v === undefined
      ? undefined
      : v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
  const portalOf = async (services: Services, slug: string) => (await services.portals.bySlug(slug)) ?? fail(`no portal "${slug}"`);
  const when = (t: string | null) => (t ? t.replace('T', ' ').slice(0, 19) : 'never');
  fed
    .command('subscribe')
    .description("subscribe a portal to another portal's publications (the source verifies the request with a challenge)")
    .requiredOption('--portal <slug>', 'the subscribing portal of this deployment')
    .requiredOption('--source <url>', 'the source portal, e.g. http://chinhphu.localhost:3000')
    .option('--types <list>', 'content types to take, comma-separated (default: all)')
    .option('--languages <list>', 'languages to take, comma-separated (default: all the portal publishes in)')
    .option('--sections <list>', "the source's sections to take from (default: all)")
    .option('--mode <mode>', 'publish (live at once) or review (queued for an editor)', 'publish')
    .option('--section <slug>', 'a local section to place received items in')
    .action(async (o: { portal: string; source: string; types?: string; languages?: string; sections?: string; mode: string; section?: string }) => {
      await withServices(async (services) => {
        const portal = await portalOf(services, o.portal);
        const policy: Record<string, unknown> = { mode: o.mode };
        if (o.types) policy.types = list(o.types);
        if (o.languages) policy.languages = list(o.languages);
        if (o.sections) policy.sections = list(o.sections);
        if (o.section) policy.section = o.section;
        const sub = await services.federation.subscriptions.subscribe(systemContext(portal.id, 'cli'), portal, { source: o.source, policy });
        process.stdout.write(`subscription ${sub.id}: ${portal.slug} ← ${sub.source} (${sub.sourceSlug}) ${sub.status}${sub.lastError ? ` — ${sub.lastError}; retrying in the background` : ''}\n`);
      });
    });
  fed
    .command('list')
    .description('list subscriptions (what each portal follows) and subscribers (who follows it)')
    .option('--portal <slug>', 'only this portal')
    .action(async (o: { portal?: string }) => {
      await withServices(async (services) => {
        const only = o.portal ? (await portalOf(services, o.portal)).slug : undefined;
        const subs = (await services.federation.subscriptions.listAll()).filter((s) => !only || s.portal === only);
        const subscribers = (await services.federation.subscriptions.allSubscribers()).filter((s) => !only || s.portal === only);
        if (!subs.length && !subscribers.length) process.stdout.write('no subscriptions\n');
        for (const s of subs) process.stdout.write(`subscription ${s.id}: ${s.portal} ← ${s.source}  ${s.status}  mode ${s.policy.mode}  cursor ${s.cursor}\n`);
        for (const s of subscribers) process.stdout.write(`subscriber ${s.id}: ${s.portal} → ${s.subscriber}  ${s.status}  since #${s.startSequence}\n`);
      });
    });
  fed
    .command('status')
    .description('health of federation: cursors, last contact and errors of each subscription and subscriber, log heads, queued pushes')
    .option('--portal <slug>', 'only this portal')
    .action(async (o: { portal?: string }) => {
      await withServices(async (services) => {
        const only = o.portal ? (await portalOf(services, o.portal)).slug : undefined;
        for (const p of await services.portals.list()) {
          if (only && p.slug !== only) continue;
          process.stdout.write(`${p.slug}: log head #${await services.federation.log.head(p.id)}\n`);
        }
        for (const s of (await services.federation.subscriptions.listAll()).filter((x) => !only || x.portal === only)) {
          process.stdout.write(`subscription ${s.id}: ${s.portal} ← ${s.source}  ${s.status}  cursor #${s.cursor}  last contact ${when(s.lastContactAt)}  last pull ${when(s.lastPullAt)}${s.lastError ? `  ERROR ${s.lastError}` : ''}\n`);
        }
        for (const s of (await services.federation.subscriptions.allSubscribers()).filter((x) => !only || x.portal === only)) {
          process.stdout.write(`subscriber ${s.id}: ${s.portal} → ${s.subscriber}  ${s.status}  delivered #${s.deliveredSequence}  last contact ${when(s.lastContactAt)}${s.lastError ? `  ERROR ${s.lastError}` : ''}\n`);
        }
        const counts = await (await outboxModule()).outboxCounts(services.store, 'federation.');
        const jobs = (['pending', 'running', 'dead'] as const).filter((status) => counts[status] > 0).map((status) => ({ status, n: counts[status] }));
        process.stdout.write(`federation jobs: ${jobs.length ? jobs.map((j) => `${j.status} ${j.n}`).join('  ') : 'none waiting'}\n`);
      });
    });
  fed
    .command('remove')
    .description('stop following a source (received copies stay)')
    .requiredOption('--portal <slug>', 'the subscribing portal')
    .requiredOption('--id <n>', 'the subscription id from `federation list`')
    .action(async (o: { portal: string; id: string }) => {
      if (!/^\d+$/.test(o.id)) fail(`--id must be a number, got "${o.id}"`);
      await withServices(async (services) => {
        const portal = await portalOf(services, o.portal);
        await services.federation.subscriptions.remove(systemContext(portal.id, 'cli'), portal, Number(o.id));
        process.stdout.write(`subscription ${o.id} removed\n`);
      });
    });
  fed
    .command('pull')
    .description("pull every active subscription's source log now (the worker also does this on a timer)")
    .action(async () => {
      await withServices(async (services) => {
        const r = await services.federation.subscriptions.pollAll();
        process.stdout.write(`${r.subscriptions} subscriptions pulled: ${r.taken} entries taken in, ${r.failed} failed\n`);
      });
    });
  fed
    .command('rotate-key')
    .description('make a new signing key current; the old one keeps verifying for the grace period and endorses the new one')
    .requiredOption('--portal <slug>', 'the portal')
    .option('--grace <seconds>', 'how long the old key stays valid', String(7 * 24 * 3600))
    .action(async (o: { portal: string; grace: string }) => {
      if (!/^\d+$/.test(o.grace)) fail(`--grace must be a whole number of seconds, got "${o.grace}"`);
      await withServices(async (services) => {
        const portal = await portalOf(services, o.portal);
        const r = await services.federation.rotateKey(systemContext(portal.id, 'cli'), portal, Number(o.grace));
        process.stdout.write(`${portal.slug} now signs with ${r.keyId}${r.previous ? `; ${r.previous.keyId} verifies until ${r.previous.expiresAt}` : ''}\n`);
      });
    });
  fed
    .command('join')
    .description('ask a central portal to admit a portal to its network directory')
    .requiredOption('--portal <slug>', 'the portal that joins')
    .requiredOption('--directory <url>', 'the central portal, e.g. http://chinhphu.localhost:3000')
    .action(async (o: { portal: string; directory: string }) => {
      await withServices(async (services) => {
        const portal = await portalOf(services, o.portal);
        const v = await services.federation.network.join(systemContext(portal.id, 'cli'), portal, o.directory);
        process.stdout.write(`join request ${v.id} to ${v.directory}: ${v.status}\n`);
      });
    });
  fed
    .command('members')
    .description("list the join requests and members of a central portal's network")
    .requiredOption('--portal <slug>', 'the central portal')
    .option('--status <status>', 'pending | approved | rejected')
    .action(async (o: { portal: string; status?: string }) => {
      await withServices(async (services) => {
        const portal = await portalOf(services, o.portal);
        const members = await services.federation.network.members(portal, o.status);
        if (!members.length) process.stdout.write('no members\n');
        for (const m of members) process.stdout.write(`member ${m.id}: ${m.slug} (${m.kind}) ${m.url}  ${m.status}  last contact ${when(m.lastContactAt)}\n`);
      });
    });
  fed
    .command('approve')
    .description("approve a join request (pins the member's keys), or reject it with --reject")
    .requiredOption('--portal <slug>', 'the central portal')
    .requiredOption('--id <n>', 'the request id from `federation members`')
    .option('--reject', 'reject instead')
    .option('--note <text>', 'a note for the requesting portal')
    .action(async (o: { portal: string; id: string; reject?: boolean; note?: string }) => {
      if (!/^\d+$/.test(o.id)) fail(`--id must be a number, got "${o.id}"`);
      await withServices(async (services) => {
        const portal = await portalOf(services, o.portal);
        const m = await services.federation.network.decide(systemContext(portal.id, 'cli'), portal, { accountId: null, roles: ['admin'] }, Number(o.id), { decision: o.reject ? 'reject' : 'approve', note: o.note });
        process.stdout.write(`member ${m.id} (${m.url}) ${m.status}\n`);
      });
    });

  program
    .command('backup')
    .description('back up the deployment into DIR (new or empty): the store (SQLite online backup, or pg_dump), the secret and keys, media on local storage, and a manifest')
    .argument('<dir>', 'where to write the backup (outside DATA_DIR)')
    .action(async (dir: string) => {
      const { backup } = await backupModule();
      const manifest = await backup(loadConfig(), dir, { say: (line) => process.stderr.write(`${line}\n`) });
      const media = manifest.files.filter((f) => f.path.startsWith('media/')).length;
      process.stdout.write(
        `backup of the ${manifest.engine} store written to ${dir}: ${manifest.files.length} file(s) besides the store (${media} media), secret from ${manifest.secret.source === 'file' ? 'DATA_DIR/secret.key (included: keep the backup as safe as the deployment)' : 'LANTOA_SECRET (not included: keep it with the backup)'}${manifest.media === 's3' ? '; media are in S3 and not included: back up the bucket' : ''}\n`,
      );
    });

  program
    .command('restore')
    .description('restore a backup made by `lantoa backup` into this deployment (stopped): an empty DATA_DIR and, on PostgreSQL, an empty schema of the same name')
    .argument('<dir>', 'the backup directory')
    .option('--force', 'replace the store and files of a DATA_DIR or schema that is not empty')
    .action(async (dir: string, o: { force?: boolean }) => {
      const { restore } = await backupModule();
      const manifest = await restore(loadConfig(), dir, { force: o.force, say: (line) => process.stderr.write(`${line}\n`) });
      process.stdout.write(`restored the ${manifest.engine} store of ${manifest.createdAt} and ${manifest.files.length} file(s); migrations newer than the backup apply when the deployment starts\n`);
    });

  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an account (or add a role to an existing one) in a portal')
    .requiredOption('--email <email>', 'the account email')
    .requiredOption('--portal <slug>', 'the portal the role applies to')
    .requiredOption('--role <role>', 'admin | editor-in-chief | editor | writer | feedback-officer | analyst')
    .option('--password <password>', 'a password (at least 10 characters) for a new account; an existing account keeps its own unless --set-password')
    .option('--set-password', 'also replace the password of an existing account (ends its sessions, audited)')
    .option('--name <name>', 'display name')
    .action(async (opts: { email: string; portal: string; role: string; password?: string; setPassword?: boolean; name?: string }) => {
      if (opts.setPassword && opts.password === undefined) fail('--set-password needs --password');
      await withServices(async (services) => {
        const portal = await services.portals.bySlug(opts.portal);
        if (!portal) fail(`no portal "${opts.portal}"`);
        const account = await services.accounts.addUser({ email: opts.email, name: opts.name, portalId: portal.id, role: opts.role, password: opts.password, setPassword: opts.setPassword }, systemContext(portal.id, 'cli'));
        if (account.passwordChanged) {
          const { passwordChanged } = await import('./modules/sessions/index.ts');
          await passwordChanged(services.sessions, account.id);
        }
        process.stdout.write(`${account.email} is ${opts.role} at ${portal.slug}\n`);
        if (account.passwordChanged) process.stdout.write("password replaced; the account's sessions have ended\n");
        else if (!account.created && opts.password !== undefined) process.stderr.write('lantoa: the account exists: its password is unchanged (add --set-password to replace it)\n');
      });
    });

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('print a new API bearer token for an account (alone on the last line)')
    .requiredOption('--email <email>', 'the account email')
    .option('--name <name>', 'a label for the token', 'cli')
    .option('--portal <slug>', 'the token acts in this portal only (the account must hold a role there); without: wherever the account holds roles')
    .option('--expires <days>', 'the token is refused after this many days (1-3650); without: never')
    .action(async (opts: { email: string; name: string; portal?: string; expires?: string }) => {
      if (opts.expires !== undefined && !/^\d{1,4}$/.test(opts.expires)) fail(`--expires must be a number of days, got "${opts.expires}"`);
      await withServices(async (services) => {
        const portal = opts.portal === undefined ? undefined : await services.portals.bySlug(opts.portal);
        if (opts.portal !== undefined && !portal) fail(`no portal "${opts.portal}"`);
        const secret = await services.accounts.createToken(opts.email, opts.name, { portalId: portal?.id, expiresInDays: opts.expires === undefined ? undefined : Number(opts.expires) });
        const scope = portal ? ` in ${portal.slug} only` : '';
        const expiry = opts.expires ? `, for ${Number(opts.expires)} days` : '';
        process.stdout.write(`Token for ${opts.email}${scope}${expiry} (shown once; store it safely):\n${secret}\n`);
      });
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  const program = buildCli();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    const message =
      err instanceof CliError || err instanceof ConfigError || err instanceof StoreError || (err instanceof Error && err.name === 'BackupError')
        ? err.message
        : err instanceof DomainError
          ? ((err.extra.errors as { path: string; message: string }[] | undefined)?.map((e) => `${e.path.replace(/^\//, '')} ${e.message}`).join('; ') ?? err.message)
          : `unexpected error: ${(err as Error).message}`;
    process.stderr.write(`lantoa: ${message}\n`);
    process.exitCode = 1;
  }
}
