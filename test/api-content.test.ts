import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { client, createTestEnv, engines, postgresSkip, sampleLegalDocument, sampleNews, seedNetwork, startServer, TestClock, type Network, type TestEnv, type TestServer } from './helpers.ts';
import { createWorker } from '../src/app.ts';

if (postgresSkip) describe('content API on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`content API on ${engine}`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: Network;
    let anon: ReturnType<typeof client>;
    let chief: ReturnType<typeof client>;
    let writer: ReturnType<typeof client>;
    const clock = new TestClock();

    before(async () => {
      env = await createTestEnv(engine, { clock: clock.now });
      net = await seedNetwork(env.services);
      server = await startServer(env.services);
      anon = client(server.url);
      chief = client(server.url, net.tokens['editor-in-chief']);
      writer = client(server.url, net.tokens.writer);
    });
    after(async () => {
      await server.close();
      await env.close();
    });

    it('lists portals and sections as CONTRACT.md describes', async () => {
      const r = await anon.get('/api/v1/portals');
      assert.equal(r.status, 200);
      const central = r.json.items.find((p: any) => p.slug === 'chinhphu');
      assert.deepEqual(central.languages, ['vi', 'en', 'zh']);
      assert.equal(central.kind, 'central');
      assert.equal(central.name.en, 'Government Portal');
      assert.ok(Array.isArray(central.hosts));
      assert.equal(r.json.items.find((p: any) => p.slug === 'hanoi').parent, 'chinhphu');
      const s = await anon.get('/api/v1/portals/chinhphu/sections');
      assert.equal(s.status, 200);
      const sub = s.json.items.find((x: any) => x.slug === 'chuyen-doi-so');
      assert.equal(sub.kind, 'subsite');
      assert.equal(sub.themeColor, '#1a5fb4');
      assert.equal((await anon.get('/api/v1/portals/nowhere/sections')).status, 404);
    });

    it('creates a draft with a Vietnamese slug, sanitized body and validated meta; drafts stay private', async () => {
      const r = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleLegalDocument, body: '<p onclick="x()">Nội dung <script>alert(1)</script><a href="javascript:alert(1)">x</a></p>' });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.status, 'draft');
      assert.equal(r.json.version, 1);
      assert.equal(r.json.slug, 'nghi-dinh-quy-dinh-ve-cung-cap-thong-tin-va-dich-vu-cong-truc-tuyen');
      assert.equal(r.json.url, `http://chinhphu.localhost:3999/van-ban/${r.json.slug}`);
      assert.doesNotMatch(r.json.body, /script|onclick|javascript:/);
      assert.equal(r.json.meta.number, '42/2022/NĐ-CP');
      assert.equal(r.headers.get('location'), `/api/v1/articles/${r.json.id}`);
      assert.equal((await anon.get(`/api/v1/articles/${r.json.id}`)).status, 404, 'a draft is not public');
      assert.equal((await chief.get(`/api/v1/articles/${r.json.id}`)).json.status, 'draft', 'members read drafts');
      assert.equal((await client(server.url, net.provinceAdmin).get(`/api/v1/articles/${r.json.id}`)).status, 404, "another portal's member does not");
      const list = await chief.get('/api/v1/portals/chinhphu/articles?status=draft');
      assert.ok(list.json.items.some((i: any) => i.id === r.json.id));
      assert.equal((await anon.get('/api/v1/portals/chinhphu/articles?status=draft')).status, 403);
    });

    it('publishes, lists newest first with cursor paging and filters, and answers 410 after unpublishing', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) {
        const c = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: `Tin phân trang số ${i}`, tags: ['phân trang'] });
        assert.equal(c.status, 201);
        const p = await chief.post(`/api/v1/articles/${c.json.id}/workflow`, { action: 'publish' });
        assert.equal(p.status, 200, p.text);
        assert.equal(p.json.status, 'published');
        assert.ok(p.json.publishedAt);
        ids.push(c.json.id);
      }
      const page1 = await anon.get('/api/v1/portals/chinhphu/articles?tag=ph%C3%A2n%20trang&limit=2');
      assert.equal(page1.status, 200);
      assert.deepEqual(
        page1.json.items.map((i: any) => i.id),
        [ids[4], ids[3]],
      );
      assert.equal(page1.json.items[0].body, undefined, 'lists omit the body');
      const page2 = await anon.get(`/api/v1/portals/chinhphu/articles?tag=ph%C3%A2n%20trang&limit=2&cursor=${page1.json.nextCursor}`);
      assert.deepEqual(
        page2.json.items.map((i: any) => i.id),
        [ids[2], ids[1]],
      );
      const page3 = await anon.get(`/api/v1/portals/chinhphu/articles?tag=ph%C3%A2n%20trang&limit=2&cursor=${page2.json.nextCursor}`);
      assert.deepEqual(
        page3.json.items.map((i: any) => i.id),
        [ids[0]],
      );
      assert.equal(page3.json.nextCursor, null);

      const folded = await anon.get('/api/v1/portals/chinhphu/articles?q=phan%20trang%20so%203');
      assert.deepEqual(
        folded.json.items.map((i: any) => i.id),
        [ids[3]],
        'q matches without diacritics',
      );
      assert.equal((await anon.get('/api/v1/portals/chinhphu/articles?type=legal-document&q=phan%20trang')).json.items.length, 0);
      assert.equal((await anon.get('/api/v1/portals/chinhphu/articles?section=tin-tuc&lang=en')).json.items.length, 0);
      assert.ok((await anon.get('/api/v1/portals/chinhphu/articles?section=tin-tuc&lang=vi')).json.items.length >= 5);
      assert.equal((await anon.get('/api/v1/portals/hanoi/articles')).json.items.length, 0, 'portals do not leak into each other');

      const pub = await anon.get(`/api/v1/articles/${ids[0]}`);
      assert.equal(pub.status, 200);
      assert.match(pub.headers.get('cache-control')!, /public/);
      const un = await chief.post(`/api/v1/articles/${ids[0]}/workflow`, { action: 'unpublish', note: 'Thông tin đã được thay thế bằng thông cáo mới.' });
      assert.equal(un.status, 200, un.text);
      const gone = await anon.get(`/api/v1/articles/${ids[0]}`);
      assert.equal(gone.status, 410);
      assert.match(gone.headers.get('content-type')!, /application\/problem\+json/);
      assert.match(gone.json.detail, /thay thế/);
      assert.equal(gone.json.unpublished.kind, 'withdrawn');
      const removed = await chief.post(`/api/v1/articles/${ids[1]}/workflow`, { action: 'unpublish', note: 'Sai sót nghiêm trọng', kind: 'gone' });
      assert.equal(removed.status, 200);
      const g2 = await anon.get(`/api/v1/articles/${ids[1]}`);
      assert.equal(g2.status, 410);
      assert.equal(g2.json.unpublished.reason, null, 'a gone item does not expose the internal reason');
      assert.ok(!(await anon.get('/api/v1/portals/chinhphu/articles?tag=ph%C3%A2n%20trang')).json.items.some((i: any) => i.id === ids[0]));
    });

    it('keeps each translation in its own workflow state, and only published translations show publicly', async () => {
      const vi = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Thông cáo về hội nghị xúc tiến đầu tư' });
      await chief.post(`/api/v1/articles/${vi.json.id}/workflow`, { action: 'publish' });
      const en = await writer.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, lang: 'en', title: 'Press release on the investment conference', translationOf: vi.json.id });
      assert.equal(en.status, 201, en.text);
      const zh = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, lang: 'zh', title: '关于投资促进会议的新闻公报', translationOf: vi.json.id });
      assert.equal(zh.status, 201);
      assert.equal(zh.json.slug, vi.json.slug, 'a Chinese title borrows the readable slug of its original');
      assert.match(zh.json.url, /\/zh\/tin-tuc\//);
      assert.equal(en.json.status, 'draft');
      let pub = await anon.get(`/api/v1/articles/${vi.json.id}`);
      assert.deepEqual(pub.json.translations, {}, 'unpublished translations are not announced');
      await chief.post(`/api/v1/articles/${zh.json.id}/workflow`, { action: 'publish' });
      pub = await anon.get(`/api/v1/articles/${vi.json.id}`);
      assert.deepEqual(pub.json.translations, { zh: zh.json.id });
      assert.equal((await chief.get(`/api/v1/articles/${vi.json.id}`)).json.translations.en, en.json.id, 'members see every translation');
      const dup = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, lang: 'en', title: 'Another English version', translationOf: vi.json.id });
      assert.equal(dup.status, 409);
      const hanoiLang = await client(server.url, net.provinceAdmin).post('/api/v1/portals/hanoi/articles', { ...sampleNews, lang: 'zh', title: '河内新闻' });
      assert.equal(hanoiLang.status, 422, 'a portal only publishes in its languages');
      assert.equal(hanoiLang.json.errors[0].path, '/lang');
    });

    it('edits with optimistic locking, keeps every revision, and makes slugs unique and stable once published', async () => {
      const a = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Đồng bằng sông Cửu Long chống hạn mặn' });
      const b = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Đồng bằng sông Cửu Long chống hạn mặn' });
      assert.equal(a.json.slug, 'dong-bang-song-cuu-long-chong-han-man');
      assert.equal(b.json.slug, 'dong-bang-song-cuu-long-chong-han-man-2');
      const e1 = await chief.patch(`/api/v1/articles/${a.json.id}`, { version: 1, title: 'Đồng bằng sông Cửu Long ứng phó hạn mặn' });
      assert.equal(e1.status, 200, e1.text);
      assert.equal(e1.json.version, 2);
      assert.equal(e1.json.slug, 'dong-bang-song-cuu-long-ung-pho-han-man', 'before publication the slug follows the title');
      const stale = await chief.patch(`/api/v1/articles/${a.json.id}`, { version: 1, summary: 'cũ' });
      assert.equal(stale.status, 409);
      assert.equal(stale.json.currentVersion, 2);
      await chief.post(`/api/v1/articles/${a.json.id}/workflow`, { action: 'publish' });
      const live = (await chief.get(`/api/v1/articles/${a.json.id}`)).json;
      const noNote = await chief.patch(`/api/v1/articles/${a.json.id}`, { version: live.version, title: 'Miền Tây ứng phó hạn mặn' });
      assert.equal(noNote.status, 422, 'a correction to a live item needs a change note');
      assert.equal(noNote.json.errors[0].path, '/changeNote');
      const fixed = await chief.patch(`/api/v1/articles/${a.json.id}`, { version: live.version, title: 'Miền Tây ứng phó hạn mặn', changeNote: 'Cập nhật số liệu diện tích bị ảnh hưởng.' });
      assert.equal(fixed.status, 200, fixed.text);
      assert.equal(fixed.json.status, 'published', 'a correction keeps the item live');
      assert.equal(fixed.json.slug, live.slug, 'the slug is stable once published');
      assert.equal(fixed.json.changeNotes[0].note, 'Cập nhật số liệu diện tích bị ảnh hưởng.');
      const typo = await chief.patch(`/api/v1/articles/${a.json.id}`, { version: fixed.json.version, summary: 'Sửa lỗi chính tả', minorChange: true });
      assert.equal(typo.status, 200);
      assert.equal((await anon.get(`/api/v1/articles/${a.json.id}`)).json.changeNotes.length, 1, 'minor changes are not announced');
      const hist = await chief.get(`/api/v1/articles/${a.json.id}/history`);
      assert.deepEqual(
        hist.json.revisions.map((r: any) => r.version),
        [typo.json.version, fixed.json.version, 2, 1],
      );
      assert.deepEqual(
        hist.json.transitions.map((t: any) => `${t.from}>${t.to}`),
        ['draft>published'],
      );
      assert.equal(hist.json.transitions[0].actorId, net.accountIds['editor-in-chief']);
      assert.equal((await anon.get(`/api/v1/articles/${a.json.id}/history`)).status, 401);
      const slugTaken = await chief.patch(`/api/v1/articles/${b.json.id}`, { version: 1, slug: 'mien-tay' });
      assert.equal(slugTaken.status, 200);
      const clash = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'x y z', slug: 'mien-tay' });
      assert.equal(clash.status, 409);
    });

    it('publishes a scheduled item at its time, from the outbox', async () => {
      const c = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Lịch làm việc của Thủ tướng tuần tới' });
      // the clock stands still while the test moves it: "at its time" is then exact, whatever the machine's load
      clock.freeze();
      const worker = createWorker(env.services, { pollMs: 50 });
      try {
        const at = new Date(clock.now().getTime() + 1200).toISOString();
        const s = await chief.post(`/api/v1/articles/${c.json.id}/workflow`, { action: 'schedule', at });
        assert.equal(s.status, 200, s.text);
        assert.equal(s.json.status, 'scheduled');
        assert.equal(s.json.scheduledAt, at);
        const past = await chief.post(`/api/v1/articles/${c.json.id}/workflow`, { action: 'schedule', at: '2020-01-01T00:00:00Z' });
        assert.equal(past.status, 422);
        while ((await worker.runOnce()) > 0);
        assert.equal((await anon.get(`/api/v1/articles/${c.json.id}`)).status, 404, 'not before its time');
        clock.advance(1200);
        while ((await worker.runOnce()) > 0);
        const published = (await anon.get(`/api/v1/articles/${c.json.id}`)).json;
        assert.equal(published.publishedAt, at, 'published at the time it was scheduled for');
        const hist = await chief.get(`/api/v1/articles/${c.json.id}/history`);
        const last = hist.json.transitions.at(-1);
        assert.equal(last.to, 'published');
        assert.equal(last.actorId, null, 'the scheduler acts as the system');
      } finally {
        clock.thaw();
      }
    });

    it('a rescheduled item publishes at the new time only', async () => {
      const c = await chief.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Tin được dời lịch đăng' });
      await chief.post(`/api/v1/articles/${c.json.id}/workflow`, { action: 'schedule', at: new Date(clock.now().getTime() + 500).toISOString() });
      const later = new Date(clock.now().getTime() + 3_600_000).toISOString();
      const r = await chief.post(`/api/v1/articles/${c.json.id}/workflow`, { action: 'schedule', at: later });
      assert.equal(r.status, 200);
      // past the first time, not the second
      clock.advance(700);
      const worker = createWorker(env.services, { pollMs: 50 });
      while ((await worker.runOnce()) > 0);
      const item = (await chief.get(`/api/v1/articles/${c.json.id}`)).json;
      assert.equal(item.status, 'scheduled');
      assert.equal(item.scheduledAt, later);
    });
  });
}
