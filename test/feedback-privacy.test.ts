import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { encodeSolution, solveChallenge } from '../src/modules/feedback/pow.ts';
import type { Actor } from '../src/modules/feedback/model.ts';
import type { Portal } from '../src/modules/portals/service.ts';
import { engines, postgresSkip } from './helpers.ts';
import { CENTRAL, NETWORK_HOST, PROVINCE, startSite, type Response, type SiteEnv } from './site-helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

// Nobody's contact details on any public page. Citizens send cases with
// distinctive emails, telephone numbers and addresses — in the form's fields
// and typed into the text itself — through the API and the HTML form; the
// cases are answered (one answer quoting the number back), published, one
// forwarded to the province and published there. Then a crawler reads every
// public page of the network the way a search engine would: home pages,
// sections, articles, the Q&A list and each answer's page, the search page,
// feeds, sitemaps, the public API and the feedback endpoints that need no
// contact, following every link it finds. None of it may show any of those
// details — not after the personal data is erased at the end of the
// retention period either.

const SECRETS = {
  emails: ['kin.dao.tuyet.doi@example.vn', 'rieng.tu.2468@example.vn', 'chi.minh.toi@example.vn'],
  phones: ['0966 135 792', '0966135792', '966135792', '+84966135792', '0966.135.792', '0988 502 416', '0988502416', '988502416', '0915 777 303', '0915777303'],
  addresses: ['Số 246 ngõ 135 phố Đội Cấn', 'ngõ 135 phố Đội Cấn', 'Đội Cấn', 'Số 9 hẻm 71 đường Trần Quang Khải', 'hẻm 71 đường Trần Quang Khải', 'Trần Quang Khải', 'Thôn Đông Xuyên, xã Quảng Phú Cầu', 'Đông Xuyên', 'Quảng Phú Cầu'],
  names: ['Trịnh Quốc Bảo', 'Lương Thị Mỹ Duyên', 'Quách Văn Khôi'],
};
const ALL = [...SECRETS.emails, ...SECRETS.phones, ...SECRETS.addresses, ...SECRETS.names];
// the same, as they would look percent-encoded in a URL or escaped in JSON
const encoded = ALL.flatMap((s) => [encodeURIComponent(s), JSON.stringify(s).slice(1, -1)]).filter((s) => !ALL.includes(s));

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return [...ALL, ...encoded].filter((s) => lower.includes(s.toLowerCase()));
}

function postForm(port: number, host: string, path: string, form: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: raw.toString('utf8'), raw });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

