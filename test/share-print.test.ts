import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { actingAs, engines, postgresSkip } from './helpers.ts';
import { startSite, pathOf, CENTRAL, type SiteEnv } from './site-helpers.ts';

// Sharing without trackers: plain Facebook and Zalo share links and a copy-link field on item pages
// (articles, directives, legal documents), no third-party script; and a print stylesheet.

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

if (postgresSkip) describe('share and print on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`share and print on ${engine}`, () => {
    let site: SiteEnv;
    before(async () => {
      site = await startSite(engine);
    });
    after(async () => {
      await site?.close();
    });

    it('puts plain Facebook and Zalo share links and the page address on articles, directives and legal documents', async () => {
      const { news, newsEn, directive, legal, legalZh } = site.seed;
      for (const item of [news, newsEn, directive, legal, legalZh]) {
        const r = await site.get(CENTRAL, pathOf(item));
        assert.equal(r.status, 200, item.url);
        const share = r.text.slice(r.text.indexOf('<section class="share'), r.text.indexOf('</section>', r.text.indexOf('<section class="share')));
        assert.ok(share.length > 0, `${item.url}: share box`);
        const hrefs = [...share.matchAll(/<a href="([^"]+)"/g)].map((m) => decode(m[1]));
        const encoded = encodeURIComponent(item.url);
        assert.ok(hrefs.includes(`https://www.facebook.com/sharer/sharer.php?u=${encoded}`), `${item.url}: Facebook link`);
        assert.ok(hrefs.includes(`https://sp.zalo.me/share_to_zalo?url=${encoded}`), `${item.url}: Zalo link`);
        // the address is escaped in every link: no raw ':' or '/' of the page URL in a query string
        for (const h of hrefs.filter((x) => x.startsWith('https://'))) assert.ok(!new URL(h).search.includes(item.url), `${h}: URL escaped`);
        // raw '&' never appears unescaped in the HTML of the links
        assert.doesNotMatch(share, /href="[^"]*&(?!amp;)[^"]*"/);
        // the copy-link field works without JavaScript; the button is hidden until the script shows it
        assert.match(share, new RegExp(`<input id="share-url" type="url" readonly value="${item.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`));
        assert.match(share, /<label for="share-url">/);
        assert.match(share, /<button type="button" data-copy="share-url" data-done="[^"]+" hidden>/);
        // no third-party script on the page
        for (const m of r.text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) assert.ok(m[1].startsWith('/'), `${item.url}: script from ${m[1]}`);
      }
    });

    it('escapes the title in share links', async () => {
      const created = await site.services.content.create(await site.services.portals.require('chinhphu'), actingAs(site.seed.chief), {
        type: 'news',
        lang: 'vi',
        title: 'Hỏi & đáp "mới" <b>#1</b>?',
        summary: 's',
        body: '<p>x</p>',
        section: 'tin-tuc',
      });
      const item = await site.services.content.act(created, actingAs(site.seed.chief), { action: 'publish' });
      const r = await site.get(CENTRAL, pathOf(item));
      assert.equal(r.status, 200);
      const x = /<a href="(https:\/\/x\.com\/intent\/post\?[^"]+)"/.exec(r.text)?.[1];
      assert.ok(x);
      assert.equal(new URL(decode(x)).searchParams.get('text'), item.title);
    });

    it('serves the copy script from the site itself and a print stylesheet', async () => {
      const page = await site.get(CENTRAL, pathOf(site.seed.news));
      const script = /<script src="(\/assets\/copy-[0-9a-f]{12}\.js)" defer>/.exec(page.text)?.[1];
      assert.ok(script);
      const js = await site.get(CENTRAL, script);
      assert.equal(js.status, 200);
      assert.match(String(js.headers['content-type']), /javascript/);
      assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.match(js.text, /clipboard/);
      const css = /<link rel="stylesheet" href="([^"]+)">/.exec(page.text)?.[1];
      const sheet = await site.get(CENTRAL, css!);
      const print = sheet.text.slice(sheet.text.lastIndexOf('@media print{'));
      assert.match(print, /\.masthead,\.site-footer,\.share[^{]*\{display:none!important\}/, 'header, footer and share hidden');
      assert.match(print, /a\[href\^="http"\]::after[^{]*\{content:" <" attr\(href\) ">"/, 'link addresses shown');
      assert.match(print, /\.print-only\{display:block!important/);
    });
  });
}
