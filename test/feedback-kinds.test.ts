import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from '../src/modules/feedback/calendar.ts';
import { encodeSolution, solveChallenge } from '../src/modules/feedback/pow.ts';
import { ACTIONS, KINDS, type Actor, type Kind } from '../src/modules/feedback/model.ts';
import type { Portal } from '../src/modules/portals/service.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../src/lib/errors.ts';
import { createTestEnv, engines, seedNetwork, type TestEnv } from './helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

// The life of a case for each kind — question (hỏi đáp), feedback (phản
// ánh), petition (kiến nghị) — through the service on each store: its own
// deadline from the portal's settings, every step of the handling to a
// published answer, the other two endings (rejection, forwarding), the steps
// each status refuses, and who may take which step.

for (const engine of engines()) {
  describe(`feedback lifecycle per kind (${engine})`, () => {
    let env: TestEnv;
    let central: Portal;
    let province: Portal;
    let officer: Actor;
    let chief: Actor;
    let writer: Actor;
    const days: Record<Kind, number> = { question: 15, feedback: 10, petition: 7 };

    before(async () => {
      env = await createTestEnv(engine);
      const net = await seedNetwork(env.services);
      central = await env.services.portals.require('chinhphu');
      province = await env.services.portals.require('hanoi');
      officer = { accountId: net.accountIds['feedback-officer'], roles: ['feedback-officer'] };
      chief = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief'] };
      writer = { accountId: net.accountIds.writer, roles: ['writer'] };
      await env.services.feedback.updateSettings(systemContext(central.id), central, { answerWorkingDays: days });
    });
    after(async () => {
      await env?.close();
    });

    let seq = 0;
    async function submit(kind: Kind) {
      const c = env.services.feedback.challenge();
      seq++;
      return env.services.feedback.submit(central, {
        kind,
        field: 'Hành chính',
        title: `Trường hợp ${kind} số ${seq} về thủ tục hành chính`,
        content: `Nội dung ${kind} số ${seq}: đề nghị cơ quan xem xét và trả lời theo quy định.`,
        submitterType: 'citizen',
        name: 'Đỗ Minh Quân',
        email: `quan.${kind}.${seq}@example.vn`,
        phone: `0911 222 ${String(seq).padStart(3, '0')}`,
        address: 'Số 5 phố Tràng Tiền, Hoàn Kiếm, Hà Nội',
        consentToPublish: true,
        altcha: encodeSolution(c, solveChallenge(c).number),
      });
    }
    const idOf = async (code: string) => (await env.services.feedback.inbox(central, { limit: 200 })).find((c) => c.trackingCode === code)!.id;
    const act = (id: number, who: Actor, input: Record<string, unknown>) => env.services.feedback.act(systemContext(central.id), central, id, who, input);

    for (const kind of KINDS) {
      it(`${kind}: due in its own working days, then register, ask, reply, answer, send back, answer again, publish`, async () => {
        const receipt = await submit(kind);
        assert.equal(receipt.dueDate, new WorkingCalendar().addWorkingDays(new Date(receipt.receivedAt), days[kind]), 'the kind’s deadline from the settings');
        const id = await idOf(receipt.trackingCode);
        const contact = `quan.${kind}.${seq}@example.vn`;

        assert.equal((await act(id, officer, { action: 'register' })).status, 'in-progress');
        assert.equal((await act(id, officer, { action: 'request-info', note: 'Xin gửi bản sao giấy tờ liên quan.' })).status, 'info-requested');
        await assert.rejects(act(id, officer, { action: 'request-info', note: 'Lần nữa.' }), ConflictError, 'one request at a time');
        assert.equal((await env.services.feedback.reply(receipt.trackingCode, contact, 'Đã gửi bản sao.')).status, 'in-progress');
        assert.equal((await act(id, officer, { action: 'answer', answer: `Trả lời ${kind}: hồ sơ đã đủ, cơ quan giải quyết theo quy định.` })).status, 'answered');
        await assert.rejects(act(id, officer, { action: 'send-back', note: 'Sửa lại.' }), ForbiddenError, 'an officer does not send their own answer back');
        assert.equal((await act(id, chief, { action: 'send-back', note: 'Bổ sung căn cứ pháp lý.' })).status, 'in-progress');
        await assert.rejects(act(id, officer, { action: 'publish' }), ConflictError, 'nothing to publish while in progress');
        assert.equal((await act(id, officer, { action: 'answer', answer: `Trả lời ${kind} (sửa): căn cứ Nghị định 20/2008/NĐ-CP, hồ sơ đã đủ.` })).status, 'answered');
        const published = await act(id, chief, { action: 'publish' });
        assert.equal(published.status, 'published');
        assert.ok(published.publishedAt);

        // the steps a published case still allows, and the history the submitter sees
        await assert.rejects(act(id, officer, { action: 'answer', answer: 'Trả lời lại sau khi đã công khai.' }), (err: unknown) => err instanceof ConflictError && (err.extra.allowedActions as string[]).join() === 'note');
        const tracked = await env.services.feedback.track(receipt.trackingCode, contact);
        assert.deepEqual(
          tracked.history.map((h) => `${h.action}:${h.status}`),
          ['submit:received', 'register:in-progress', 'request-info:info-requested', 'reply:in-progress', 'answer:answered', 'answer:answered', 'publish:published'],
          'internal steps (send-back) stay internal',
        );
        const answers = await env.services.feedback.answers(central, { limit: 100 });
        assert.ok(answers.some((a) => a.trackingCode === receipt.trackingCode && a.kind === kind && a.answer.includes('Nghị định 20/2008')));
      });

      it(`${kind}: rejected with a reason, or forwarded to the competent portal (where it starts afresh with the deadline there)`, async () => {
        const rejected = await submit(kind);
        const r = await idOf(rejected.trackingCode);
        await assert.rejects(act(r, officer, { action: 'reject' }), ValidationError, 'a rejection needs its reason');
        assert.equal((await act(r, officer, { action: 'reject', note: 'Không thuộc phạm vi tiếp nhận.' })).status, 'rejected');
        for (const action of ACTIONS.filter((a) => a !== 'note')) {
          await assert.rejects(
            act(r, officer, { action, note: 'x', answer: 'Trả lời muộn màng.', toPortal: 'hanoi', assigneeId: 1 }),
            (err: unknown) => err instanceof ConflictError || err instanceof ForbiddenError,
            `${action} on a rejected case`,
          );
        }

        const forwarded = await submit(kind);
        const f = await idOf(forwarded.trackingCode);
        const detail = await act(f, officer, { action: 'forward', toPortal: 'hanoi', note: 'Thuộc thẩm quyền địa phương.' });
        assert.equal(detail.status, 'forwarded');
        const copy = (await env.services.feedback.inbox(province, { limit: 200 })).find((c) => c.trackingCode === detail.forwardedTo)!;
        assert.equal(copy.kind, kind);
        assert.equal(copy.status, 'received');
        // the province keeps the default deadline: 15 working days from the forwarding
        assert.equal(copy.dueDate, new WorkingCalendar().addWorkingDays(new Date(copy.receivedAt), 15));
        const tracked = await env.services.feedback.track(forwarded.trackingCode, `quan.${kind}.${seq}@example.vn`);
        assert.equal(tracked.forwardedTo?.trackingCode, copy.trackingCode);
      });
    }

    it('who may take which step: a writer none, an officer not the editor-in-chief’s', async () => {
      const receipt = await submit('question');
      const id = await idOf(receipt.trackingCode);
      for (const action of ['register', 'answer', 'reject', 'publish', 'note']) {
        await assert.rejects(act(id, writer, { action, note: 'x', answer: 'Câu trả lời của phóng viên.' }), ForbiddenError, `${action} by a writer`);
      }
      await assert.rejects(act(id, officer, { action: 'complain' }), ValidationError);
      const stats = await env.services.feedback.stats(central);
      for (const kind of KINDS) assert.ok(stats.byKind[kind].received >= 3, `${kind} counted`);
      assert.equal(stats.byKind.question.answered + stats.byKind.feedback.answered + stats.byKind.petition.answered, stats.answered);
    });
  });
}
