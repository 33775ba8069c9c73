import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, type SiteEnv } from './site-helpers.ts';
import { loadDemo } from '../src/demo/load.ts';
import { demoNetwork } from '../src/demo/content/index.ts';
import { wantedAssets, writeDemoPdf } from '../src/demo/assets.ts';
import { detectType } from '../src/modules/media/service.ts';

// The demo's pictures and signed PDFs are real files in the media library:
// every picture and attachment a demo page links to answers 200 with the
// type it claims, and nothing links to a placeholder path any more.

describe('demo assets', () => {
  let env: SiteEnv;
  before(async () => {
    env = await startSite('sqlite', { empty: true });
    await loadDemo(env.services);
  });
  after(async () => env?.close());

  it('the hand-written content names pictures and PDFs to draw', () => {
    const wanted = [...wantedAssets(demoNetwork.flatMap((p) => p.items)).values()];
    assert.ok(wanted.filter((w) => w.kind === 'image').length >= 20);
    assert.ok(wanted.filter((w) => w.kind === 'pdf').length >= 30);
  });

  it('a drawn PDF is well-formed: header, a cross-reference table whose offsets point at the objects, %%EOF', () => {
    const pdf = writeDemoPdf('Nghị định 42/2022/NĐ-CP (bản PDF có chữ ký số)', 'Cổng Thông tin điện tử Chính phủ');
    assert.equal(detectType(pdf), 'pdf');
    const text = pdf.toString('latin1');
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    assert.ok(text.slice(startxref).startsWith('xref'));
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    assert.equal(offsets.length, 6);
    offsets.forEach((o, i) => assert.ok(text.slice(o).startsWith(`${i + 1} 0 obj`), `object ${i + 1} at ${o}`));
    assert.match(text, /Nghi dinh 42\/2022\/ND-CP/);
  });

  it('every gallery picture and legal attachment of the demo serves a real file', async () => {
    const rows = await env.services.store.db.selectFrom('content_items').select(['type', 'meta']).where('type', 'in', ['gallery', 'legal-document']).execute();
    const urls = new Set<string>();
    for (const r of rows) {
      const meta = JSON.parse(r.meta);
      for (const img of meta.images ?? []) {
        urls.add(img.src);
        for (const cand of String(img.srcset ?? '')
          .split(',')
          .filter(Boolean))
          urls.add(cand.trim().split(' ')[0]);
      }
      for (const a of meta.attachments ?? []) urls.add(a.url);
    }
    assert.ok(urls.size >= 60, `${urls.size} files`);
    for (const u of urls) {
      assert.doesNotMatch(u, /^\/(media\/demo|files)\//, 'placeholder left in content');
      const res = await env.get('chinhphu.localhost', u);
      assert.equal(res.status, 200, u);
      const body = res.raw;
      const type = detectType(body);
      const ext = u.split('.').pop();
      assert.equal(type, ({ jpg: 'jpeg', webp: 'webp', pdf: 'pdf' } as Record<string, string>)[ext!], u);
      assert.equal(res.headers['content-type'], { jpeg: 'image/jpeg', webp: 'image/webp', pdf: 'application/pdf' }[type as 'jpeg' | 'webp' | 'pdf']);
    }
  });

  it('a gallery page offers WebP candidates and the real picture size', async () => {
    const item = await env.services.store.db.selectFrom('content_items').select(['id', 'portal_id']).where('type', '=', 'gallery').where('lang', '=', 'vi').where('status', '=', 'published').executeTakeFirstOrThrow();
    const found = (await env.services.content.find(item.id))!;
    const url = new URL(found.url);
    const res = await env.get(url.host.replace(/:\d+$/, ''), url.pathname);
    assert.equal(res.status, 200, found.url);
    const html = res.text;
    assert.match(html, /<source type="image\/webp" srcset="\/media\/[^"]+ 480w, \/media\/[^"]+ 960w"/);
    assert.match(html, /<img src="\/media\/[^"]+\.jpg" alt="[^"]+" loading="lazy" width="960" height="640">/);
  });
});
