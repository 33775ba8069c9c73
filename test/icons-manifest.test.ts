import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { actingAs, engines, postgresSkip } from './helpers.ts';
import { startSite, pollPage, CENTRAL, PROVINCE, NETWORK_HOST, type SiteEnv } from './site-helpers.ts';
import { pictureRef } from '../src/modules/media/service.ts';

// Favicon, app icons and a web app manifest per portal and language, drawn from the portal's
// logo (the emblem without one), linked from every page's head under content-derived names.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const attr = (page: string, re: RegExp) => re.exec(page)?.[1]?.replace(/&amp;/g, '&');

if (postgresSkip) describe('icons and manifest on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`icons and manifest on ${engine}`, () => {
    let site: SiteEnv;
    before(async () => {
      site = await startSite(engine);
    });
    after(async () => {
      await site?.close();
    });

    async function png(host: string, path: string, size: number) {
      const r = await site.get(host, path);
      assert.equal(r.status, 200, `${host}${path}`);
      assert.equal(r.headers['content-type'], 'image/png', path);
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', path);
      assert.ok(r.raw.subarray(0, 8).equals(PNG_SIGNATURE), `${path} is a PNG`);
      const meta = await sharp(r.raw).metadata();
      assert.equal(meta.width, size, path);
      assert.equal(meta.height, size, path);
      return r.raw;
    }

    it('answers /favicon.ico with an icon on every host', async () => {
      for (const host of [CENTRAL, PROVINCE, NETWORK_HOST]) {
        const r = await site.get(host, '/favicon.ico');
        assert.equal(r.status, 200, host);
        assert.equal(r.headers['content-type'], 'image/x-icon');
        assert.deepEqual([...r.raw.subarray(0, 6)], [0, 0, 1, 0, 3, 0], `${host}: an ICO of three images`);
        // the first image is a PNG where the directory says
        const offset = r.raw.readUInt32LE(6 + 12);
        assert.ok(r.raw.subarray(offset, offset + 8).equals(PNG_SIGNATURE));
      }
    });

    it('links icons and a manifest per portal and language, and every icon resolves', async () => {
      const cases: [string, string, string, string][] = [
        [CENTRAL, '/', 'vi', 'Cổng Thông tin điện tử Chính phủ'],
        [CENTRAL, '/en/', 'en', 'Government Portal'],
        [CENTRAL, '/zh/', 'zh', '政府门户网站'],
        [PROVINCE, '/', 'vi', 'Cổng Thông tin điện tử Hà Nội'],
        [PROVINCE, '/en/', 'en', 'Hanoi Portal'],
      ];
      for (const [host, home, lang, name] of cases) {
        const page = await site.get(host, home);
        assert.equal(page.status, 200);
        const head = page.text.slice(0, page.text.indexOf('</head>'));
        const manifestHref = attr(head, /<link rel="manifest" href="([^"]+)">/);
        assert.equal(manifestHref, `${home}manifest.webmanifest`, `${host}${home}`);
        const icon = attr(head, /<link rel="icon" href="([^"]+)" sizes="32x32" type="image\/png">/);
        const touch = attr(head, /<link rel="apple-touch-icon" href="([^"]+)">/);
        const themeColor = attr(head, /<meta name="theme-color" content="(#[0-9a-f]{6})">/);
        assert.ok(icon && touch && themeColor, `${host}${home}: icon links`);
        await png(host, icon, 32);
        await png(host, touch, 180);

        const r = await site.get(host, manifestHref);
        assert.equal(r.status, 200);
        assert.match(String(r.headers['content-type']), /^application\/manifest\+json/);
        const manifest = JSON.parse(r.text);
        assert.equal(manifest.name, name);
        assert.ok(manifest.short_name && [...manifest.short_name].length <= 12, `short_name ${manifest.short_name}`);
        assert.equal(manifest.lang, lang);
        assert.equal(manifest.start_url, home);
        assert.equal(manifest.scope, home);
        assert.equal(manifest.display, 'standalone');
        assert.equal(manifest.theme_color, themeColor);
        assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
        assert.deepEqual(
          manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`),
          ['192x192 any', '512x512 any', '512x512 maskable'],
        );
        for (const i of manifest.icons) await png(host, i.src, Number(i.sizes.split('x')[0]));
      }
      const shortNames = JSON.parse((await site.get(CENTRAL, '/manifest.webmanifest')).text).short_name;
      assert.equal(shortNames, 'Chính phủ', 'the generic "Cổng Thông tin điện tử" left out of the short name');
      // a language the portal does not have has no manifest
      assert.equal((await site.get(PROVINCE, '/zh/manifest.webmanifest')).status, 404);
    });

    it('draws the icons from the logo, under a new name when the logo changes', async () => {
      const before = await site.get(CENTRAL, '/');
      const oldIcon = attr(before.text, /<link rel="apple-touch-icon" href="([^"]+)">/)!;
      const central = await site.services.portals.require('chinhphu');
      const blue = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#1a5fb4' } })
        .png()
        .toBuffer();
      const media = await site.services.media.upload(central, actingAs(null), { filename: 'logo.png', mime: 'image/png', data: blue, alt: 'Logo' });
      const ref = pictureRef(media);
      await site.services.portals.update('chinhphu', { branding: { logo: { mediaId: ref.mediaId, src: ref.src, alt: ref.alt, width: ref.width ?? null, height: ref.height ?? null } } });
      const { response: after } = await pollPage(
        () => site.get(CENTRAL, '/'),
        (r) => attr(r.text, /<link rel="apple-touch-icon" href="([^"]+)">/) !== oldIcon,
        20_000,
      );
      const newIcon = attr(after.text, /<link rel="apple-touch-icon" href="([^"]+)">/)!;
      assert.notEqual(newIcon, oldIcon);
      const drawn = await png(CENTRAL, newIcon, 180);
      const { data } = await sharp(drawn).raw().toBuffer({ resolveWithObject: true });
      const centre = (90 * 180 + 90) * 4;
      const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]) <= 8);
      assert.ok(near([...data.subarray(centre, centre + 3)], [0x1a, 0x5f, 0xb4]), `the logo in the middle: ${[...data.subarray(centre, centre + 3)]}`);
      assert.deepEqual([...data.subarray(0, 3)], [255, 255, 255], 'white around it');
      // the old set's name is not answered with the new pictures (nor the old ones)
      assert.equal((await site.get(CENTRAL, oldIcon)).status, 404);
      const manifest = JSON.parse((await site.get(CENTRAL, '/manifest.webmanifest')).text);
      assert.ok(
        manifest.icons.every((i: { src: string }) => i.src.startsWith(newIcon.slice(0, newIcon.lastIndexOf('-')))),
        'manifest names the new set',
      );
    });
  });
}
