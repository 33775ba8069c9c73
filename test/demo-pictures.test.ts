import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engines } from './helpers.ts';
import { startSite, CENTRAL, type SiteEnv } from './site-helpers.ts';
import { loadDemo } from '../src/demo/load.ts';
import { drawItemCover, coverInputs } from '../src/demo/assets.ts';
import { demoNetwork } from '../src/demo/content/index.ts';
import type { DemoPortal } from '../src/demo/types.ts';

// Every demo news item, directive, press release and video wears a cover of
// its own, drawn once per machine and read back from the drawing cache. A
// fresh `lantoa start` does not wait for the drawing: the items are written
// at once with what the cache keeps, and the rest are attached as they are
// drawn, dropping the cached pages that showed the items without them.

/** The central portal with three news items (one translated) and a gallery of two pictures: small enough to draw on a cold cache. */
function smallNetwork(): DemoPortal[] {
  const central = demoNetwork.find((p) => p.slug === 'chinhphu')!;
  const news = central.items
    .filter((i) => i.type === 'news' && i.translations?.en)
    .slice(0, 3)
    .map((i, n) => ({ ...i, daysAgo: n }));
  const gallery = central.items.find((i) => i.type === 'gallery' && Array.isArray(i.meta?.images))!;
  const images = (gallery.meta!.images as unknown[]).slice(0, 2);
  return [{ ...central, languages: ['vi', 'en'], items: [...news, { ...gallery, meta: { ...gallery.meta, images }, translations: undefined, daysAgo: 5 }] }];
}

const cardSrcs = (html: string) => [...html.matchAll(/<picture class="card-picture">(?:<source [^>]*>)?<img src="([^"]+)"/g)].map((m) => m[1]);

type Row = { id: number; type: string; lang: string; meta: any };

async function rows(env: SiteEnv): Promise<Row[]> {
  const all = await env.services.store.db.selectFrom('content_items').select(['id', 'type', 'lang', 'meta']).execute();
  return all.map((r) => ({ ...r, meta: typeof r.meta === 'string' ? JSON.parse(r.meta) : r.meta }));
}

describe('demo covers', () => {
  it('are drawn from the item: different items, different pictures; the same item, the same picture', async () => {
    const a = await drawItemCover(JSON.stringify(coverInputs('chinhphu', { type: 'news', title: 'Một' })));
    const b = await drawItemCover(JSON.stringify(coverInputs('chinhphu', { type: 'news', title: 'Hai' })));
    const again = await drawItemCover(JSON.stringify(coverInputs('chinhphu', { type: 'news', title: 'Một' })));
    assert.notDeepEqual(a, b);
    assert.deepEqual(a, again);
  });
});

for (const engine of engines()) {
  describe(`demo pictures drawn in the background on ${engine}`, () => {
    let cacheDir: string;
    const envs: SiteEnv[] = [];
    const drawing: Promise<unknown>[] = [];
    before(() => {
      cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-demo-cold-'));
    });
    after(async () => {
      // a failed test leaves its drawing running: let it end before its store closes
      await Promise.allSettled(drawing);
      for (const env of envs) await env.close();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    });

    it('a cold cache: items are written without the pictures, which arrive later on the items and their pages', async () => {
      const env = await startSite(engine, { empty: true });
      envs.push(env);
      const summary = await loadDemo(env.services, smallNetwork(), { traffic: false, pictures: 'background', pictureCacheDir: path.join(cacheDir, 'c') });
      drawing.push(summary.pictures);
      assert.equal(summary.picturesPending, 5, 'three covers and two gallery pictures left to draw');
      const before = await rows(env);
      for (const r of before.filter((r) => r.type === 'news')) assert.equal(r.meta.cover, undefined, `${r.lang} ${r.id} has no cover yet`);
      // the gallery links a stand-in that answers, never a placeholder path
      const gallery = before.find((r) => r.type === 'gallery')!;
      assert.equal(gallery.meta.images.length, 2);
      for (const img of gallery.meta.images) {
        assert.match(img.src, /^\/media\/chinhphu\//);
        assert.equal((await env.get(CENTRAL, img.src)).status, 200);
      }
      const home = await env.get(CENTRAL, '/');
      assert.equal(home.status, 200);
      assert.deepEqual(cardSrcs(home.text), [], 'no covers on the home yet');

      const report = await summary.pictures;
      assert.equal(report.drawn, 5);
      assert.equal(report.kept, 0);
      const after = await rows(env);
      const news = after.filter((r) => r.type === 'news');
      assert.equal(news.filter((r) => r.lang === 'vi').length, 3);
      for (const r of news) assert.match(r.meta.cover?.src ?? '', /^\/media\/chinhphu\/.+\.jpg$/, `${r.lang} ${r.id}`);
      assert.equal(new Set(news.filter((r) => r.lang === 'vi').map((r) => r.meta.cover.src)).size, 3, 'a cover of its own for each item');
      // a translation wears its original's cover
      const en = news.find((r) => r.lang === 'en')!;
      const groups = await env.services.store.db.selectFrom('content_items').select(['id', 'group_id']).execute();
      const groupOf = new Map(groups.map((g) => [g.id, g.group_id]));
      const original = news.find((r) => r.lang === 'vi' && groupOf.get(r.id) === groupOf.get(en.id))!;
      assert.equal(en.meta.cover.src, original.meta.cover.src);
      const drawnGallery = after.find((r) => r.type === 'gallery')!;
      assert.notEqual(drawnGallery.meta.images[0].src, gallery.meta.images[0].src, 'the stand-in is replaced by the drawn picture');
      assert.equal(drawnGallery.meta.images[0].width, 960);

      // the home rendered before is not served again: it shows the covers now
      const later = await env.get(CENTRAL, '/');
      const srcs = cardSrcs(later.text);
      assert.ok(srcs.length >= 3, `${srcs.length} card pictures`);
      for (const s of srcs) assert.equal((await env.get(CENTRAL, s)).status, 200, s);
    });

    it('a warm cache: the next load writes every item with its pictures at once and draws nothing', async () => {
      const env = await startSite(engine, { empty: true });
      envs.push(env);
      const summary = await loadDemo(env.services, smallNetwork(), { traffic: false, pictures: 'background', pictureCacheDir: path.join(cacheDir, 'c') });
      drawing.push(summary.pictures);
      assert.equal(summary.picturesPending, 0);
      const report = await summary.pictures;
      assert.deepEqual(report, { drawn: 0, kept: 5, attached: 0 });
      for (const r of (await rows(env)).filter((r) => r.type === 'news')) assert.match(r.meta.cover?.src ?? '', /^\/media\/chinhphu\//);
      const home = await env.get(CENTRAL, '/');
      assert.ok(cardSrcs(home.text).length >= 3);
    });
  });
}
