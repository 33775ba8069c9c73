// `npm run bench:search` — search latency and indexing rate on SQLite and PostgreSQL.
//
// Generates N published items of realistic Vietnamese (phrase banks of real
// administrative vocabulary composed into titles, summaries and bodies, with
// a share of legal documents carrying real-looking numbers), indexes them
// with `reindex` (indexing rate), then times search.search() — the whole
// service path: match, rank, number lookup, count, snippets — for five kinds
// of query, against a LIKE '%…%' scan of the same store in the same run:
//
//   one-word   a syllable, with or without diacritics       thuế · bao
//   two-word   a two-syllable word                          đầu tư · giao duc
//   phrase     a quoted multi-syllable word                 "công nghệ thông tin"
//   filtered   two words + portal + type + language
//   number     a legal number typed one of four ways        42/2022/NĐ-CP · nd 42/2022
//
//   npm run bench:search -- [--items N] [--queries Q] [--baseline B] [--engines sqlite,postgres]
//                           [--repeat R] [--profile] [--keep] [--reuse URL-or-DIR]
//
// --repeat R times each query R times and keeps the fastest (a shared machine);
// --profile adds up the time of each backend call; --keep leaves the stores;
// --reuse times queries on a store an earlier --keep left (the PostgreSQL URL
// or the SQLite DATA_DIR it printed; give one engine), without filling it again.
//
// SQLite in a temp DATA_DIR; PostgreSQL in a fresh schema of
// BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), dropped
// afterwards. The baseline is `search_text LIKE '%word%'` per word — the
// folded title and summary the article list filters on, no body — so it
// scans less text than the index covers, which flatters it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createServices, type Services } from '../src/app.ts';
import { fold, slugify } from '../src/lib/text.ts';
import type { SearchRequest } from '../src/modules/search/service.ts';

const { values: args } = parseArgs({
  strict: false,
  options: {
    items: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    baseline: { type: 'string', default: '30' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    reuse: { type: 'string' },
  },
});
const ITEMS = Number(args.items);
const QUERIES = Number(args.queries);
const BASELINE = Number(args.baseline);
/** Runs of each query; its time is the fastest. On a shared machine the fastest run is the one least disturbed by others. */
const REPEAT = Math.max(1, Number(args.repeat));
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REUSE = typeof args.reuse === 'string' ? args.reuse : undefined;

// ---------- a deterministic generator of administrative Vietnamese ----------

let seed = 20260101;
function random(): number {
  // mulberry32: fast, deterministic, good enough for picking words
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
/** Skewed towards the head of the list, as word use is (roughly Zipf). */
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * random() ** 1.6)];
const pickFlat = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * random())];

