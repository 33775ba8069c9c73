import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { encodeSolution, solveChallenge } from '../src/modules/feedback/pow.ts';
import { createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { CENTRAL, PROVINCE, portOf, seedAdminNetwork, signedInAs, type AdminNetwork } from './admin-helpers.ts';

// The feedback officers' desk in the admin: the inbox, a case with the
// submitter's details (each opening audited), and the steps through to a
// published answer; closed to the newsroom and to other portals.

for (const engine of engines()) {
  describe(`admin feedback desk (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;
    let code: string;
    let caseId: number;

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
      const { feedback, portals } = env.services;
      const c = feedback.challenge();
      const receipt = await feedback.submit(await portals.require('chinhphu'), {
        kind: 'petition',
        field: 'Giao thông',
        title: 'Kiến nghị lắp đèn tín hiệu tại nút giao Kim Mã',
        content: 'Nút giao thường xuyên ùn tắc vào giờ cao điểm; đề nghị lắp đèn tín hiệu và vạch sang đường.',
        submitterType: 'citizen',
        name: 'Trần Thị Bình',
        email: 'binh.tran@example.vn',
        phone: '0904 555 666',
        address: 'Số 5 Kim Mã, Ba Đình, Hà Nội',
        consentToPublish: true,
        altcha: encodeSolution(c, solveChallenge(c).number),
      });
      code = receipt.trackingCode;
      const [item] = await feedback.inbox(await portals.require('chinhphu'));
      caseId = item.id;
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    it('an officer sees the inbox and the case, answers it; the editor-in-chief publishes the answer', async () => {
      const officer = await signedInAs(port, CENTRAL, net.emails['feedback-officer']);
      const inbox = await officer.get('/admin/feedback');
      assert.equal(inbox.status, 200);
      assert.match(inbox.text, new RegExp(code.replace(/\./g, '\\.')));
      assert.match(inbox.text, /T\. T\. B\./);
      assert.ok(!inbox.text.includes('binh.tran@example.vn'), 'the inbox shows initials only');
      const view = await officer.get(`/admin/feedback/${caseId}`);
      assert.equal(view.status, 200);
      assert.match(view.text, /binh\.tran@example\.vn/);
      assert.match(view.text, /Số 5 Kim Mã/);
      const log = await env.services.store.db
        .selectFrom('audit_log' as any)
        .selectAll()
        .where('target' as any, '=', `feedback:${code}`)
        .execute();
      assert.ok(log.length >= 1, 'opening the case is audited');
      assert.equal((await officer.post(`/admin/feedback/${caseId}/act`, { action: 'register' })).status, 303);
      const empty = await officer.post(`/admin/feedback/${caseId}/act`, { action: 'answer', answer: '' });
      assert.equal(empty.status, 422);
      const answered = await officer.post(`/admin/feedback/${caseId}/act`, { action: 'answer', answer: 'Sở Giao thông vận tải sẽ khảo sát và lắp đèn tín hiệu trong quý tới.' });
      assert.equal(answered.status, 303);
      assert.equal((await officer.post(`/admin/feedback/${caseId}/act`, { action: 'send-back', note: 'x' })).status, 403, 'only an editor-in-chief or admin sends an answer back');
      const noCsrf = await officer.post(`/admin/feedback/${caseId}/act`, { action: 'note', note: 'x', _csrf: null });
      assert.equal(noCsrf.status, 403);
      const chief = await signedInAs(port, CENTRAL, net.emails['editor-in-chief']);
      const chiefView = await chief.get(`/admin/feedback/${caseId}`);
      assert.match(chiefView.text, /Công khai câu trả lời/);
      // one rule with the API: an editor-in-chief sees the case as the public would, without the submitter's details
      for (const personal of ['binh.tran@example.vn', '0904555666', 'Số 5 Kim Mã', 'Trần Thị Bình']) assert.ok(!chiefView.text.includes(personal), personal);
      // publishing goes through the preview of the redacted text; the desk publishes only what was confirmed there
      const asked = await chief.post(`/admin/feedback/${caseId}/act`, { action: 'publish' });
      assert.equal(asked.status, 303);
      assert.equal(asked.location, `/admin/feedback/${caseId}/publish`);
      assert.equal((await env.services.feedback.inbox(await env.services.portals.require('chinhphu')))[0].status, 'answered', 'nothing published before the confirmation');
      const preview = await chief.get(`/admin/feedback/${caseId}/publish`);
      assert.equal(preview.status, 200);
      const digest = /name="previewDigest" value="([0-9a-f]{64})"/.exec(preview.text)?.[1];
      assert.ok(digest, 'the confirmation carries the digest of the text shown');
      assert.equal((await chief.post(`/admin/feedback/${caseId}/act`, { action: 'publish', previewDigest: digest })).status, 303);
      const after = await chief.get(`/admin/feedback/${caseId}`);
      assert.match(after.text, /Đã công khai/);
      const answers = await env.services.feedback.answers(await env.services.portals.require('chinhphu'));
      assert.equal(answers[0].trackingCode, code);
    });

    it('is closed to the newsroom and to other portals', async () => {
      const writer = await signedInAs(port, CENTRAL, net.emails.writer);
      assert.equal((await writer.get('/admin/feedback')).status, 403);
      assert.equal((await writer.get(`/admin/feedback/${caseId}`)).status, 403);
      const other = await signedInAs(port, PROVINCE, net.emails.provinceAdmin);
      assert.equal((await other.get(`/admin/feedback/${caseId}`)).status, 404, 'another portal’s case does not exist here');
    });
  });
}
