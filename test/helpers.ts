import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createServices, createWeb, type BuildOptions, type Services } from '../src/app.ts';
import type { Role } from '../src/modules/accounts/service.ts';
import type { Clock } from '../src/lib/time.ts';
import type { RequestContext } from '../src/lib/request-context.ts';

// Shared test fixtures: a fresh store per suite on each engine, a server on
// a loopback port, and a small network with an account for every role.
//
// Running tests:
//   npm test                                   the whole suite (SQLite only)
//   npm test -- test/api-content.test.ts       one file (several: list them)
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test -- test/api-content.test.ts
//                                              the same file on SQLite and PostgreSQL: each suite
//                                              loops over engines(), and a PostgreSQL run gets its
//                                              own fresh schema in that database
//   npm test -- --test-name-pattern="schedul" test/api-content.test.ts
//                                              only the tests whose name matches
//   TEST_LOG=debug npm test -- test/x.test.ts  the services' logs on stderr
//
// Where to find what:
//   factories.ts      one portal, section, account (token, admin session), item of any type
//   helpers.ts        stores, servers, seedNetwork (the fixed two-portal world), client, waitFor, TestClock
//   site-helpers.ts   the public site over HTTP (startSite, pageAfterChange, pollPage, mainOf)
//   admin-helpers.ts  AdminBrowser (cookies and CSRF of the admin), seedAdminNetwork
//   social-helpers.ts samplePost/response for the social connector suites
//
// Time: never sleep for a fixed time or assert on elapsed time. Poll for the
// state with waitFor; to reach a scheduled time, a retry or an expiry, give the
// services a TestClock and move it.

export type EngineName = 'sqlite' | 'postgres';

/** The engines to run storage suites on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function engines(): EngineName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** For `describe(..., { skip })`: why a PostgreSQL run is skipped, if it is. */
export const postgresSkip = process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set: PostgreSQL run skipped';

export interface TestEnv {
  services: Services;
  engine: EngineName;
  dataDir: string;
  close(): Promise<void>;
}

export interface EnvOptions {
  clock?: Clock;
  /** Settings over the test's own (DATA_DIR, PORT, DATABASE_URL), read by loadConfig and loadSettings. */
  env?: Record<string, string>;
  build?: Omit<BuildOptions, 'clock' | 'logger'>;
}

