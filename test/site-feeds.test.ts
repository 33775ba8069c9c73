import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { engines } from './helpers.ts';
import { CENTRAL, NETWORK_HOST, pathOf, startSite, type SiteEnv } from './site-helpers.ts';

// Feeds and sitemaps are parsed as XML/JSON and checked for the elements
// their specifications require: RSS 2.0 (channel title, link, description;
// item guid and RFC 822 dates), Atom (RFC 4287 feed and entry ids, titles,
// updated; RFC 6721 tombstones), JSON Feed 1.1, the sitemap protocol with
// xhtml:link alternates, and the Google News sitemap extension.

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'xhtml:link', 'category', 'at:deleted-entry', 'link'].includes(name) });

function parseXml(text: string): any {
  const valid = XMLValidator.validate(text);
  assert.equal(valid, true, `not well-formed XML: ${JSON.stringify(valid)}`);
  return parser.parse(text);
}

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

for (const engine of engines()) {
  describe(`feeds and sitemaps (${engine})`, () => {
    let env: SiteEnv;
    before(async () => {
      env = await startSite(engine);
    });
    after(() => env?.close());

    test('RSS 2.0 per portal, section and language', async () => {
      for (const [path, lang] of [
        ['/feed.xml', 'vi'],
        ['/en/feed.xml', 'en'],
        ['/zh/feed.xml', 'zh'],
        ['/tin-tuc/feed.xml', 'vi'],
        ['/en/van-ban/feed.xml', 'en'],
      ] as const) {
        const r = await env.get(CENTRAL, path);
        assert.equal(r.status, 200, path);
        assert.match(String(r.headers['content-type']), /application\/rss\+xml/);
        const doc = parseXml(r.text);
        assert.equal(doc.rss['@version'], '2.0');
        const ch = doc.rss.channel;
        for (const k of ['title', 'link', 'description']) assert.ok(ch[k], `${path}: channel.${k}`);
        assert.equal(ch.language, lang);
        assert.match(ch.lastBuildDate, RFC822);
        assert.equal(ch['atom:link']['@rel'], 'self');
        assert.equal(ch['atom:link']['@href'], `http://chinhphu.localhost:${env.port}${path}`);
        assert.ok(ch.item.length > 0, `${path} has items`);
        for (const item of ch.item) {
          assert.ok(item.title && item.link && item.description);
          assert.equal(item.guid['@isPermaLink'], 'true');
          assert.match(item.pubDate, RFC822);
        }
      }
      const vi = parseXml((await env.get(CENTRAL, '/tin-tuc/feed.xml')).text);
      const links = vi.rss.channel.item.map((i: any) => i.link[0]);
      assert.ok(links.includes(env.seed.news.url));
      assert.ok(!links.includes(env.seed.legal.url), 'a section feed holds its section only');
      assert.ok(!links.includes(env.seed.withdrawn.url));
    });

    test('Atom with RFC 6721 tombstones for withdrawn and removed items', async () => {
      const r = await env.get(CENTRAL, '/atom.xml');
      assert.equal(r.status, 200);
      assert.match(String(r.headers['content-type']), /application\/atom\+xml/);
      const feed = parseXml(r.text).feed;
      assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
      assert.equal(feed['@xmlns:at'], 'http://purl.org/atompub/tombstones/1.0');
      assert.equal(feed['@xml:lang'], 'vi');
      assert.ok(feed.id && feed.title);
      assert.match(feed.updated, RFC3339);
      assert.ok(feed.author.name, 'a feed-level author covers entries without one');
      assert.ok(feed.link.some((l: any) => l['@rel'] === 'self'));
      for (const e of feed.entry) {
        assert.ok(e.id && e.title);
        assert.match(e.updated, RFC3339);
        assert.match(e.published, RFC3339);
        assert.equal(e.link[0]['@rel'], 'alternate');
      }
      const tombstones = feed['at:deleted-entry'];
      const refs = tombstones.map((t: any) => t['@ref']);
      assert.ok(refs.includes(env.seed.withdrawn.url));
      assert.ok(refs.includes(env.seed.gone.url));
      for (const t of tombstones) assert.match(t['@when'], RFC3339);
      assert.ok(!feed.entry.some((e: any) => e.id === env.seed.withdrawn.url), 'a tombstone replaces the entry');
      const zh = parseXml((await env.get(CENTRAL, '/zh/atom.xml')).text).feed;
      assert.equal(zh['@xml:lang'], 'zh');
      assert.ok(zh.entry.some((e: any) => e.id === env.seed.newsZh.url));
    });

    test('JSON Feed 1.1', async () => {
      const r = await env.get(CENTRAL, '/en/feed.json');
      assert.equal(r.status, 200);
      assert.match(String(r.headers['content-type']), /application\/feed\+json/);
      const feed = JSON.parse(r.text);
      assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
      assert.ok(feed.title);
      assert.equal(feed.feed_url, `http://chinhphu.localhost:${env.port}/en/feed.json`);
      assert.equal(feed.home_page_url, `http://chinhphu.localhost:${env.port}/en/`);
      assert.equal(feed.language, 'en');
      assert.ok(feed.items.length > 0);
      for (const item of feed.items) {
        assert.equal(typeof item.id, 'string');
        assert.ok(item.content_text || item.content_html, 'an item has content');
        assert.match(item.date_published, RFC3339);
      }
      assert.ok(feed.items.some((i: any) => i.url === env.seed.newsEn.url));
    });

    test('sitemap index, pages and items sitemaps with hreflang alternates', async () => {
      const index = await env.get(CENTRAL, '/sitemap.xml');
      assert.equal(index.status, 200);
      const idx = parseXml(index.text).sitemapindex;
      assert.equal(idx['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
      const locs = idx.sitemap.map((s: any) => s.loc);
      const base = `http://chinhphu.localhost:${env.port}`;
      assert.deepEqual(locs, [`${base}/sitemap-pages.xml`, `${base}/sitemap-items-1.xml`, `${base}/news-sitemap.xml`]);
      const pages = parseXml((await env.get(CENTRAL, '/sitemap-pages.xml')).text).urlset;
      const home = pages.url.find((u: any) => u.loc === `${base}/en/`);
      assert.deepEqual(
        home['xhtml:link'].map((l: any) => [l['@hreflang'], l['@href']]),
        [
          ['vi', `${base}/`],
          ['en', `${base}/en/`],
          ['zh', `${base}/zh/`],
          ['x-default', `${base}/`],
        ],
      );
      const items = parseXml((await env.get(CENTRAL, '/sitemap-items-1.xml')).text).urlset;
      const news = items.url.find((u: any) => u.loc === env.seed.news.url);
      assert.match(news.lastmod, RFC3339);
      const alts = Object.fromEntries(news['xhtml:link'].map((l: any) => [l['@hreflang'], l['@href']]));
      assert.deepEqual(alts, { vi: env.seed.news.url, en: env.seed.newsEn.url, zh: env.seed.newsZh.url, 'x-default': env.seed.news.url });
      const all = items.url.map((u: any) => u.loc);
      assert.ok(!all.includes(env.seed.withdrawn.url) && !all.includes(env.seed.draft.url), 'only published items');
      assert.equal((await env.get(CENTRAL, '/sitemap-items-2.xml')).status, 404);
    });

    test('news sitemap of the last two days and robots.txt', async () => {
      const r = await env.get(CENTRAL, '/news-sitemap.xml');
      const set = parseXml(r.text).urlset;
      assert.equal(set['@xmlns:news'], 'http://www.google.com/schemas/sitemap-news/0.9');
      const entry = set.url.find((u: any) => u.loc === env.seed.newsZh.url);
      assert.equal(entry['news:news']['news:publication']['news:language'], 'zh-cn');
      assert.ok(entry['news:news']['news:publication']['news:name']);
      assert.match(entry['news:news']['news:publication_date'], RFC3339);
      assert.equal(entry['news:news']['news:title'], env.seed.newsZh.title);
      assert.ok(!set.url.some((u: any) => u.loc === env.seed.legal.url), 'legal documents are not news');
      const robots = await env.get(CENTRAL, '/robots.txt');
      assert.equal(robots.status, 200);
      assert.match(robots.text, /^User-agent: \*$/m);
      assert.match(robots.text, new RegExp(`^Sitemap: http://chinhphu\\.localhost:${env.port}/sitemap\\.xml$`, 'm'));
      const networkRobots = await env.get(NETWORK_HOST, '/robots.txt');
      assert.equal(networkRobots.status, 200);
    });

    test('pages point at their feeds; feeds and the feeds page are linked', async () => {
      const section = await env.get(CENTRAL, '/tin-tuc');
      assert.ok(section.text.includes(`<link rel="alternate" type="application/atom+xml" title="Cổng Thông tin điện tử Chính phủ – Tin tức" href="http://chinhphu.localhost:${env.port}/tin-tuc/atom.xml">`));
      const feeds = await env.get(CENTRAL, '/en/feeds');
      assert.equal(feeds.status, 200);
      assert.match(feeds.text, /href="\/en\/tin-tuc\/feed\.xml"/);
      const sitemap = await env.get(CENTRAL, '/sitemap');
      assert.equal(sitemap.status, 200);
      assert.match(sitemap.text, /href="\/chuyen-doi-so"/);
      assert.ok(pathOf(env.seed.news));
    });
  });
}
