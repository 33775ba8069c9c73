import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { createServices, createWeb, type Services } from '../src/app.ts';
import type { PageCacheSettings } from '../src/modules/pagecache/service.ts';
import type { Item } from '../src/modules/content/index.ts';
import type { Actor } from '../src/modules/workflow/rules.ts';
import type { Clock } from '../src/lib/time.ts';
import { actingAs, createTestSchema, seedNetwork, type EngineName } from './helpers.ts';

// Fixtures of the public-site suites: a store on either engine, a server on
// a known loopback port (portal URLs carry the port, so links in pages point
// back at the server under test), a small network with one published item of
// every kind in three languages, and a raw HTTP client that sets Host.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface SiteEnv {
  services: Services;
  app: FastifyInstance;
  port: number;
  engine: EngineName;
  databaseUrl: string | undefined;
  seed: Seed;
  /** GET (or another method) with a Host header, over real HTTP. */
  get(host: string, path: string, headers?: Record<string, string>, method?: string): Promise<Response>;
  close(): Promise<void>;
}

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The decoded body as text (gzip and brotli are undone). */
  text: string;
  /** The bytes as sent. */
  raw: Buffer;
}

export function rawRequest(port: number, host: string, pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers: { host, ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const enc = res.headers['content-encoding'];
        const body = enc === 'br' ? zlib.brotliDecompressSync(raw) : enc === 'gzip' ? zlib.gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: body.toString('utf8'), raw });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface SiteEnvOptions {
  pageCache?: Partial<PageCacheSettings>;
  /** Leave the network empty (no seed). */
  empty?: boolean;
  /** The services' clock (tests of what changes with time). */
  clock?: Clock;
  /** Settings over the test's own (DATA_DIR, PORT, DATABASE_URL), read by loadConfig and loadSettings. */
  env?: Record<string, string>;
}

