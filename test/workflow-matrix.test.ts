import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { client, createTestEnv, engines, postgresSkip, sampleNews, seedNetwork, startServer, type Network, type TestEnv, type TestServer } from './helpers.ts';

// Every role × action × state through the real API. The expectations are
// written out here from CONTRACT.md and the workflow table in docs/api.md, independently of
// src/modules/workflow/rules.ts, so a change to the rules shows up as a failure.

const ROLES = ['admin', 'editor-in-chief', 'editor', 'writer', 'feedback-officer', 'analyst'] as const;
const ACTIONS = ['submit', 'approve', 'reject', 'publish', 'schedule', 'unpublish'] as const;
const STATES = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'unpublished'] as const;
type RoleT = (typeof ROLES)[number];
type ActionT = (typeof ACTIONS)[number];
type StateT = (typeof STATES)[number];

const WHO: Record<ActionT, RoleT[]> = {
  submit: ['admin', 'editor-in-chief', 'editor', 'writer'],
  approve: ['admin', 'editor-in-chief'],
  reject: ['admin', 'editor-in-chief', 'editor'],
  publish: ['admin', 'editor-in-chief'],
  schedule: ['admin', 'editor-in-chief'],
  unpublish: ['admin', 'editor-in-chief'],
};
const MOVES: Record<ActionT, [StateT[], StateT]> = {
  submit: [['draft', 'unpublished'], 'submitted'],
  approve: [['submitted'], 'approved'],
  reject: [['submitted', 'approved', 'scheduled'], 'draft'],
  publish: [['draft', 'submitted', 'approved', 'scheduled', 'unpublished'], 'published'],
  schedule: [['draft', 'submitted', 'approved', 'scheduled', 'unpublished'], 'scheduled'],
  unpublish: [['published'], 'unpublished'],
};
/** How an admin brings a fresh draft into each state. */
const PATH: Record<StateT, { action: ActionT; extra?: object }[]> = {
  draft: [],
  submitted: [{ action: 'submit' }],
  approved: [{ action: 'submit' }, { action: 'approve' }],
  scheduled: [{ action: 'schedule', extra: { at: '2099-01-01T00:00:00Z' } }],
  published: [{ action: 'publish' }],
  unpublished: [{ action: 'publish' }, { action: 'unpublish', extra: { note: 'lỗi thời' } }],
};
const bodyFor = (action: ActionT) => (action === 'schedule' ? { action, at: '2099-06-01T00:00:00Z' } : action === 'unpublish' || action === 'reject' ? { action, note: 'lý do' } : { action });

if (postgresSkip) describe('workflow matrix on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`workflow matrix on ${engine}`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: Network;
    before(async () => {
      env = await createTestEnv(engine);
      net = await seedNetwork(env.services);
      server = await startServer(env.services);
    });
    after(async () => {
      await server.close();
      await env.close();
    });

    async function itemIn(state: StateT): Promise<number> {
      // the writer owns the item, so the writer's own-item rights are exercised
      const created = await client(server.url, net.tokens.writer).post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: `Ma trận ${state} ${Math.random()}` });
      assert.equal(created.status, 201);
      const admin = client(server.url, net.tokens.admin);
      for (const step of PATH[state]) {
        const r = await admin.post(`/api/v1/articles/${created.json.id}/workflow`, { action: step.action, ...step.extra });
        assert.equal(r.status, 200, r.text);
      }
      return created.json.id;
    }

    it('every role × action × state answers as the contract says, and records each transition', async () => {
      let checked = 0;
      for (const state of STATES) {
        for (const action of ACTIONS) {
          for (const role of ROLES) {
            const id = await itemIn(state);
            const res = await client(server.url, net.tokens[role]).post(`/api/v1/articles/${id}/workflow`, bodyFor(action));
            const [from, to] = MOVES[action];
            const label = `${role} ${action} on ${state}`;
            if (!WHO[action].includes(role)) {
              assert.equal(res.status, 403, label);
            } else if (!from.includes(state)) {
              assert.equal(res.status, 409, label);
              const expected = ACTIONS.filter((a) => WHO[a].includes(role) && MOVES[a][0].includes(state));
              assert.deepEqual(res.json.allowedActions, expected, `${label}: allowed actions`);
            } else {
              assert.equal(res.status, 200, `${label}: ${res.text}`);
              assert.equal(res.json.status, to, label);
              const hist = await client(server.url, net.tokens.admin).get(`/api/v1/articles/${id}/history`);
              const last = hist.json.transitions.at(-1);
              assert.deepEqual([last.action, last.from, last.to, last.actorId], [action, state, to, net.accountIds[role]], label);
            }
            checked++;
          }
        }
      }
      assert.equal(checked, 216);
    });

    it('a writer may submit and edit only their own drafts', async () => {
      const mine = await itemIn('draft');
      const other = client(server.url, net.otherWriter.token);
      assert.equal((await other.post(`/api/v1/articles/${mine}/workflow`, { action: 'submit' })).status, 403);
      assert.equal((await other.patch(`/api/v1/articles/${mine}`, { version: 1, title: 'không phải bài của tôi' })).status, 403);
      const writer = client(server.url, net.tokens.writer);
      assert.equal((await writer.patch(`/api/v1/articles/${mine}`, { version: 1, title: 'bài của tôi' })).status, 200);
      const submitted = await itemIn('submitted');
      assert.equal((await writer.patch(`/api/v1/articles/${submitted}`, { version: 2, title: 'đã nộp' })).status, 403, 'a submitted item is out of the writer’s hands');
      assert.equal((await client(server.url, net.tokens.editor).patch(`/api/v1/articles/${submitted}`, { version: 2, title: 'biên tập' })).status, 200);
      const live = await itemIn('published');
      assert.equal((await client(server.url, net.tokens.editor).patch(`/api/v1/articles/${live}`, { version: 2, title: 'x', changeNote: 'y' })).status, 403, 'editors do not change live items');
    });
  });
}
