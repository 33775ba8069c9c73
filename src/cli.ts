import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createServices, createWeb, createWorker, type Services } from './app.ts';
import { migrate, openStore, StoreError } from './store/index.ts';
import { DomainError } from './lib/errors.ts';
import { DEMO_PASSWORD, isStoreEmpty, loadDemo, type DemoSummary } from './modules/demo/load.ts';
import { generateArticles } from './modules/demo/generate.ts';
import { outboxCounts, retryDead } from './modules/outbox/outbox.ts';

// The `lantoa` command. Every failure a user can cause ends in one line on
// stderr and a non-zero exit; nothing here prints a stack trace for them.

class CliError extends Error {}

function fail(message: string): never {
  throw new CliError(message);
}

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const services = await createServices(loadConfig());
  try {
    return await fn(services);
  } finally {
    await services.store.close();
  }
}

async function listen(services: Services, config: Config) {
  const app = await createWeb(services);
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

function printDemo(summary: DemoSummary | undefined, services: Services, config: Config, portalsList: { slug: string; url: string }[]) {
  const lines = ['', `Lantoa is serving on http://localhost:${config.port}  (store: ${services.store.engine})`, '', 'Portals:'];
  for (const p of portalsList) lines.push(`  ${p.slug.padEnd(14)} ${p.url}/`);
  lines.push('', `API:    http://localhost:${config.port}/api/v1/portals   docs: http://localhost:${config.port}/api/docs`);
  if (summary) {
    lines.push('', `Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of summary.accounts) lines.push(`  ${a.email.padEnd(30)} ${a.role} at ${a.portal}`);
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
  const program = new Command('lantoa')
    .description('Lantoa: a federated network of government information portals')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('start')
    .description('migrate, load the demo network into an empty store, and run every role (web, API, worker) in one process')
    .action(async () => {
      const config = loadConfig();
      const services = await createServices(config);
      let summary: DemoSummary | undefined;
      if (config.loadDemo && (await isStoreEmpty(services))) {
        process.stdout.write('Loading the demo network…\n');
        summary = await loadDemo(services);
      }
      const app = await listen(services, config);
      const worker = createWorker(services);
      worker.start();
      onShutdown(services, async () => {
        await app.close();
        await worker.stop();
      });
      printDemo(summary, services, config, await services.portals.list());
    });

  program
    .command('serve')
    .description('run the web roles (public site, API, admin) without the outbox worker')
    .action(async () => {
      const config = loadConfig();
      const services = await createServices(config);
      const app = await listen(services, config);
      onShutdown(services, () => app.close());
      services.logger.info({ port: config.port, host: config.host }, 'serving');
    });

  program
    .command('worker')
    .description('run the outbox worker: scheduled publishing and every job the web roles queue')
    .action(async () => {
      const config = loadConfig();
      const services = await createServices(config);
      const worker = createWorker(services);
      worker.start();
      onShutdown(services, () => worker.stop());
      services.logger.info({ worker: worker.workerId }, 'outbox worker running');
    });

  program
    .command('migrate')
    .description('apply database migrations (idempotent)')
    .action(async () => {
      const config = loadConfig();
      const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrate(store);
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
        if (await isStoreEmpty(services)) {
          const summary = await loadDemo(services);
          for (const p of summary.portals) process.stdout.write(`${p.slug}: ${p.items} items  ${p.url}/\n`);
        } else process.stdout.write('the store already holds portals; demo network not loaded again\n');
        if (extra > 0) {
          const started = Date.now();
          const bar = new cliProgress.SingleBar({ format: 'generating [{bar}] {value}/{total} items', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
          bar.start(extra, 0);
          await generateArticles(services, extra, (done) => bar.update(done));
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
          languages: String(o.languages).split(',').map((l) => l.trim()).filter(Boolean),
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
        const counts = await outboxCounts(services.store);
        process.stdout.write(`pending ${counts.pending}  running ${counts.running}  done ${counts.done}  dead ${counts.dead}\n`);
        const dead = await services.store.db.selectFrom('outbox').select(['id', 'topic', 'attempts', 'last_error', 'finished_at']).where('status', '=', 'dead').orderBy('id', 'desc').limit(50).execute();
        for (const d of dead) process.stdout.write(`dead #${d.id} ${d.topic} after ${d.attempts} attempts at ${d.finished_at}: ${d.last_error}\n`);
      });
    });
  outboxCmd
    .command('retry')
    .description('put a dead job back in the queue, with its attempts reset')
    .argument('<id>', 'the job id from `outbox status`')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) fail(`job id must be a number, got "${id}"`);
      await withServices(async (services) => {
        if (!(await retryDead(services.store, Number(id), services.clock))) fail(`no dead job #${id}`);
        process.stdout.write(`job #${id} queued again\n`);
      });
    });

  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an account (or add a role to an existing one) in a portal')
    .requiredOption('--email <email>', 'the account email')
    .requiredOption('--portal <slug>', 'the portal the role applies to')
    .requiredOption('--role <role>', 'admin | editor-in-chief | editor | writer | feedback-officer | analyst')
    .option('--password <password>', 'a password (at least 10 characters) for signing in to the admin')
    .option('--name <name>', 'display name')
    .action(async (opts: { email: string; portal: string; role: string; password?: string; name?: string }) => {
      await withServices(async (services) => {
        const portal = await services.portals.bySlug(opts.portal);
        if (!portal) fail(`no portal "${opts.portal}"`);
        const account = await services.accounts.addUser({ email: opts.email, name: opts.name, portalId: portal.id, role: opts.role, password: opts.password });
        process.stdout.write(`${account.email} is ${opts.role} at ${portal.slug}\n`);
      });
    });

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('print a new API bearer token for an account (alone on the last line)')
    .requiredOption('--email <email>', 'the account email')
    .option('--name <name>', 'a label for the token', 'cli')
    .action(async (opts: { email: string; name: string }) => {
      await withServices(async (services) => {
        const secret = await services.accounts.createToken(opts.email, opts.name);
        process.stdout.write(`Token for ${opts.email} (shown once; store it safely):\n${secret}\n`);
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
      err instanceof CliError || err instanceof ConfigError || err instanceof StoreError
        ? err.message
        : err instanceof DomainError
          ? ((err.extra.errors as { path: string; message: string }[] | undefined)?.map((e) => `${e.path.replace(/^\//, '')} ${e.message}`).join('; ') ?? err.message)
          : `unexpected error: ${(err as Error).message}`;
    process.stderr.write(`lantoa: ${message}\n`);
    process.exitCode = 1;
  }
}
