import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createServices, type Services } from '../src/app.ts';
import { request } from '../src/modules/federation/http.ts';
import { CONTACT } from './helpers.ts';

// Real deployments for federation tests: each one a `lantoa start` process
// (web and worker) with its own DATA_DIR and port, talking to the others
// over loopback by portal hostname (<slug>.localhost:<port>).

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

export interface PortalSpec {
  slug: string;
  kind: 'central' | 'ministry' | 'province';
  name: string;
  languages?: string;
  sections?: string[];
}

export interface DeploymentOptions {
  /** a PostgreSQL database instead of the embedded SQLite (a fresh schema) */
  postgresUrl?: string;
  pollSeconds?: number;
}

export class Deployment {
  child: ChildProcess | undefined;
  stderr = '';
  /** bearer tokens of each portal's admin */
  readonly tokens: Record<string, string> = {};
  private dropSchema: (() => Promise<void>) | undefined;

  private constructor(
    readonly name: string,
    readonly port: number,
    readonly dataDir: string,
    readonly env: Record<string, string>,
  ) {}

  static async create(name: string, opts: DeploymentOptions = {}): Promise<Deployment> {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `lantoa-fed-${name}-`));
    const env: Record<string, string> = {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LANTOA_DEMO: '0',
      LOG_LEVEL: process.env.TEST_LOG ?? 'warn',
      LANTOA_FEDERATION_POLL_SECONDS: String(opts.pollSeconds ?? 5),
    };
    const d = new Deployment(name, port, dataDir, env);
    if (opts.postgresUrl) {
      const schema = `fed_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: opts.postgresUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const u = new URL(opts.postgresUrl);
      u.searchParams.set('options', `-c search_path=${schema}`);
      env.DATABASE_URL = u.toString();
      d.dropSchema = async () => {
        const c = new pg.Client({ connectionString: opts.postgresUrl });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      };
    }
    return d;
  }

  url(slug: string): string {
    return `http://${slug}.localhost:${this.port}`;
  }

  /** Runs `lantoa …` against this deployment's store. */
  cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['bin/lantoa.js', ...args], { cwd: ROOT, env: { ...process.env, ...this.env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** Creates portals with the CLI (`portal add`), then sections and an admin token for each. */
  async setup(portals: PortalSpec[]): Promise<void> {
    for (const p of portals) {
      const r = await this.cli([
        'portal',
        'add',
        '--slug',
        p.slug,
        '--kind',
        p.kind,
        '--name',
        p.name,
        '--languages',
        p.languages ?? 'vi,en',
        '--unit',
        CONTACT.unit,
        '--responsible',
        CONTACT.responsible,
        '--address',
        CONTACT.address,
        '--phone',
        CONTACT.phone,
        '--email',
        CONTACT.email,
      ]);
      if (r.code !== 0) throw new Error(`portal add ${p.slug}: ${r.stderr}`);
    }
    await this.withServices(async (s) => {
      for (const spec of portals) {
        const portal = await s.portals.require(spec.slug);
        for (const section of spec.sections ?? ['tin-tuc']) await s.portals.createSection(portal, { slug: section, names: { vi: section } });
        const email = `admin@${spec.slug}.test`;
        await s.accounts.addUser({ email, portalId: portal.id, role: 'admin' });
        this.tokens[spec.slug] = await s.accounts.createToken(email);
      }
    });
  }

  /** The deployment's services, in this process (for setup and for inspecting its store). */
  async withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
    const config = loadConfig({ ...this.env });
    const services = await createServices(config, { logger: pino({ level: 'silent' }) });
    try {
      return await fn(services);
    } finally {
      await services.pagecache.close();
      await services.store.close();
    }
  }

  async start(): Promise<void> {
    this.stderr = '';
    const child = spawn(process.execPath, ['bin/lantoa.js', 'start'], { cwd: ROOT, env: { ...process.env, ...this.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    child.stderr.on('data', (c) => (this.stderr += c));
    const until = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited (${child.exitCode}): ${this.stderr}`);
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/readyz`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`${this.name} not ready after 90 s: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  async destroy(): Promise<void> {
    await this.stop();
    await this.dropSchema?.();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** The JSON API of this deployment, as the admin of `slug` (or anonymously). */
  api(slug?: string) {
    const token = slug ? this.tokens[slug] : undefined;
    const call = async (method: string, p: string, body?: unknown) => {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`http://127.0.0.1:${this.port}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      let json: any;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text };
    };
    return {
      get: (p: string) => call('GET', p),
      post: (p: string, b?: unknown) => call('POST', p, b ?? {}),
      patch: (p: string, b: unknown) => call('PATCH', p, b),
      put: (p: string, b: unknown) => call('PUT', p, b),
      delete: (p: string) => call('DELETE', p),
    };
  }

  /** A page of a portal's public site, by its hostname. */
  async page(slug: string, pathname: string): Promise<{ status: number; text: string }> {
    const res = await request({ url: this.url(slug) + pathname, timeoutMs: 10_000 });
    return { status: res.status, text: res.body.toString('utf8') };
  }
}

/** Creates and publishes an item through the API; returns it. */
export async function publish(d: Deployment, slug: string, item: Record<string, unknown>): Promise<any> {
  const api = d.api(slug);
  const created = await api.post(`/api/v1/portals/${slug}/articles`, item);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
  const published = await api.post(`/api/v1/articles/${created.json.id}/workflow`, { action: 'publish' });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
  return published.json;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 10_000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(stepMs);
  }
}