const AGENCIES = [
  'Chính phủ',
  'Thủ tướng Chính phủ',
  'Văn phòng Chính phủ',
  'Bộ Tài chính',
  'Bộ Y tế',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Xây dựng',
  'Bộ Công Thương',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Khoa học và Công nghệ',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Công an',
  'Bộ Ngoại giao',
  'Bộ Văn hóa, Thể thao và Du lịch',
  'Ngân hàng Nhà nước Việt Nam',
  'Ủy ban nhân dân thành phố Hà Nội',
  'Ủy ban nhân dân Thành phố Hồ Chí Minh',
  'Ủy ban nhân dân thành phố Đà Nẵng',
  'Ủy ban nhân dân tỉnh Quảng Ninh',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Tài chính',
  'Tổng cục Thuế',
  'Cục Hải quan',
  'Bảo hiểm xã hội Việt Nam',
  'Kiểm toán Nhà nước',
  'Thanh tra Chính phủ',
];
const ACTIONS = [
  'chỉ đạo',
  'triển khai',
  'đẩy mạnh',
  'rà soát',
  'hướng dẫn',
  'tháo gỡ khó khăn trong',
  'kiểm tra',
  'hoàn thiện',
  'đánh giá kết quả',
  'thúc đẩy',
  'tổng kết',
  'phê duyệt',
  'ban hành quy định về',
  'lấy ý kiến về',
  'tăng cường',
  'siết chặt',
  'đơn giản hóa',
  'số hóa',
  'công bố',
  'giám sát',
  'đôn đốc',
  'ưu tiên nguồn lực cho',
  'xử lý dứt điểm',
  'sơ kết',
];
const TOPICS = [
  'giải ngân vốn đầu tư công',
  'chuyển đổi số quốc gia',
  'cải cách thủ tục hành chính',
  'phòng, chống thiên tai',
  'phát triển nhà ở xã hội',
  'bảo đảm an sinh xã hội',
  'xuất khẩu nông sản',
  'dịch vụ công trực tuyến toàn trình',
  'y tế cơ sở',
  'hạ tầng giao thông',
  'thu hút đầu tư nước ngoài',
  'đào tạo nguồn nhân lực số',
  'công nghệ thông tin',
  'an toàn thực phẩm',
  'bảo hiểm y tế',
  'thuế thu nhập cá nhân',
  'thuế giá trị gia tăng',
  'hóa đơn điện tử',
  'giáo dục phổ thông',
  'tuyển sinh đại học',
  'phòng, chống dịch bệnh',
  'tiêm chủng mở rộng',
  'khám chữa bệnh',
  'giá thuốc',
  'thị trường bất động sản',
  'tín dụng ngân hàng',
  'lãi suất cho vay',
  'tỷ giá',
  'thị trường vàng',
  'năng lượng tái tạo',
  'điện mặt trời mái nhà',
  'cao tốc Bắc – Nam',
  'đường sắt tốc độ cao',
  'sân bay Long Thành',
  'quy hoạch đô thị',
  'giải phóng mặt bằng',
  'bảo vệ môi trường',
  'rác thải nhựa',
  'ô nhiễm không khí',
  'biến đổi khí hậu',
  'nước sạch nông thôn',
  'xây dựng nông thôn mới',
  'giảm nghèo bền vững',
  'việc làm cho thanh niên',
  'bảo hiểm xã hội một lần',
  'cải cách tiền lương',
  'tinh gọn bộ máy',
  'sắp xếp đơn vị hành chính',
  'phòng, chống tham nhũng',
  'tiếp công dân',
  'giải quyết khiếu nại, tố cáo',
  'định danh điện tử',
  'căn cước công dân',
  'cơ sở dữ liệu quốc gia về dân cư',
  'an ninh mạng',
  'kinh tế số',
  'thương mại điện tử',
  'logistics',
  'du lịch nội địa',
  'khách quốc tế',
  'bảo tồn di sản văn hóa',
  'thể thao thành tích cao',
  'phòng cháy, chữa cháy',
  'an toàn giao thông',
  'nồng độ cồn',
  'đăng kiểm phương tiện',
  'biển số xe',
  'cấp giấy phép lái xe',
  'đất đai',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'khoáng sản',
  'tài nguyên nước',
  'thủy lợi',
  'xâm nhập mặn',
  'sạt lở bờ sông',
  'bão số 3',
  'mưa lũ',
  'hạn hán',
  'khai thác hải sản bất hợp pháp',
  'thẻ vàng IUU',
  'hợp tác quốc tế',
  'ngoại giao kinh tế',
  'hiệp định thương mại tự do',
  'doanh nghiệp nhỏ và vừa',
  'khởi nghiệp sáng tạo',
  'khoa học và công nghệ',
  'đổi mới sáng tạo',
  'trí tuệ nhân tạo',
  'bán dẫn',
];
const PLACES = [
  'năm 2026',
  'quý IV',
  'các tỉnh miền Trung',
  'khu vực Đồng bằng sông Cửu Long',
  'các bộ, ngành',
  'địa phương',
  'vùng Trung du và miền núi phía Bắc',
  'cả nước',
  'Tây Nguyên',
  'Thủ đô',
  'các khu công nghiệp',
  'vùng đồng bào dân tộc thiểu số',
  'các thành phố lớn',
  'vùng ven biển',
];
const OPENINGS = ['Sáng nay', 'Chiều qua', 'Trong tuần này', 'Tại cuộc họp', 'Theo báo cáo', 'Phát biểu kết luận', 'Tại hội nghị trực tuyến', 'Thừa ủy quyền'];
const SENTENCES = [
  (t: string, a: string, p: string) => `${pick(OPENINGS)}, ${a} đã ${pick(ACTIONS)} ${t} tại ${p}.`,
  (t: string, _a: string) => `Các đơn vị được yêu cầu báo cáo kết quả ${t} trước ngày 15 hằng tháng, nêu rõ khó khăn, vướng mắc và đề xuất giải pháp.`,
  (t: string) => `Nhiều ý kiến cho rằng cần tiếp tục ${pick(ACTIONS)} ${t}, gắn với trách nhiệm của người đứng đầu.`,
  (t: string, a: string) => `${a} giao ${pick(AGENCIES)} chủ trì, phối hợp với các cơ quan liên quan ${pick(ACTIONS)} ${pick(TOPICS)}.`,
  (t: string, a: string, p: string) => `Kết quả ${t} tại ${p} cho thấy nhiều chuyển biến tích cực, song vẫn còn một số hạn chế cần khắc phục.`,
  () => `Cơ quan thường trực theo dõi, tổng hợp và báo cáo cấp có thẩm quyền.`,
  (t: string) => `Người dân, doanh nghiệp có thể tra cứu thông tin về ${t} trên Cổng Dịch vụ công quốc gia.`,
  (t: string, a: string, p: string) => `Dự kiến đến ${p}, ${t} sẽ đạt mục tiêu đề ra, góp phần ${pick(ACTIONS)} ${pick(TOPICS)}.`,
];
const LEGAL_TYPES = [
  { documentType: 'Nghị định', code: 'NĐ-CP', issuingBody: 'Chính phủ' },
  { documentType: 'Quyết định', code: 'QĐ-TTg', issuingBody: 'Thủ tướng Chính phủ' },
  { documentType: 'Thông tư', code: 'TT-BTC', issuingBody: 'Bộ Tài chính' },
  { documentType: 'Thông tư', code: 'TT-BYT', issuingBody: 'Bộ Y tế' },
  { documentType: 'Nghị quyết', code: 'NQ-CP', issuingBody: 'Chính phủ' },
  { documentType: 'Chỉ thị', code: 'CT-TTg', issuingBody: 'Thủ tướng Chính phủ' },
];
const EFFECT = ['in-force', 'in-force', 'in-force', 'expired', 'partly-expired', 'not-yet-in-force'];

