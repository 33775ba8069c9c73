import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actingAs, engines, postgresSkip } from './helpers.ts';
import { startSite, pathOf, CENTRAL, type SiteEnv } from './site-helpers.ts';
import { loadDemo } from '../src/demo/load.ts';
import { demoNetwork } from '../src/demo/content/index.ts';
import { DemoPictureCache } from '../src/demo/picture-cache.ts';
import { detectType, variantKey, type CachedVariants } from '../src/modules/media/service.ts';

// Pictures on the public pages: the demo's news, directives, press releases
// and videos carry a drawn cover; every card that has one shows it with WebP
// candidates, sizes, width and height; the page's largest picture is fetched
// first and the others lazily; videos show a poster, galleries open with an
// eager first picture; the structured data names the pictures and the logo.

// the central portal and a province: the central portal's search spans both
const central = demoNetwork.filter((p) => p.slug === 'chinhphu' || p.slug === 'hanoi');

/** Every <img> of the page's cards (pictures with class card-picture), with its <source>. */
function cardPictures(html: string): { source: string; img: string }[] {
  return [...html.matchAll(/<picture class="card-picture">(<source [^>]*>)?(<img [^>]*>)<\/picture>/g)].map((m) => ({ source: m[1] ?? '', img: m[2] }));
}

function assertCardPictures(html: string, where: string): void {
  const pics = cardPictures(html);
  assert.ok(pics.length >= 3, `${where}: ${pics.length} card pictures`);
  for (const p of pics) {
    assert.match(p.source, /type="image\/webp" srcset="[^"]*\/media\/[^" ]+-480\.webp 480w, [^"]*\/media\/[^" ]+\.webp \d+w" sizes="[^"]+"/, `${where}: ${p.source}`);
    assert.match(p.img, / width="\d+" height="\d+"/, `${where}: ${p.img}`);
    assert.match(p.img, / alt=""/);
  }
  const eager = pics.filter((p) => p.img.includes('fetchpriority="high"'));
  assert.equal(eager.length, 1, `${where}: one picture fetched first`);
  assert.equal(pics.indexOf(eager[0]), 0, `${where}: the first picture is the eager one`);
  assert.doesNotMatch(eager[0].img, /loading="lazy"/);
  for (const p of pics.slice(1)) assert.match(p.img, /loading="lazy"/, `${where}: ${p.img}`);
}

function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
}

