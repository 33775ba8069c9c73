import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, engines, postgresSkip, waitFor, type TestEnv } from './helpers.ts';
import { backoffMs, Outbox, OutboxWorker, outboxCounts, retryDead } from '../src/modules/outbox/outbox.ts';
import { migrate } from '../src/store/index.ts';

describe('backoff', () => {
  it('doubles from 1 s and caps at an hour, within ±20 % jitter', () => {
    assert.equal(
      backoffMs(1, () => 0.5),
      1000,
    );
    assert.equal(
      backoffMs(3, () => 0.5),
      4000,
    );
    assert.equal(
      backoffMs(40, () => 0.5),
      3_600_000,
    );
    assert.equal(
      backoffMs(1, () => 0),
      800,
    );
    assert.equal(
      backoffMs(1, () => 1),
      1200,
    );
  });
});

if (postgresSkip) describe('outbox on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`store and outbox on ${engine}`, () => {
    let env: TestEnv;
    before(async () => {
      env = await createTestEnv(engine);
    });
    after(() => env.close());

    it('migrations are idempotent', async () => {
      assert.deepEqual(await migrate(env.services.store), []);
      const tables = ['portals', 'content_items', 'revisions', 'workflow_transitions', 'outbox'];
      for (const t of tables)
        await env.services.store.db
          .selectFrom(t as never)
          .selectAll()
          .limit(1)
          .execute();
    });

    it('a job exists only if the transaction that wrote it commits', async () => {
      const outbox = new Outbox();
      const { db } = env.services.store;
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await outbox.enqueue(trx, 'test.rollback', { n: 1 });
          throw new Error('boom');
        }),
        /boom/,
      );
      await db.transaction().execute((trx) => outbox.enqueue(trx, 'test.commit', { n: 2 }));
      const topics = (await db.selectFrom('outbox').select('topic').execute()).map((r) => r.topic);
      assert.ok(topics.includes('test.commit'));
      assert.ok(!topics.includes('test.rollback'));
    });

    it('delivers to every subscriber, retries failures with backoff, and parks a job as dead after max attempts', async () => {
      const { store } = env.services;
      await store.db.deleteFrom('outbox').execute();
      let t = Date.parse('2026-01-01T00:00:00Z');
      const clock = () => new Date(t);
      const outbox = new Outbox(clock);
      const seen: string[] = [];
      let flaky = 0;
      outbox.subscribe('thing.happened', 'recorder', async (p: { id: number }) => void seen.push(`rec:${p.id}`));
      outbox.subscribe('thing.happened', 'flaky', async (p: { id: number }) => {
        if (++flaky < 3) throw new Error(`flaky failure ${flaky}`);
        seen.push(`flaky:${p.id}`);
      });
      outbox.handle('always.fails', async () => {
        throw new Error('remote said no');
      });
      assert.equal(await outbox.emit(store.db, 'thing.happened', { id: 7 }), 2);
      await outbox.enqueue(store.db, 'always.fails', {}, { maxAttempts: 2 });
      const worker = new OutboxWorker(store, outbox, { clock });

      await worker.runOnce();
      assert.deepEqual(seen, ['rec:7']);
      let rows = await store.db.selectFrom('outbox').selectAll().orderBy('id').execute();
      const flakyRow = rows.find((r) => r.topic.endsWith('>flaky'))!;
      assert.equal(flakyRow.status, 'pending');
      assert.equal(flakyRow.attempts, 1);
      assert.match(flakyRow.last_error!, /flaky failure 1/);
      assert.ok(Date.parse(flakyRow.run_after) >= t + 800, 'retry waits for the backoff');

      assert.equal(await worker.runOnce(), 0, 'nothing is due before the backoff passes');
      t += 1300;
      await worker.runOnce();
      t += 3000;
      await worker.runOnce();
      assert.deepEqual(seen.sort(), ['flaky:7', 'rec:7']);
      rows = await store.db.selectFrom('outbox').selectAll().orderBy('id').execute();
      assert.equal(rows.find((r) => r.topic === 'always.fails')!.status, 'dead');
      assert.deepEqual(await outboxCounts(store), { pending: 0, running: 0, done: 2, dead: 1 });

      const dead = rows.find((r) => r.topic === 'always.fails')!;
      assert.equal(await retryDead(store, dead.id, clock), true);
      assert.equal((await outboxCounts(store)).pending, 1);
      await store.db.deleteFrom('outbox').execute();
    });

    it('takes over a job whose worker died (expired claim) and never runs a job twice at once', async () => {
      const { store } = env.services;
      await store.db.deleteFrom('outbox').execute();
      let t = Date.parse('2026-01-01T00:00:00Z');
      const clock = () => new Date(t);
      const outbox = new Outbox(clock);
      const runs: number[] = [];
      outbox.handle('slow', async (p: { n: number }) => void runs.push(p.n));
      for (let n = 0; n < 30; n++) await outbox.enqueue(store.db, 'slow', { n });
      // A worker claims a batch and "dies": its claims stay locked until they expire.
      const dying = new OutboxWorker(store, outbox, { clock, batchSize: 5, lockMs: 10_000, workerId: 'dying' });
      await (dying as any).claim();
      const a = new OutboxWorker(store, outbox, { clock, batchSize: 4, workerId: 'a' });
      const b = new OutboxWorker(store, outbox, { clock, batchSize: 4, workerId: 'b' });
      while ((await Promise.all([a.runOnce(), b.runOnce()])).some((n) => n > 0));
      assert.equal(runs.length, 25, 'the dead worker’s 5 claims are not taken before they expire');
      t += 11_000;
      while ((await a.runOnce()) > 0);
      assert.equal(runs.length, 30);
      assert.equal(new Set(runs).size, 30, 'each job ran exactly once');
      await store.db.deleteFrom('outbox').execute();
    });

    it('leases a running job for its kind: a crashed worker’s job is taken over once its lease ends, a living worker’s never', async () => {
      const { store } = env.services;
      await store.db.deleteFrom('outbox').execute();
      const start = Date.parse('2026-01-01T00:00:00Z');
      let t = start;
      const clock = () => new Date(t);
      const leases = { push: 20_000, upload: 600_000 };
      // the crashed workers' handlers never return (their process is gone) and send no heartbeat
      let forget: () => void = () => {};
      const gone = new Promise<void>((r) => (forget = r));
      let started = 0;
      const crashedBox = new Outbox(clock);
      for (const [topic, leaseMs] of Object.entries(leases)) crashedBox.handle(topic, async () => void (started++, await gone), { leaseMs });
      const runs: string[] = [];
      const outbox = new Outbox(clock);
      for (const [topic, leaseMs] of Object.entries(leases)) outbox.handle(topic, async () => void runs.push(topic), { leaseMs });
      await outbox.enqueue(store.db, 'push', {});
      await outbox.enqueue(store.db, 'upload', {});
      for (const id of ['crashed-1', 'crashed-2']) {
        void new OutboxWorker(store, crashedBox, { clock, workerId: id, batchSize: 1, heartbeatMs: 3_600_000 }).runOnce();
        await waitFor(async () => started === (id === 'crashed-1' ? 1 : 2));
      }
      const rescuer = new OutboxWorker(store, outbox, { clock, workerId: 'rescuer' });
      t = start + leases.push - 1000;
      assert.equal(await rescuer.runOnce(), 0, 'a job is not taken over while its lease runs');
      t = start + leases.push + 1000;
      assert.equal(await rescuer.runOnce(), 1);
      assert.deepEqual(runs, ['push'], 'the quick job is taken over as soon as its lease ends, not after a fixed minute');
      t = start + 61_000;
      assert.equal(await rescuer.runOnce(), 0, 'the long job keeps its longer lease');
      t = start + leases.upload + 1000;
      assert.equal(await rescuer.runOnce(), 1);
      assert.deepEqual(runs, ['push', 'upload']);

      // a living worker renews its lease while the job runs, however long it takes
      let finish: () => void = () => {};
      const finished = new Promise<void>((r) => (finish = r));
      let living = false;
      const livingBox = new Outbox(clock);
      livingBox.handle('push', async () => void ((living = true), await finished), { leaseMs: leases.push });
      const id = await outbox.enqueue(store.db, 'push', {});
      const worker = new OutboxWorker(store, livingBox, { clock, workerId: 'living', heartbeatMs: 10 });
      const running = worker.runOnce();
      await waitFor(async () => living);
      t += 5 * leases.push;
      await waitFor(async () => {
        const row = await store.db.selectFrom('outbox').select('locked_until').where('id', '=', id).executeTakeFirstOrThrow();
        return row.locked_until !== null && Date.parse(row.locked_until) > t;
      });
      assert.equal(await rescuer.runOnce(), 0, 'a job whose worker is alive is not taken over');
      finish();
      await running;
      const row = await store.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'done');
      assert.equal(row.locked_by, null);
      assert.deepEqual(runs, ['push', 'upload'], 'nobody else ran it');
      forget();
      await store.db.deleteFrom('outbox').execute();
    });

    it('hands unstarted claims back on stop', async () => {
      const { store } = env.services;
      await store.db.deleteFrom('outbox').execute();
      const outbox = new Outbox();
      let release: () => void = () => {};
      const started = new Promise<void>((r) => (release = r));
      let finish: () => void = () => {};
      const finished = new Promise<void>((r) => (finish = r));
      let ran = 0;
      outbox.handle('blocking', async () => {
        ran++;
        release();
        await finished;
      });
      for (let n = 0; n < 5; n++) await outbox.enqueue(store.db, 'blocking', { n });
      const worker = new OutboxWorker(store, outbox, { batchSize: 5, pollMs: 10 });
      worker.start();
      await started;
      // the job in hand finishes only after stop was asked for
      const stopping = worker.stop();
      finish();
      await stopping;
      assert.equal(ran, 1, 'stop lets the job in hand finish and starts no other');
      const rows = await store.db.selectFrom('outbox').selectAll().execute();
      assert.equal(rows.filter((r) => r.status === 'done').length, 1);
      const pending = rows.filter((r) => r.status === 'pending');
      assert.equal(pending.length, 4);
      assert.ok(
        pending.every((r) => r.locked_by === null && r.attempts === 0),
        'released claims do not count as attempts',
      );
      await store.db.deleteFrom('outbox').execute();
    });
  });
}
