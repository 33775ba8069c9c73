import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { actingAs, engines } from './helpers.ts';
import { escapeXml, html, jsonLd as ldScript, raw } from '../src/web/site/html.ts';
import { CENTRAL, NETWORK_HOST, pathOf, PROVINCE, startSite, type SiteEnv } from './site-helpers.ts';

// The public site over real HTTP: every page kind in every language, the
// language switcher, error pages, and the things a page must always carry
// (lang, canonical, hreflang, skip link, contact footer, no third parties).

/** Attribute values of `attr` on tags named `tag` (a light parse; pages are our own HTML). */
function attrs(html: string, tag: string, attr: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))) {
    const a = new RegExp(`\\s${attr}="([^"]*)"`).exec(m[0]);
    if (a) out.push(a[1].replace(/&amp;/g, '&'));
  }
  return out;
}

function hreflangs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)) out[m[1]] = m[2];
  return out;
}

function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

function switcher(html: string): Record<string, string> {
  const nav = /<nav class="langs"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  const out: Record<string, string> = {};
  for (const m of nav.matchAll(/<a href="([^"]+)" hreflang="([^"]+)"/g)) out[m[2]] = m[1];
  return out;
}

/** What every HTML page must have. */
function assertPageBasics(html: string, lang: string) {
  assert.match(html, /^<!doctype html>/);
  assert.match(html, new RegExp(`<html lang="${lang}">`));
  assert.match(html, /<a class="skip" href="#main">/);
  assert.match(html, /<main id="main"/);
  assert.match(html, /<link rel="canonical" href="http:\/\/[^"]+">/);
  // no third-party requests: no script but the site's own analytics beacon (and the share box's copy button), stylesheets and images from this site only
  assert.doesNotMatch(html, /<script(?! type="application\/ld\+json")(?! src="\/assets\/(?:beacon|copy)-[0-9a-f]{12}\.js" defer><\/script>)/);
  for (const src of [...attrs(html, 'img', 'src'), ...attrs(html, 'link', 'href').filter((h) => /\.css/.test(h))]) assert.ok(src.startsWith('/'), `external resource ${src}`);
}

describe('template layer', () => {
  test('escapes every interpolation unless it is SafeHtml', () => {
    const evil = `<img src=x onerror="alert('x')"> & co`;
    assert.equal(html`<p title="${evil}">${evil}</p>`.value, '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co</p>');
    assert.equal(html`<ul>${['a<b', 'c'].map((x) => html`<li>${x}</li>`)}</ul>`.value, '<ul><li>a&lt;b</li><li>c</li></ul>');
    assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
    assert.equal(html`<div>${raw('<b>sanitized</b>')}</div>`.value, '<div><b>sanitized</b></div>');
    assert.equal(ldScript({ name: '</script><script>alert(1)</script>' }).value, '<script type="application/ld+json">{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}</script>');
    assert.equal(escapeXml('a\u0001b & <c>'), 'ab &amp; &lt;c&gt;');
  });
});