describe('demo picture cache', () => {
  it('keeps the variants an upload made and gives them back to the next one; a damaged entry is a miss', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-pic-cache-'));
    const cache = new DemoPictureCache(path.join(dir, 'c'));
    const sharp = (await import('sharp')).default;
    const data = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const drawn = await cache.drawn({ test: 1 }, async () => data);
    assert.deepEqual(drawn, data);
    assert.deepEqual(await cache.drawn({ test: 1 }, async () => assert.fail('drawn again')), data);

    const env = await startSite('sqlite');
    try {
      const portal = await env.services.portals.require('chinhphu');
      const hits: (CachedVariants | undefined)[] = [];
      const spy = {
        get: async (k: string) => {
          const v = await cache.get(k);
          hits.push(v);
          return v;
        },
        put: (k: string, v: CachedVariants) => cache.put(k, v),
      };
      const first = await env.services.media.upload(portal, actingAs(null), { data, filename: 'a.jpg', mime: 'image/jpeg', alt: 'a' }, { variantCache: spy });
      const second = await env.services.media.upload(portal, actingAs(null), { data, filename: 'b.jpg', mime: 'image/jpeg', alt: 'b' }, { variantCache: spy });
      assert.equal(hits[0], undefined, 'the first upload encodes');
      assert.ok(hits[1], 'the second is read back');
      assert.deepEqual(
        second.variants.map((v) => [v.format, v.width, v.size]),
        first.variants.map((v) => [v.format, v.width, v.size]),
      );
      for (const v of second.variants) assert.ok(detectType(await env.services.media.storage.get(v.key).then((b) => b!)));

      // a truncated entry is not served as a picture
      const file = path.join(cache.dir, `${variantKey(data)}.variants`);
      fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 100));
      assert.equal(await cache.get(variantKey(data)), undefined);
    } finally {
      await env.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

if (postgresSkip) describe('site pictures on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`site pictures on ${engine}`, () => {
    let env: SiteEnv;
    before(async () => {
      env = await startSite(engine, { empty: true });
      await loadDemo(env.services, central, { traffic: false });
      await env.services.search.reindex();
    });
    after(async () => env?.close());

    const published = async (type: string) => {
      const rows = await env.services.store.db.selectFrom('content_items').select(['id', 'meta']).where('type', '=', type).where('status', '=', 'published').execute();
      return rows.map((r) => ({ id: r.id, meta: typeof r.meta === 'string' ? JSON.parse(r.meta) : (r.meta as any) }));
    };

    it('every demo news item, directive, press release and video has a cover from the library, in several designs', async () => {
      const srcs = new Set<string>();
      for (const type of ['news', 'directive', 'press-release', 'video']) {
        const items = await published(type);
        assert.ok(items.length > 0, type);
        for (const it of items) {
          assert.match(it.meta.cover?.src ?? '', /^\/media\/(chinhphu|hanoi)\/.+\.jpg$/, `${type} ${it.id}`);
          assert.ok(it.meta.cover.width && it.meta.cover.height && it.meta.cover.srcset, `${type} ${it.id}`);
          srcs.add(it.meta.cover.src);
        }
      }
      assert.ok(srcs.size >= 6, `${srcs.size} distinct covers`);
      const one = [...srcs][0];
      const res = await env.get(CENTRAL, one);
      assert.equal(res.status, 200);
      assert.equal(detectType(res.raw), 'jpeg');
    });

    it('home cards show covers: WebP srcset and sizes, width and height, the lead eager with fetchpriority, the rest lazy', async () => {
      const res = await env.get(CENTRAL, '/');
      assert.equal(res.status, 200);
      assertCardPictures(res.text, 'home');
      assert.match(cardPictures(res.text)[0].source, /sizes="\(min-width: 72rem\) 46rem/);
      const org = jsonLd(res.text).find((d) => d['@type'] === 'GovernmentOrganization');
      assert.match(org.logo, /^http:\/\/chinhphu\.localhost(:\d+)?\/assets\/emblem\.svg$/);
    });

    it('section, tag and search pages show covers the same way', async () => {
      const portal = await env.services.portals.require('chinhphu');
      const all = await env.services.content.listPublished(portal, { lang: 'vi', types: ['news', 'directive', 'press-release'] }, { limit: 100 });
      const section = await env.get(CENTRAL, `/${all[0].section}`);
      assert.equal(section.status, 200);
      assertCardPictures(section.text, 'section');
      const counts = new Map<string, number>();
      for (const i of all) for (const t of i.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      const [tag] = [...counts].sort((a, b) => b[1] - a[1])[0];
      const tagPage = await env.get(CENTRAL, `/tag/${encodeURIComponent(tag)}`);
      assert.equal(tagPage.status, 200);
      assertCardPictures(tagPage.text, `tag ${tag}`);
      const search = await env.get(CENTRAL, `/search?q=${encodeURIComponent('Thủ tướng')}`);
      assert.equal(search.status, 200);
      assertCardPictures(search.text, 'search');
    });

    it("the central search shows another portal's covers as paths of its own host, which its CSP allows and which answer there", async () => {
      const res = await env.get(CENTRAL, `/search?q=${encodeURIComponent('Hà Nội')}`);
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-security-policy']), /img-src 'self' data:/);
      const results = res.text.slice(res.text.indexOf('class="search-results"'));
      assert.match(results, /href="http:\/\/hanoi\.localhost[^"]*"/, 'a Hà Nội item among the results');
      const srcs = [...results.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
      const candidates = [...results.matchAll(/srcset="([^"]+)"/g)].flatMap((m) => m[1].split(',').map((c) => c.trim().split(' ')[0]));
      assert.ok(
        srcs.some((s) => s.startsWith('/media/hanoi/')),
        `a Hà Nội cover among ${srcs.join(' ')}`,
      );
      for (const u of [...srcs, ...candidates]) assert.match(u, /^\/media\//, `${u} is a path of this host`);
      const hanoiCover = srcs.find((s) => s.startsWith('/media/hanoi/'))!;
      assert.equal((await env.get(CENTRAL, hanoiCover)).status, 200);
    });

    it('an article names its cover as image and the portal logo in its structured data; a video shows its poster; a gallery opens eagerly', async () => {
      const [news] = await published('news');
      const item = (await env.services.content.find(news.id))!;
      const page = await env.get(CENTRAL, pathOf(item));
      const article = jsonLd(page.text).find((d) => d['@type'] === 'NewsArticle');
      assert.ok(article.image?.[0]?.endsWith(news.meta.cover.src), JSON.stringify(article.image));
      assert.match(article.publisher.logo, /\/assets\/emblem\.svg$/);
      assert.match(page.text, /<figure class="lead-image"><picture><source type="image\/webp" srcset="[^"]+" sizes="[^"]+"><img [^>]*fetchpriority="high">/);

      const [video] = await published('video');
      const videoItem = (await env.services.content.find(video.id))!;
      const vpage = await env.get(CENTRAL, pathOf(videoItem));
      assert.match(vpage.text, /<p class="poster"><picture><source type="image\/webp" srcset="[^"]+" sizes="[^"]+"><img src="\/media\/[^"]+" alt="" width="800" height="450" fetchpriority="high">/);
      const vld = jsonLd(vpage.text).find((d) => d['@type'] === 'VideoObject');
      assert.ok(vld.thumbnailUrl.endsWith(video.meta.cover.src), vld.thumbnailUrl);

      const [gallery] = await published('gallery');
      const galleryItem = (await env.services.content.find(gallery.id))!;
      const gpage = await env.get(CENTRAL, pathOf(galleryItem));
      const imgs = [...gpage.text.matchAll(/<div class="gallery">.*?<\/div>/gs)][0][0].match(/<img [^>]*>/g)!;
      assert.ok(imgs.length >= 2);
      assert.match(imgs[0], /fetchpriority="high"/);
      assert.doesNotMatch(imgs[0], /loading="lazy"/);
      for (const img of imgs.slice(1)) assert.match(img, /loading="lazy"/);
      assert.match(gpage.text, /<div class="gallery"><figure><picture><source type="image\/webp" srcset="[^"]+" sizes="\(min-width: 72rem\) 25rem, \(min-width: 64rem\) 36vw, \(min-width: 40rem\) 48vw, calc\(100vw - 2rem\)">/);
    });
  });
}
