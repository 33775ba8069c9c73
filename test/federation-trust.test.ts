import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createWeb } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { OutboundPolicy, outgoingRequest, OutgoingHttpError } from '../src/lib/outbound.ts';
import { canonicalJson } from '../src/modules/federation/canonical.ts';
import { itemDigest, type LogEntry } from '../src/modules/federation/log.ts';
import { signEd25519, signRequest, type SigningKey } from '../src/modules/federation/signatures.ts';
import type { Portal } from '../src/modules/portals/service.ts';
import { viberConnector } from '../src/modules/social/connectors/viber.ts';
import { ConnectorError } from '../src/modules/social/types.ts';
import { actingAs, client, CONTACT, createTestEnv, engines, sampleNews, seedNetwork, startServer, waitFor, type TestEnv } from './helpers.ts';
import { freePort } from './federation-helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

// Trust at the edges of federation (issue 16, items 4, 5, 9): requests to
// addresses a peer or a user chose never reach the deployment's own network
// unless the operator allows it; strangers get one answer and a limit; entries
// must carry their sender's own signature and cannot date themselves in the
// future; an entry that is not a valid item is passed, not a wall; a portal can
// make subscribers wait for its admin; a channel's new address needs its
// credentials again.

const PUBLIC = new URL('https://portal.example.gov.vn');