interface Generated {
  type: string;
  title: string;
  summary: string;
  body: string;
  meta: Record<string, unknown>;
  number?: string;
}

export function generateItem(n: number): Generated {
  const topic = pick(TOPICS);
  const agency = pick(AGENCIES);
  const place = pick(PLACES);
  const sentences = Array.from({ length: 5 + Math.floor(random() * 5) }, () => pickFlat(SENTENCES)(pick(TOPICS), pick(AGENCIES), pick(PLACES)));
  const body = `<p>${sentences.slice(0, 3).join(' ')}</p><p>${sentences.slice(3).join(' ')}</p>`;
  if (random() < 0.06) {
    const lt = pickFlat(LEGAL_TYPES);
    const year = 2010 + Math.floor(random() * 16);
    const number = `${1 + Math.floor(random() * 300)}/${year}/${lt.code}`;
    return {
      type: 'legal-document',
      title: `${lt.documentType} số ${number} quy định về ${topic}`,
      summary: `${lt.documentType} quy định chi tiết một số điều về ${topic}, áp dụng đối với ${place}.`,
      body,
      number,
      meta: { number, documentType: lt.documentType, issuingBody: lt.issuingBody, issuedDate: `${year}-0${1 + (n % 9)}-1${n % 10}`, effectStatus: pickFlat(EFFECT), field: topic },
    };
  }
  const type = pickFlat(['news', 'news', 'news', 'news', 'directive', 'press-release']);
  const title = `${agency} ${pick(ACTIONS)} ${topic} ${random() < 0.5 ? place : ''}`.trim();
  return { type, title, summary: `${title}: ${pickFlat(SENTENCES)(topic, agency, place)}`, body, meta: {} };
}

