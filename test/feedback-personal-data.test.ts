import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { createWeb } from '../src/app.ts';
import { encodeSolution, solveChallenge } from '../src/modules/feedback/pow.ts';
import { redactName, redactPersonal } from '../src/modules/feedback/privacy.ts';
import { client, createTestEnv, engines, type TestEnv } from './helpers.ts';
import { CENTRAL, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// Issue 16, item 8: a citizen's contact never travels in an address (the
// tracking form and the API's lookup are posts) nor reaches the request log;
// who sees a case's personal data is one rule for the API and the admin
// desk; a published answer loses every word of the submitter's name, however
// short, and the officer confirms the redacted text before it goes out.

const CITIZEN = { name: 'Lê Na', email: 'na.le@example.vn', phone: '0904555666', address: 'Số 5 Kim Mã, Ba Đình, Hà Nội' };

function postForm(port: number, path: string, form: Record<string, string>): Promise<{ status: number; text: string }> {
  const body = new URLSearchParams(form).toString();
  return request(port, 'POST', path, body, { 'content-type': 'application/x-www-form-urlencoded' });
}

function request(port: number, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, agent: false, headers: { host: `${CENTRAL}:${port}`, ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('redaction of names (unit)', () => {
  it('takes out every word of the name at any length, whole words, any case, with or without diacritics, and no other word', () => {
    const out = redactName('Trả lời bà Lê Na: chị Na vui lòng chờ. Gửi LÊ NA, lê na và Le Na. Nàng nà na ná Năm; Lễ hội; Nam.', 'Lê Na');
    assert.equal(out, 'Trả lời bà […]: chị […] vui lòng chờ. Gửi […], […] và […]. Nàng nà […] ná Năm; Lễ hội; Nam.');
    assert.equal(redactName('Ông Đỗ Đức An và ông Do Duc An; ăn, ân.', 'Đỗ Đức An'), 'Ông […] và ông […]; ăn, ân.');
    assert.equal(redactName('Kính gửi Ng. Văn A', 'A'), 'Kính gửi Ng. Văn […]');
  });
  it('keeps the other parts: email, telephone and the address by its parts', () => {
    const out = redactPersonal('Chị Lê Na (na.le@example.vn, 0904 555 666) ở Số 5 Kim Mã.', { name: CITIZEN.name, email: CITIZEN.email, phone: CITIZEN.phone, address: CITIZEN.address });
    assert.equal(out, 'Chị […] ([…], […]) ở […].');
  });
});

for (const engine of engines()) {
  describe(`citizens' personal data (${engine})`, () => {
    let env: TestEnv;
    let net: AdminNetwork;
    let app: FastifyInstance;
    let port: number;
    let base: string;
    let code: string;
    let caseId: number;
    const logLines: string[] = [];

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      // the deployment's own request log, as `serve` writes it
      const logger = pino({ level: 'info' }, new Writable({ write: (c, _e, cb) => (logLines.push(String(c)), cb()) }));
      app = await createWeb({ ...env.services, logger });
      await app.listen({ port: 0, host: '127.0.0.1' });
      port = (app.server.address() as { port: number }).port;
      base = `http://127.0.0.1:${port}`;
      const { feedback, portals } = env.services;
      const c = feedback.challenge();
      const central = await portals.require('chinhphu');
      const receipt = await feedback.submit(central, {
        kind: 'question',
        field: 'Giao thông',
        title: 'Hỏi về đèn tín hiệu ở nút giao Kim Mã',
        content: 'Tôi là Lê Na, ở Số 5 Kim Mã. Nút giao thường xuyên ùn tắc; xin hỏi khi nào lắp đèn? Gọi Na: 0904 555 666.',
        submitterType: 'citizen',
        ...CITIZEN,
        consentToPublish: true,
        altcha: encodeSolution(c, solveChallenge(c).number),
        attachments: [{ filename: 'cccd.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n').toString('base64') }],
      });
      code = receipt.trackingCode;
      caseId = (await feedback.inbox(central))[0].id;
    });
    after(async () => {
      await app?.close();
      await env?.close();
    });

    it('tracks by a posted form and by POST /api/v1/feedback/lookup; the contact is in no address and no log line', async () => {
      const form = await request(port, 'GET', `/phan-anh/tra-cuu?ma=${code}`);
      assert.equal(form.status, 200);
      assert.match(form.text, /<form class="feedback-form" method="post" action="\/phan-anh\/tra-cuu">/);
      assert.ok(form.text.includes(`value="${code}"`), 'the receipt’s link fills in the code');
      // an old-style address with the contact looks nothing up and does not echo it
      const old = await request(port, 'GET', `/phan-anh/tra-cuu?ma=${code}&lh=${encodeURIComponent(CITIZEN.email)}`);
      assert.ok(!old.text.includes(CITIZEN.email) && !old.text.includes('ùn tắc'));
      const tracked = await postForm(port, '/phan-anh/tra-cuu', { ma: code, lh: CITIZEN.email });
      assert.equal(tracked.status, 200);
      assert.ok(tracked.text.includes('Hỏi về đèn tín hiệu'));
      assert.equal((await postForm(port, '/phan-anh/tra-cuu', { ma: code, lh: 'someone@example.vn' })).status, 404);

      const anon = client(base);
      const byPhone = await anon.post('/api/v1/feedback/lookup', { trackingCode: code, contact: '+84 904 555 666' });
      assert.equal(byPhone.status, 200, byPhone.text);
      assert.equal(byPhone.json.trackingCode, code);
      assert.equal(byPhone.headers.get('cache-control'), 'private, no-store');
      assert.equal((await anon.post('/api/v1/feedback/lookup', { trackingCode: code, contact: 'someone@example.vn' })).status, 404);
      assert.equal((await anon.post('/api/v1/feedback/lookup', { trackingCode: code })).status, 422);
      assert.equal((await anon.get(`/api/v1/feedback/${code}?contact=${encodeURIComponent(CITIZEN.email)}`)).status, 404, 'the GET form is gone');
      // the same private routes spelt otherwise (a language prefix the site redirects, doubled slashes, escapes, capitals)
      for (const path of [`/vi/phan-anh/tra-cuu?ma=${code}&lh=`, '//phan-anh/tra-cuu?lh=', '/%70han-anh/tra-cuu?lh=', '/PHAN-ANH/tra-cuu?lh=', '/api//v1/feedback/lookup?contact=', '/api/v1/portals/chinhphu//feedback?email=']) {
        await request(port, 'GET', `${path}${encodeURIComponent(CITIZEN.email)}`);
      }
      const openapi = await anon.get('/api/v1/openapi.json');
      assert.ok(openapi.json.paths['/api/v1/feedback/lookup'].post);
      assert.ok(!openapi.json.paths['/api/v1/feedback/{code}']);

      const requests = logLines.filter((l) => l.includes('incoming request'));
      assert.ok(
        requests.some((l) => l.includes('/phan-anh/tra-cuu?…')),
        'the path of a private request is logged, its query is not',
      );
      for (const secret of [CITIZEN.email, encodeURIComponent(CITIZEN.email), '904555666', '904%20555']) {
        assert.ok(!logLines.some((l) => l.includes(secret)), `${secret} in the log`);
      }
      // other query strings (search) stay, they help operators
      await request(port, 'GET', '/search?q=giao+thong');
      assert.ok(logLines.some((l) => l.includes('/search?q=giao+thong')));
    });

    it('counts look-ups per address across the API and the tracking form: 30 a minute, then 429 on both', async () => {
      const anon = client(base);
      let refusedAt = 0;
      for (let i = 1; i <= 31 && !refusedAt; i++) {
        const status = i % 2 ? (await postForm(port, '/phan-anh/tra-cuu', { ma: code, lh: `guess${i}@example.vn` })).status : (await anon.post('/api/v1/feedback/lookup', { trackingCode: code, contact: `guess${i}@example.vn` })).status;
        if (status === 429) refusedAt = i;
        else assert.equal(status, 404);
      }
      assert.ok(refusedAt > 0 && refusedAt <= 31, 'refused by the 31st look-up at the latest');
      const site = await postForm(port, '/phan-anh/tra-cuu', { ma: code, lh: CITIZEN.email });
      assert.equal(site.status, 429);
      assert.ok(!site.text.includes('ùn tắc'), 'nothing of the case while refused');
      const api = await anon.post('/api/v1/feedback/lookup', { trackingCode: code, contact: CITIZEN.email });
      assert.equal(api.status, 429);
      assert.ok(Number(api.headers.get('retry-after')) > 0);
    });

    it('one rule for personal data: officers and admins see it (audited); an editor-in-chief sees neither in the API nor at the desk', async () => {
      const officer = client(base, net.tokens['feedback-officer']);
      const full = await officer.get(`/api/v1/feedback/cases/${caseId}`);
      assert.equal(full.status, 200);
      assert.equal(full.json.personal.email, CITIZEN.email);
      const chiefApi = client(base, net.tokens['editor-in-chief']);
      assert.equal((await chiefApi.get(`/api/v1/feedback/cases/${caseId}`)).status, 403);
      const chiefNote = await chiefApi.post(`/api/v1/feedback/${caseId}/actions`, { action: 'note', note: 'Đã xem.' });
      assert.equal(chiefNote.status, 200, chiefNote.text);
      assert.equal(chiefNote.json.personal, null, 'an action’s answer does not hand the chief what reading would not');
      assert.equal(chiefNote.json.personalWithheld, true);
      for (const secret of [CITIZEN.email, '0904 555 666', 'Lê Na', 'Số 5 Kim Mã', 'cccd.pdf']) assert.ok(!chiefNote.text.includes(secret), secret);
      const submissionFile = full.json.attachments.find((a: any) => a.filename === 'cccd.pdf');
      assert.equal((await chiefApi.get(`/api/v1/feedback/cases/${caseId}/attachments/${submissionFile.id}`)).status, 403);

      const audited = async () =>
        (
          await env.services.store.db
            .selectFrom('audit_log' as any)
            .selectAll()
            .where('action' as any, '=', 'feedback')
            .execute()
        ).filter((e: any) => String(e.detail).includes('personal data')).length;
      const before = await audited();
      const chief = await signedInAs(port, CENTRAL, net.emails['editor-in-chief']);
      const desk = await chief.get(`/admin/feedback/${caseId}`);
      assert.equal(desk.status, 200);
      for (const secret of [CITIZEN.email, '0904555666', '0904 555 666', 'Lê Na', 'Số 5 Kim Mã', 'cccd.pdf']) assert.ok(!desk.text.includes(secret), `${secret} at the chief's desk`);
      assert.equal((await chief.get(`/admin/feedback/${caseId}/files/${submissionFile.id}`)).status, 403);
      assert.equal(await audited(), before, 'nothing personal was read, nothing to audit');
      const officerDesk = await signedInAs(port, CENTRAL, net.emails['feedback-officer']);
      const view = await officerDesk.get(`/admin/feedback/${caseId}`);
      assert.ok(view.text.includes(CITIZEN.email) && view.text.includes('Lê Na'));
      assert.equal(await audited(), before + 1);
    });

    it('publishes the answer without any word of the name, after a preview the officer confirms', async () => {
      const officer = client(base, net.tokens['feedback-officer']);
      const answered = await officer.post(`/api/v1/feedback/${caseId}/actions`, { action: 'answer', answer: 'Trả lời bà Lê Na: chị Na vui lòng chờ, Sở sẽ lắp đèn trong quý tới. Gửi LÊ NA và Le Na.' });
      assert.equal(answered.status, 200, answered.text);
      const preview = await officer.get(`/api/v1/feedback/cases/${caseId}/publication-preview`);
      assert.equal(preview.status, 200, preview.text);
      assert.equal(preview.json.answer, 'Trả lời bà […]: chị […] vui lòng chờ, Sở sẽ lắp đèn trong quý tới. Gửi […] và […].');
      assert.ok(preview.json.redactions >= 8);
      // the admin: publish leads to the preview, and only its confirmation publishes
      const desk = await signedInAs(port, CENTRAL, net.emails['feedback-officer']);
      await desk.get(`/admin/feedback/${caseId}`);
      const asked = await desk.post(`/admin/feedback/${caseId}/act`, { action: 'publish' });
      assert.equal(asked.location, `/admin/feedback/${caseId}/publish`);
      const page = await desk.get(`/admin/feedback/${caseId}/publish`);
      assert.ok(page.text.includes('Trả lời bà […]: chị […] vui lòng chờ'));
      assert.ok(!/Lê|\bNa\b/.test(page.text.slice(page.text.indexOf('<main'))), 'no word of the name in the preview');
      // a text that changed since the preview is not published on its strength
      const stale = await officer.post(`/api/v1/feedback/${caseId}/actions`, { action: 'publish', previewDigest: 'a'.repeat(64) });
      assert.equal(stale.status, 409);
      const digest = /name="previewDigest" value="([0-9a-f]{64})"/.exec(page.text)![1];
      assert.equal(digest, preview.json.digest);
      assert.equal((await desk.post(`/admin/feedback/${caseId}/act`, { action: 'publish', previewDigest: digest })).status, 303);

      const pub = await client(base).get('/api/v1/portals/chinhphu/answers');
      const a = pub.json.items.find((x: any) => x.trackingCode === code);
      assert.equal(a.answer, preview.json.answer, 'what was previewed is what was published');
      const site = await request(port, 'GET', `/hoi-dap/${encodeURIComponent(code)}`);
      assert.equal(site.status, 200);
      const main = site.text.slice(site.text.indexOf('<main'));
      const left = main.match(/\bLê\b|\bNa\b|\bLÊ\b|\bNA\b|\bLe\b/g) ?? [];
      assert.equal(left.length, 0, `name words left on the answer page: ${left.join(', ')}`);
      for (const secret of [CITIZEN.email, '0904 555 666', 'Số 5 Kim Mã']) assert.ok(!main.includes(secret), secret);

      // an answer frozen by the earlier redaction (names under six letters survived it) loses the name too, and keeps losing it after erasure
      const db = env.services.store.db as any;
      await db
        .updateTable('feedback_cases')
        .set({ public_text: JSON.stringify({ title: 'Hỏi về đèn tín hiệu', question: 'Tôi là Lê Na, ở […].', answer: 'Trả lời bà Lê Na: chị Na vui lòng chờ.' }) })
        .where('id', '=', caseId)
        .execute();
      const old = (await client(base).get('/api/v1/portals/chinhphu/answers')).json.items.find((x: any) => x.trackingCode === code);
      assert.equal(old.answer, 'Trả lời bà […]: chị […] vui lòng chờ.');
      assert.equal(old.question, 'Tôi là […], ở […].');
      await db.updateTable('feedback_cases').set({ updated_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', caseId).execute();
      assert.ok((await env.services.feedback.eraseExpired()) >= 1);
      const erased = (await client(base).get('/api/v1/portals/chinhphu/answers')).json.items.find((x: any) => x.trackingCode === code);
      assert.equal(erased.answer, 'Trả lời bà […]: chị […] vui lòng chờ.', 'the better redaction was kept when the personal data went');
    });
  });
}
