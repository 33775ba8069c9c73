import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { createTestEnv, engines, postgresSkip, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { mainOf, rawRequest } from './site-helpers.ts';
import { loadDemo } from '../src/demo/load.ts';

// The public search page over the demo network: a GET form in every
// masthead, results with highlighted words and filters as plain links,
// cursor paging, the "no results" advice, network-wide search at the central
// portal, and (in Chromium) a search typed into the header box and axe-core
// finding nothing wrong with the pages.

const CHROMIUM = '/usr/bin/chromium';
const noBrowser = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} not found: browser checks of the search page skipped`;

const text = (htmlText: string) =>
  htmlText
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
const resultTitles = (page: string) =>
  [...mainOf(page).matchAll(/<li[^>]*>\s*(?:<picture class="card-picture">[\s\S]*?<\/picture>)?<span class="kicker">[\s\S]*?<h2><a href="([^"]+)">([\s\S]*?)<\/a><\/h2>/g)].map((m) => ({ href: m[1], title: text(m[2]) }));
const links = (page: string) => [...mainOf(page).matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1].replace(/&amp;/g, '&'), label: m[2] }));

if (postgresSkip) describe('search page on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`search page on ${engine}`, () => {
    let env: TestEnv;
    let server: TestServer;
    let port: number;
    const get = (host: string, path: string) => rawRequest(port, host, path);

    before(async () => {
      env = await createTestEnv(engine);
      await loadDemo(env.services);
      await env.services.search.reindex();
      server = await startServer(env.services);
      port = Number(new URL(server.url).port);
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    it('puts a search form in the masthead of every page', async () => {
      for (const [host, path] of [
        ['chinhphu.localhost', '/'],
        ['chinhphu.localhost', '/en/'],
        ['hanoi.localhost', '/tin-tuc'],
        ['localhost', '/'],
      ]) {
        const r = await get(host, path);
        assert.equal(r.status, 200, `${host}${path}`);
        const header = r.text.slice(r.text.indexOf('<header'), r.text.indexOf('</header>'));
        assert.match(header, /<form class="search-box" role="search" aria-label="[^"]+" action="(\/en)?\/search" method="get">/, `${host}${path}`);
        assert.match(header, /<label for="site-search"[^>]*>[^<]+<\/label>/);
      }
    });

    it('shows results with marked words, legal details and filters as links', async () => {
      const r = await get('chinhphu.localhost', `/search?q=${encodeURIComponent('nd 42/2022')}`);
      assert.equal(r.status, 200);
      assert.equal(r.headers['x-cache'], 'BYPASS', 'search pages never enter the page cache');
      assert.match(r.text, /<meta name="robots" content="noindex">/);
      assert.match(r.text, /<html lang="vi">/);
      const [first] = resultTitles(r.text);
      assert.match(first.title, /^Nghị định số 42\/2022\/NĐ-CP/);
      assert.match(first.href, /^\/van-ban\//);
      assert.match(mainOf(r.text), /<mark>42<\/mark>/);
      assert.match(mainOf(r.text), /Số ký hiệu: 42\/2022\/NĐ-CP/);
      const typeLink = links(r.text).find((l) => l.label === 'Văn bản');
      assert.ok(typeLink, 'a filter link per type');
      const filtered = await get('chinhphu.localhost', typeLink.href);
      assert.ok(resultTitles(filtered.text).every((t) => /^(Nghị định|Quyết định|Thông tư|Nghị quyết|Luật|Chỉ thị|Công điện|Kế hoạch)/.test(t.title)));
      assert.match(filtered.text, /<h2>Tình trạng hiệu lực<\/h2>/, 'legal documents add a status-of-effect filter');
    });

    it('searches the whole network at the central portal, one portal elsewhere', async () => {
      const central = resultTitles((await get('chinhphu.localhost', `/search?q=${encodeURIComponent('vành đai 4')}`)).text);
      assert.ok(
        central.some((t) => t.href.startsWith('http://hanoi.localhost')),
        'a Hanoi item found from the central portal',
      );
      const scoped = await get('chinhphu.localhost', `/search?q=${encodeURIComponent('vành đai 4')}&scope=portal`);
      assert.ok(resultTitles(scoped.text).every((t) => t.href.startsWith('/')));
      const hanoi = await get('hanoi.localhost', `/search?q=${encodeURIComponent('cảng Liên Chiểu')}`);
      assert.equal(resultTitles(hanoi.text).length, 0);
      const network = links(hanoi.text).find((l) => l.href.startsWith('http://chinhphu.localhost') && l.href.includes('/search?q='));
      assert.ok(network, 'a member portal offers the network-wide search');
      const index = resultTitles((await get('localhost', `/search?q=${encodeURIComponent('hộ chiếu')}`)).text);
      assert.match(index[0]?.title ?? '', /hộ chiếu/i, 'the network index searches everything');
    });

    it('searches each language on its own page', async () => {
      const en = await get('chinhphu.localhost', '/en/search?q=personal+data+protection');
      assert.match(en.text, /<html lang="en">/);
      assert.match(resultTitles(en.text)[0]?.title ?? '', /^Decree No\. 13\/2023\/ND-CP/);
      const zh = await get('chinhphu.localhost', `/zh/search?q=${encodeURIComponent('普通护照')}`);
      assert.match(resultTitles(zh.text)[0]?.title ?? '', /普通护照/);
      assert.equal((await get('hanoi.localhost', '/zh/search?q=x')).status, 404, 'no page in a language the portal does not publish');
    });

    it('pages through results with links', async () => {
      const firstPage = await get('chinhphu.localhost', '/search?q=chinh+phu');
      const next = links(firstPage.text).find((l) => l.label === 'Trang sau');
      assert.ok(next, 'a next-page link');
      const second = await get('chinhphu.localhost', next.href);
      const a = resultTitles(firstPage.text).map((t) => t.href);
      const b = resultTitles(second.text).map((t) => t.href);
      assert.equal(a.length, 20);
      assert.ok(b.length > 0);
      assert.ok(
        b.every((h) => !a.includes(h)),
        'the second page repeats nothing',
      );
      assert.ok(links(second.text).some((l) => l.label === 'Về trang đầu'));
    });

    it('says when nothing matched and suggests the query without diacritics', async () => {
      const r = await get('chinhphu.localhost', `/search?q=${encodeURIComponent('Đười ươi Bornêô')}`);
      assert.equal(r.status, 200);
      assert.match(mainOf(r.text), /Không tìm thấy kết quả nào cho “Đười ươi Bornêô”/);
      const folded = links(r.text).find((l) => l.label === 'duoi uoi borneo');
      assert.ok(folded, 'the folded query is offered');
      assert.match(folded.href, /q=duoi\+uoi\+borneo/);
      const typo = await get('chinhphu.localhost', `/search?q=${encodeURIComponent('sot xuat huyett')}`);
      assert.match(mainOf(typo.text), /Hiển thị kết quả cho <strong>sot xuat huyet<\/strong>/);
    });

    it('answers any query string with a page, never an error', async () => {
      // control characters are refused where requests come in (issue 16): a 400 page, not a store error
      assert.equal((await get('chinhphu.localhost', '/search?q=%00%01')).status, 400);
      for (const q of ['', '%22', '*', 'NEAR(', "'%20OR%201=1--", '%5C', 'a'.repeat(10 * 1024), 'thu%E1%BA%BF%20'.repeat(700), '%E2%80%8B']) {
        const r = await get('chinhphu.localhost', `/search?q=${q}`);
        assert.equal(r.status, 200, q.slice(0, 20));
      }
      for (const extra of ['cursor=garbage', 'type=blog', 'from=yesterday', 'sort=random', 'portal=atlantis', 'effectStatus=maybe&type=legal-document']) {
        const r = await get('chinhphu.localhost', `/search?q=thue&${extra}`);
        assert.equal(r.status, 200, extra);
        assert.ok(resultTitles(r.text).length > 0, extra);
      }
    });

    describe('in a browser', { skip: noBrowser }, () => {
      let browser: Browser;
      let axeSource: string;
      before(async () => {
        axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
      });
      after(() => browser?.close());

      it('searches from the header box without JavaScript, and axe finds no violations', async () => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(`http://chinhphu.localhost:${port}/`);
        await page.fill('header input[name="q"]', 'dich vu cong truc tuyen');
        await page.press('header input[name="q"]', 'Enter');
        await page.waitForURL(/\/search\?q=dich\+vu\+cong\+truc\+tuyen/);
        assert.match((await page.textContent('main h1')) ?? '', /dich vu cong truc tuyen/);
        assert.ok((await page.locator('ol.search-results > li').count()) > 0);
        await context.close();

        const axeContext = await browser.newContext({ bypassCSP: true });
        const axePage = await axeContext.newPage();
        for (const path of ['/search?q=nd+42%2F2022', '/en/search?q=decree', '/zh/search?q=%E6%8A%A4%E7%85%A7', '/search?q=khung+long', '/search']) {
          await axePage.goto(`http://chinhphu.localhost:${port}${path}`);
          await axePage.addScriptTag({ content: axeSource });
          const violations = await axePage.evaluate(async () => (await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations.map((v: any) => `${v.id}: ${v.nodes.length}`));
          assert.deepEqual(violations, [], path);
        }
        await axeContext.close();
      });
    });
  });
}
