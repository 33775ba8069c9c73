import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { encodeSolution, solveChallenge, type PowChallenge } from '../src/modules/feedback/pow.ts';
import { WorkingCalendar } from '../src/modules/feedback/calendar.ts';
import { localDate } from '../src/modules/feedback/model.ts';
import { client, createTestEnv, engines, seedNetwork, startServer, waitFor, type TestEnv } from './helpers.ts';
import { startSmtp, unfold, mailEnv } from './mail-helpers.ts';

// Citizen feedback end to end over HTTP on each store: submission with a
// solved proof of work, every refusal a citizen can run into (and that each
// leaves nothing behind), tracking that tells a stranger nothing, the
// officers' steps through to a published answer, forwarding to another
// portal, figures, reminders, and the erasure of personal data.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

for (const engine of engines()) {
  describe(`citizen feedback (${engine})`, () => {
    let env: TestEnv;
    let base: string;
    let close: () => Promise<void>;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let net: Awaited<ReturnType<typeof seedNetwork>>;
    let anon: ReturnType<typeof client>;
    let officer: ReturnType<typeof client>;
    let chief: ReturnType<typeof client>;

    before(async () => {
      smtp = await startSmtp();
      env = await createTestEnv(engine, { env: mailEnv(smtp) });
      net = await seedNetwork(env.services);
      ({ url: base, close } = await startServer(env.services));
      anon = client(base);
      officer = client(base, net.tokens['feedback-officer']);
      chief = client(base, net.tokens['editor-in-chief']);
    });
    after(async () => {
      await close?.();
      await env?.close();
      await smtp?.close();
    });

    async function altcha(): Promise<string> {
      const res = await anon.get('/api/v1/feedback/challenge');
      assert.equal(res.status, 200);
      const c = res.json as PowChallenge;
      return encodeSolution(c, solveChallenge(c).number);
    }

    let seq = 0;
    const submission = async (over: Record<string, unknown> = {}) => ({
      kind: 'question',
      field: 'Đất đai, xây dựng',
      title: `Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất ${++seq}`,
      content: `Gia đình tôi ở số 12 ngõ 34 phố Hàng Bạc, liên hệ 0912 345 678. Xin hỏi hồ sơ cấp sổ đỏ lần đầu gồm những giấy tờ gì? (${seq})`,
      submitterType: 'citizen',
      name: 'Nguyễn Văn An',
      email: `an.nguyen${seq}@example.vn`,
      phone: `0912 000 ${String(seq).padStart(3, '0')}`,
      address: 'Số 12 ngõ 34 phố Hàng Bạc, Hoàn Kiếm, Hà Nội',
      consentToPublish: true,
      altcha: await altcha(),
      ...over,
    });
    const count = async () =>
      Number(
        (
          (await env.services.store.db
            .selectFrom('feedback_cases' as any)
            .select((eb: any) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()) as any
        ).n,
      );

    let first: { trackingCode: string; email: string };

    it('takes a question with a solved proof of work: 201, a PAKN tracking code, the due date in working days, an emailed receipt', async () => {
      const body = await submission({ attachments: [{ filename: 'so-do.pdf', contentType: 'application/pdf', data: PDF.toString('base64') }] });
      const res = await anon.post('/api/v1/portals/chinhphu/feedback', body);
      assert.equal(res.status, 201, res.text);
      assert.match(res.json.trackingCode, /^PAKN\.\d{8}\.\d{4}$/);
      const expected = new WorkingCalendar().addWorkingDays(new Date(res.json.receivedAt), 15);
      assert.equal(res.json.dueDate, expected);
      assert.equal(res.json.trackingCode.slice(5, 13), localDate(new Date(res.json.receivedAt)).replace(/-/g, ''));
      first = { trackingCode: res.json.trackingCode, email: body.email };
      const mail = await waitFor(async () => smtp.mail.find((m) => m.to === body.email));
      assert.ok(unfold(mail.data).includes(res.json.trackingCode));
    });

    it('refuses bad submissions with the right status, and stores nothing', async () => {
      const before = await count();
      const missing = await anon.post('/api/v1/portals/chinhphu/feedback', { kind: 'complaint', title: 'x', consentToPublish: 'yes' });
      assert.equal(missing.status, 422);
      const paths = missing.json.errors.map((e: any) => e.path);
      assert.ok(paths.length >= 1);
      const invalid = await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ kind: 'petition', title: 'x', content: 'ngắn', name: '', email: 'not-an-email', phone: undefined, address: undefined, submitterType: 'alien' }));
      assert.equal(invalid.status, 422);
      const ip = invalid.json.errors.map((e: any) => e.path);
      for (const p of ['/kind', '/title', '/content', '/name', '/email', '/submitterType', '/phone', '/address'].filter((p) => p !== '/kind')) assert.ok(ip.includes(p), `${p} named in ${JSON.stringify(ip)}`);

      const wrongPow = await anon.post(
        '/api/v1/portals/chinhphu/feedback',
        await submission({ altcha: Buffer.from(JSON.stringify({ algorithm: 'SHA-256', challenge: 'a'.repeat(64), number: 1, salt: 'x?expires=9999999999&', signature: 'b'.repeat(64) })).toString('base64') }),
      );
      assert.equal(wrongPow.status, 400, wrongPow.text);
      const solved = await altcha();
      const once = await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ altcha: solved }));
      assert.equal(once.status, 201);
      const replay = await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ altcha: solved }));
      assert.equal(replay.status, 400, 'a proof of work is spent once');

      const fakePdf = await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ attachments: [{ filename: 'don.pdf', contentType: 'application/pdf', data: Buffer.from('<html>not a pdf</html>').toString('base64') }] }));
      assert.equal(fakePdf.status, 415, fakePdf.text);
      const exe = await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ attachments: [{ filename: 'x.exe', contentType: 'application/x-msdownload', data: Buffer.from('MZ').toString('base64') }] }));
      assert.equal(exe.status, 415);

      const same = await submission();
      assert.equal((await anon.post('/api/v1/portals/chinhphu/feedback', same)).status, 201);
      const repeat = await anon.post('/api/v1/portals/chinhphu/feedback', { ...same, altcha: await altcha() });
      assert.equal(repeat.status, 409, 'the same text from the same contact is a repeat');
      assert.match(repeat.json.trackingCode, /^PAKN\./);
      assert.equal(await count(), before + 2, 'only the two good submissions were kept');
      const files = await env.services.store.db
        .selectFrom('feedback_attachments' as any)
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number((files as any).n), 1, 'no file of a refused submission was kept');
    });

    it('holds one contact to three submissions an hour: 429 with Retry-After', async () => {
      const email = 'vội.vàng@example.vn'.normalize('NFC').replace('ộ', 'o').replace('à', 'a');
      for (let i = 0; i < 3; i++) assert.equal((await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ email, phone: '0987 000 111' }))).status, 201);
      const fourth = await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ email: 'khac@example.vn', phone: '+84 987 000 111' }));
      assert.equal(fourth.status, 429, 'the same phone written another way is the same contact');
      assert.ok(Number(fourth.headers.get('retry-after')) > 0);
    });

    it('tracks with the right contact only; a stranger learns nothing', async () => {
      const byEmail = await anon.post('/api/v1/feedback/lookup', { trackingCode: first.trackingCode, contact: first.email.toUpperCase() });
      assert.equal(byEmail.status, 200, byEmail.text);
      assert.equal(byEmail.json.status, 'received');
      assert.equal(byEmail.json.history[0].action, 'submit');
      const byPhone = await anon.post('/api/v1/feedback/lookup', { trackingCode: first.trackingCode, contact: '+84912000001' });
      assert.equal(byPhone.status, 200);
      const wrong = await anon.post('/api/v1/feedback/lookup', { trackingCode: first.trackingCode, contact: 'someone@example.vn' });
      const unknown = await anon.post('/api/v1/feedback/lookup', { trackingCode: 'PAKN.19990101.9999', contact: 'someone@example.vn' });
      const none = await anon.post('/api/v1/feedback/lookup', { trackingCode: first.trackingCode, contact: '' });
      // the contact never travels in an address: the old GET form is gone
      assert.equal((await anon.get(`/api/v1/feedback/${first.trackingCode}?contact=${encodeURIComponent(first.email)}`)).status, 404);
      assert.equal(wrong.status, 404);
      assert.equal(unknown.status, 404);
      assert.equal(none.status, 422);
      assert.equal(wrong.json.detail, unknown.json.detail, 'the same answer whether the code exists or not');
      assert.ok(!byEmail.text.includes('Nguyễn Văn An') && !byEmail.text.includes('Hàng Bạc, Hoàn Kiếm'), 'tracking shows no personal data back');
    });

    it('keeps the inbox and personal data to officers; each reading is audited', async () => {
      assert.equal((await anon.get('/api/v1/portals/chinhphu/feedback')).status, 401);
      assert.equal((await client(base, net.tokens.writer).get('/api/v1/portals/chinhphu/feedback')).status, 403);
      assert.equal((await client(base, net.provinceAdmin).get('/api/v1/portals/chinhphu/feedback')).status, 403);
      const inbox = await officer.get('/api/v1/portals/chinhphu/feedback?status=received');
      assert.equal(inbox.status, 200);
      const item = inbox.json.items.find((i: any) => i.trackingCode === first.trackingCode);
      assert.equal(item.initials, 'N. V. A.');
      assert.ok(!inbox.text.includes(first.email), 'the inbox list shows initials, not contacts');
      assert.equal((await client(base, net.tokens.writer).get(`/api/v1/feedback/cases/${item.id}`)).status, 403);
      const detail = await officer.get(`/api/v1/feedback/cases/${item.id}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.json.personal.email, first.email);
      assert.equal(detail.json.attachments.length, 1);
      const file = await fetch(`${base}/api/v1/feedback/cases/${item.id}/attachments/${detail.json.attachments[0].id}`, { headers: { authorization: `Bearer ${net.tokens['feedback-officer']}` } });
      assert.equal(file.status, 200);
      assert.deepEqual(Buffer.from(await file.arrayBuffer()), PDF);
      const log = await env.services.store.db
        .selectFrom('audit_log' as any)
        .selectAll()
        .where('action' as any, '=', 'feedback')
        .execute();
      assert.ok(log.some((e: any) => String(e.target).includes(first.trackingCode) && String(e.detail).includes('personal data')));
    });

    it('walks a case from receipt to a published answer: register, assign, ask for more, reply, answer, send back, answer again, publish', async () => {
      const { json: list } = await officer.get('/api/v1/portals/chinhphu/feedback?status=received');
      const id = list.items.find((i: any) => i.trackingCode === first.trackingCode).id;
      const act = (who: ReturnType<typeof client>, body: Record<string, unknown>) => who.post(`/api/v1/feedback/${id}/actions`, body);
      assert.equal((await act(officer, { action: 'register' })).json.status, 'in-progress');
      const badAssign = await act(officer, { action: 'assign', assigneeId: net.accountIds.writer });
      assert.equal(badAssign.status, 422, 'a writer is not an officer');
      assert.equal((await act(officer, { action: 'assign', assigneeId: net.accountIds['feedback-officer'] })).json.assigneeId, net.accountIds['feedback-officer']);
      assert.equal((await act(officer, { action: 'request-info' })).status, 422, 'asking needs the question');
      assert.equal((await act(officer, { action: 'request-info', note: 'Xin gửi bản sao giấy tờ tùy thân.' })).json.status, 'info-requested');
      const asked = await waitFor(async () => smtp.mail.filter((m) => m.to === first.email).find((m) => unfold(m.data).includes('bổ sung')));
      assert.ok(asked);
      const reply = await anon.post(`/api/v1/feedback/${first.trackingCode}/reply`, { contact: first.email, text: 'Tôi đã có CCCD số 001234567890.' });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.json.status, 'in-progress');
      assert.equal((await act(officer, { action: 'note', note: 'Cần hỏi ý kiến Sở Tài nguyên và Môi trường.' })).status, 200);
      assert.equal((await act(officer, { action: 'publish' })).status, 409, 'nothing to publish before an answer');
      const answered = await act(officer, {
        action: 'answer',
        answer: 'Hồ sơ gồm đơn đề nghị, giấy tờ về quyền sử dụng đất và sơ đồ thửa đất. Liên hệ bộ phận một cửa.',
        attachments: [{ filename: 'mau-don.pdf', contentType: 'application/pdf', data: PDF.toString('base64') }],
      });
      assert.equal(answered.json.status, 'answered');
      assert.equal((await act(officer, { action: 'send-back', note: 'Chưa đúng trọng tâm.' })).status, 403, 'only an editor-in-chief or admin sends an answer back');
      assert.equal((await act(chief, { action: 'send-back', note: 'Bổ sung căn cứ pháp lý.' })).json.status, 'in-progress');
      await act(officer, { action: 'answer', answer: 'Theo Luật Đất đai 2024 và hướng dẫn thi hành, hồ sơ gồm đơn đề nghị, giấy tờ về quyền sử dụng đất và sơ đồ thửa đất.' });
      const published = await act(chief, { action: 'publish' });
      assert.equal(published.status, 200, published.text);
      assert.equal(published.json.status, 'published');
      const tracked = await anon.post('/api/v1/feedback/lookup', { trackingCode: first.trackingCode, contact: first.email });
      assert.match(tracked.json.answer, /Luật Đất đai 2024/);
      assert.ok(
        tracked.json.history.every((h: any) => h.action !== 'note' && h.action !== 'send-back'),
        'internal notes stay internal',
      );
      const answerMail = await waitFor(async () => smtp.mail.filter((m) => m.to === first.email).find((m) => unfold(m.data).includes('Luật Đất đai 2024')));
      assert.ok(answerMail);
    });

    it('publishes answers with initials only: no email, phone or address in the public answers', async () => {
      const res = await anon.get('/api/v1/portals/chinhphu/answers');
      assert.equal(res.status, 200);
      const a = res.json.items.find((x: any) => x.trackingCode === first.trackingCode);
      assert.ok(a);
      assert.equal(a.askedBy, 'N. V. A.');
      for (const secret of [first.email, '0912 345 678', '0912345678', '0912 000 001', 'Hàng Bạc, Hoàn Kiếm', 'Nguyễn Văn An', 'số 12 ngõ 34']) assert.ok(!res.text.includes(secret), `${secret} must not be public`);
      const found = await anon.get(`/api/v1/portals/chinhphu/answers?q=${encodeURIComponent('so do lan dau')}`);
      assert.equal(found.json.items.length, 1, 'answers are found without diacritics too');
    });

    it('will not publish without consent, forwards to another portal with the thread kept, and rejects with a reason', async () => {
      const quiet = await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ consentToPublish: false, email: 'kin.dao@example.vn', phone: '0903 111 222' }));
      const forwardMe = await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ kind: 'feedback', email: 'pa@example.vn', phone: '0903 222 333', title: 'Phản ánh đèn đường hỏng tại phố Huế kéo dài nhiều ngày' }));
      const rejectMe = await anon.post('/api/v1/portals/chinhphu/feedback', await submission({ email: 'rej@example.vn', phone: '0903 333 444' }));
      const idOf = async (code: string) => (await officer.get('/api/v1/portals/chinhphu/feedback?limit=200')).json.items.find((i: any) => i.trackingCode === code).id;
      const q = await idOf(quiet.json.trackingCode);
      await officer.post(`/api/v1/feedback/${q}/actions`, { action: 'answer', answer: 'Đã trả lời riêng cho người hỏi qua thư điện tử.' });
      const refused = await chief.post(`/api/v1/feedback/${q}/actions`, { action: 'publish' });
      assert.equal(refused.status, 422);

      const f = await idOf(forwardMe.json.trackingCode);
      const fwd = await officer.post(`/api/v1/feedback/${f}/actions`, { action: 'forward', toPortal: 'hanoi', note: 'Thuộc thẩm quyền của UBND thành phố.' });
      assert.equal(fwd.status, 200, fwd.text);
      assert.equal(fwd.json.status, 'forwarded');
      const hanoiInbox = await client(base, net.provinceAdmin).get('/api/v1/portals/hanoi/feedback');
      const copy = hanoiInbox.json.items.find((i: any) => i.title.includes('đèn đường'));
      assert.ok(copy, 'the case is in the receiving portal’s inbox');
      const copyDetail = await client(base, net.provinceAdmin).get(`/api/v1/feedback/cases/${copy.id}`);
      assert.equal(copyDetail.json.forwardedFrom, forwardMe.json.trackingCode);
      assert.equal(copyDetail.json.personal.email, 'pa@example.vn');
      const tracked = await anon.post('/api/v1/feedback/lookup', { trackingCode: forwardMe.json.trackingCode, contact: 'pa@example.vn' });
      assert.equal(tracked.json.status, 'forwarded');
      assert.equal(tracked.json.forwardedTo.portal, 'hanoi');
      assert.equal(tracked.json.forwardedTo.status, 'received');

      const r = await idOf(rejectMe.json.trackingCode);
      assert.equal((await officer.post(`/api/v1/feedback/${r}/actions`, { action: 'reject' })).status, 422, 'a rejection needs its reason');
      const rejected = await officer.post(`/api/v1/feedback/${r}/actions`, { action: 'reject', note: 'Nội dung không thuộc phạm vi tiếp nhận.' });
      assert.equal(rejected.json.status, 'rejected');
      assert.equal((await officer.post(`/api/v1/feedback/${r}/actions`, { action: 'answer', answer: 'Muộn rồi nhưng vẫn trả lời.' })).status, 409);
    });

    it('counts received, answered in time, overdue, by kind and field', async () => {
      const stats = await client(base, net.tokens.analyst).get('/api/v1/portals/chinhphu/feedback/stats');
      assert.equal(stats.status, 200, stats.text);
      assert.ok(stats.json.received >= 8);
      assert.equal(stats.json.answered, 2);
      assert.equal(stats.json.answeredInTime, 2);
      assert.equal(stats.json.rejected, 1);
      assert.equal(stats.json.forwarded, 1);
      assert.equal(stats.json.byKind.feedback.received, 1);
      assert.equal((await client(base, net.tokens.writer).get('/api/v1/portals/chinhphu/feedback/stats')).status, 403);
      const network = await client(base, net.tokens.analyst).get('/api/v1/network/feedback/stats');
      assert.equal(network.status, 200, network.text);
      const hanoi = network.json.portals.find((p: any) => p.portal === 'hanoi');
      assert.equal(hanoi.received, 1, 'the forwarded case counts at the portal that took it over');
      assert.equal(network.json.totals.received, stats.json.received + hanoi.received);
      assert.equal((await client(base, net.provinceAdmin).get('/api/v1/network/feedback/stats')).status, 403, 'a province admin does not see the network');
      assert.equal((await anon.get('/api/v1/network/feedback/stats')).status, 401);
    });

    it('reminds officers before due dates, flags overdue cases, and erases personal data after the retention period', async () => {
      const { store } = env.services;
      const db = store.db as any;
      const open = await db.selectFrom('feedback_cases').select(['id', 'tracking_code']).where('status', '=', 'received').where('portal_id', '=', net.central.id).executeTakeFirstOrThrow();
      await db.updateTable('feedback_cases').set({ due_date: '2020-01-06' }).where('id', '=', open.id).execute();
      const overdue = await officer.get('/api/v1/portals/chinhphu/feedback?overdue=true');
      assert.ok(overdue.json.items.some((i: any) => i.id === open.id && i.overdue));
      const reminded = await env.services.feedback.remind();
      assert.ok(reminded >= 1);
      await waitFor(async () => smtp.mail.find((m) => m.to === 'feedback-officer@test.gov.vn' && unfold(m.data).includes(open.tracking_code)));
      assert.equal(await env.services.feedback.remind(), 0, 'each case is reminded once');

      const bad = await client(base, net.tokens.admin).patch('/api/v1/portals/chinhphu/feedback/settings', { retentionDays: 5, extraHolidays: ['2026-02-30'] });
      assert.equal(bad.status, 422);
      const ok = await client(base, net.tokens.admin).patch('/api/v1/portals/chinhphu/feedback/settings', { retentionDays: 30, answerWorkingDays: { petition: 10 } });
      assert.equal(ok.status, 200, ok.text);
      await db.updateTable('feedback_cases').set({ updated_at: '2020-01-01T00:00:00.000Z' }).where('tracking_code', '=', first.trackingCode).execute();
      assert.ok((await env.services.feedback.eraseExpired()) >= 1);
      const gone = await anon.post('/api/v1/feedback/lookup', { trackingCode: first.trackingCode, contact: first.email });
      assert.equal(gone.status, 404, 'with the contact erased, nothing matches it any more');
      const { json: list } = await officer.get('/api/v1/portals/chinhphu/feedback?status=published');
      const kept = await officer.get(`/api/v1/feedback/cases/${list.items.find((i: any) => i.trackingCode === first.trackingCode).id}`);
      assert.equal(kept.json.personal, null);
      assert.match(kept.json.answer, /Luật Đất đai/, 'the anonymised case stays');
      const answers = await anon.get('/api/v1/portals/chinhphu/answers');
      assert.ok(
        answers.json.items.some((a: any) => a.trackingCode === first.trackingCode),
        'the published answer stays public',
      );
    });
  });
}
