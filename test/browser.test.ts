import { actingAs } from './helpers.ts';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { encodeSolution, solveChallenge, type PowChallenge } from '../src/modules/feedback/pow.ts';
import { CENTRAL, pathOf, startSite, type SiteEnv } from './site-helpers.ts';

// The public site in headless Chromium: a reader's walk from the network
// index to a legal document, switching language on the way (screenshots in
// test-output/), keyboard access, and axe-core over every kind of page in
// three languages with zero violations, and in the states a page can take
// (breaking-news banner, share box with its copy button, the feedback
// receipt with its copy button, the phone menu opened).

const CHROMIUM = '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium): browser tests skipped`;
const OUT = path.resolve('test-output');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function postForm(port: number, host: string, pathname: string, form: Record<string, string>): Promise<{ status: number; text: string }> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: 'POST', agent: false, headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('public site in a browser', { skip }, () => {
  let env: SiteEnv;
  let browser: Browser;
  let axeSource: string;
  const external: string[] = [];

  before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const { chromium } = await import('playwright-core');
    [env, browser] = await Promise.all([startSite('sqlite'), chromium.launch({ executablePath: CHROMIUM, args: ARGS })]);
  });
  after(async () => {
    await browser?.close();
    await env?.close();
  });

  async function newPage(width = 1280): Promise<Page> {
    // axe is injected as a script; the site's own CSP forbids scripts, so the test context bypasses it
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    page.on('request', (r) => {
      const host = new URL(r.url()).hostname;
      if (host !== 'localhost' && !host.endsWith('.localhost') && host !== '127.0.0.1') external.push(r.url());
    });
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });

  test('network index → portal → section → article → English → legal document', async () => {
    const page = await newPage();
    const { news, newsEn, legalEn } = env.seed;
    await page.goto(`http://localhost:${env.port}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    await shot(page, '01-network-index');

    await page.click('a:has-text("Cổng Thông tin điện tử Chính phủ")');
    await page.waitForURL(`http://chinhphu.localhost:${env.port}/`);
    await shot(page, '02-portal-home');

    await page.click('nav.mainnav a:has-text("Tin tức")');
    await page.waitForURL(/\/tin-tuc$/);
    assert.equal(await page.textContent('h1'), 'Tin tức');
    await shot(page, '03-section');

    await page.click(`main a:has-text("${news.title}")`);
    await page.waitForURL(`**${pathOf(news)}`);
    assert.equal(await page.textContent('h1'), news.title);
    await shot(page, '04-article');

    await page.click('nav.langs a[hreflang="en"]');
    await page.waitForURL(`**${pathOf(newsEn)}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('h1'), newsEn.title);
    await shot(page, '05-article-en');

    await page.click('nav.mainnav a:has-text("Documents")');
    await page.waitForURL(/\/en\/van-ban$/);
    await page.click(`main a:has-text("${legalEn.title}")`);
    await page.waitForURL(`**${pathOf(legalEn)}`);
    assert.equal(await page.textContent('table.facts th:has-text("Number") + td'), '42/2022/NĐ-CP');
    assert.equal(await page.textContent('.status'), 'In force');
    await shot(page, '06-legal-document-en');

    const mobile = await newPage(375);
    await mobile.goto(`http://chinhphu.localhost:${env.port}${pathOf(news)}`);
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px)`);
    await shot(mobile, '07-article-mobile');
    await mobile.emulateMedia({ media: 'print' });
    assert.equal(await mobile.isVisible('.share'), false, 'share links are not printed');
    assert.equal(await mobile.isVisible('.print-only'), true, 'the printout names its source');
    await mobile.emulateMedia({ media: 'screen' });
    await mobile.context().close();
    await page.context().close();
    assert.deepEqual(external, [], 'no third-party requests');
  });

  test('keyboard: the skip link is the first stop, visible, and lands on the main content', async () => {
    const page = await newPage();
    await page.goto(`http://chinhphu.localhost:${env.port}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ cls: document.activeElement?.className, left: document.activeElement?.getBoundingClientRect().left }));
    assert.equal(focused.cls, 'skip');
    assert.ok((focused.left ?? -1) >= 0, 'the focused skip link is on screen');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor);
    assert.equal(outline, 'rgb(255, 221, 0)', 'focus is visible');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
    assert.ok(inMain, 'after the skip link, Tab moves inside main');
    await page.context().close();
  });

  test('axe-core finds no violations on any page kind in vi, en and zh', { timeout: 120_000 }, async () => {
    const s = env.seed;
    const base = `http://chinhphu.localhost:${env.port}`;
    const network = `http://localhost:${env.port}`;
    const pages: Record<string, string[]> = {
      vi: [
        `${network}/`,
        `${base}/`,
        `${base}/tin-tuc`,
        `${base}${pathOf(s.news)}`,
        `${base}${pathOf(s.legal)}`,
        `${base}${pathOf(s.procedure)}`,
        `${base}/khong-co`,
        `${base}${pathOf(s.withdrawn)}`,
        `${base}${pathOf(s.gallery)}`,
        `${base}${pathOf(s.video)}`,
        `${base}/chuyen-doi-so`,
      ],
      en: [`${network}/en/`, `${base}/en/`, `${base}/en/tin-tuc`, `${base}${pathOf(s.newsEn)}`, `${base}${pathOf(s.legalEn)}`, `${base}${pathOf(s.procedureEn)}`, `${base}/en/not-here`],
      zh: [`${network}/zh/`, `${base}/zh/`, `${base}/zh/tin-tuc`, `${base}${pathOf(s.newsZh)}`, `${base}${pathOf(s.legalZh)}`, `${base}${pathOf(s.procedureZh)}`, `${base}/zh/not-here`],
    };
    const page = await newPage();
    const failures: string[] = [];
    for (const [lang, urls] of Object.entries(pages)) {
      for (const url of urls) {
        await page.goto(url);
        assert.equal(await page.getAttribute('html', 'lang'), lang, url);
        await page.evaluate(axeSource);
        const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
        for (const v of result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]) {
          failures.push(
            `${url}: ${v.id} (${v.help}) at ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
          );
        }
      }
    }
    await page.context().close();
    assert.deepEqual(failures, []);
  });

  /** axe's violations on the page as it stands, one line each. */
  async function violations(page: Page, where: string): Promise<string[]> {
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
    return (result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map(
      (v) =>
        `${where}: ${v.id} (${v.help}) at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  }

  test('axe-core finds no violations with the breaking banner up, the share box and receipt copy buttons shown, and the phone menu open', { timeout: 120_000 }, async () => {
    const s = env.seed;
    const base = `http://chinhphu.localhost:${env.port}`;
    const failures: string[] = [];
    const portal = await env.services.portals.require('chinhphu');
    const until = new Date(env.services.clock().getTime() + 3600_000).toISOString();
    await env.services.home.set(portal, 'vi', { featured: [{ id: s.directive.id }], breaking: { text: 'Bão số 3 đổ bộ: theo dõi cập nhật', url: '/tin-tuc', until } }, actingAs(null, portal.id));
    await env.services.home.set(portal, 'en', { featured: [], breaking: { itemId: s.newsEn.id, until } }, actingAs(null, portal.id));
    await env.services.pagecache.settled();

    // the receipt answers a POST: post a solved form, hand the browser the HTML the server sent
    const challenge = JSON.parse((await env.get(CENTRAL, '/api/v1/feedback/challenge')).text) as PowChallenge;
    const receipt = await postForm(env.port, CENTRAL, '/phan-anh', {
      kind: 'question',
      field: 'Đất đai, xây dựng',
      title: 'Hỏi về hồ sơ cấp giấy chứng nhận quyền sử dụng đất',
      content: 'Gia đình tôi muốn hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì?',
      submitterType: 'citizen',
      name: 'Trần Thị Bích',
      email: 'bich.axe@example.vn',
      phone: '0987 654 321',
      address: 'Số 7 ngõ 15 phố Lý Nam Đế, Hoàn Kiếm, Hà Nội',
      consent: 'yes',
      altcha: encodeSolution(challenge, solveChallenge(challenge).number),
    });
    assert.equal(receipt.status, 201);

    for (const width of [390, 1280]) {
      const page = await newPage(width);
      await page.route('**/__receipt', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: receipt.text }));
      for (const [name, url] of [
        ['home with banner', `${base}/`],
        ['English home with an item banner', `${base}/en/`],
        ['article with share box', `${base}${pathOf(s.news)}`],
        ['legal document with share box', `${base}${pathOf(s.legal)}`],
      ] as const) {
        await page.goto(url);
        assert.equal(await page.isVisible('.breaking'), true, `${name}: the banner shows`);
        if (name.includes('share')) await page.waitForSelector('.share-link button:not([hidden])');
        failures.push(...(await violations(page, `${name} at ${width}`)));
      }
      await page.goto(`${base}/__receipt`);
      await page.waitForSelector('button.copy-code:not([hidden])');
      failures.push(...(await violations(page, `receipt at ${width}`)));
      if (width === 390) {
        await page.goto(`${base}/`);
        await page.click('.menu summary');
        assert.equal(await page.isVisible('nav.mainnav a[href$="/tin-tuc"]'), true, 'the menu is open');
        failures.push(...(await violations(page, 'home with the phone menu open')));
      }
      await page.context().close();
    }
    assert.deepEqual(failures, []);
  });
});