if (postgresSkip) describe('feedback privacy crawl on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`no personal data of citizens on any public page (${engine})`, { timeout: 120_000 }, () => {
    let env: SiteEnv;
    let central: Portal;
    let province: Portal;
    let officer: Actor;
    const codes: string[] = [];

    before(async () => {
      env = await startSite(engine);
      central = await env.services.portals.require('chinhphu');
      province = await env.services.portals.require('hanoi');
      const account = await env.services.accounts.byEmail('feedback-officer@test.gov.vn');
      officer = { accountId: account!.id, roles: ['feedback-officer', 'admin'] };
      const hanoiAdmin = (await env.services.accounts.byEmail('admin@hanoi.test.gov.vn'))!;
      const pow = () => {
        const c = env.services.feedback.challenge();
        return encodeSolution(c, solveChallenge(c).number);
      };

      // 1. through the API, a question on the legal document's field, the details also typed into the text
      const a = await env.services.feedback.submit(central, {
        kind: 'question',
        field: 'Công nghệ thông tin',
        title: 'Hỏi về chữ ký số trên dịch vụ công trực tuyến',
        content: `Tôi là Trịnh Quốc Bảo, ở Số 246 ngõ 135 phố Đội Cấn, Ba Đình. Gọi tôi: 0966 135 792 hoặc +84966135792, thư: kin.dao.tuyet.doi@example.vn. Xin hỏi chữ ký số có dùng được cho dịch vụ công trực tuyến không?`,
        submitterType: 'citizen',
        name: 'Trịnh Quốc Bảo',
        email: 'kin.dao.tuyet.doi@example.vn',
        phone: '0966 135 792',
        address: 'Số 246 ngõ 135 phố Đội Cấn, Ba Đình, Hà Nội',
        consentToPublish: true,
        altcha: pow(),
      });
      codes.push(a.trackingCode);

      // 2. through the HTML form, on a tag of the news item
      const challenge = JSON.parse((await env.get(CENTRAL, '/api/v1/feedback/challenge')).text);
      const r = await postForm(env.port, CENTRAL, '/phan-anh', {
        kind: 'feedback',
        field: 'kinh tế',
        title: 'Phản ánh chậm hoàn thuế cho hộ kinh doanh',
        content: 'Hộ kinh doanh của Lương Thị Mỹ Duyên (Số 9 hẻm 71 đường Trần Quang Khải, liên hệ 0988.502.416) chờ hoàn thuế đã ba tháng.',
        submitterType: 'business',
        name: 'Lương Thị Mỹ Duyên',
        email: 'rieng.tu.2468@example.vn',
        phone: '0988 502 416',
        address: 'Số 9 hẻm 71 đường Trần Quang Khải, Quận 1, TP Hồ Chí Minh',
        consent: 'yes',
        altcha: encodeSolution(challenge, solveChallenge(challenge).number),
      });
      assert.equal(r.status, 201, r.text.slice(0, 500));
      codes.push(/<strong class="tracking-code"[^>]*>(PAKN\.\d{8}\.\d{4})<\/strong>/.exec(r.text)![1]);

      // 3. a petition forwarded to the province and answered there
      const c = await env.services.feedback.submit(central, {
        kind: 'petition',
        field: 'Giao thông',
        title: 'Kiến nghị sửa đường liên thôn bị sạt lở',
        content: 'Đường liên thôn qua Thôn Đông Xuyên, xã Quảng Phú Cầu bị sạt lở sau mưa lớn; đề nghị sửa chữa sớm.',
        submitterType: 'citizen',
        name: 'Quách Văn Khôi',
        email: 'chi.minh.toi@example.vn',
        phone: '0915 777 303',
        address: 'Thôn Đông Xuyên, xã Quảng Phú Cầu, Ứng Hòa, Hà Nội',
        consentToPublish: true,
        altcha: pow(),
      });

      const idIn = async (portal: Portal, code: string) => (await env.services.feedback.inbox(portal, { limit: 200 })).find((x) => x.trackingCode === code)!.id;
      await env.services.feedback.act(systemContext(central.id), central, await idIn(central, codes[0]), officer, {
        action: 'answer',
        answer: 'Thưa ông Trịnh Quốc Bảo (0966 135 792): chữ ký số dùng được cho mọi dịch vụ công trực tuyến toàn trình.',
      });
      await env.services.feedback.act(systemContext(central.id), central, await idIn(central, codes[1]), officer, { action: 'answer', answer: 'Cục Thuế đã kiểm tra hồ sơ hoàn thuế và sẽ hoàn trong tháng này.' });
      for (const code of codes) await env.services.feedback.act(systemContext(central.id), central, await idIn(central, code), officer, { action: 'publish' });
      const fwd = await env.services.feedback.act(systemContext(central.id), central, await idIn(central, c.trackingCode), officer, { action: 'forward', toPortal: 'hanoi' });
      const hanoiOfficer: Actor = { accountId: hanoiAdmin.id, roles: ['admin'] };
      const copy = await idIn(province, fwd.forwardedTo!);
      await env.services.feedback.act(systemContext(province.id), province, copy, hanoiOfficer, { action: 'answer', answer: 'Sở Giao thông vận tải đã bố trí kinh phí sửa chữa đường liên thôn Đông Xuyên trong quý này.' });
      await env.services.feedback.act(systemContext(province.id), province, copy, hanoiOfficer, { action: 'publish' });
      codes.push(fwd.forwardedTo!);
      await env.services.pagecache.settled();
    });
    after(async () => {
      await env?.close();
    });

    /**
     * Reads every public page reachable from the entry points, following the
     * links in HTML, sitemaps, feeds and JSON; returns the pages read, by host and path.
     */
    async function crawl(): Promise<Map<string, Response>> {
      const hosts = [CENTRAL, PROVINCE, NETWORK_HOST];
      const seen = new Map<string, Response>();
      const queue: [string, string][] = [];
      const known = new Set<string>();
      const push = (host: string, path: string) => {
        if (!hosts.includes(host) || /^\/(admin|api\/docs|media|files|assets)(\/|$)/.test(path) || known.has(`${host}${path}`)) return;
        known.add(`${host}${path}`);
        queue.push([host, path]);
      };
      for (const host of [CENTRAL, PROVINCE]) {
        const portal = host === CENTRAL ? central : province;
        for (const lang of portal.languages) {
          const p = lang === 'vi' ? '' : `/${lang}`;
          for (const path of [
            '/',
            '/hoi-dap',
            '/phan-anh',
            '/phan-anh/tra-cuu',
            '/feeds',
            '/sitemap',
            '/feed.xml',
            '/atom.xml',
            '/feed.json',
            '/search?q=d%E1%BB%8Bch+v%E1%BB%A5+c%C3%B4ng',
            '/search?q=ho%C3%A0n+thu%E1%BA%BF',
            '/hoi-dap?q=ch%E1%BB%AF+k%C3%BD+s%E1%BB%91',
          ])
            push(host, `${p}${path}`.replace(/^\/\//, '/') || '/');
        }
        for (const path of ['/robots.txt', '/sitemap.xml', '/sitemap-pages.xml', '/news-sitemap.xml', '/sitemap-items-1.xml', '/.well-known/lantoa/portal.json', '/federation/v1/log']) push(host, path);
        for (const code of codes) push(host, `/phan-anh/tra-cuu?ma=${code}`);
        for (const path of [
          '/api/v1/portals',
          `/api/v1/portals/${portal.slug}/sections`,
          `/api/v1/portals/${portal.slug}/articles?limit=100`,
          `/api/v1/portals/${portal.slug}/answers?limit=100`,
          `/api/v1/portals/${portal.slug}/answers?q=${encodeURIComponent('chữ ký số')}`,
          `/api/v1/search?q=${encodeURIComponent('dịch vụ công')}&portal=${portal.slug}`,
          `/api/v1/search?q=${encodeURIComponent('thuế')}`,
          '/api/v1/feedback/challenge',
          ...codes.map((code) => `/api/v1/feedback/${code}`),
        ])
          push(host, path);
      }
      push(NETWORK_HOST, '/');
      while (queue.length && seen.size < 3000) {
        // a few at a time: the store answers while the pages render
        const batch = queue.splice(0, 8);
        const answers = await Promise.all(batch.map(([host, path]) => env.get(host, path)));
        batch.forEach(([host, path], i) => seen.set(`${host}${path}`, answers[i]));
        for (let i = 0; i < batch.length; i++) {
          const [host, path] = batch[i];
          const res = answers[i];
          follow(host, path, res);
        }
      }
      return seen;

      function follow(host: string, path: string, res: Response) {
        if (res.status >= 300 && res.status < 400 && res.headers.location) {
          const loc = new URL(String(res.headers.location), `http://${host}`);
          push(loc.hostname, loc.pathname + loc.search);
        }
        // every address the response names: links, sitemap entries, feed and API URLs
        const found = [...res.text.matchAll(/(?:href|src)="([^"]+)"|<loc>([^<]+)<\/loc>|"(?:url|id|external_url|home_page_url|feed_url)"\s*:\s*"([^"]+)"|<link>([^<]+)<\/link>/g)].map((m) =>
          (m[1] ?? m[2] ?? m[3] ?? m[4]).replace(/&amp;/g, '&'),
        );
        for (const href of found) {
          if (/^(mailto|tel|javascript|data):/.test(href) || href.startsWith('#')) continue;
          let u: URL;
          try {
            u = new URL(href, `http://${host}`);
          } catch {
            continue;
          }
          if (u.protocol !== 'http:') continue;
          // the search pages are read with the queries above; their facet links (type × date × scope …) would multiply without end
          if (/^(\/(en|zh))?\/search$/.test(u.pathname) || u.pathname === '/api/v1/search') continue;
          push(u.hostname, u.pathname + u.search);
        }
        // each article of the public API, one by one
        if (path.startsWith('/api/v1/portals/') && path.includes('/articles')) for (const item of JSON.parse(res.text).items ?? []) push(host, `/api/v1/articles/${item.id}`);
      }
    }

    function assertNoLeaks(pages: Map<string, Response>) {
      const found: string[] = [];
      for (const [where, res] of pages) {
        assert.ok(res.status < 500, `${where} answered ${res.status}`);
        const bad = leaks(res.text);
        if (bad.length) found.push(`${where}: ${bad.join(', ')}`);
      }
      assert.deepEqual(found, [], 'personal data on public pages');
    }

    it('the answers are public, on the Q&A pages, their own pages and the articles of their field', async () => {
      const answers = await env.get(CENTRAL, '/hoi-dap');
      assert.match(answers.text, /Hỏi về chữ ký số trên dịch vụ công trực tuyến/);
      assert.match(answers.text, /Phản ánh chậm hoàn thuế cho hộ kinh doanh/);
      assert.match((await env.get(PROVINCE, '/hoi-dap')).text, /Kiến nghị sửa đường liên thôn bị sạt lở/);
      assert.match((await env.get(CENTRAL, new URL(env.seed.legal.url).pathname)).text, /Hỏi về chữ ký số trên dịch vụ công trực tuyến/);
      assert.match((await env.get(CENTRAL, new URL(env.seed.news.url).pathname)).text, /Phản ánh chậm hoàn thuế cho hộ kinh doanh/);
    });

    it('a crawl of every public page, feed, sitemap and public API endpoint finds no email, telephone number, address or name of a submitter', async () => {
      const pages = await crawl();
      // the crawl did reach what matters
      const paths = [...pages.keys()];
      for (const code of codes.slice(0, 2)) assert.ok(paths.includes(`${CENTRAL}/hoi-dap/${code}`), `answer page ${code} crawled`);
      assert.ok(paths.includes(`${PROVINCE}/hoi-dap/${codes[2]}`), 'the province’s answer page crawled');
      assert.ok(paths.includes(`${CENTRAL}${new URL(env.seed.legal.url).pathname}`), 'the legal document crawled');
      assert.ok(
        paths.some((p) => p.startsWith(`${CENTRAL}/api/v1/articles/`)),
        'API items crawled',
      );
      assert.ok(paths.some((p) => p.startsWith(`${CENTRAL}/en/`)) && paths.some((p) => p.startsWith(`${CENTRAL}/zh/`)), 'every language crawled');
      assert.ok(pages.size > 150, `${pages.size} pages crawled`);
      assertNoLeaks(pages);
    });

    it('still none once the personal data is erased at the end of the retention period', async () => {
      const db = env.services.store.db as any;
      await db.updateTable('feedback_cases').set({ updated_at: '2000-01-01T00:00:00.000Z' }).where('status', 'in', ['published', 'forwarded']).execute();
      assert.ok((await env.services.feedback.eraseExpired()) >= 4);
      assert.equal(
        Number(
          (
            await db
              .selectFrom('feedback_cases')
              .select((eb: any) => eb.fn.countAll().as('n'))
              .where('personal', 'is not', null)
              .where('status', '=', 'published')
              .executeTakeFirstOrThrow()
          ).n,
        ),
        0,
      );
      env.services.pagecache.cache.clear();
      const pages = await crawl();
      assert.ok(pages.size > 150);
      assertNoLeaks(pages);
      assert.match((await env.get(CENTRAL, `/hoi-dap/${codes[0]}`)).text, /chữ ký số dùng được cho mọi dịch vụ công/, 'the anonymised answer stays public');
    });
  });
}