/** A listener on loopback that counts connections and answers every request with `answer`. */
async function listener(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, r) => r.end('{}')) {
  let connections = 0;
  const requests: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    answer(req, res);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function refusedWith(promise: Promise<unknown>, code: OutgoingHttpError['code']) {
  await assert.rejects(promise, (err: unknown) => err instanceof OutgoingHttpError && err.code === code);
}

describe('outbound guard', () => {
  let target: Awaited<ReturnType<typeof listener>>;
  before(async () => {
    target = await listener();
  });
  after(() => target.close());

  test('with the allowance off, loopback is refused by address and by name, before any connection', async () => {
    const policy = OutboundPolicy.fromSettings({ publicUrl: PUBLIC });
    await refusedWith(outgoingRequest({ url: target.url, policy }), 'refused');
    await refusedWith(outgoingRequest({ url: `http://hanoi.localhost:${target.port}/`, policy }), 'refused');
    await refusedWith(outgoingRequest({ url: `http://[::ffff:127.0.0.1]:${target.port}/`, policy }), 'refused');
    await refusedWith(outgoingRequest({ url: `http://2130706433:${target.port}/`, policy }), 'refused');
    for (const address of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '[fd00::1]', '[fe80::1]', '[::1]', '224.0.0.1']) {
      await refusedWith(outgoingRequest({ url: `http://${address}/`, policy }), 'refused');
    }
    assert.equal(target.connections(), 0, 'nothing reached the listener');
  });

  test('OUTBOUND_ALLOW opens a range; loopback is open by default while PUBLIC_URL is on loopback', async () => {
    const allowed = loadConfig({ PUBLIC_URL: PUBLIC.href, OUTBOUND_ALLOW: '127.0.0.0/8, ::1' }).outbound;
    assert.equal((await outgoingRequest({ url: target.url, policy: allowed })).status, 200);
    const dev = loadConfig({ PORT: '3999' }).outbound;
    assert.equal((await outgoingRequest({ url: `http://hanoi.localhost:${target.port}/`, policy: dev })).status, 200);
    assert.equal(target.connections() > 0, true);
    // private ranges stay shut under a loopback-only allowance
    await refusedWith(outgoingRequest({ url: 'http://169.254.169.254/latest/meta-data/', policy: dev }), 'refused');
    assert.throws(() => loadConfig({ OUTBOUND_ALLOW: '127.0.0.0/40' }), ConfigError);
    assert.throws(() => loadConfig({ OUTBOUND_ALLOW: 'intranet' }), ConfigError);
  });

  test('every redirect is checked again: a public-looking answer cannot bounce a request into the private network', async () => {
    const bouncer = await listener((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    try {
      const policy = OutboundPolicy.fromSettings({ publicUrl: PUBLIC, allow: '127.0.0.1/32' });
      await refusedWith(outgoingRequest({ url: bouncer.url, policy, redirects: 'any' }), 'refused');
      assert.equal(bouncer.requests.length, 1);
      // and federation's own rule holds too: no redirect to another host at all
      await refusedWith(outgoingRequest({ url: bouncer.url, policy }), 'redirect-refused');
    } finally {
      await bouncer.close();
    }
  });
});

interface Node {
  env: TestEnv;
  app: FastifyInstance;
  port: number;
  portal: Portal;
  url: string;
  host: string;
}

async function node(engine: 'sqlite' | 'postgres', slug: string, env: Record<string, string> = {}): Promise<Node> {
  const port = await freePort();
  const testEnv = await createTestEnv(engine, { env: { PORT: String(port), ...env } });
  const portal = await testEnv.services.portals.create({ slug, kind: slug === 'chinhphu' ? 'central' : 'province', names: { vi: `Cổng ${slug}` }, languages: ['vi', 'en'], contact: CONTACT });
  await testEnv.services.portals.createSection(portal, { slug: 'tin-tuc', names: { vi: 'Tin tức' } });
  const app = await createWeb(testEnv.services, { logRequests: false });
  await app.listen({ port, host: '127.0.0.1' });
  return { env: testEnv, app, port, portal, url: portal.url, host: new URL(portal.url).host };
}

/** A signed POST to a node's inbox over loopback, whatever host its portal is named by. */
function postInbox(n: Node, message: Record<string, unknown>, key: SigningKey): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: any }> {
  const body = JSON.stringify(message);
  const url = `http://${n.host}/federation/v1/inbox`;
  const headers = { 'content-type': 'application/json', host: n.host, ...signRequest(key, { method: 'POST', url, body }, new Date()) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: n.port, path: '/federation/v1/inbox', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : {} }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const stranger = (from: string): SigningKey => ({ keyId: `${from}#ed25519-stranger`, privateKey: generateKeyPairSync('ed25519').privateKey });

for (const engine of engines()) {
  describe(`federation trust (${engine})`, { timeout: 120_000 }, () => {
    let source: Node;
    let subscriber: Node;
    let guarded: Node;
    let identityServer: Awaited<ReturnType<typeof listener>>;
    let sourceKey: SigningKey;
    const entries: LogEntry[] = [];

    before(async () => {
      [source, subscriber, guarded] = await Promise.all([node(engine, 'chinhphu'), node(engine, 'hanoi'), node(engine, 'danang', { PUBLIC_URL: PUBLIC.href })]);
      identityServer = await listener();
      const sub = await subscriber.env.services.federation.subscriptions.subscribe(systemContext(subscriber.portal.id), subscriber.portal, { source: source.url, policy: { mode: 'publish' } });
      assert.equal(sub.status, 'active', sub.lastError ?? '');
      const s = source.env.services;
      sourceKey = await s.federation.keys.signingKey(source.portal);
      for (const title of ['Phiên họp Chính phủ thường kỳ tháng Mười', 'Hội nghị trực tuyến với các địa phương', 'Thông cáo về kỳ họp thứ tám']) {
        const item = await s.content.create(source.portal, actingAs({ accountId: null, roles: ['admin'] }), { ...sampleNews, title });
        await s.content.act(item, actingAs({ accountId: null, roles: ['admin'] }), { action: 'publish' });
        entries.push((await s.federation.log.record(item.id))!);
      }
    });

    after(async () => {
      await identityServer?.close();
      for (const n of [source, subscriber, guarded]) {
        await n?.app.close();
        await n?.env.close();
      }
    });

    const entryMessage = (entry: unknown, previous: number) => ({ type: 'entry', from: source.url, to: subscriber.url, previous, entry });
    /** Re-signs an entry as the source would, after changing its item. */
    const resign = (entry: LogEntry, item: LogEntry['item'], header: Partial<LogEntry['header']> = {}): LogEntry => {
      const h = { ...entry.header, ...header, digest: itemDigest(item) };
      return { header: h, item, keyId: sourceKey.keyId, signature: signEd25519(sourceKey.privateKey, canonicalJson(h)) };
    };
    const received = async () =>
      Number(
        (
          await subscriber.env.services.store.db
            .selectFrom('federation_received')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('a stranger on a private address: refused without a connection, one generic answer, then 429', async () => {
      const closed = await freePort();
      const answers = [];
      for (const port of [identityServer.port, closed]) {
        const from = `http://127.0.0.1:${port}`;
        answers.push(await postInbox(guarded, { type: 'subscribe', from, to: guarded.url, filter: {}, inbox: `${from}/federation/v1/inbox` }, stranger(from)));
      }
      assert.equal(identityServer.connections(), 0, 'no fetch reached the private address');
      for (const a of answers) assert.equal(a.status, 401, JSON.stringify(a.json));
      assert.equal(answers[0].json.reason, 'unverified-sender');
      assert.deepEqual([answers[0].json.detail, answers[0].json.reason], [answers[1].json.detail, answers[1].json.reason], 'an open port and a closed one answer the same');
      const [audited] = await guarded.env.services.audit.list(guarded.portal.id, { action: 'federation-rejected', limit: 1 });
      assert.match(String(audited.detail.cause), /OUTBOUND_ALLOW|refused/, 'the cause is kept for the operator');
      let limited;
      for (let i = 0; i < 20 && !limited; i++) {
        const from = `http://127.0.0.1:${closed}`;
        const r = await postInbox(guarded, { type: 'join', from, to: guarded.url }, stranger(from));
        if (r.status === 429) limited = r;
        else assert.equal(r.status, 401);
      }
      assert.ok(limited, 'first contacts are rate-limited');
      assert.equal(limited.json.reason, 'too-many-first-contacts');
      assert.ok(Number(limited.headers['retry-after']) >= 1);
      assert.equal(identityServer.connections(), 0);
    });

    test('with loopback allowed (development), an open and a closed port still get the same answer', async () => {
      const closed = await freePort();
      const answers = [];
      for (const port of [identityServer.port, closed]) {
        const from = `http://127.0.0.1:${port}`;
        answers.push(await postInbox(subscriber, { type: 'join', from, to: subscriber.url }, stranger(from)));
      }
      assert.ok(identityServer.connections() > 0, 'the identity was fetched');
      assert.equal(answers[0].status, 401);
      assert.deepEqual(answers[0].json.detail, answers[1].json.detail);
      assert.equal(answers[0].json.reason, answers[1].json.reason);
    });

    test("an entry signed with an unknown key, or another portal's, is refused and stores nothing", async () => {
      const before = await received();
      const { privateKey } = generateKeyPairSync('ed25519');
      const unknown = { ...entries[0], keyId: `${source.url}#ed25519-unknown`, signature: signEd25519(privateKey, canonicalJson(entries[0].header)) };
      const r1 = await postInbox(subscriber, entryMessage(unknown, 0), sourceKey);
      assert.equal(r1.status, 401, JSON.stringify(r1.json));
      assert.equal(r1.json.reason, 'unknown-entry-key');
      // the subscriber's own key: known here, but not the sender's
      const own = await subscriber.env.services.federation.keys.signingKey(subscriber.portal);
      const foreign = { ...entries[0], keyId: own.keyId, signature: signEd25519(own.privateKey, canonicalJson(entries[0].header)) };
      const r2 = await postInbox(subscriber, entryMessage(foreign, 0), sourceKey);
      assert.equal(r2.status, 401, JSON.stringify(r2.json));
      assert.equal(r2.json.reason, 'unknown-entry-key');
      assert.equal(await received(), before);
    });

    test('an item dated in the future is dated when it was received', async () => {
      const future = '2099-01-01T00:00:00.000Z';
      const dated = resign(entries[0], { ...entries[0].item, publishedAt: future, firstPublishedAt: future, publicUpdatedAt: future });
      const res = await postInbox(subscriber, entryMessage(dated, 0), sourceKey);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      const copy = await subscriber.env.services.content.find(res.json.item);
      assert.ok(copy?.publishedAt && Date.parse(copy.publishedAt) <= Date.now(), `published at ${copy?.publishedAt}`);
      assert.ok(copy.updatedAt && Date.parse(copy.updatedAt) <= Date.now());
    });

    test('an entry that is not a valid item here is recorded as refused, passed, and reported; the next one is applied', async () => {
      const bogus = resign(entries[1], { ...entries[1].item, type: 'bogus-type' }, { type: 'bogus-type' });
      const res = await postInbox(subscriber, { ...entryMessage(undefined, 1), type: 'entries', entries: [bogus, entries[2]], entry: undefined }, sourceKey);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      assert.equal(res.json.cursor, 3, 'the cursor went past the refused entry');
      assert.equal(res.json.applied, 2);
      assert.deepEqual(
        res.json.rejected.map((r: { sequence: number; reason: string }) => [r.sequence, r.reason]),
        [[2, 'invalid-item']],
        'the source is told which entry was refused and why',
      );
      const [audited] = await subscriber.env.services.audit.list(subscriber.portal.id, { action: 'federation-rejected', limit: 1 });
      assert.equal(audited.target, 'log:2');
      const outcomes = await subscriber.env.services.store.db.selectFrom('federation_received').select(['sequence', 'outcome']).orderBy('sequence').execute();
      assert.deepEqual(
        outcomes.map((o) => [Number(o.sequence), o.outcome]),
        [
          [1, 'applied'],
          [2, 'rejected'],
          [3, 'applied'],
        ],
      );
      // the source records what its subscriber reported
      assert.equal(await source.env.services.federation.subscriptions.recordRefusals(source.portal, subscriber.url, res.json.rejected), 1);
      const [refused] = await source.env.services.audit.list(source.portal.id, { action: 'federation-entry-refused', limit: 1 });
      assert.equal(refused.detail.sequence, 2);
    });

    test('a pulled entry that is not a valid item is passed too, and the source hears of it in an entry-rejected message', async () => {
      const s = source.env.services;
      const more: LogEntry[] = [];
      for (const title of ['Bản tin chiều', 'Bản tin tối']) {
        const item = await s.content.create(source.portal, actingAs({ accountId: null, roles: ['admin'] }), { ...sampleNews, title });
        await s.content.act(item, actingAs({ accountId: null, roles: ['admin'] }), { action: 'publish' });
        more.push((await s.federation.log.record(item.id))!);
      }
      // the source's own log holds an entry no subscriber can take as an item (signed all the same)
      const bogus = resign(more[0], { ...more[0].item, type: 'bogus-type' }, { type: 'bogus-type' });
      await s.store.db
        .updateTable('federation_log')
        .set({ header: JSON.stringify(bogus.header), item: JSON.stringify(bogus.item), signature: bogus.signature, digest: bogus.header.digest })
        .where('portal_id', '=', source.portal.id)
        .where('sequence', '=', more[0].header.sequence)
        .execute();
      const [sub] = await subscriber.env.services.federation.subscriptions.list(subscriber.portal);
      await subscriber.env.services.federation.subscriptions.pull(sub.id);
      const after = await subscriber.env.services.federation.subscriptions.get(subscriber.portal, sub.id);
      assert.equal(after.cursor, more[1].header.sequence, 'the pull went past the refused entry');
      const refused = await waitFor(async () => (await s.audit.list(source.portal.id, { action: 'federation-entry-refused', limit: 5 })).find((e) => e.detail.sequence === more[0].header.sequence), 10_000);
      assert.equal(refused.detail.reason, 'invalid-item');
      assert.match((await s.federation.subscriptions.subscribers(source.portal)).find((x) => x.subscriber === subscriber.url)!.lastError ?? '', /refused/);
    });

    test('a portal that asks for approval keeps a new subscriber waiting until its admin approves', async () => {
      const s = source.env.services;
      await s.federation.subscriptions.updateSettings(systemContext(source.portal.id), source.portal, { subscribersNeedApproval: true });
      const third = await node(engine, 'quangninh');
      try {
        const qn = third.env.services;
        const sub = await qn.federation.subscriptions.subscribe(systemContext(third.portal.id), third.portal, { source: source.url, policy: { mode: 'publish' } });
        assert.equal(sub.status, 'pending');
        assert.match(sub.lastError ?? '', /approve/);
        const waiting = (await s.federation.subscriptions.subscribers(source.portal)).find((x) => x.subscriber === third.url)!;
        assert.equal(waiting.status, 'pending');
        // a waiting subscriber is not a connection: nothing but subscription messages from it
        const key = await qn.federation.keys.signingKey(third.portal);
        const forward = await postInbox(source, { type: 'feedback-forward', from: third.url, to: source.url, case: { code: 'PAKN.20991231.0001', kind: 'question' }, sealed: 'x' }, key);
        assert.equal(forward.status, 403, JSON.stringify(forward.json));
        assert.equal(forward.json.reason, 'not-a-member');
        const approved = await s.federation.subscriptions.decideSubscriber(systemContext(source.portal.id), source.portal, waiting.id, 'approve');
        assert.equal(approved.status, 'approved');
        // the subscriber asks again (its job would, after the poll interval)
        await qn.federation.subscriptions.handshake(sub.id, false);
        assert.equal((await qn.federation.subscriptions.get(third.portal, sub.id)).status, 'active');
        assert.equal((await s.federation.subscriptions.subscribers(source.portal)).find((x) => x.subscriber === third.url)!.status, 'active');
      } finally {
        await s.federation.subscriptions.updateSettings(systemContext(source.portal.id), source.portal, { subscribersNeedApproval: false });
        await third.app.close();
        await third.env.close();
      }
    });
  });

  describe(`social channel addresses (${engine})`, { timeout: 60_000 }, () => {
    let env: TestEnv;
    let server: Awaited<ReturnType<typeof startServer>>;
    let admin: ReturnType<typeof client>;
    let first: Awaited<ReturnType<typeof listener>>;
    let second: Awaited<ReturnType<typeof listener>>;
    const viberAnswer = (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 0, status_message: 'ok', subscribers_count: 7, members: [{ id: 'a', role: 'superadmin' }] }));
    };

    before(async () => {
      env = await createTestEnv(engine);
      const net = await seedNetwork(env.services);
      server = await startServer(env.services);
      admin = client(server.url, net.tokens.admin);
      [first, second] = await Promise.all([listener(viberAnswer), listener(viberAnswer)]);
    });
    after(async () => {
      await first?.close();
      await second?.close();
      await server?.close();
      await env?.close();
    });

    const channel = (over: Record<string, unknown> = {}) => ({ platform: 'viber', name: 'Kênh Viber', apiBaseUrl: first.url, credentials: { authToken: 'stored-token-1' }, languages: ['vi'], contentTypes: ['news'], ...over });

    test('a new address needs the credentials again; the stored token never goes there', async () => {
      const created = await admin.post('/api/v1/portals/chinhphu/channels', channel());
      assert.equal(created.status, 201, created.text);
      const id = created.json.id;
      const moved = await admin.patch(`/api/v1/portals/chinhphu/channels/${id}`, { apiBaseUrl: second.url });
      assert.equal(moved.status, 422, moved.text);
      assert.ok(moved.json.errors.some((e: { path: string }) => e.path === '/credentials'));
      // the channel still points where it did, and posts there
      const runtime = await env.services.social.channels.runtime(id);
      assert.equal(runtime.apiBaseUrl, first.url);
      await viberConnector.channelMetrics!(runtime);
      assert.equal(second.requests.length, 0);
      // with new credentials, the move is taken, and only those travel
      const again = await admin.patch(`/api/v1/portals/chinhphu/channels/${id}`, { apiBaseUrl: second.url, credentials: { authToken: 'new-token-2' } });
      assert.equal(again.status, 200, again.text);
      await viberConnector.channelMetrics!(await env.services.social.channels.runtime(id));
      assert.ok(second.requests.length > 0);
      assert.ok(second.requests.every((r) => r.headers['x-viber-auth-token'] === 'new-token-2'));
      // an address in a range this deployment does not call is refused when saved
      const metadata = await admin.post('/api/v1/portals/chinhphu/channels', channel({ apiBaseUrl: 'http://169.254.169.254/pa' }));
      assert.equal(metadata.status, 422, metadata.text);
      assert.ok(metadata.json.errors.some((e: { path: string }) => e.path === '/apiBaseUrl'));
    });

    test('with the allowance off, a call to a channel on loopback is refused before connecting', async () => {
      const before = first.connections();
      const outbound = loadConfig({ PUBLIC_URL: PUBLIC.href }).outbound;
      await assert.rejects(
        viberConnector.channelMetrics!({ id: 1, platform: 'viber', apiBaseUrl: first.url, credentials: { authToken: 't' }, outbound }),
        (err: unknown) => err instanceof ConnectorError && err.errorClass === 'disconnected',
      );
      assert.equal(first.connections(), before);
    });
  });
}
