import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { createWeb, createWorker } from '../src/app.ts';
import { request } from '../src/modules/federation/http.ts';
import { seal } from '../src/modules/federation/sealing.ts';
import { signRequest, type SigningKey } from '../src/modules/federation/signatures.ts';
import { encodeSolution, solveChallenge, type PowChallenge } from '../src/modules/feedback/pow.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { CONTACT, client, createTestEnv, engines, waitFor, type TestEnv } from './helpers.ts';
import { freePort } from './federation-helpers.ts';
import { mailEnv, startSmtp, unfold } from './mail-helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

/** The tracking form as a browser posts it (the contact never goes in the address). */
function postForm(port: number, host: string, path: string, form: Record<string, string>): Promise<{ status: number; text: string }> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

// Forwarding a citizen's case to a portal of another deployment, on each
// engine: two deployments in this process (each its own store, web server
// and outbox worker), connected the way the network connects them — the
// province joined the central portal's network and was approved — plus a
// stranger deployment connected to nobody. The case goes over signed and
// sealed; the province answers; the answer comes back signed and sealed, and
// the citizen reads it on the central portal's tracking page. Forged,
// replayed, misdirected and stale messages are refused with their own 4xx and
// change nothing.

interface Node {
  env: TestEnv;
  app: FastifyInstance;
  worker: OutboxWorker;
  port: number;
  url: string;
  slug: string;
  admin: string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const CITIZEN = { name: 'Phạm Thị Hồng Nhung', email: 'hong.nhung.fwd@example.vn', phone: '0977 246 813', address: 'Số 88 ngõ 21 phố Kim Mã, Ba Đình, Hà Nội' };

async function node(engine: 'sqlite' | 'postgres', slug: string, kind: 'central' | 'province', mail: Record<string, string>): Promise<Node> {
  const port = await freePort();
  const testEnv = await createTestEnv(engine, { env: { PORT: String(port), ...mail } });
  const s = testEnv.services;
  const portal = await s.portals.create({ slug, kind, names: { vi: `Cổng ${slug}`, en: `${slug} portal` }, languages: ['vi', 'en'], contact: CONTACT });
  await s.portals.createSection(portal, { slug: 'tin-tuc', names: { vi: 'Tin tức' } });
  await s.accounts.addUser({ email: `admin@${slug}.test`, portalId: portal.id, role: 'admin' });
  const admin = await s.accounts.createToken(`admin@${slug}.test`);
  const app = await createWeb(s, { logRequests: false });
  await app.listen({ port, host: '127.0.0.1' });
  const worker = createWorker(s, { pollMs: 40 });
  worker.start();
  return { env: testEnv, app, worker, port, url: `http://${slug}.localhost:${port}`, slug, admin };
}

for (const engine of engines()) {
  describe(`feedback forwarded across deployments (${engine})`, { timeout: 120_000 }, () => {
    let central: Node;
    let province: Node;
    let stranger: Node;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    const sent: { to: string; body: string }[] = [];

    before(async () => {
      smtp = await startSmtp();
      [central, province, stranger] = await Promise.all([node(engine, 'chinhphu', 'central', mailEnv(smtp)), node(engine, 'hanoi', 'province', mailEnv(smtp)), node(engine, 'danang', 'province', mailEnv(smtp))]);
      // the province joins the central portal's network; a central admin approves it
      const hanoi = await province.env.services.portals.require('hanoi');
      const joined = await province.env.services.federation.network.join(systemContext(hanoi.id), hanoi, central.url);
      assert.equal(joined.status, 'pending');
      const chinhphu = await central.env.services.portals.require('chinhphu');
      const [request1] = await central.env.services.federation.network.members(chinhphu, 'pending');
      await central.env.services.federation.network.decide(systemContext(chinhphu.id), chinhphu, { accountId: null, roles: ['admin'] }, request1.id, { decision: 'approve' });
      await waitFor(async () => (await province.env.services.federation.network.networks(hanoi))[0]?.status === 'approved', 10_000);
      // every signed message the central deployment sends, as it goes on the wire
      const federation = central.env.services.federation;
      const original = federation.sendDirect.bind(federation);
      federation.sendDirect = async (from, inbox, message) => {
        sent.push({ to: inbox, body: JSON.stringify(message) });
        return original(from, inbox, message);
      };
    });

    after(async () => {
      for (const n of [central, province, stranger]) {
        await n?.worker.stop();
        await n?.app.close();
        await n?.env.close();
      }
      await smtp?.close();
    });

    async function submit(n: Node, over: Record<string, unknown> = {}) {
      const api = client(`http://127.0.0.1:${n.port}`);
      const c = (await api.get('/api/v1/feedback/challenge')).json as PowChallenge;
      const res = await api.post(`/api/v1/portals/${n.slug}/feedback`, {
        kind: 'petition',
        field: 'Giao thông',
        title: 'Kiến nghị lắp đèn tín hiệu tại nút giao Kim Mã – Núi Trúc',
        content: 'Nút giao thường xuyên ùn tắc và xảy ra va chạm vào giờ cao điểm; đề nghị lắp đèn tín hiệu giao thông.',
        submitterType: 'citizen',
        ...CITIZEN,
        consentToPublish: true,
        altcha: encodeSolution(c, solveChallenge(c).number),
        attachments: [{ filename: 'hien-trang.pdf', contentType: 'application/pdf', data: PDF.toString('base64') }],
        ...over,
      });
      assert.equal(res.status, 201, res.text);
      return res.json as { trackingCode: string };
    }

    const caseId = async (n: Node, code: string) => {
      const portal = await n.env.services.portals.require(n.slug);
      return (await n.env.services.feedback.inbox(portal, { limit: 200 })).find((c) => c.trackingCode === code)!.id;
    };
    const count = async (n: Node, table: string) =>
      Number(
        (
          await (n.env.services.store.db as any)
            .selectFrom(table)
            .select((eb: any) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const track = (n: Node, code: string, contact = CITIZEN.email) => client(`http://127.0.0.1:${n.port}`).post('/api/v1/feedback/lookup', { trackingCode: code, contact });

    let origin: { trackingCode: string };
    let remoteCode: string;

    it('forwards a case to a connected portal of another deployment; it arrives there with personal data and files, linked to its origin', async () => {
      origin = await submit(central);
      const officer = client(`http://127.0.0.1:${central.port}`, central.admin);
      const id = await caseId(central, origin.trackingCode);
      const fwd = await officer.post(`/api/v1/feedback/${id}/actions`, { action: 'forward', toPortal: province.url, note: 'Thuộc thẩm quyền của thành phố.' });
      assert.equal(fwd.status, 200, fwd.text);
      assert.equal(fwd.json.status, 'forwarded');
      assert.equal(fwd.json.remote.peerUrl, province.url);

      const delivered = await waitFor(async () => {
        const d = await officer.get(`/api/v1/feedback/cases/${id}`);
        return d.json.remote?.state === 'delivered' ? d.json : undefined;
      }, 10_000);
      remoteCode = delivered.remote.peerCode;
      assert.match(remoteCode, /^PAKN\.\d{8}\.\d{4}$/);
      assert.equal(delivered.forwardedTo, `${remoteCode}@${province.url}`);

      const there = client(`http://127.0.0.1:${province.port}`, province.admin);
      const inbox = await there.get('/api/v1/portals/hanoi/feedback');
      const copy = inbox.json.items.find((i: any) => i.trackingCode === remoteCode);
      assert.ok(copy, 'in the receiving portal’s inbox');
      assert.equal(copy.kind, 'petition');
      const detail = await there.get(`/api/v1/feedback/cases/${copy.id}`);
      assert.equal(detail.json.forwardedFrom, `${origin.trackingCode}@${central.url}`, 'forwarded_from holds the origin portal and code');
      assert.deepEqual(detail.json.personal, { name: CITIZEN.name, email: CITIZEN.email, phone: '0977246813', address: CITIZEN.address });
      assert.equal(detail.json.remote.direction, 'incoming');
      assert.equal(detail.json.remote.peerUrl, central.url);
      assert.equal(detail.json.attachments.length, 1);
      const file = await fetch(`http://127.0.0.1:${province.port}/api/v1/feedback/cases/${copy.id}/attachments/${detail.json.attachments[0].id}`, { headers: { authorization: `Bearer ${province.admin}` } });
      assert.deepEqual(Buffer.from(await file.arrayBuffer()), PDF);
      const received = detail.json.history.find((h: any) => h.action === 'received-by-forward');
      assert.equal(received.note, `Cổng chinhphu (${origin.trackingCode}): Thuộc thẩm quyền của thành phố.`, 'names the origin, its code and the officer’s note');

      // the citizen can track it at the receiving portal too, with the same contact
      assert.equal((await track(province, remoteCode, CITIZEN.phone)).status, 200);
      // and the receiving portal emailed them its receipt
      await waitFor(async () => smtp.mail.find((m) => m.to === CITIZEN.email && unfold(m.data).includes(remoteCode)));

      const tracked = await track(central, origin.trackingCode);
      assert.equal(tracked.json.status, 'forwarded');
      assert.equal(tracked.json.forwardedTo.portal, 'hanoi');
      assert.equal(tracked.json.forwardedTo.trackingCode, remoteCode);
      assert.equal(tracked.json.forwardedTo.status, 'received');
    });

    it('sends personal data only sealed: not on the wire in clear, not in either outbox', async () => {
      const forward = sent.find((m) => m.body.includes('"feedback-forward"'));
      assert.ok(forward, 'the forward went through federation');
      const message = JSON.parse(forward.body);
      assert.match(message.sealed, /^x25519v1\./);
      for (const secret of [CITIZEN.email, CITIZEN.phone, '0977246813', 'Kim Mã, Ba Đình', CITIZEN.name, 'đèn tín hiệu', PDF.toString('base64')]) {
        assert.ok(!forward.body.includes(secret), `${secret} travels in clear`);
      }
      for (const n of [central, province]) {
        const rows = await (n.env.services.store.db as any).selectFrom('outbox').select(['topic', 'payload', 'last_error']).execute();
        const text = JSON.stringify(rows);
        for (const secret of [CITIZEN.email, '0977246813', 'Kim Mã']) assert.ok(!text.includes(secret), `${secret} in the outbox of ${n.slug}`);
      }
    });

    it('the receiving portal answers; the answer and status flow back, and the citizen reads them where they asked', async () => {
      const there = client(`http://127.0.0.1:${province.port}`, province.admin);
      const id = await caseId(province, remoteCode);
      assert.equal((await there.post(`/api/v1/feedback/${id}/actions`, { action: 'register' })).status, 200);
      const inProgress = await waitFor(async () => {
        const t = await track(central, origin.trackingCode);
        return t.json.forwardedTo?.status === 'in-progress' ? t.json : undefined;
      }, 10_000);
      assert.ok(inProgress.forwardedTo.history.some((h: any) => h.action === 'register'));

      const answer = 'Sở Giao thông vận tải đã khảo sát nút giao và sẽ lắp đèn tín hiệu trong quý tới.';
      assert.equal((await there.post(`/api/v1/feedback/${id}/actions`, { action: 'answer', answer })).status, 200);
      assert.equal((await there.post(`/api/v1/feedback/${id}/actions`, { action: 'publish' })).status, 200);
      const back = await waitFor(async () => {
        const t = await track(central, origin.trackingCode);
        return t.json.forwardedTo?.published ? t.json : undefined;
      }, 10_000);
      assert.equal(back.status, 'forwarded', 'the case stays forwarded at the origin');
      assert.equal(back.forwardedTo.status, 'published');
      assert.equal(back.forwardedTo.answer, answer);
      assert.match(back.forwardedTo.trackUrl, new RegExp(`^${province.url.replace(/\./g, '\\.')}/phan-anh/tra-cuu\\?ma=`));
      // the answer reached the citizen by email from the portal that answered
      await waitFor(async () => smtp.mail.find((m) => m.to === CITIZEN.email && unfold(m.data).includes('lắp đèn tín hiệu trong quý tới')));

      const page = await postForm(central.port, `chinhphu.localhost:${central.port}`, '/phan-anh/tra-cuu', { ma: origin.trackingCode, lh: CITIZEN.email });
      assert.equal(page.status, 200);
      assert.ok(page.text.includes(answer), 'the tracking page at the origin shows the answer given elsewhere');
      assert.ok(page.text.includes(remoteCode));
      assert.ok(page.text.includes('Cổng hanoi'), 'and names the portal that gave it');
    });

    // ---------- what a peer can send wrong ----------

    const inboxOf = (n: Node) => `${n.url}/federation/v1/inbox`;
    async function post(n: Node, message: Record<string, unknown>, key: SigningKey, opts: { signBody?: string } = {}) {
      const body = JSON.stringify(message);
      const headers = { 'content-type': 'application/json', ...signRequest(key, { method: 'POST', url: inboxOf(n), body: opts.signBody ?? body }, new Date()) };
      const res = await request({ method: 'POST', url: inboxOf(n), body, headers });
      return { status: res.status, json: res.json<any>() };
    }
    const centralKey = async () => central.env.services.federation.keys.signingKey(await central.env.services.portals.require('chinhphu'));
    const provinceKey = async () => province.env.services.federation.keys.signingKey(await province.env.services.portals.require('hanoi'));
    /** Seals as a peer would, to the node's published sealing key. */
    const sealTo = async (n: Node, plain: unknown, context: string) => seal(n.env.services.federation.keys.sealingKey(await n.env.services.portals.require(n.slug)).publicKey, JSON.stringify(plain), context);
    const forwardCase = {
      kind: 'question',
      field: 'Giao thông',
      title: 'Hỏi về phân luồng giao thông',
      content: 'Xin hỏi phương án phân luồng khi thi công cầu vượt như thế nào?',
      lang: 'vi',
      submitterType: 'citizen',
      consentToPublish: false,
      name: 'Lê Văn Giả',
      email: 'gia.mao@example.vn',
      phone: null,
      address: null,
      attachments: [],
    };
    const forwardMessage = async (code: string, over: Record<string, unknown> = {}) => ({
      type: 'feedback-forward',
      from: central.url,
      to: province.url,
      portal: { slug: 'chinhphu', name: { vi: 'Cổng chinhphu' } },
      case: { code, kind: 'question' },
      sealed: await sealTo(province, forwardCase, `lantoa feedback-forward v1\n${central.url}\n${province.url}\n${code}`),
      ...over,
    });
    async function stateOf(n: Node) {
      return { cases: await count(n, 'feedback_cases'), links: await count(n, 'feedback_links'), files: await count(n, 'feedback_attachments') };
    }

    it('refuses a forged signature, an unknown key and a stranger, and stores nothing', async () => {
      const before = await stateOf(province);
      const good = await forwardMessage('PAKN.20991231.0001');
      const key = await centralKey();
      // a key nobody pinned, claiming to be the central portal's
      const { privateKey } = generateKeyPairSync('ed25519');
      const forged = await post(province, good, { keyId: key.keyId, privateKey });
      assert.equal(forged.status, 401, JSON.stringify(forged.json));
      assert.equal(forged.json.reason, 'bad-signature');
      const unknown = await post(province, good, { keyId: `${central.url}#ed25519-0000000000000000`, privateKey });
      assert.equal(unknown.status, 401);
      assert.equal(unknown.json.reason, 'unknown-key');
      // signed over another body
      const swapped = await post(province, good, key, { signBody: JSON.stringify({ ...good, case: { code: 'PAKN.20991231.0002', kind: 'question' } }) });
      assert.equal(swapped.status, 400);
      assert.equal(swapped.json.reason, 'digest-mismatch');
      // a deployment the province is not connected to, signing with its own real key
      const danang = await stranger.env.services.portals.require('danang');
      const strangerKey = await stranger.env.services.federation.keys.signingKey(danang);
      const fromStranger = await post(province, { ...good, from: stranger.url }, strangerKey);
      assert.equal(fromStranger.status, 403);
      assert.equal(fromStranger.json.reason, 'not-a-member');
      assert.deepEqual(await stateOf(province), before, 'nothing stored');
    });

    it('refuses a replayed forward (409, nothing twice), a box sealed for another case (422), and a malformed one', async () => {
      const key = await centralKey();
      const before = await stateOf(province);
      const again = await post(province, await forwardMessage(origin.trackingCode), key);
      assert.equal(again.status, 409, JSON.stringify(again.json));
      assert.equal(again.json.reason, 'replayed');
      assert.equal(again.json.trackingCode, remoteCode, 'names the case it was received as');
      const misbound = await post(province, { ...(await forwardMessage('PAKN.20991231.0003')), case: { code: 'PAKN.20991231.0004', kind: 'question' } }, key);
      assert.equal(misbound.status, 422);
      assert.equal(misbound.json.reason, 'unsealable');
      const notSealed = await post(province, { ...(await forwardMessage('PAKN.20991231.0005')), sealed: Buffer.from(JSON.stringify(forwardCase)).toString('base64url') }, key);
      assert.equal(notSealed.status, 422);
      const invalid = await post(
        province,
        { ...(await forwardMessage('PAKN.20991231.0006')), sealed: await sealTo(province, { ...forwardCase, email: 'not-an-email', phone: null }, `lantoa feedback-forward v1\n${central.url}\n${province.url}\nPAKN.20991231.0006`) },
        key,
      );
      assert.equal(invalid.status, 422);
      assert.ok(invalid.json.errors.some((e: any) => e.path === '/email'));
      assert.deepEqual(await stateOf(province), before, 'nothing stored');
      const audited = await province.env.services.audit.list((await province.env.services.portals.require('hanoi')).id, { action: 'federation-rejected', limit: 50 });
      assert.ok(audited.length >= 7, 'every refusal is audited');
      assert.ok(!JSON.stringify(audited).includes('gia.mao@example.vn'), 'no personal data in the audit log');
    });

    it('refuses a stale or replayed report, one about a case never forwarded there, and one from a portal it did not go to', async () => {
      const key = await provinceKey();
      const link = await (central.env.services.store.db as any).selectFrom('feedback_links').selectAll().where('direction', '=', 'outgoing').executeTakeFirstOrThrow();
      const tracked = (await track(central, origin.trackingCode)).json;
      const state = { trackingCode: remoteCode, status: 'in-progress', receivedAt: tracked.forwardedTo.receivedAt, dueDate: tracked.forwardedTo.dueDate, answer: null, answeredAt: null, published: false, history: [] };
      const report = async (code: string, sequence: number, body = state) => ({
        type: 'feedback-update',
        from: province.url,
        to: central.url,
        update: { code, sequence },
        sealed: await sealTo(central, body, `lantoa feedback-update v1\n${province.url}\n${central.url}\n${code}\n${sequence}`),
      });
      const stale = await post(central, await report(origin.trackingCode, link.sequence), key);
      assert.equal(stale.status, 409, JSON.stringify(stale.json));
      assert.equal(stale.json.reason, 'replayed');
      // a higher number cannot be grafted onto a box sealed for a lower one
      const grafted = await post(central, { ...(await report(origin.trackingCode, link.sequence)), update: { code: origin.trackingCode, sequence: link.sequence + 5 } }, key);
      assert.equal(grafted.status, 422);
      assert.equal(grafted.json.reason, 'unsealable');
      const other = await submit(central, { email: 'khac@example.vn', phone: '0977 000 111', title: 'Kiến nghị khác về chiếu sáng công cộng' });
      const never = await post(central, await report(other.trackingCode, link.sequence + 1), key);
      assert.equal(never.status, 404);
      assert.equal(never.json.reason, 'no-case');
      const badStatus = await post(central, await report(origin.trackingCode, link.sequence + 1, { ...state, status: 'hacked' }), key);
      assert.equal(badStatus.status, 422);
      const after = await (central.env.services.store.db as any).selectFrom('feedback_links').selectAll().where('id', '=', link.id).executeTakeFirstOrThrow();
      assert.equal(after.sequence, link.sequence, 'nothing applied');
      assert.equal(JSON.parse(after.remote).status, 'published', 'the case still reads as the province left it');
    });

    it('will not forward to a deployment the portal is not connected to: 422 at once, nothing changed', async () => {
      const c = await submit(central, { email: 'ko.lien.ket@example.vn', phone: '0977 000 222', title: 'Kiến nghị gửi nhầm nơi về vỉa hè' });
      const id = await caseId(central, c.trackingCode);
      const officer = client(`http://127.0.0.1:${central.port}`, central.admin);
      const res = await officer.post(`/api/v1/feedback/${id}/actions`, { action: 'forward', toPortal: stranger.url });
      assert.equal(res.status, 422, res.text);
      assert.match(res.json.errors[0].message, /not connected/);
      const detail = await officer.get(`/api/v1/feedback/cases/${id}`);
      assert.equal(detail.json.status, 'received');
      assert.equal(detail.json.remote, null);
      const targets = await central.env.services.feedback.forwardTargets(await central.env.services.portals.require('chinhphu'));
      assert.deepEqual(
        targets.filter((t) => t.remote).map((t) => t.value),
        [province.url],
        'officers are offered the connected portal only',
      );
    });
  });
}