/** A fresh, empty PostgreSQL schema in the TEST_DATABASE_URL database, and the URL that selects it. */
export async function createTestSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** A migrated, empty store: a temp SQLite file, or a fresh schema in the test PostgreSQL database. */
export async function createTestEnv(engine: EngineName, opts: EnvOptions = {}): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-test-'));
  const database = engine === 'postgres' ? await createTestSchema() : undefined;
  const databaseUrl = database?.url;
  const dropSchema = database?.drop;
  // one literal environment for the config and the modules' settings: nothing is read from this process's
  const env = { DATA_DIR: dataDir, PORT: '3999', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...opts.env };
  const config = loadConfig(env);
  const services = await createServices(config, { env, ...opts.build, clock: opts.clock, logger: pino({ level: process.env.TEST_LOG ?? 'silent' }) });
  return {
    services,
    engine,
    dataDir,
    async close() {
      await services.store.close();
      await dropSchema?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(services: Services): Promise<TestServer> {
  const app = await createWeb(services, { logRequests: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface Network {
  central: { id: number; slug: string };
  province: { id: number; slug: string };
  /** bearer tokens by role at the central portal */
  tokens: Record<Role, string>;
  accountIds: Record<Role, number>;
  /** a second writer at the central portal, to test ownership */
  otherWriter: { token: string; id: number };
  /** an admin of the province only */
  provinceAdmin: string;
}

export const CONTACT = { unit: 'Văn phòng thử nghiệm', responsible: 'Chánh Văn phòng', address: '1 Phố Thử, Hà Nội', phone: '024 0000 0000', email: 'lienhe@example.gov.vn' };

/** Two portals with sections, and an account and token for every role. */
export async function seedNetwork(services: Services): Promise<Network> {
  const { portals, accounts } = services;
  const central = await portals.create({ slug: 'chinhphu', kind: 'central', names: { vi: 'Cổng Thông tin điện tử Chính phủ', en: 'Government Portal', zh: '政府门户网站' }, languages: ['vi', 'en', 'zh'], contact: CONTACT });
  const province = await portals.create({ slug: 'hanoi', kind: 'province', parent: 'chinhphu', names: { vi: 'Cổng Thông tin điện tử Hà Nội', en: 'Hanoi Portal' }, languages: ['vi', 'en'], contact: CONTACT });
  for (const p of [central, province]) {
    await portals.createSection(p, { slug: 'tin-tuc', names: { vi: 'Tin tức', en: 'News' } });
    await portals.createSection(p, { slug: 'van-ban', names: { vi: 'Văn bản', en: 'Documents' } });
    await portals.createSection(p, { slug: 'chuyen-doi-so', kind: 'subsite', names: { vi: 'Chuyển đổi số' }, themeColor: '#1a5fb4' });
  }
  const roles: Role[] = ['admin', 'editor-in-chief', 'editor', 'writer', 'feedback-officer', 'analyst'];
  const tokens = {} as Record<Role, string>;
  const accountIds = {} as Record<Role, number>;
  for (const role of roles) {
    const email = `${role}@test.gov.vn`;
    const acc = await accounts.addUser({ email, portalId: central.id, role });
    accountIds[role] = acc.id;
    tokens[role] = await accounts.createToken(email);
  }
  const other = await accounts.addUser({ email: 'writer2@test.gov.vn', portalId: central.id, role: 'writer' });
  await accounts.addUser({ email: 'admin@hanoi.test.gov.vn', portalId: province.id, role: 'admin' });
  return {
    central: { id: central.id, slug: central.slug },
    province: { id: province.id, slug: province.slug },
    tokens,
    accountIds,
    otherWriter: { token: await accounts.createToken('writer2@test.gov.vn'), id: other.id },
    provinceAdmin: await accounts.createToken('admin@hanoi.test.gov.vn'),
  };
}

/** A small JSON client for the API under test. */
export function client(base: string, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(base + path, { method, headers: h, body: payload });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
  return {
    get: (p: string, h?: Record<string, string>) => call('GET', p, undefined, h),
    post: (p: string, b?: unknown, h?: Record<string, string>) => call('POST', p, b, h),
    patch: (p: string, b?: unknown, h?: Record<string, string>) => call('PATCH', p, b, h),
    delete: (p: string, h?: Record<string, string>) => call('DELETE', p, undefined, h),
  };
}

export const sampleLegalDocument = {
  type: 'legal-document',
  lang: 'vi',
  title: 'Nghị định quy định về cung cấp thông tin và dịch vụ công trực tuyến',
  summary: 'Quy định việc cung cấp thông tin trên cổng thông tin điện tử của cơ quan nhà nước.',
  body: '<p>Nội dung nghị định.</p>',
  section: 'van-ban',
  meta: { number: '42/2022/NĐ-CP', documentType: 'Nghị định', issuingBody: 'Chính phủ', signer: 'Phó Thủ tướng', issuedDate: '2022-06-24', effectiveDate: '2022-08-15', effectStatus: 'in-force', field: 'Công nghệ thông tin' },
};

export const sampleNews = {
  type: 'news',
  lang: 'vi',
  title: 'Thủ tướng chủ trì phiên họp Chính phủ thường kỳ',
  summary: 'Phiên họp bàn về tình hình kinh tế - xã hội.',
  body: '<p>Sáng nay, Chính phủ họp phiên thường kỳ.</p>',
  section: 'tin-tuc',
  tags: ['phiên họp', 'kinh tế'],
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A clock a test moves by hand, for `createTestEnv(engine, { clock: t.now })`:
 * it runs with the wall clock, shifted by what `advance` adds, so suites that
 * never touch it see ordinary time; `freeze` stops it at one instant (every
 * timestamp written then is that instant, plus what `advance` adds) until `thaw`.
 * Use it instead of sleeping until a scheduled time, a lease or an expiry comes.
 * `new TestClock(Date.parse('2026-03-02T01:00:00Z'))` starts frozen at that
 * instant, for suites whose every step must see the same, known time.
 */
export class TestClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;
  constructor(frozenAt?: number) {
    this.frozenAt = frozenAt;
  }
  readonly now: Clock = () => new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }
  freeze(): void {
    this.frozenAt ??= Date.now() + this.offsetMs;
  }
  thaw(): void {
    if (this.frozenAt === undefined) return;
    this.offsetMs = this.frozenAt - Date.now();
    this.frozenAt = undefined;
  }
}

/** Polls `check` until it returns truthy or `timeoutMs` passes: the limit is generous (a loaded 2-core CI machine), since a state met early ends the wait at once. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 30_000, stepMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(stepMs);
  }
}

/**
 * A request context for tests that call the modules' commands directly: the
 * account (by id) with these roles, from a test address. The commands audit in
 * the portal of what they change, so the portal id here is only a default.
 */
export function actingAs(who: { accountId: number | null; roles: readonly Role[] } | number | null, portalId = 0): RequestContext {
  const accountId = typeof who === 'object' && who !== null ? who.accountId : who;
  const roles = typeof who === 'object' && who !== null ? who.roles : [];
  return { account: accountId === null ? null : { id: accountId, email: `account-${accountId}@test.invalid` }, portalId, roles, ip: '127.0.0.1', userAgent: 'test' };
}
