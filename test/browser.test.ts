import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pathOf, startSite, type SiteEnv } from './site-helpers.ts';

// The public site in headless Chromium: a reader's walk from the network
// index to a legal document, switching language on the way (screenshots in
// test-output/), keyboard access, and axe-core over every kind of page in
// three languages with zero violations.

const CHROMIUM = '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium): browser tests skipped`;
const OUT = path.resolve('test-output');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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
      vi: [`${network}/`, `${base}/`, `${base}/tin-tuc`, `${base}${pathOf(s.news)}`, `${base}${pathOf(s.legal)}`, `${base}${pathOf(s.procedure)}`, `${base}/khong-co`, `${base}${pathOf(s.withdrawn)}`, `${base}${pathOf(s.gallery)}`, `${base}${pathOf(s.video)}`, `${base}/chuyen-doi-so`],
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
          failures.push(`${url}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        }
      }
    }
    await page.context().close();
    assert.deepEqual(failures, []);
  });
});