/** A fresh store (temp SQLite file or a new PostgreSQL schema) and a web server on a free port. */
export async function startSite(engine: EngineName, opts: SiteEnvOptions = {}): Promise<SiteEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-site-'));
  const database = engine === 'postgres' ? await createTestSchema() : undefined;
  const databaseUrl = database?.url;
  const dropSchema = database?.drop;
  const port = await freePort();
  const env = { DATA_DIR: dataDir, PORT: String(port), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...opts.env };
  const config = loadConfig(env);
  const services = await createServices(config, { env, logger: pino({ level: process.env.TEST_LOG ?? 'silent' }), pageCache: opts.pageCache, clock: opts.clock });
  const seed = opts.empty ? ({} as Seed) : await seedSite(services);
  const app = await createWeb(services, { logRequests: false });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    services,
    app,
    port,
    engine,
    databaseUrl,
    seed,
    get: (host, p, headers, method) => rawRequest(port, host, p, headers, method),
    async close() {
      await app.close();
      await services.store.close();
      await dropSchema?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Seed {
  chief: Actor;
  /** bearer token of the central portal's editor-in-chief */
  chiefToken: string;
  news: Item;
  newsEn: Item;
  newsZh: Item;
  directive: Item;
  legal: Item;
  legalEn: Item;
  legalZh: Item;
  procedure: Item;
  procedureEn: Item;
  procedureZh: Item;
  video: Item;
  gallery: Item;
  press: Item;
  withdrawn: Item;
  gone: Item;
  draft: Item;
  hanoiNews: Item;
  /** extra news in tin-tuc, enough for two pages */
  filler: number;
}

/** The helpers' two-portal network, and one published item of every kind (several languages where it matters). */
export async function seedSite(services: Services): Promise<Seed> {
  const net = await seedNetwork(services);
  const { content, portals } = services;
  const central = await portals.require('chinhphu');
  const hanoi = await portals.require('hanoi');
  const chief: Actor = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief'] };
  const hanoiChief: Actor = { accountId: null, roles: ['admin'] };
  const publish = async (portal = central, input: Parameters<typeof content.create>[2], actor = chief) => {
    const item = await content.create(portal, actingAs(actor), input);
    return content.act(item, actingAs(actor), { action: 'publish' });
  };

  const filler = 22;
  for (let i = 1; i <= filler; i++) {
    await publish(central, { type: 'news', lang: 'vi', title: `Bản tin số ${i} về cải cách hành chính`, summary: `Tóm tắt bản tin số ${i}.`, body: `<p>Nội dung bản tin ${i}.</p>`, section: 'tin-tuc', tags: ['cải cách'] });
  }
  const news = await publish(central, {
    type: 'news',
    lang: 'vi',
    title: 'Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng Mười một',
    summary: 'Phiên họp đánh giá tình hình kinh tế – xã hội và bàn giải pháp cho những tháng cuối năm.',
    body: '<p>Sáng nay, Chính phủ họp phiên thường kỳ <strong>tháng Mười một</strong>.</p><figure><img src="/media/demo/phien-hop.jpg" alt="Toàn cảnh phiên họp" width="800" height="450"><figcaption>Toàn cảnh phiên họp (Ảnh: Minh Khôi)</figcaption></figure><p>Thủ tướng yêu cầu đẩy nhanh giải ngân vốn đầu tư công.</p>',
    section: 'tin-tuc',
    tags: ['phiên họp', 'kinh tế'],
  });
  const newsEn = await publish(central, {
    type: 'news',
    lang: 'en',
    title: 'Prime Minister chairs the regular November Government meeting',
    summary: 'The meeting reviewed the economy and agreed on measures for the last months of the year.',
    body: '<p>The Government met this morning.</p>',
    section: 'tin-tuc',
    translationOf: news.id,
    tags: ['government meeting'],
  });
  const newsZh = await publish(central, { type: 'news', lang: 'zh', title: '政府总理主持十一月政府例行会议', summary: '会议评估了经济社会形势。', body: '<p>今天上午，政府召开例行会议。</p>', section: 'tin-tuc', translationOf: news.id });
  const directive = await publish(central, {
    type: 'directive',
    lang: 'vi',
    title: 'Công điện về ứng phó với mưa lũ tại các tỉnh miền Trung',
    summary: 'Yêu cầu các địa phương chủ động sơ tán người dân khỏi vùng nguy hiểm.',
    body: '<p>Thủ tướng yêu cầu các bộ, ngành và địa phương khẩn trương ứng phó.</p>',
    tags: ['thiên tai'],
  });
  const legal = await publish(central, {
    type: 'legal-document',
    lang: 'vi',
    title: 'Nghị định quy định về cung cấp thông tin và dịch vụ công trực tuyến',
    summary: 'Quy định việc cung cấp thông tin trên cổng thông tin điện tử của cơ quan nhà nước.',
    body: '<p>Nội dung nghị định.</p>',
    section: 'van-ban',
    meta: {
      number: '42/2022/NĐ-CP',
      documentType: 'Nghị định',
      issuingBody: 'Chính phủ',
      signer: 'Trần Đức Minh',
      signerTitle: 'KT. Thủ tướng – Phó Thủ tướng',
      issuedDate: '2022-06-24',
      effectiveDate: '2022-08-15',
      effectStatus: 'in-force',
      field: 'Công nghệ thông tin',
      gazetteDate: '2022-07-06',
      abstract: 'Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến.',
      attachments: [{ name: 'Nghị định 42/2022/NĐ-CP (bản PDF)', url: '/files/nd-42-2022-nd-cp.pdf', size: 1_234_567 }],
    },
  });
  const legalEn = await publish(central, {
    type: 'legal-document',
    lang: 'en',
    title: 'Decree on the provision of information and online public services',
    summary: 'Information state agency portals must publish.',
    body: '<p>The decree text.</p>',
    section: 'van-ban',
    translationOf: legal.id,
    meta: { ...legal.meta, documentType: 'Decree', issuingBody: 'The Government' },
  });
  const legalZh = await publish(central, {
    type: 'legal-document',
    lang: 'zh',
    title: '关于提供信息和在线公共服务的议定',
    summary: '国家机关门户网站必须公开的信息。',
    body: '<p>议定正文。</p>',
    section: 'van-ban',
    translationOf: legal.id,
    meta: { ...legal.meta, documentType: '议定', issuingBody: '政府' },
  });
  const procedure = await publish(central, {
    type: 'procedure',
    lang: 'vi',
    title: 'Cấp hộ chiếu phổ thông ở trong nước',
    summary: 'Công dân có thể đề nghị cấp hộ chiếu trực tuyến toàn trình.',
    body: '<p>Thủ tục áp dụng đối với công dân Việt Nam.</p>',
    meta: {
      code: '2.001548',
      decisionNumber: '5123/QĐ-BCA',
      level: 'Cấp Trung ương',
      field: 'Quản lý xuất nhập cảnh',
      agency: 'Cục Quản lý xuất nhập cảnh',
      steps: ['Đăng nhập Cổng Dịch vụ công quốc gia', 'Kê khai tờ khai', 'Thanh toán lệ phí'],
      channels: ['Trực tuyến', 'Trực tiếp'],
      processingTime: '08 ngày làm việc',
      fees: '200.000 đồng',
      requiredDocuments: [{ name: 'Tờ khai TK01', quantity: 1 }],
      result: 'Hộ chiếu phổ thông',
      legalBasis: ['49/2019/QH14'],
      onlineLevel: 'full',
      serviceUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=2.001548',
    },
  });
  const procedureEn = await publish(central, {
    type: 'procedure',
    lang: 'en',
    title: 'Issuance of an ordinary passport in Viet Nam',
    summary: 'Citizens can apply fully online.',
    body: '<p>This procedure applies to Vietnamese citizens.</p>',
    translationOf: procedure.id,
    meta: { ...procedure.meta, level: 'Central level', field: 'Immigration', steps: ['Sign in to the National Public Service Portal', 'Fill in the form', 'Pay the fee online'] },
  });
  const procedureZh = await publish(central, {
    type: 'procedure',
    lang: 'zh',
    title: '在国内办理普通护照',
    summary: '公民可全程在线申请。',
    body: '<p>本手续适用于越南公民。</p>',
    translationOf: procedure.id,
    meta: { ...procedure.meta, level: '中央级', field: '出入境管理' },
  });
  const video = await publish(central, {
    type: 'video',
    lang: 'vi',
    title: 'Video: Toàn cảnh chuyển đổi số quốc gia năm nay',
    summary: 'Những kết quả nổi bật của chuyển đổi số.',
    body: '<p>Phóng sự video.</p>',
    section: 'chuyen-doi-so',
    meta: { sourceUrl: 'https://www.youtube.com/watch?v=Qm3vT8kLp2A', duration: 412 },
  });
  const gallery = await publish(central, {
    type: 'gallery',
    lang: 'vi',
    title: 'Ảnh: Hội nghị trực tuyến Chính phủ với địa phương',
    summary: 'Những hình ảnh tại hội nghị.',
    body: '',
    section: 'chuyen-doi-so',
    meta: {
      images: [
        { src: '/media/demo/hoi-nghi-01.jpg', caption: 'Toàn cảnh hội nghị', credit: 'Quang Hiếu' },
        { src: '/media/demo/hoi-nghi-02.jpg', caption: 'Đại biểu phát biểu', credit: 'Ngọc Anh' },
      ],
    },
  });
  const press = await publish(central, { type: 'press-release', lang: 'vi', title: 'Thông cáo báo chí phiên họp Chính phủ thường kỳ', summary: 'Thông cáo về kết quả phiên họp.', body: '<p>Nội dung thông cáo.</p>', section: 'tin-tuc' });
  let withdrawn = await publish(central, { type: 'news', lang: 'vi', title: 'Tin đã bị rút xuống vì sai số liệu', summary: 'Tin này có số liệu sai.', body: '<p>Số liệu sai.</p>', section: 'tin-tuc' });
  withdrawn = await content.act(withdrawn, actingAs(chief), { action: 'unpublish', note: 'Số liệu trong bài chưa được kiểm chứng.' });
  let gone = await publish(central, { type: 'news', lang: 'vi', title: 'Tin đã bị gỡ bỏ hoàn toàn', summary: 'Tin bị gỡ.', body: '<p>Gỡ.</p>', section: 'tin-tuc' });
  gone = await content.act(gone, actingAs(chief), { action: 'unpublish', note: 'Vi phạm bản quyền.', kind: 'gone' });
  const draft = await content.create(central, actingAs(chief), { type: 'news', lang: 'vi', title: 'Bản nháp chưa đăng', summary: 'Nháp.', body: '<p>Nháp.</p>', section: 'tin-tuc' });
  const hanoiNews = await publish(hanoi, { type: 'news', lang: 'vi', title: 'Hà Nội khai trương tuyến phố đi bộ mới', summary: 'Tuyến phố đi bộ mới mở cửa cuối tuần.', body: '<p>Nội dung.</p>', section: 'tin-tuc' }, hanoiChief);
  await services.pagecache.settled();
  return { chief, chiefToken: net.tokens['editor-in-chief'], news, newsEn, newsZh, directive, legal, legalEn, legalZh, procedure, procedureEn, procedureZh, video, gallery, press, withdrawn, gone, draft, hanoiNews, filler };
}

/** Creates and publishes an item through the JSON API, as an editor would; returns the API's item. */
export async function publishViaApi(port: number, token: string, portal: string, input: Record<string, unknown>): Promise<any> {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${base}/portals/${portal}/articles`, { method: 'POST', headers, body: JSON.stringify(input) });
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
  const item = await created.json();
  const published = await fetch(`${base}/articles/${item.id}/workflow`, { method: 'POST', headers, body: JSON.stringify({ action: 'publish' }) });
  if (published.status !== 200) throw new Error(`publish answered ${published.status}: ${await published.text()}`);
  return published.json();
}

/**
 * The page on the first request after a change made in this process: once the
 * page cache has applied the invalidations under way (`settled`), a stale page
 * is a bug, not a matter of waiting — so no polling and no time limit.
 */
export async function pageAfterChange(env: SiteEnv, host: string, pathname: string, check: (r: Response) => boolean, what = `${host}${pathname}`): Promise<Response> {
  await env.services.pagecache.settled();
  const response = await env.get(host, pathname);
  if (!check(response)) throw new Error(`${what}: not fresh on the first request after the change (status ${response.status}, x-cache ${response.headers['x-cache']})`);
  return response;
}

/** Polls a page until `check` accepts it (a change made by another process), within a generous limit (a state met early ends the wait at once); returns the response and how long it took, to report, never to assert on. */
export async function pollPage(fetchPage: () => Promise<Response>, check: (r: Response) => boolean, timeoutMs = 30_000): Promise<{ response: Response; ms: number }> {
  const start = performance.now();
  for (;;) {
    const response = await fetchPage();
    if (check(response)) return { response, ms: performance.now() - start };
    if (performance.now() - start > timeoutMs) throw new Error(`page not as expected after ${timeoutMs} ms (status ${response.status}, x-cache ${response.headers['x-cache']})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The page's <main> element (the content, without header, menus and footer), for assertions that must not match the chrome. */
export const mainOf = (page: string) => page.slice(page.indexOf('<main'), page.indexOf('</main>'));

/** Path of an item's public URL. */
export const pathOf = (item: { url: string }) => new URL(item.url).pathname;

export const CENTRAL = 'chinhphu.localhost';
export const PROVINCE = 'hanoi.localhost';
export const NETWORK_HOST = 'localhost';
