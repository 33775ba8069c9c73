import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorker } from '../src/app.ts';
import type { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import { rolesWaitedFor, WORKFLOW_MAIL_TOPIC, WORKFLOW_WAITING_TOPIC } from '../src/modules/notifications/workflow.ts';
import { mailEnv, startSmtp, unfold } from './mail-helpers.ts';
import { actingAs, createTestEnv, engines, startServer, type TestEnv, type TestServer, waitFor } from './helpers.ts';
import { AdminBrowser, CENTRAL, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// "An item waits for you" emails: members opt in on their account page; a
// submission mails the portal's reviewers who did, an approval its
// publishers; never the person who acted, never anyone who did not ask,
// never another portal's members. Mail goes through the outbox to a real
// SMTP server on loopback, and a mail server that is down never holds up
// or fails the workflow step.

for (const engine of engines()) {
  describe(`admin: workflow emails (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let worker: OutboxWorker;
    const browsers: Record<string, AdminBrowser> = {};

    before(async () => {
      smtp = await startSmtp();
      env = await createTestEnv(engine, { env: mailEnv(smtp) });
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      worker = createWorker(env.services, { pollMs: 25 });
      worker.start();
      for (const role of ['writer', 'editor', 'editor-in-chief', 'admin']) {
        const b = await signedInAs(portOf(server.url), CENTRAL, net.emails[role]);
        browsers[role] = b;
      }
    });
    after(async () => {
      await worker?.stop();
      env?.services.sessions.mailer.close();
      await server?.close();
      await env?.close();
      await smtp?.close();
    });

    async function optIn(role: string, on: boolean) {
      const b = browsers[role];
      const page = await b.get('/admin/account');
      assert.match(page.text, /action="\/admin\/account\/notifications"/);
      const r = await b.post('/admin/account/notifications', on ? { workflow: '1' } : {});
      assert.equal(r.status, 303);
      assert.equal(r.location, '/admin/account?notice=notify-saved');
    }

    async function act(role: string, itemId: number, action: string, extra: Record<string, string> = {}) {
      const b = browsers[role];
      await b.get(`/admin/items/${itemId}`);
      const item = (await env.services.content.find(itemId))!;
      const r = await b.post(`/admin/items/${itemId}/workflow`, { action, version: String(item.version), ...extra });
      assert.equal(r.status, 303, `${role} ${action}`);
    }

    async function draft(title: string) {
      const portal = await env.services.portals.require('chinhphu');
      return env.services.content.create(portal, actingAs({ accountId: net.accountIds.writer, roles: ['writer'] }), { type: 'news', lang: 'vi', title, body: '<p>x</p>' });
    }

    // the test SMTP server keeps a message before it answers 250: once its job is done, a mail is there to see
    const mailJobsSettled = () =>
      waitFor(async () => {
        const open = await env.services.store.db.selectFrom('outbox').select('id').where('topic', 'like', 'notify.%').where('status', 'in', ['pending', 'running']).execute();
        return open.length === 0;
      }, 10_000);

    test('reviewers are the roles that may approve or send back; publishers those that may publish', () => {
      assert.deepEqual(rolesWaitedFor('submitted'), ['admin', 'editor-in-chief', 'editor']);
      assert.deepEqual(rolesWaitedFor('approved'), ['admin', 'editor-in-chief']);
      assert.deepEqual(rolesWaitedFor('draft'), []);
    });

    test('off until asked for: the choice is saved and audited', async () => {
      assert.equal(await env.services.accounts.wantsWorkflowMail(net.accountIds.editor), false);
      assert.doesNotMatch((await browsers.editor.get('/admin/account')).text, /name="workflow" value="1" checked/);
      await optIn('editor', true);
      await optIn('editor-in-chief', true);
      assert.equal(await env.services.accounts.wantsWorkflowMail(net.accountIds.editor), true);
      assert.match((await browsers.editor.get('/admin/account')).text, /name="workflow" value="1" checked/);
      const entries = await env.services.audit.list(net.central.id, { action: 'notifications-changed', limit: 5 });
      assert.equal(entries.length, 2);
      assert.deepEqual(entries[0].detail, { workflow: true });
      // the form needs its token like every other
      assert.equal((await browsers.admin.post('/admin/account/notifications', { workflow: '1', _csrf: null })).status, 403);
      assert.equal(await env.services.accounts.wantsWorkflowMail(net.accountIds.admin), false);
    });

    test('a submission mails the reviewers who asked, with a link to the item; an approval mails the publishers', async () => {
      const item = await draft('Dự thảo nghị định về dữ liệu mở');
      await act('writer', item.id, 'submit');
      await waitFor(async () => smtp.mail.length >= 2, 10_000);
      await mailJobsSettled();
      const to = smtp.mail.map((m) => m.to).sort();
      assert.deepEqual(to, [net.emails['editor-in-chief'], net.emails.editor].sort(), 'the admin did not ask; the writer is no reviewer');
      const text = unfold(smtp.mail[0].data);
      assert.match(text, /Dự thảo nghị định về dữ liệu mở/);
      assert.match(text, new RegExp(`http://chinhphu\\.localhost:\\d+/admin/items/${item.id}`));
      assert.match(text, /gửi duyệt|submitted/);

      smtp.mail.length = 0;
      await optIn('admin', true);
      await act('editor-in-chief', item.id, 'approve');
      await waitFor(async () => smtp.mail.length >= 1, 10_000);
      await mailJobsSettled();
      assert.deepEqual(
        smtp.mail.map((m) => m.to),
        [net.emails.admin],
        'the chief approved it: only the other publisher is told; the editor cannot publish',
      );
      assert.match(unfold(smtp.mail[0].data), /chờ xuất bản|waits for publication/);
    });

    test('members who turned it off, and steps nobody waits on, send nothing', async () => {
      smtp.mail.length = 0;
      await optIn('editor', false);
      await optIn('admin', false);
      const item = await draft('Bài không ai cần được báo');
      await act('writer', item.id, 'submit');
      await waitFor(async () => smtp.mail.length >= 1, 10_000);
      await mailJobsSettled();
      smtp.mail.length = 0;
      // sent back to draft: that waits for the writer, who gets no mail from this feature
      await act('editor-in-chief', item.id, 'reject', { note: 'Cần bổ sung số liệu.' });
      await mailJobsSettled();
      assert.deepEqual(
        smtp.mail.map((m) => m.to),
        [],
      );
      const jobs = await env.services.store.db.selectFrom('outbox').select('payload').where('topic', '=', WORKFLOW_MAIL_TOPIC).execute();
      const forItem = jobs.map((j) => JSON.parse(j.payload)).filter((p) => p.itemId === item.id);
      assert.deepEqual(
        forItem.map((p) => p.accountId),
        [net.accountIds['editor-in-chief']],
        'only the chief, still opted in, was mailed about it',
      );
    });

    test('a mail server that is down holds up nothing: the step succeeds at once, the mail waits in the outbox', async () => {
      await smtp.close();
      smtp.mail.length = 0;
      const item = await draft('Bài gửi khi máy chủ thư hỏng');
      await act('writer', item.id, 'submit');
      // by the time the step has answered, its mail is a job in the outbox: the request never waits on the mail server
      const queued = await env.services.store.db.selectFrom('outbox').select('payload').where('topic', 'in', [WORKFLOW_WAITING_TOPIC, WORKFLOW_MAIL_TOPIC]).execute();
      assert.ok(
        queued.some((j) => JSON.parse(j.payload).itemId === item.id),
        'queued with the step',
      );
      assert.equal((await env.services.content.find(item.id))!.status, 'submitted');
      const job = await waitFor(async () => {
        const row = await env.services.store.db.selectFrom('outbox').selectAll().where('topic', '=', WORKFLOW_MAIL_TOPIC).where('last_error', 'is not', null).orderBy('id', 'desc').executeTakeFirst();
        return row ?? undefined;
      }, 10_000);
      assert.equal(job.status, 'pending', 'to be tried again later');
      assert.ok(job.attempts >= 1);
      assert.match(job.last_error!, /mail server/);
      assert.ok(!job.payload.includes('@'), 'no address or message text in the job: it is built when sent');
    });
  });
}
