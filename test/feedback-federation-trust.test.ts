import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createWeb, createWorker } from '../src/app.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { request } from '../src/modules/federation/http.ts';
import { seal } from '../src/modules/federation/sealing.ts';
import { signRequest, type SigningKey } from '../src/modules/federation/signatures.ts';
import { CONTACT, createTestEnv, engines, waitFor, type TestEnv } from './helpers.ts';
import { freePort } from './federation-helpers.ts';
import { mailEnv, startSmtp } from './mail-helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

// Who may hand a portal a citizen's case (issue 16, item 4): a portal its
// operators chose — an approved member, the directory it joined, a source it
// subscribes to — not anyone who subscribed to it; at a bounded pace per
// peer; and the citizen is written to only at an address the origin vouches
// came from the citizen.

interface Node {
  env: TestEnv;
  app: FastifyInstance;
  worker: OutboxWorker;
  url: string;
  slug: string;
}

const FORWARDS_PER_HOUR = 3;

async function node(engine: 'sqlite' | 'postgres', slug: string, kind: 'central' | 'province', mail: Record<string, string>): Promise<Node> {
  const port = await freePort();
  const env = await createTestEnv(engine, { env: { PORT: String(port), LANTOA_FEEDBACK_FORWARDS_PER_PEER_HOUR: String(FORWARDS_PER_HOUR), ...mail } });
  const portal = await env.services.portals.create({ slug, kind, names: { vi: `Cổng ${slug}` }, languages: ['vi', 'en'], contact: CONTACT });
  await env.services.portals.createSection(portal, { slug: 'tin-tuc', names: { vi: 'Tin tức' } });
  const app = await createWeb(env.services, { logRequests: false });
  await app.listen({ port, host: '127.0.0.1' });
  const worker = createWorker(env.services, { pollMs: 40 });
  worker.start();
  return { env, app, worker, url: portal.url, slug };
}

for (const engine of engines()) {
  describe(`who may forward citizens' cases (${engine})`, { timeout: 120_000 }, () => {
    let central: Node;
    let province: Node;
    let subscriber: Node;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;

    before(async () => {
      smtp = await startSmtp();
      [central, province, subscriber] = await Promise.all([node(engine, 'chinhphu', 'central', mailEnv(smtp)), node(engine, 'hanoi', 'province', mailEnv(smtp)), node(engine, 'danang', 'province', mailEnv(smtp))]);
      // the province joins the central portal's network and is approved
      const hanoi = await province.env.services.portals.require('hanoi');
      await province.env.services.federation.network.join(systemContext(hanoi.id), hanoi, central.url);
      const chinhphu = await central.env.services.portals.require('chinhphu');
      const [pending] = await central.env.services.federation.network.members(chinhphu, 'pending');
      await central.env.services.federation.network.decide(systemContext(chinhphu.id), chinhphu, { accountId: null, roles: ['admin'] }, pending.id, { decision: 'approve' });
      await waitFor(async () => (await province.env.services.federation.network.networks(hanoi))[0]?.status === 'approved', 10_000);
      // another deployment merely subscribes to the province: anyone can
      const danang = await subscriber.env.services.portals.require('danang');
      const sub = await subscriber.env.services.federation.subscriptions.subscribe(systemContext(danang.id), danang, { source: province.url, policy: { mode: 'publish' } });
      assert.equal(sub.status, 'active', sub.lastError ?? '');
    });

    after(async () => {
      for (const n of [central, province, subscriber]) {
        await n?.worker.stop();
        await n?.app.close();
        await n?.env.close();
      }
      await smtp?.close();
    });

    const keyOf = async (n: Node) => n.env.services.federation.keys.signingKey(await n.env.services.portals.require(n.slug));
    const sealingKey = async (n: Node) => n.env.services.federation.keys.sealingKey(await n.env.services.portals.require(n.slug)).publicKey;
    let serial = 0;
    async function forward(from: Node, email: string, extra: Record<string, unknown> = {}) {
      const code = `PAKN.20991231.${String(++serial).padStart(4, '0')}`;
      const plain = {
        kind: 'question',
        field: 'Giao thông',
        title: 'Hỏi về phân luồng giao thông',
        content: 'Xin hỏi phương án phân luồng khi thi công cầu vượt như thế nào?',
        lang: 'vi',
        submitterType: 'citizen',
        consentToPublish: false,
        name: 'Trần Văn Hỏi',
        email,
        phone: null,
        address: null,
        attachments: [],
        ...extra,
      };
      const message = {
        type: 'feedback-forward',
        from: from.url,
        to: province.url,
        portal: { slug: from.slug, name: { vi: `Cổng ${from.slug}` } },
        case: { code, kind: 'question' },
        sealed: seal(await sealingKey(province), JSON.stringify(plain), `lantoa feedback-forward v1\n${from.url}\n${province.url}\n${code}`),
      };
      const body = JSON.stringify(message);
      const inbox = `${province.url}/federation/v1/inbox`;
      const key: SigningKey = await keyOf(from);
      const res = await request({ method: 'POST', url: inbox, body, headers: { 'content-type': 'application/json', ...signRequest(key, { method: 'POST', url: inbox, body }, new Date()) } });
      return { status: res.status, headers: res.headers, json: res.json<any>() };
    }
    const cases = async () =>
      Number(
        (
          await (province.env.services.store.db as any)
            .selectFrom('feedback_cases')
            .select((eb: any) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('a portal that only subscribed cannot forward a case (403), and nothing is stored', async () => {
      const before = await cases();
      const res = await forward(subscriber, 'nguoi.dan@example.vn', { contactVouched: true });
      assert.equal(res.status, 403, JSON.stringify(res.json));
      assert.equal(res.json.reason, 'not-a-member');
      assert.equal(await cases(), before);
      assert.ok(!smtp.mail.some((m) => m.to === 'nguoi.dan@example.vn'));
    });

    it('the receipt goes only to an address the origin vouches for', async () => {
      const unvouched = await forward(central, 'khong.bao.dam@example.vn');
      assert.equal(unvouched.status, 201, JSON.stringify(unvouched.json));
      const vouched = await forward(central, 'co.bao.dam@example.vn', { contactVouched: true });
      assert.equal(vouched.status, 201, JSON.stringify(vouched.json));
      await waitFor(async () => smtp.mail.some((m) => m.to === 'co.bao.dam@example.vn'), 10_000);
      assert.ok(!smtp.mail.some((m) => m.to === 'khong.bao.dam@example.vn'), 'no mail to an address nobody vouched for');
    });

    it(`an approved member forwards at most ${FORWARDS_PER_HOUR} cases an hour; then 429 with Retry-After`, async () => {
      let res;
      for (let i = 0; i < FORWARDS_PER_HOUR + 1; i++) {
        res = await forward(central, `nguoi${i}@example.vn`);
        if (res.status !== 201) break;
      }
      assert.ok(res, 'the loop sent at least one forward');
      assert.equal(res.status, 429, JSON.stringify(res.json));
      assert.ok(Number(res.headers['retry-after']) >= 1);
      assert.equal(await cases(), FORWARDS_PER_HOUR, 'the forward past the limit stored nothing');
    });
  });
}
