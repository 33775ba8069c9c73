import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { childProcessEnv, type Config } from '../../config.ts';
import { loadSecret } from '../../lib/secrets.ts';
import { engineFor, isEngine } from '../../store/index.ts';

// Backup and restore of a deployment: the store (SQLite's online backup, or
// pg_dump of the PostgreSQL schema), the deployment secret that every sealed
// value in it needs (federation keys, channel credentials, citizens'
// personal data), and DATA_DIR's other files — media on local storage among
// them. A manifest lists every file with its SHA-256, so a restore copies
// only what arrived whole, and the secret's fingerprint, so a restore tells
// at once when the secret it runs with would open none of the sealed values.
//
// A backup of a running deployment is consistent for the store (both engines
// take a snapshot); files written during the copy may or may not be in it.
// A restore goes to a stopped deployment.

export class BackupError extends Error {
  override name = 'BackupError';
}

export const FORMAT = 'lantoa-backup';
export const FORMAT_VERSION = 1;
const SQLITE_FILE = 'lantoa.sqlite';
/** SQLite's own files next to the store: never copied as files, the online backup takes their content. */
const SQLITE_FILES = new Set([SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`, `${SQLITE_FILE}-journal`]);
const PG_DUMP_FILE = 'postgres.dump';

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  engine: 'sqlite' | 'postgres';
  /** the PostgreSQL schema dumped (restored into the same) */
  schema?: string;
  /** the store's file in the backup */
  database: { path: string; size: number; sha256: string };
  /** DATA_DIR's other files: secret, keys, media on local storage */
  files: { path: string; size: number; sha256: string }[];
  /** where the secret was: the file DATA_DIR/secret.key (in the backup), or LANTOA_SECRET (not in it) */
  secret: { source: 'file' | 'env'; fingerprint: string };
  media: 'local' | 's3';
  migrations: string[];
}

export interface BackupOptions {
  /** progress lines for the operator */
  say?: (line: string) => void;
}

/** Who the secret is, without giving it away: the same secret gives the same fingerprint. */
export function secretFingerprint(secret: Buffer): string {
  return createHash('sha256').update('lantoa secret fingerprint v1\n').update(secret).digest('hex').slice(0, 32);
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Regular files under `root`, as paths relative to it, skipping what `skip` names at the top. */
function listFiles(root: string, skip: (top: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? path.join(rel, entry.name) : entry.name;
      if (!rel && skip(entry.name)) continue;
      if (entry.isDirectory()) walk(r);
      else if (entry.isFile()) out.push(r);
    }
  };
  if (fs.existsSync(root)) walk('');
  return out.sort();
}

/**
 * Runs a PostgreSQL client tool with the connection DATABASE_URL describes,
 * given as libpq's environment variables: node-postgres reads the URL's query
 * the way browsers do ("+" is a space) and libpq would not, and the password
 * stays off a command line others can read.
 */
function runTool(tool: string, args: string[], databaseUrl: string, opts: { connect?: boolean } = {}): Promise<string> {
  const url = new URL(databaseUrl);
  const libpq: Record<string, string> = {};
  const set = (name: string, value: string | null | undefined) => {
    if (value) libpq[name] = value;
  };
  set('PGHOST', decodeURIComponent(url.hostname));
  set('PGPORT', url.port);
  set('PGUSER', decodeURIComponent(url.username));
  set('PGPASSWORD', decodeURIComponent(url.password));
  set('PGDATABASE', decodeURIComponent(url.pathname.replace(/^\//, '')));
  const q = url.searchParams;
  set('PGHOST', q.get('host'));
  set('PGOPTIONS', q.get('options'));
  set('PGSSLMODE', q.get('sslmode') ?? (q.get('ssl') === 'true' ? 'require' : null));
  set('PGAPPNAME', q.get('application_name'));
  return new Promise((resolve, reject) => {
    // pg_restore connects only when told a database; the rest of the connection comes from the variables
    const dbname = `--dbname=dbname='${(libpq.PGDATABASE ?? libpq.PGUSER ?? 'postgres').replace(/[\\']/g, (c) => `\\${c}`)}'`;
    const child = spawn(tool, opts.connect === false ? args : [...args, dbname], { env: childProcessEnv(libpq), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', (err) =>
      reject(new BackupError((err as NodeJS.ErrnoException).code === 'ENOENT' ? `${tool} is not installed (or not on PATH): install the PostgreSQL client tools, of the server's major version` : `${tool}: ${err.message}`)),
    );
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`))));
  });
}

async function withPg<T>(databaseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError(`DATABASE_URL is unreachable: ${(err as Error).message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Writes a backup of the deployment `config` describes into `dir`, which
 * must not exist or be empty (and must not lie inside DATA_DIR).
 */
export async function backup(config: Config, dir: string, opts: BackupOptions = {}): Promise<Manifest> {
  const say = opts.say ?? (() => {});
  const target = path.resolve(dir);
  const dataDir = path.resolve(config.dataDir);
  if (target === dataDir || target.startsWith(dataDir + path.sep)) throw new BackupError(`the backup directory ${target} lies inside DATA_DIR; choose a place outside it`);
  if (!isEmptyDir(target)) throw new BackupError(`${target} is not empty; back up into a new or empty directory`);
  if (!config.databaseUrl && !fs.existsSync(path.join(dataDir, SQLITE_FILE))) throw new BackupError(`there is no store at ${path.join(dataDir, SQLITE_FILE)}: nothing to back up (is DATA_DIR right?)`);
  const existed = fs.existsSync(target);
  try {
    return await writeBackup(config, target, dataDir, say);
  } catch (err) {
    // a half-written backup is no backup: the directory is left as it was found, so the next try can use it
    if (existed) for (const entry of fs.readdirSync(target)) fs.rmSync(path.join(target, entry), { recursive: true, force: true });
    else fs.rmSync(target, { recursive: true, force: true });
    throw err;
  }
}

async function writeBackup(config: Config, target: string, dataDir: string, say: (line: string) => void): Promise<Manifest> {
  fs.mkdirSync(path.join(target, 'database'), { recursive: true });
  // the secret first: made now if it never was (as the first start would), so the backup always has one
  const secret = loadSecret(dataDir, config.secret);
  const secretSource = config.secret ? 'env' : 'file';

  let engine: Manifest['engine'];
  let schema: string | undefined;
  let dbPath: string;
  let migrations: string[] = [];
  if (config.databaseUrl) {
    engine = 'postgres';
    dbPath = path.join('database', PG_DUMP_FILE);
    const url = config.databaseUrl;
    ({ schema, migrations } = await withPg(url, async (c) => {
      const s = (await c.query<{ s: string }>('select current_schema() as s')).rows[0]?.s;
      if (!s) throw new BackupError('DATABASE_URL selects no schema (current_schema() is null)');
      const m = await c.query<{ name: string }>(`select name from ${pg.escapeIdentifier(s)}.kysely_migration order by name`).catch(() => ({ rows: [] as { name: string }[] }));
      return { schema: s, migrations: m.rows.map((r) => r.name) };
    }));
    say(`dumping PostgreSQL schema ${schema} with pg_dump…`);
    // custom format: compressed, and pg_restore can take it apart; one snapshot for the whole dump
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema}`, `--file=${path.join(target, dbPath)}`], url);
  } else {
    engine = 'sqlite';
    dbPath = path.join('database', SQLITE_FILE);
    const file = path.join(dataDir, SQLITE_FILE);
    say(`copying the SQLite store ${file} (online backup)…`);
    // a connection of its own: SQLite's backup API copies page by page while the deployment keeps writing
    const source = new BetterSqlite3(file, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      await source.backup(path.join(target, dbPath));
    } finally {
      source.close();
    }
    const copy = new BetterSqlite3(path.join(target, dbPath), { readonly: true });
    try {
      migrations = (copy.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
    } catch {
      migrations = [];
    } finally {
      copy.close();
    }
  }

  say('copying the secret, keys and media…');
  const files: Manifest['files'] = [];
  for (const rel of listFiles(dataDir, (top) => SQLITE_FILES.has(top))) {
    const from = path.join(dataDir, rel);
    const to = path.join(target, 'data', rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    // the secret keeps its owner-only permissions in the backup too
    fs.chmodSync(to, fs.statSync(from).mode & 0o777);
    files.push({ path: rel.split(path.sep).join('/'), size: fs.statSync(to).size, sha256: await sha256File(to) });
  }
  const dbFile = path.join(target, dbPath);
  const manifest: Manifest = {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    engine,
    ...(schema ? { schema } : {}),
    database: { path: dbPath.split(path.sep).join('/'), size: fs.statSync(dbFile).size, sha256: await sha256File(dbFile) },
    files,
    secret: { source: secretSource, fingerprint: secretFingerprint(secret) },
    media: config.mediaStorage,
    migrations,
  };
  fs.writeFileSync(path.join(target, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return manifest;
}

/** Reads and checks a backup's manifest and every file it names (size and SHA-256). */
export async function readBackup(dir: string): Promise<Manifest> {
  const root = path.resolve(dir);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')) as Manifest;
  } catch (err) {
    throw new BackupError(`${root} holds no readable manifest.json: ${(err as Error).message}`);
  }
  if (!manifest || manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION) throw new BackupError(`${root}/manifest.json is not a ${FORMAT} version ${FORMAT_VERSION} manifest`);
  if (!isEngine(manifest.engine)) throw new BackupError(`the manifest names an unknown engine "${String(manifest.engine)}"`);
  const safe = (rel: unknown) => typeof rel === 'string' && rel.length > 0 && !path.isAbsolute(rel) && !rel.split('/').some((p) => p === '..' || p === '');
  const check = async (rel: string, where: string, entry: { size: number; sha256: string }) => {
    if (!safe(rel)) throw new BackupError(`the manifest names an unsafe path "${rel}"`);
    const file = path.join(root, where, rel);
    if (!fs.existsSync(file) || fs.statSync(file).size !== entry.size || (await sha256File(file)) !== entry.sha256)
      throw new BackupError(`${path.join(where, rel)} is missing or damaged in the backup (size or SHA-256 differs from the manifest)`);
  };
  await check(manifest.database.path, '', manifest.database);
  for (const f of manifest.files ?? []) await check(f.path, 'data', f);
  return manifest;
}

export interface RestoreOptions extends BackupOptions {
  /** restore over a DATA_DIR or schema that is not empty */
  force?: boolean;
}

/**
 * Restores a backup into the deployment `config` describes: its store (the
 * same engine as the backup), DATA_DIR's files, the secret. Refuses a target
 * that is not empty unless `force`; refuses, before changing anything, a
 * damaged backup or one whose sealed values the secret in force would not open.
 */
export async function restore(config: Config, dir: string, opts: RestoreOptions = {}): Promise<Manifest> {
  const say = opts.say ?? (() => {});
  const root = path.resolve(dir);
  const dataDir = path.resolve(config.dataDir);
  say(`checking ${root}…`);
  const manifest = await readBackup(root);
  const engine = engineFor(config.databaseUrl);
  if (manifest.engine !== engine) throw new BackupError(`the backup is of a ${manifest.engine} store, and this deployment uses ${engine}${engine === 'sqlite' ? ' (set DATABASE_URL)' : ' (unset DATABASE_URL)'}`);

  // the secret the restored deployment will run with: LANTOA_SECRET, else the backup's secret.key
  const backedUpSecret = manifest.files.some((f) => f.path === 'secret.key');
  let secretInForce: Buffer | undefined;
  if (config.secret) secretInForce = loadSecret(dataDir, config.secret);
  else if (backedUpSecret) secretInForce = loadSecret(path.join(root, 'data'), undefined);
  if (!secretInForce) throw new BackupError('the backup was made with LANTOA_SECRET and holds no secret.key: set LANTOA_SECRET to the same secret to restore it');
  if (secretFingerprint(secretInForce) !== manifest.secret.fingerprint) {
    throw new BackupError(
      `the deployment secret in force (${config.secret ? 'LANTOA_SECRET' : "the backup's secret.key"}) is not the one the backup's sealed values need: federation keys, channel credentials and citizens' personal data would not open${manifest.secret.source === 'env' ? '; the backup was made with LANTOA_SECRET: set the same one' : ''}`,
    );
  }

  const dataEntries = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (engine === 'sqlite' && dataEntries.length && !opts.force) throw new BackupError(`DATA_DIR ${dataDir} is not empty; restore into an empty one, or pass --force to replace its store and files`);
  if (engine === 'postgres') {
    const url = config.databaseUrl!;
    const schema = manifest.schema ?? 'public';
    const target = await withPg(url, async (c) => {
      const current = (await c.query<{ s: string | null }>('select current_schema() as s')).rows[0]?.s ?? null;
      const path = (await c.query<{ search_path: string }>('show search_path')).rows[0]?.search_path ?? '';
      const first =
        path
          .split(',')[0]
          ?.trim()
          .replace(/^"(.*)"$/, '$1') ?? '';
      const exists = (await c.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount! > 0;
      const tables = exists ? Number((await c.query<{ n: string }>('select count(*) as n from information_schema.tables where table_schema = $1', [schema])).rows[0].n) : 0;
      return { selected: current ?? first, exists, tables };
    });
    if (target.selected !== schema) throw new BackupError(`the backup is of schema "${schema}" and DATABASE_URL selects "${target.selected || '(none)'}": restore into the same schema name (set search_path in DATABASE_URL's options)`);
    if (target.tables && !opts.force) throw new BackupError(`schema ${schema} already has ${target.tables} table(s); restore into an empty schema, or pass --force to replace them`);
    if (dataEntries.length && !opts.force) throw new BackupError(`DATA_DIR ${dataDir} is not empty; restore into an empty one, or pass --force to replace its files`);
    say(`restoring schema ${schema} with pg_restore…`);
    const dump = path.join(root, manifest.database.path);
    // a schema that exists already (made empty by the operator) is not made again: its entry is left out of the list
    const listFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-restore-')), 'toc.list');
    try {
      const toc = await runTool('pg_restore', ['--list', dump], url, { connect: false });
      const list = toc.split('\n').map((line) => (target.exists && /^\d+; \d+ \d+ SCHEMA - /.test(line) ? `;${line}` : line));
      fs.writeFileSync(listFile, list.join('\n'));
      await runTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--use-list=${listFile}`, ...(target.tables ? ['--clean', '--if-exists'] : []), dump], url);
    } finally {
      fs.rmSync(path.dirname(listFile), { recursive: true, force: true });
    }
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    for (const f of SQLITE_FILES) fs.rmSync(path.join(dataDir, f), { force: true });
    say(`restoring the SQLite store into ${dataDir}…`);
    // copied under a temporary name and renamed: a store file is either the old one or the whole new one
    const tmp = path.join(dataDir, `${SQLITE_FILE}.restoring`);
    fs.copyFileSync(path.join(root, manifest.database.path), tmp);
    fs.renameSync(tmp, path.join(dataDir, SQLITE_FILE));
  }

  say('restoring the secret, keys and media…');
  for (const f of manifest.files) {
    const from = path.join(root, 'data', f.path);
    const to = path.join(dataDir, f.path);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    fs.chmodSync(to, fs.statSync(from).mode & 0o777);
  }
  return manifest;
}