for (const engine of engines()) {
  describe(`public site pages (${engine})`, () => {
    let env: SiteEnv;
    before(async () => {
      env = await startSite(engine);
    });
    after(() => env?.close());

    test('the network index lists every portal grouped by kind, in three languages', async () => {
      const vi = await env.get(`${NETWORK_HOST}:${env.port}`, '/');
      assert.equal(vi.status, 200);
      assertPageBasics(vi.text, 'vi');
      assert.match(vi.text, /Mạng lưới cổng thông tin điện tử/);
      assert.match(vi.text, /<h2 id="kind-central">Cổng Chính phủ<\/h2>/);
      assert.match(vi.text, /<h2 id="kind-province">Tỉnh, thành phố<\/h2>/);
      assert.ok(vi.text.includes(`href="http://chinhphu.localhost:${env.port}/"`));
      assert.ok(vi.text.includes(`href="http://hanoi.localhost:${env.port}/"`));
      assert.match(vi.text, /Cập nhật lần cuối: \d\d:\d\d, \d\d\/\d\d\/\d{4}/);
      const en = await env.get(`${NETWORK_HOST}:${env.port}`, '/en/');
      assert.equal(en.status, 200);
      assertPageBasics(en.text, 'en');
      assert.match(en.text, /Network of government portals/);
      // a portal without Chinese is linked at its Vietnamese home from the Chinese index
      const zh = await env.get('127.0.0.1', '/zh/');
      assertPageBasics(zh.text, 'zh');
      assert.ok(zh.text.includes(`href="http://chinhphu.localhost:${env.port}/zh/"`));
      assert.ok(zh.text.includes(`href="http://hanoi.localhost:${env.port}/"`));
    });

    test('portal home in vi, en and zh: lists, hreflang, switcher, contact footer, JSON-LD', async () => {
      for (const [path, lang] of [
        ['/', 'vi'],
        ['/en/', 'en'],
        ['/zh/', 'zh'],
      ] as const) {
        const r = await env.get(CENTRAL, path);
        assert.equal(r.status, 200, path);
        assertPageBasics(r.text, lang);
        const alt = hreflangs(r.text);
        assert.equal(alt.vi, `http://chinhphu.localhost:${env.port}/`);
        assert.equal(alt.en, `http://chinhphu.localhost:${env.port}/en/`);
        assert.equal(alt.zh, `http://chinhphu.localhost:${env.port}/zh/`);
        assert.equal(alt['x-default'], alt.vi);
        assert.deepEqual(switcher(r.text), { vi: '/', en: '/en/', zh: '/zh/' });
        // the legally required contact details
        for (const s of ['Văn phòng thử nghiệm', 'Chánh Văn phòng', '1 Phố Thử, Hà Nội', '024 0000 0000', 'lienhe@example.gov.vn']) assert.ok(r.text.includes(s), `${path}: footer lacks ${s}`);
        const types = jsonLd(r.text).map((d) => d['@type']);
        assert.ok(types.includes('GovernmentOrganization'));
        assert.match(r.text, /<link rel="alternate" type="application\/rss\+xml"/);
      }
      const vi = await env.get(CENTRAL, '/');
      assert.ok(vi.text.includes(env.seed.news.title), 'top story');
      assert.ok(vi.text.includes(env.seed.directive.title), 'directives');
      assert.ok(vi.text.includes(env.seed.press.title), 'press releases');
      assert.ok(vi.text.includes(env.seed.legal.title), 'legal documents');
      assert.ok(vi.text.includes(env.seed.procedure.title), 'procedures');
      assert.match(vi.text, /Chuyên trang[\s\S]*href="\/chuyen-doi-so"/);
      assert.ok(!vi.text.includes(env.seed.withdrawn.title), 'withdrawn items are not listed');
      assert.ok(!vi.text.includes(env.seed.draft.title), 'drafts are not listed');
      const en = await env.get(CENTRAL, '/en/');
      assert.ok(en.text.includes(env.seed.newsEn.title));
      assert.ok(!en.text.includes(env.seed.news.title), 'the English home lists English items only');
      assert.match(en.text, /Managing agency/);
      const zh = await env.get(CENTRAL, '/zh/');
      assert.match(zh.text, /主管机关/);
    });

    test('a portal without Chinese answers /zh/ with a 404 page', async () => {
      const r = await env.get(PROVINCE, '/zh/');
      assert.equal(r.status, 404);
      assert.match(r.text, /<html lang="zh">/);
      const home = await env.get(PROVINCE, '/');
      assert.equal(home.status, 200);
      assert.deepEqual(Object.keys(switcher(home.text)), ['vi', 'en']);
    });

    test('section pages paginate; bad and out-of-range page numbers get 400 and 404 pages', async () => {
      const first = await env.get(CENTRAL, '/tin-tuc');
      assert.equal(first.status, 200);
      assertPageBasics(first.text, 'vi');
      assert.equal((first.text.match(/<li class="card">/g) ?? []).length, 20);
      assert.match(first.text, /Trang 1 \/ 2/);
      assert.match(first.text, /<a href="\/tin-tuc\?page=2" rel="next">/);
      assert.match(first.text, /<nav class="crumbs wrap" aria-label="Vị trí trang">/);
      const second = await env.get(CENTRAL, '/tin-tuc?page=2');
      assert.equal(second.status, 200);
      assert.match(second.text, /<link rel="canonical" href="http:\/\/chinhphu\.localhost:\d+\/tin-tuc\?page=2">/);
      assert.match(second.text, /rel="prev"/);
      const firstTitles = new Set([...first.text.matchAll(/<h2><a href="([^"]+)"/g)].map((m) => m[1]));
      for (const m of second.text.matchAll(/<h2><a href="([^"]+)"/g)) assert.ok(!firstTitles.has(m[1]), 'pages do not overlap');
      const bad = await env.get(CENTRAL, '/tin-tuc?page=abc');
      assert.equal(bad.status, 400);
      assert.match(bad.text, /Yêu cầu không hợp lệ/);
      const badEn = await env.get(CENTRAL, '/en/tin-tuc?page=-1');
      assert.equal(badEn.status, 400);
      assert.match(badEn.text, /Bad request/);
      const past = await env.get(CENTRAL, '/tin-tuc?page=99');
      assert.equal(past.status, 404);
      // the English section page lists the English translation, under the English section name
      const en = await env.get(CENTRAL, '/en/tin-tuc');
      assert.match(en.text, /<h1>News<\/h1>/);
      assert.ok(en.text.includes(env.seed.newsEn.title));
    });

    test('sub-site, content-type and tag pages', async () => {
      const sub = await env.get(CENTRAL, '/chuyen-doi-so');
      assert.equal(sub.status, 200);
      assert.match(sub.text, /<div class="subsite">/);
      assert.match(sub.text, /--brand:#[0-9a-f]{6}/);
      assert.ok(sub.text.includes(env.seed.video.title));
      const type = await env.get(CENTRAL, '/directive');
      assert.equal(type.status, 200);
      assert.ok(type.text.includes(env.seed.directive.title));
      const tag = await env.get(CENTRAL, `/tag/${encodeURIComponent('kinh tế')}`);
      assert.equal(tag.status, 200);
      assert.match(tag.text, /Chủ đề: kinh tế/);
      assert.ok(tag.text.includes(env.seed.news.title));
      assert.ok(!tag.text.includes('Bản tin số 1 '), 'only tagged items');
    });

    test('article page: dates, change-free meta, translations, related, share links, structured data', async () => {
      const { news, newsEn, newsZh } = env.seed;
      const r = await env.get(CENTRAL, pathOf(news));
      assert.equal(r.status, 200);
      assertPageBasics(r.text, 'vi');
      assert.ok(r.text.includes(`<h1>${news.title}</h1>`));
      assert.match(r.text, /Đăng lúc: <time datetime="[^"]+">\d\d:\d\d, \d\d\/\d\d\/\d{4}<\/time>/);
      assert.match(r.text, /<figcaption>Toàn cảnh phiên họp/);
      // the switcher lands on the translations, and hreflang names them
      assert.deepEqual(switcher(r.text), { vi: pathOf(news), en: pathOf(newsEn), zh: pathOf(newsZh) });
      assert.deepEqual(hreflangs(r.text), { vi: news.url, en: newsEn.url, zh: newsZh.url, 'x-default': news.url });
      assert.match(r.text, /Read in English: Prime Minister/);
      assert.match(r.text, /<h2 id="related">Tin liên quan<\/h2>/);
      assert.ok(r.text.includes(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(news.url)}`));
      assert.match(r.text, /<meta property="og:type" content="article">/);
      assert.match(r.text, /<meta name="twitter:card" content="summary">/);
      const data = jsonLd(r.text);
      const article = data.find((d) => d['@type'] === 'NewsArticle');
      assert.equal(article.headline, news.title);
      assert.equal(article.inLanguage, 'vi');
      assert.equal(article.publisher['@type'], 'GovernmentOrganization');
      const crumbs = data.find((d) => d['@type'] === 'BreadcrumbList');
      assert.equal(crumbs.itemListElement.length, 3);
      const en = await env.get(CENTRAL, pathOf(newsEn));
      assertPageBasics(en.text, 'en');
      assert.match(en.text, /Published: <time datetime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d<\/time>/);
      const zh = await env.get(CENTRAL, pathOf(newsZh));
      assertPageBasics(zh.text, 'zh');
      assert.match(zh.text, /发布时间: <time datetime="[^"]+">\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d<\/time>/);
    });

    test('a corrected article shows its change note and updated date', async () => {
      const { services, seed } = env;
      const item = await services.content.getForMember(seed.press.id);
      await services.content.update(item, actingAs(seed.chief), { version: item.version, summary: 'Thông cáo về kết quả phiên họp (đã sửa).', changeNote: 'Sửa tên cơ quan chủ trì.' });
      await services.pagecache.settled();
      const r = await env.get(CENTRAL, pathOf(seed.press));
      assert.match(r.text, /<h2 id="changes">Đính chính và cập nhật<\/h2>/);
      assert.match(r.text, /Sửa tên cơ quan chủ trì\./);
      assert.match(r.text, /Cập nhật: <time/);
    });

    test('legal document page: metadata table, status of effect, attachments, Legislation data', async () => {
      const { legal, legalEn } = env.seed;
      const r = await env.get(CENTRAL, pathOf(legal));
      assert.equal(r.status, 200);
      assertPageBasics(r.text, 'vi');
      for (const s of [
        '<th scope="row">Số ký hiệu</th><td>42/2022/NĐ-CP</td>',
        '<th scope="row">Ngày ban hành</th><td><time datetime="2022-06-24">24/06/2022</time></td>',
        '<th scope="row">Ngày có hiệu lực</th><td><time datetime="2022-08-15">15/08/2022</time></td>',
        'status-in-force">Còn hiệu lực</span>',
        'KT. Thủ tướng – Phó Thủ tướng Trần Đức Minh',
      ]) {
        assert.ok(r.text.includes(s), `legal page lacks ${s}`);
      }
      assert.match(r.text, /<a href="\/files\/nd-42-2022-nd-cp\.pdf" download>Nghị định 42\/2022\/NĐ-CP \(bản PDF\)<\/a> <span class="meta">\(1,2 MB\)<\/span>/);
      const law = jsonLd(r.text).find((d) => d['@type'] === 'Legislation');
      assert.equal(law.legislationIdentifier, '42/2022/NĐ-CP');
      assert.equal(law.legislationLegalForce, 'https://schema.org/InForce');
      assert.equal(law.legislationDate, '2022-06-24');
      const en = await env.get(CENTRAL, pathOf(legalEn));
      assert.ok(en.text.includes('<th scope="row">Date issued</th><td><time datetime="2022-06-24">24 June 2022</time></td>'));
      assert.match(en.text, /status-in-force">In force</);
      assert.match(en.text, /\(1\.2 MB\)/);
    });

    test('procedure, video and gallery pages', async () => {
      const { procedure, video, gallery } = env.seed;
      const p = await env.get(CENTRAL, pathOf(procedure));
      assert.equal(p.status, 200);
      for (const s of ['<th scope="row">Mã thủ tục</th><td>2.001548</td>', 'Toàn trình', '<li>Kê khai tờ khai</li>', '08 ngày làm việc', '200.000 đồng', 'Tờ khai TK01', '49/2019/QH14', '>Nộp hồ sơ trực tuyến</a>'])
        assert.ok(p.text.includes(s), `procedure page lacks ${s}`);
      assert.equal(jsonLd(p.text)[0]['@type'], 'GovernmentService');
      const v = await env.get(CENTRAL, pathOf(video));
      assert.equal(v.status, 200);
      assert.match(v.text, /<time datetime="PT412S">6:52<\/time>/);
      assert.match(v.text, /href="https:\/\/www\.youtube\.com\/watch\?v=Qm3vT8kLp2A"/);
      assert.doesNotMatch(v.text, /<iframe/);
      assert.equal(jsonLd(v.text)[0].duration, 'PT6M52S');
      assert.match(v.text, /<div class="subsite">/, 'items of a sub-site wear its theme');
      const g = await env.get(CENTRAL, pathOf(gallery));
      assert.equal(g.status, 200);
      assert.match(g.text, /<img src="\/media\/demo\/hoi-nghi-01\.jpg" alt="Toàn cảnh hội nghị"/);
      assert.match(g.text, /<figcaption>Toàn cảnh hội nghị <span>\(Quang Hiếu\)<\/span><\/figcaption>/);
      assert.match(g.text, /<meta property="og:image" content="http:\/\/chinhphu\.localhost:\d+\/media\/demo\/hoi-nghi-01\.jpg">/);
    });

    test('withdrawn items explain themselves (200), removed ones answer 410, drafts and unknown paths 404', async () => {
      const { withdrawn, gone, draft } = env.seed;
      const w = await env.get(CENTRAL, pathOf(withdrawn));
      assert.equal(w.status, 200);
      assert.match(w.text, /Nội dung này đã được rút xuống\./);
      assert.match(w.text, /Lý do: Số liệu trong bài chưa được kiểm chứng\./);
      assert.match(w.text, /<meta name="robots" content="noindex">/);
      assert.doesNotMatch(w.text, /Số liệu sai\./, 'the withdrawn body is not shown');
      const g = await env.get(CENTRAL, pathOf(gone));
      assert.equal(g.status, 410);
      assert.match(g.text, /Nội dung không còn nữa/);
      const d = await env.get(CENTRAL, pathOf(draft));
      assert.equal(d.status, 404);
      assert.doesNotMatch(d.text, /Bản nháp chưa đăng/);
      const vi404 = await env.get(CENTRAL, '/khong-co-trang-nay');
      assert.equal(vi404.status, 404);
      assertPageBasics(vi404.text, 'vi');
      assert.match(vi404.text, /Không tìm thấy trang/);
      const en404 = await env.get(CENTRAL, '/en/no-such-page/at-all');
      assert.equal(en404.status, 404);
      assert.match(en404.text, /<html lang="en">[\s\S]*Page not found/);
      const zh404 = await env.get(CENTRAL, '/zh/tin-tuc/no-such-item');
      assert.equal(zh404.status, 404);
      assert.match(zh404.text, /页面未找到/);
      const net404 = await env.get('localhost', '/en/anything');
      assert.equal(net404.status, 404);
      assert.match(net404.text, /Page not found/);
    });

    test('API paths keep problem+json; other methods and malformed escapes get HTML pages', async () => {
      const api = await env.get(CENTRAL, '/api/v1/nope');
      assert.equal(api.status, 404);
      assert.match(String(api.headers['content-type']), /application\/problem\+json/);
      const post = await env.get(CENTRAL, '/en/tin-tuc', { 'content-type': 'text/plain' }, 'POST');
      assert.equal(post.status, 404);
      assert.match(post.text, /<html lang="en">/);
      const bad = await env.get(CENTRAL, '/%zz');
      assert.equal(bad.status, 400);
      assert.match(String(bad.headers['content-type']), /text\/html/);
      const badApi = await env.get(CENTRAL, '/api/v1/%zz');
      assert.equal(badApi.status, 400);
    });

    test('markup in titles, summaries and tags is shown as text on pages and in feeds', async () => {
      const { services, seed } = env;
      const central = await services.portals.require('chinhphu');
      const evil = '<script>alert("x")</script> & <b>bold</b>';
      const item = await services.content.create(central, actingAs(seed.chief), { type: 'news', lang: 'vi', title: `Tin thử ${evil}`, summary: evil, body: '<p>ok</p><script>alert(1)</script>', section: 'tin-tuc', tags: [evil] });
      await services.content.act(item, actingAs(seed.chief), { action: 'publish' });
      await services.pagecache.settled();
      for (const p of [pathOf(item), '/', '/tin-tuc', '/feed.xml', '/atom.xml', `/tag/${encodeURIComponent(evil)}`]) {
        const r = await env.get(CENTRAL, p);
        assert.equal(r.status, 200, p);
        assert.doesNotMatch(r.text, /<script>alert/, `${p} carries live markup`);
        assert.doesNotMatch(r.text, /<b>bold<\/b>/, `${p} carries live markup`);
      }
      const page = await env.get(CENTRAL, pathOf(item));
      assert.ok(page.text.includes('Tin thử &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;'));
      const feed = JSON.parse((await env.get(CENTRAL, '/feed.json')).text);
      assert.ok(
        feed.items.some((i: any) => i.title === `Tin thử ${evil}`),
        'JSON Feed carries the text as is',
      );
    });

    test('nothing a reader can type makes a 500', async () => {
      const paths = [
        '/tin-tuc/..%2f..%2fetc%2fpasswd',
        '/%00',
        '/tag/',
        '/tag/%F0%9F%98%80',
        '/en/tag/' + 'x'.repeat(500),
        '/' + 'a/'.repeat(300),
        '/?page=999999999999',
        '/tin-tuc?page=1e3',
        '/tin-tuc?page=0',
        '/tin-tuc?page=2&page=3',
        '/van-ban/NGHI-DINH',
        '/vi/tin-tuc',
        '/en/zh/',
        '/sitemap-items-0.xml',
        '/sitemap-items-99.xml',
        '/en/sitemap.xml',
        '/feed.xml?page=abc',
        '/tin-tuc/feed.json',
        '/nope/feed.xml',
        '/<script>alert(1)</script>',
        '/tin-tuc/%3Cb%3E',
        '//double//slashes//',
        '/news/' + encodeURIComponent('tiêu-đề'),
        '/assets/site-0000.css',
      ];
      for (const p of paths) {
        const r = await env.get(CENTRAL, p);
        assert.ok(r.status < 500, `${p} answered ${r.status}`);
        if (String(r.headers['content-type']).startsWith('text/html')) assert.doesNotMatch(r.text, /<script>alert\(1\)/, `${p} reflected markup`);
      }
      for (const host of ['', 'x'.repeat(300), 'evil.example', 'chinhphu.localhost.', '[::1]:3000']) {
        const r = await env.get(host, '/');
        assert.ok(r.status < 500, `Host ${host} answered ${r.status}`);
      }
    });

    test('one address per page: trailing slashes, /en and /vi/ prefixes and moved items redirect', async () => {
      const en = await env.get(CENTRAL, '/en');
      assert.equal(en.status, 301);
      assert.equal(en.headers.location, '/en/');
      const slash = await env.get(CENTRAL, '/tin-tuc/');
      assert.equal(slash.status, 301);
      assert.equal(slash.headers.location, '/tin-tuc');
      const vi = await env.get(CENTRAL, '/vi/tin-tuc');
      assert.equal(vi.status, 301);
      assert.equal(vi.headers.location, '/tin-tuc');
      const wrongSection = await env.get(CENTRAL, `/van-ban/${env.seed.news.slug}`);
      assert.equal(wrongSection.status, 301);
      assert.equal(wrongSection.headers.location, pathOf(env.seed.news));
    });

    test('stylesheet: hashed URL, immutable, compressed; portal home within the 100 KB budget', async () => {
      const home = await env.get(CENTRAL, '/', { 'accept-encoding': 'br' });
      const cssPath = /<link rel="stylesheet" href="([^"]+)">/.exec(home.text)![1];
      assert.match(cssPath, /^\/assets\/site-[0-9a-f]{12}\.css$/);
      const css = await env.get(CENTRAL, cssPath, { 'accept-encoding': 'br' });
      assert.equal(css.status, 200);
      assert.match(String(css.headers['cache-control']), /immutable/);
      assert.equal(css.headers['content-encoding'], 'br');
      assert.match(css.text, /@media print/);
      assert.ok(home.raw.length + css.raw.length <= 100 * 1024, `home ${home.raw.length} + css ${css.raw.length} bytes`);
      const emblem = await env.get(CENTRAL, '/assets/emblem.svg');
      assert.equal(emblem.status, 200);
      assert.match(String(emblem.headers['content-type']), /image\/svg\+xml/);
    });
  });
}
