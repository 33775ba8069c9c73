import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createWorker } from '../src/app.ts';
import { encodeSolution, solveChallenge } from '../src/modules/feedback/pow.ts';
import type { Actor } from '../src/modules/feedback/model.ts';
import type { Portal } from '../src/modules/portals/service.ts';
import { actingAs, engines, postgresSkip, waitFor } from './helpers.ts';
import { CENTRAL, mainOf, type SiteEnv, startSite } from './site-helpers.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { systemContext } from '../src/lib/request-context.ts';

// Published citizen answers (hỏi đáp) linked with the portal's articles, in
// both directions, and the page cache around them: an article lists the
// answers on its field or tags, an answer's page lists the items on its
// field, both pages are cached, and each is dropped — here and at the CDN —
// exactly when something it lists is published, and not otherwise.

const pathOf = (url: string) => new URL(url).pathname;

if (postgresSkip) describe('feedback topics on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`answers linked with articles, and the page cache (${engine})`, () => {
    let env: SiteEnv;
    let central: Portal;
    let officer: Actor;
    let worker: OutboxWorker;
    let cdn: http.Server;
    const purged: string[][] = [];

    before(async () => {
      cdn = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          purged.push(JSON.parse(body).surrogateKeys);
          res.end('ok');
        });
      });
      await new Promise<void>((r) => cdn.listen(0, '127.0.0.1', r));
      env = await startSite(engine, { pageCache: { cdnPurgeUrl: `http://127.0.0.1:${(cdn.address() as { port: number }).port}/purge` } });
      central = await env.services.portals.require('chinhphu');
      const account = await env.services.accounts.byEmail('feedback-officer@test.gov.vn');
      officer = { accountId: account!.id, roles: ['feedback-officer'] };
      worker = createWorker(env.services, { pollMs: 25 });
      worker.start();
    });
    after(async () => {
      await worker?.stop();
      await env?.close();
      await new Promise((r) => cdn?.close(r));
    });

    let seq = 0;
    /** A question on `field`, answered and published; its code. */
    async function publishedAnswer(field: string, title: string, consent = true): Promise<string> {
      const c = env.services.feedback.challenge();
      seq++;
      const { trackingCode } = await env.services.feedback.submit(central, {
        kind: 'question',
        field,
        title,
        content: `Tôi là Vũ Thị Lan, nhà ở số 17 ngõ Văn Chương, Đống Đa, điện thoại 0933 864 201. Xin hỏi về ${title.toLowerCase()} (${seq}).`,
        submitterType: 'citizen',
        name: 'Vũ Thị Lan',
        email: `vu.lan.${seq}@example.vn`,
        phone: '0933 864 201',
        address: 'Số 17 ngõ Văn Chương, Đống Đa, Hà Nội',
        consentToPublish: consent,
        altcha: encodeSolution(c, solveChallenge(c).number),
      });
      const id = (await env.services.feedback.inbox(central, { limit: 200 })).find((x) => x.trackingCode === trackingCode)!.id;
      await env.services.feedback.act(systemContext(central.id), central, id, officer, { action: 'answer', answer: `Về ${title.toLowerCase()}: cơ quan đã hướng dẫn chi tiết tại bộ phận một cửa.` });
      if (consent) await env.services.feedback.act(systemContext(central.id), central, id, officer, { action: 'publish' });
      await env.services.pagecache.settled();
      return trackingCode;
    }
    const get = async (path: string) => env.get(CENTRAL, path);

    let itCode: string;

    it('an article lists the published answers on its field; the answer’s publication drops that article’s cached page only', async () => {
      const legal = pathOf(env.seed.legal.url);
      const news = pathOf(env.seed.news.url);
      const first = await get(legal);
      assert.equal(first.status, 200);
      assert.doesNotMatch(mainOf(first.text), /Hỏi đáp về chủ đề này/, 'no answers yet');
      assert.ok(String(first.headers['surrogate-key']).split(' ').includes('answers-chinhphu-cong-nghe-thong-tin'), 'the page names its field even with no answer on it yet');
      assert.equal((await get(legal)).headers['x-cache'], 'HIT');
      await get(news);
      assert.equal((await get(news)).headers['x-cache'], 'HIT');

      // not published (no consent): nothing changes anywhere
      await publishedAnswer('Công nghệ thông tin', 'Hỏi về chữ ký số cho hộ kinh doanh', false);
      assert.equal((await get(legal)).headers['x-cache'], 'HIT');

      itCode = await publishedAnswer('Công nghệ thông tin', 'Hỏi về dịch vụ công trực tuyến toàn trình');
      const after = await get(legal);
      assert.equal(after.headers['x-cache'], 'MISS', 'dropped by the publication');
      const main = mainOf(after.text);
      assert.match(main, /<h2 id="qa">Hỏi đáp về chủ đề này<\/h2>/);
      assert.ok(main.includes(`<a href="/hoi-dap/${itCode}">Hỏi về dịch vụ công trực tuyến toàn trình</a>`), 'links the answer’s page');
      assert.ok(!main.includes('chữ ký số'), 'an answer not published is not listed');
      for (const secret of ['Vũ Thị Lan', '0933 864 201', '0933864201', 'Văn Chương', 'vu.lan.']) assert.ok(!after.text.includes(secret), `${secret} on the article`);
      assert.equal((await get(news)).headers['x-cache'], 'HIT', 'an article on other topics keeps its cached page');

      const en = await get(pathOf(env.seed.legalEn.url));
      assert.match(mainOf(en.text), /Questions and answers on this topic/, 'the English page too (same field)');
      assert.match(mainOf(en.text), new RegExp(`<a href="/en/hoi-dap/${itCode.replace(/\./g, '\\.')}" lang="vi">`));

      // an answer on a tag of the news item
      await publishedAnswer('kinh tế', 'Hỏi về hỗ trợ doanh nghiệp nhỏ và vừa');
      const newsAfter = await get(news);
      assert.equal(newsAfter.headers['x-cache'], 'MISS');
      assert.match(mainOf(newsAfter.text), /Hỏi về hỗ trợ doanh nghiệp nhỏ và vừa/);
      assert.equal((await get(legal)).headers['x-cache'], 'HIT');

      // the CDN is told the same keys (outbox job)
      await waitFor(async () => purged.some((keys) => keys.includes('answers-chinhphu-cong-nghe-thong-tin')) && purged.some((keys) => keys.includes('answers-chinhphu-kinh-te')));
    });

    it('an answer has its own page linking the items on its field; cached, and dropped when an item on that field is published', async () => {
      const page = await get(`/hoi-dap/${itCode}`);
      assert.equal(page.status, 200);
      const main = mainOf(page.text);
      assert.match(main, /<h1>Hỏi về dịch vụ công trực tuyến toàn trình<\/h1>/);
      assert.match(main, /cơ quan đã hướng dẫn chi tiết/);
      assert.match(main, /<h2 id="related-items">Thông tin liên quan<\/h2>/);
      assert.ok(main.includes(`<a href="${pathOf(env.seed.legal.url)}">${env.seed.legal.title}</a>`), 'links the legal document of that field');
      for (const secret of ['Vũ Thị Lan', '0933 864 201', 'Văn Chương', 'vu.lan.']) assert.ok(!page.text.includes(secret), `${secret} on the answer page`);
      assert.ok(main.includes('V. T. L.'), 'initials only');
      assert.equal((await get(`/hoi-dap/${itCode}`)).headers['x-cache'], 'HIT');
      const en = await get(`/en/hoi-dap/${itCode}`);
      assert.ok(mainOf(en.text).includes(env.seed.legalEn.title), 'items in the page’s language');
      assert.match(mainOf(en.text), /Related information/);

      // the list links each answer's page
      assert.ok(mainOf((await get('/hoi-dap')).text).includes(`<a href="/hoi-dap/${itCode}">`));

      // an item tagged with the field appears, and the cached answer page makes way for it
      const chief = env.seed.chief;
      const item = await env.services.content.create(central, actingAs(chief), {
        type: 'news',
        lang: 'vi',
        title: 'Ra mắt ứng dụng dịch vụ công trên điện thoại',
        summary: 'Ứng dụng mới.',
        body: '<p>Nội dung.</p>',
        section: 'tin-tuc',
        tags: ['Công nghệ thông tin'],
      });
      await env.services.content.act(item, actingAs(chief), { action: 'publish' });
      await env.services.pagecache.settled();
      const again = await get(`/hoi-dap/${itCode}`);
      assert.equal(again.headers['x-cache'], 'MISS');
      assert.match(mainOf(again.text), /Ra mắt ứng dụng dịch vụ công trên điện thoại/);

      const unknown = await get('/hoi-dap/PAKN.20000101.9999');
      assert.equal(unknown.status, 404);
      assert.notEqual((await get('/hoi-dap/PAKN.20000101.9999')).headers['x-cache'], 'HIT', 'a miss is not kept');
      const unpublished = await env.services.feedback.inbox(central, { status: 'answered' });
      assert.equal((await get(`/hoi-dap/${unpublished[0].trackingCode}`)).status, 404, 'an answer not published has no page');
    });
  });
}
