import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createWorker } from '../src/app.ts';
import { actingAs, waitFor } from './helpers.ts';
import { startSite, type SiteEnv } from './site-helpers.ts';

// The curated home as a reader sees it in headless Chromium: the pinned top
// stories in the editor's order, a pin lapsing with the (injected) clock, and
// the breaking-news banner shown and taken down. test/home.test.ts checks the
// same over HTTP; this checks what is on the screen (visible, in order).

const CHROMIUM = '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium): browser tests skipped`;
const OUT = path.resolve('test-output');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('curated home in a browser', { skip }, () => {
  let env: SiteEnv;
  let browser: Browser;
  let page: Page;
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);

  before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const { chromium } = await import('playwright-core');
    [env, browser] = await Promise.all([startSite('sqlite', { clock }), chromium.launch({ executablePath: CHROMIUM, args: ARGS })]);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    // pages are cacheable for a minute: each look must come from the server, as a reader's next visit would
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  });
  after(async () => {
    await browser?.close();
    await env?.close();
  });

  const home = () => `http://chinhphu.localhost:${env.port}/`;
  /** The visible titles of the top-stories block, top to bottom. */
  const topStories = () =>
    page.$$eval('section[aria-labelledby="top-stories"] h3 a', (links) =>
      links
        .filter((a) => (a as HTMLElement).offsetParent !== null)
        .map((a) => a.textContent.trim())
        .filter(Boolean),
    );
  /** Reloads the home until `check` holds (changes reach cached pages within a second or so). */
  const reloadUntil = (what: string, check: () => Promise<boolean>) =>
    waitFor(
      async () => {
        await page.goto(home());
        return (await check()) || undefined;
      },
      10_000,
      100,
    ).catch(async (err: Error) => {
      throw new Error(`${what}: ${err.message}; top stories ${JSON.stringify(await topStories())}`);
    });
  const runDueJobs = async () => {
    const worker = createWorker(env.services, { pollMs: 50 });
    while ((await worker.runOnce()) > 0);
  };

  test("pinned stories lead the home in the editor's order; the banner shows; a pin lapses with the clock; the banner comes down", async () => {
    const s = env.seed;
    const portal = await env.services.portals.require('chinhphu');
    await page.goto(home());
    const before = await topStories();
    assert.ok(before.length >= 2, `${before.length} top stories`);
    assert.equal(await page.isVisible('.breaking'), false, 'no banner before one is set');

    const now = clock().getTime();
    await env.services.home.set(
      portal,
      'vi',
      {
        featured: [{ id: s.press.id, until: new Date(now + 3600_000).toISOString() }, { id: s.directive.id }],
        breaking: { text: 'Bão số 3 đổ bộ: theo dõi cập nhật', url: '/tin-tuc', until: new Date(now + 7200_000).toISOString() },
      },
      actingAs(null, portal.id),
    );
    await env.get('chinhphu.localhost', '/');
    await reloadUntil('the pins lead', async () => (await topStories())[0] === s.press.title);
    assert.deepEqual((await topStories()).slice(0, 2), [s.press.title, s.directive.title], 'pinned order on the screen');
    assert.equal(await page.isVisible('.breaking'), true, 'the banner is on the screen');
    assert.equal((await page.textContent('.breaking a'))?.trim(), 'Bão số 3 đổ bộ: theo dõi cập nhật');
    await page.screenshot({ path: path.join(OUT, 'home-curated-390.png') });

    offsetMs += 3600_000 + 1000; // past the press release's pin
    await runDueJobs();
    await reloadUntil('the lapsed pin leaves', async () => (await topStories())[0] === s.directive.title);
    assert.ok(!(await topStories()).slice(0, 1).includes(s.press.title), 'the lapsed pin no longer leads');
    assert.equal(await page.isVisible('.breaking'), true, 'the banner still runs');

    await env.services.home.set(portal, 'vi', { featured: [], breaking: null }, actingAs(null, portal.id));
    await reloadUntil('the banner comes down', async () => !(await page.isVisible('.breaking')));
  });
});
