import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { client, createTestEnv, engines, sampleNews, seedNetwork, startServer, waitFor, type Network, type TestEnv, TestClock } from './helpers.ts';

// Issue 16, item 17: a client whose connection broke cannot know whether its
// create was committed. With an Idempotency-Key (per token, 24 hours) the
// retry gets the first answer and no second item; the same key with another
// request is a 422; concurrent requests with one key make one item.

for (const engine of engines()) {
  describe(`Idempotency-Key on API creates (${engine})`, () => {
    let env: TestEnv;
    let net: Network;
    let base: string;
    let close: () => Promise<void>;
    const clock = new TestClock(Date.now());

    before(async () => {
      env = await createTestEnv(engine, { clock: clock.now });
      net = await seedNetwork(env.services);
      ({ url: base, close } = await startServer(env.services));
    });
    after(async () => {
      await close?.();
      await env?.close();
    });

    const items = async () =>
      Number(
        (
          (await env.services.store.db
            .selectFrom('content_items')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()) as { n: unknown }
        ).n,
      );
    const article = (title: string) => ({ ...sampleNews, title });
    const create = (token: string, key: string | undefined, body: unknown, path = '/api/v1/portals/chinhphu/articles') => client(base, token).post(path, body, key === undefined ? {} : { 'idempotency-key': key });

    it('replays the first answer for the same key and body: one item, the same status, body and Location', async () => {
      const before = await items();
      const first = await create(net.tokens.writer, 'k-article-1', article('Tin thử khóa lặp lại'));
      assert.equal(first.status, 201, first.text);
      const again = await create(net.tokens.writer, 'k-article-1', article('Tin thử khóa lặp lại'));
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(again.text, first.text);
      assert.equal(again.headers.get('content-type'), first.headers.get('content-type'));
      assert.equal(again.headers.get('location'), first.headers.get('location'));
      // the same body with its keys in another order is the same request
      const reordered = Object.fromEntries(Object.entries(article('Tin thử khóa lặp lại')).reverse());
      assert.equal((await create(net.tokens.writer, 'k-article-1', reordered)).json.id, first.json.id);
      assert.equal(await items(), before + 1);
      // without a key, every post is a new create, as before
      const a = await create(net.tokens.writer, undefined, article('Tin thử không khóa'));
      const b = await create(net.tokens.writer, undefined, article('Tin thử không khóa'));
      assert.notEqual(a.json.id, b.json.id);
    });

    it('refuses the same key with another body or path (422), keeps keys apart per token, and checks the key', async () => {
      await create(net.tokens.writer, 'k-article-2', article('Tin thử thứ hai'));
      const before = await items();
      const other = await create(net.tokens.writer, 'k-article-2', article('Tin thử khác hẳn'));
      assert.equal(other.status, 422);
      assert.match(other.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal(other.json.errors[0].path, '/headers/idempotency-key');
      const elsewhere = await create(net.tokens.writer, 'k-article-2', article('Tin thử thứ hai'), '/api/v1/portals/hanoi/articles');
      assert.equal(elsewhere.status, 422);
      // another token's key of the same name is its own
      const theirs = await create(net.otherWriter.token, 'k-article-2', article('Tin thử thứ hai'));
      assert.equal(theirs.status, 201);
      assert.equal(await items(), before + 1);
      assert.equal((await create(net.tokens.writer, 'x'.repeat(256), article('Tin khóa dài'))).status, 400);
      assert.equal((await create(net.tokens.writer, 'has space', article('Tin khóa lạ'))).status, 400);
      // answers that say "try again" are not kept: a refused create (403 here is kept, being final)
      const refused = await create(net.tokens.analyst, 'k-refused', article('Không được phép'));
      assert.equal(refused.status, 403);
      assert.equal((await create(net.tokens.analyst, 'k-refused', article('Không được phép'))).headers.get('idempotent-replayed'), 'true');
    });

    it('makes one item of concurrent requests with one key; the others replay it or are told to wait (409)', async () => {
      const before = await items();
      const answers = await Promise.all(Array.from({ length: 6 }, () => create(net.tokens.writer, 'k-concurrent', article('Tin thử đồng thời'))));
      const ids = new Set(answers.filter((r) => r.status === 201).map((r) => r.json.id));
      assert.equal(ids.size, 1, JSON.stringify(answers.map((r) => r.status)));
      for (const r of answers) assert.ok(r.status === 201 || r.status === 409, String(r.status));
      assert.equal(await items(), before + 1);
    });

    it('answers a retry after a broken connection with the item the first request made', async () => {
      const before = await items();
      const body = JSON.stringify(article('Tin gửi khi mất kết nối'));
      // the client sends its create and the connection breaks before it reads a byte of the answer
      await new Promise<void>((resolve) => {
        const req = http.request(`${base}/api/v1/portals/chinhphu/articles`, {
          method: 'POST',
          agent: false,
          headers: { authorization: `Bearer ${net.tokens.writer}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': 'k-broken' },
        });
        req.on('error', () => resolve());
        req.on('close', () => resolve());
        req.on('response', (res) => res.destroy());
        req.end(body);
      });
      const retry = await waitFor(async () => {
        const r = await create(net.tokens.writer, 'k-broken', JSON.parse(body));
        return r.status === 409 ? undefined : r;
      }, 10_000);
      assert.equal(retry.status, 201, retry.text);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true', 'the first request was committed; the retry replays it');
      assert.equal(await items(), before + 1);
    });

    it('works for the other creates too (a social channel), and forgets keys after 24 hours', async () => {
      const channel = { platform: 'viber', name: 'Kênh thử', credentials: { authToken: 'token-thu-nghiem' }, languages: ['vi'], contentTypes: ['news'], autoPublish: false };
      const c1 = await create(net.tokens.admin, 'k-channel', channel, '/api/v1/portals/chinhphu/channels');
      assert.equal(c1.status, 201, c1.text);
      const c2 = await create(net.tokens.admin, 'k-channel', channel, '/api/v1/portals/chinhphu/channels');
      assert.equal(c2.json.id, c1.json.id);
      assert.equal((await client(base, net.tokens.admin).get('/api/v1/portals/chinhphu/channels')).json.items.length, 1);

      const before = await items();
      const first = await create(net.tokens.writer, 'k-day', article('Tin trong ngày'));
      clock.advance(24 * 3600_000 + 60_000);
      const later = await create(net.tokens.writer, 'k-day', article('Tin trong ngày'));
      assert.equal(later.status, 201);
      assert.equal(later.headers.get('idempotent-replayed'), null, 'an expired key is a new key');
      assert.notEqual(later.json.id, first.json.id);
      assert.equal(await items(), before + 2);
      // expired keys are swept (the sweep runs as keys are claimed, at most every 10 minutes per process)
      const left = await env.services.store.db.selectFrom('idempotency_keys').select('key').execute();
      assert.ok(!left.some((r) => r.key === 'k-article-1'), 'yesterday’s keys are gone');
      assert.ok(left.some((r) => r.key === 'k-day'));
    });
  });
}
