import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startSite, type SiteEnv } from './site-helpers.ts';
import { loadDemo } from '../src/demo/load.ts';
import { demoNetwork } from '../src/demo/content/index.ts';

// The home's cards show their pictures in a real browser, and the page does
// not move while they load: every card picture has its size reserved (width
// and height attributes, a CSS aspect ratio) and the layout-shift score of
// the load is zero. On a phone only the pictures near the first screen are
// fetched.

const CHROMIUM = '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium): browser tests skipped`;
const OUT = path.resolve('test-output');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('pictures in a browser', { skip }, () => {
  let env: SiteEnv;
  let browser: Browser;

  before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const { chromium } = await import('playwright-core');
    [env, browser] = await Promise.all([
      startSite('sqlite', { empty: true }).then(async (e) => {
        await loadDemo(
          e.services,
          demoNetwork.filter((p) => p.slug === 'chinhphu'),
          { traffic: false },
        );
        return e;
      }),
      chromium.launch({ executablePath: CHROMIUM, args: ARGS }),
    ]);
  });
  after(async () => {
    await browser?.close();
    await env?.close();
  });

  for (const width of [390, 1366]) {
    test(`home cards show their pictures with reserved size and no layout shift at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 844 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as any).__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const images: string[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'image') images.push(r.url());
      });
      await page.goto(`http://chinhphu.localhost:${env.port}/`, { waitUntil: 'load' });
      // the eager picture is decoded and drawn at its box's size
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('.card-picture img[fetchpriority="high"]');
        return img && img.complete && img.naturalWidth > 0;
      });
      const pictures = await page.$$eval('main .card-picture img', (imgs) =>
        (imgs as HTMLImageElement[]).map((img) => ({
          width: img.getAttribute('width'),
          height: img.getAttribute('height'),
          ratio: getComputedStyle(img).aspectRatio,
          srcset: img.parentElement?.querySelector('source')?.getAttribute('srcset') ?? '',
          boxHeight: img.getBoundingClientRect().height,
          boxWidth: img.getBoundingClientRect().width,
        })),
      );
      assert.ok(pictures.length >= 5, `${pictures.length} card pictures`);
      for (const p of pictures) {
        assert.ok(Number(p.width) > 0 && Number(p.height) > 0, JSON.stringify(p));
        assert.match(p.ratio, /16 \/ 9/, JSON.stringify(p));
        assert.match(p.srcset, /\.webp 480w/);
        assert.ok(Math.abs(p.boxHeight - (p.boxWidth * 9) / 16) < 2, `reserved 16:9 box ${JSON.stringify(p)}`);
      }
      const shift = await page.evaluate(() => (window as any).__shift as number);
      assert.equal(shift, 0, `layout shift ${shift}`);
      assert.ok(
        images.some((u) => u.endsWith('.webp')),
        'WebP chosen',
      );
      assert.ok(images.length < pictures.length, `only the pictures near the first screen load (${images.length} of ${pictures.length})`);
      await page.screenshot({ path: path.join(OUT, `pictures-home-${width}.png`) });
      await context.close();
    });
  }
});