// ---------- store setup ----------

interface Bench {
  engine: 'sqlite' | 'postgres';
  services: Services;
  portalIds: number[];
  portalSlugs: string[];
  numbers: string[];
  close(): Promise<void>;
}

async function setUp(engine: 'sqlite' | 'postgres'): Promise<Bench> {
  if (REUSE) return reuse(engine, REUSE);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-search-'));
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (engine === 'postgres') {
    const schema = `bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  }
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const services = await createServices(config, { logger: pino({ level: 'silent' }) });
  const contact = { unit: 'Văn phòng', responsible: 'Chánh Văn phòng', address: 'Hà Nội', phone: '024 0000 0000', email: 'lienhe@example.gov.vn' };
  const portalSlugs = ['chinhphu', 'bo-tai-chinh', 'bo-y-te', 'hanoi', 'danang'];
  const portalIds: number[] = [];
  for (const slug of portalSlugs) {
    const p = await services.portals.create({ slug, kind: slug === 'chinhphu' ? 'central' : slug.startsWith('bo-') ? 'ministry' : 'province', names: { vi: slug }, languages: ['vi', 'en'], contact });
    for (const s of ['tin-tuc', 'chi-dao-dieu-hanh', 'van-ban']) await services.portals.createSection(p, { slug: s, names: { vi: s } });
    portalIds.push(p.id);
  }
  return {
    engine,
    services,
    portalIds,
    portalSlugs,
    numbers: [],
    async close() {
      await services.store.close();
      if (args.keep) {
        console.error(`  kept: ${engine === 'sqlite' ? dataDir : databaseUrl}`);
        return;
      }
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A store an earlier run kept: its portals, and legal numbers read back from its items. */
async function reuse(engine: 'sqlite' | 'postgres', where: string): Promise<Bench> {
  const config = loadConfig(engine === 'postgres' ? { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-search-')), DATABASE_URL: where } : { DATA_DIR: where });
  const services = await createServices(config, { logger: pino({ level: 'silent' }) });
  const { db } = services.store;
  const portals = await db.selectFrom('portals').select(['id', 'slug']).orderBy('id').execute();
  const legal = await db.selectFrom('content_items').select('meta').where('type', '=', 'legal-document').orderBy('id').limit(5000).execute();
  return {
    engine,
    services,
    portalIds: portals.map((p) => p.id),
    portalSlugs: portals.map((p) => p.slug),
    numbers: legal.map((r) => String(JSON.parse(r.meta).number)),
    close: () => services.store.close(),
  };
}

async function fill(b: Bench, count: number) {
  const { db } = b.services.store;
  const sections = await db.selectFrom('sections').select(['id', 'portal_id']).execute();
  const sectionsOf = new Map<number, number[]>();
  for (const s of sections) sectionsOf.set(s.portal_id, [...(sectionsOf.get(s.portal_id) ?? []), s.id]);
  const start = Date.now();
  const batch = b.engine === 'postgres' ? 1000 : 500;
  seed = 20260101;
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    await db.transaction().execute(async (trx) => {
      const groups = await trx
        .insertInto('translation_groups')
        .values(Array.from({ length: n }, (_, i) => ({ portal_id: b.portalIds[(done + i) % b.portalIds.length], created_at: new Date(start).toISOString() })))
        .returning(['id', 'portal_id'])
        .execute();
      const rows = groups.map((g, i) => {
        const seq = done + i;
        const item = generateItem(seq);
        if (item.number && b.numbers.length < 5000) b.numbers.push(item.number);
        const at = new Date(start - (count - seq) * 30_000).toISOString();
        return {
          portal_id: g.portal_id,
          group_id: g.id,
          lang: 'vi',
          type: item.type,
          section_id: pickFlat(sectionsOf.get(g.portal_id)!),
          slug: `${slugify(item.title, 60)}-${seq}`,
          title: item.title,
          summary: item.summary,
          body: item.body,
          meta: JSON.stringify(item.meta),
          tags: '[]',
          search_text: fold(`${item.title} ${item.summary}`),
          status: 'published',
          version: 1,
          author_id: null,
          created_at: at,
          updated_at: at,
          published_at: at,
          first_published_at: at,
          public_updated_at: at,
          scheduled_at: null,
          unpublish_kind: null,
          unpublish_reason: null,
          origin: null,
        };
      });
      await trx.insertInto('content_items').values(rows).execute();
    });
    if ((done / batch) % 20 === 0) process.stderr.write(`\r  ${b.engine}: generated ${done + n}/${count}`);
  }
  process.stderr.write('\n');
}

// ---------- queries ----------

const syllables = [...new Set(TOPICS.flatMap((t) => t.replace(/[,–]/g, ' ').split(/\s+/)).filter((w) => w.length > 1))];
const twoWords = [
  ...new Set(
    TOPICS.flatMap((t) => {
      const w = t.replace(/[,–]/g, ' ').split(/\s+/).filter(Boolean);
      return w.slice(0, -1).map((x, i) => `${x} ${w[i + 1]}`);
    }),
  ),
];
const phrases = TOPICS.filter((t) => t.split(' ').length >= 3 && !/[,–]/.test(t));
const maybeFold = (s: string) => (random() < 0.5 ? fold(s) : s);

type Kind = 'one-word' | 'two-word' | 'phrase' | 'filtered' | 'number';
const KINDS: Kind[] = ['one-word', 'two-word', 'phrase', 'filtered', 'number'];

function makeQueries(b: Bench, kind: Kind, n: number): SearchRequest[] {
  seed = 777 + KINDS.indexOf(kind);
  return Array.from({ length: n }, (): SearchRequest => {
    switch (kind) {
      case 'one-word':
        return { q: maybeFold(pickFlat(syllables)) };
      case 'two-word':
        return { q: maybeFold(pickFlat(twoWords)) };
      case 'phrase':
        return { q: `"${maybeFold(pickFlat(phrases))}"` };
      case 'filtered':
        return { q: maybeFold(pickFlat(twoWords)), portal: pickFlat(b.portalSlugs), type: 'news', lang: 'vi' };
      case 'number': {
        const number = pickFlat(b.numbers);
        const [seq, year, code] = number.split('/');
        const forms = [number, fold(number).toUpperCase(), `${code.split('-')[0].toLowerCase().replace('đ', 'd')} ${seq}/${year}`, `${seq}/${year}`];
        return { q: pickFlat(forms) };
      }
    }
  });
}

/** The same search without an index: every word a LIKE '%…%' over the folded title and summary. */
async function likeScan(b: Bench, r: SearchRequest) {
  const { db } = b.services.store;
  const words = fold(r.q ?? '')
    .replace(/"/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const needles = r.q?.startsWith('"') ? [words.join(' ')] : words;
  let q = db.selectFrom('content_items').select('id').where('status', '=', 'published');
  for (const w of needles) q = q.where('search_text', 'like', `%${w}%`);
  if (r.portal) q = q.where('portal_id', '=', b.portalIds[b.portalSlugs.indexOf(r.portal)]);
  if (r.type) q = q.where('type', '=', r.type);
  if (r.lang) q = q.where('lang', '=', r.lang);
  return q.orderBy('published_at', 'desc').limit(20).execute();
}

/** Wraps the backend's methods to add up the time each takes (`--profile`). */
function profileBackend(b: Bench) {
  const backend = b.services.search.backend as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  const totals = new Map<string, number>() as Map<string, number> & { restore(): void };
  const originals: Array<[string, (...a: unknown[]) => Promise<unknown>]> = [];
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(backend))) {
    if (name === 'constructor') continue;
    const fn = backend[name];
    originals.push([name, fn]);
    backend[name] = async (...a: unknown[]) => {
      const t = performance.now();
      try {
        return await fn.apply(backend, a);
      } finally {
        totals.set(name, (totals.get(name) ?? 0) + performance.now() - t);
      }
    };
  }
  totals.restore = () => {
    for (const [name] of originals) delete backend[name];
  };
  return totals;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

// ---------- run ----------

/** The benchmark itself; the generator above is also imported by profiling scripts. */
async function main() {
  const results: string[] = [];
  for (const engine of String(args.engines).split(',') as Array<'sqlite' | 'postgres'>) {
    console.error(`\n== ${engine}: ${REUSE ? REUSE : `${ITEMS.toLocaleString('en')} items`}`);
    const b = await setUp(engine);
    try {
      let indexing = 'reused store';
      if (!REUSE) {
        await fill(b, ITEMS);
        const report = await b.services.search.reindex({ batchSize: 1000, onProgress: (done, total) => done % 20000 === 0 && process.stderr.write(`\r  indexing ${done}/${total}`) });
        process.stderr.write('\n');
        const rate = Math.round(report.indexed / (report.ms / 1000));
        indexing = `indexing ${rate.toLocaleString('en')} items/s (${(report.ms / 1000).toFixed(1)} s)`;
        if (engine === 'postgres') await sql`vacuum analyze search_documents`.execute(b.services.store.db);
      }
      const items = Number((await sql<{ n: string }>`select count(*) as n from search_documents`.execute(b.services.store.db)).rows[0].n);
      const size = engine === 'sqlite' ? fs.statSync(b.services.store.file!).size : Number((await sql<{ n: string }>`select pg_total_relation_size('search_documents') as n`.execute(b.services.store.db)).rows[0].n);
      results.push(`\n${engine} — ${items.toLocaleString('en')} items; ${indexing}; ${engine === 'sqlite' ? 'store file' : 'search_documents with indexes'} ${(size / 1e6).toFixed(0)} MB`);
      results.push(`${'query'.padEnd(10)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'hits/q'.padStart(7)} | ${'LIKE p50'.padStart(9)} ${'LIKE p95'.padStart(9)} | ${'p50 ×'.padStart(7)}`);
      for (const kind of KINDS) {
        const queries = makeQueries(b, kind, QUERIES);
        for (const q of queries.slice(0, 10)) await b.services.search.search(q); // warm caches
        const phases = args.profile ? profileBackend(b) : undefined;
        const ms: number[] = [];
        let hits = 0;
        for (const q of queries) {
          let n = 0;
          let best = Infinity;
          for (let r = 0; r < REPEAT; r++) best = Math.min(best, await time(async () => void (n = (await b.services.search.search(q)).items.length)));
          ms.push(best);
          hits += n;
        }
        const like: number[] = [];
        for (const q of queries.slice(0, BASELINE)) {
          let best = Infinity;
          for (let r = 0; r < REPEAT; r++) best = Math.min(best, await time(() => likeScan(b, q)));
          like.push(best);
        }
        const p50 = percentile(ms, 50);
        const lp50 = percentile(like, 50);
        results.push(
          `${kind.padEnd(10)} ${p50.toFixed(1).padStart(8)} ${percentile(ms, 95).toFixed(1).padStart(8)} ${(hits / queries.length).toFixed(1).padStart(7)} | ${lp50.toFixed(1).padStart(9)} ${percentile(like, 95).toFixed(1).padStart(9)} | ${(lp50 / p50).toFixed(1).padStart(6)}×`,
        );
        console.error(results[results.length - 1]);
        if (phases) {
          console.error('   ' + [...phases.entries()].map(([k, v]) => `${k} ${(v / queries.length).toFixed(2)}`).join(' · ') + ' ms/query');
          phases.restore();
        }
      }
    } finally {
      await b.close();
    }
  }
  console.log(`\nsearch.search() latency (whole service path, one at a time) vs LIKE scan, ${QUERIES} queries per kind (${BASELINE} for LIKE)${REPEAT > 1 ? `, fastest of ${REPEAT} runs each` : ''}`);
  console.log(results.join('\n'));
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) await main();
