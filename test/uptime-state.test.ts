import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, engines, seedNetwork, type TestEnv, TestClock } from './helpers.ts';
import { Outbox } from '../src/modules/outbox/outbox.ts';
import { ALERT_MAIL_TOPIC, UptimeService, uptimeSettings } from '../src/modules/uptime/service.ts';

// The uptime watch's state machine and figures on each store: down only after
// failures in a row, slow only after slow probes in a row, one alert per
// change, availability and latency percentiles from the recorded probes.

for (const engine of engines()) {
  describe(`uptime states and figures (${engine})`, () => {
    let env: TestEnv;
    let uptime: UptimeService;
    const time = new TestClock(Date.parse('2026-11-28T01:00:00Z'));
    const alerts = async () => (await env.services.store.db.selectFrom('outbox').select(['payload']).where('topic', '=', ALERT_MAIL_TOPIC).orderBy('id').execute()).map((r) => JSON.parse(r.payload));

    before(async () => {
      env = await createTestEnv(engine, { clock: time.now });
      await seedNetwork(env.services);
      const s = env.services;
      uptime = new UptimeService({
        store: s.store,
        portals: s.portals,
        // its own outbox handlers: the composition root's instance already owns these topics
        outbox: new Outbox(time.now),
        clock: time.now,
        logger: s.logger,
        outbound: s.config.outbound,
        targets: async () => [{ slug: 'hanoi', name: { vi: 'Hà Nội' }, kind: 'province', url: 'http://hanoi.example' }],
        recipients: async () => [],
        mail: async () => {},
        settings: { ...uptimeSettings({}), slowMs: 1000, downAfter: 2, slowAfter: 2 },
      });
    });
    after(async () => env?.close());

    it('moves between up, down and slow with one alert per change', async () => {
      const original = uptime.probe.bind(uptime);
      const script: Array<{ ok: boolean; latencyMs: number | null }> = [
        { ok: true, latencyMs: 100 }, // unknown → up: no alert
        { ok: false, latencyMs: null }, // one failure: still up
        { ok: false, latencyMs: null }, // two: down (alert)
        { ok: false, latencyMs: null }, // still down: no alert
        { ok: true, latencyMs: 200 }, // up again (alert)
        { ok: true, latencyMs: 1500 }, // one slow probe: still up
        { ok: true, latencyMs: 1600 }, // two: slow (alert)
        { ok: true, latencyMs: 300 }, // fast again: up (alert)
      ];
      const statuses: string[] = [];
      for (const step of script) {
        uptime.probe = async () => ({ ...step, statusCode: step.ok ? 200 : null, error: step.ok ? null : 'connect ECONNREFUSED' });
        await uptime.probeAll();
        statuses.push((await uptime.report())[0].status);
        time.advance(60_000);
      }
      uptime.probe = original;
      assert.deepEqual(statuses, ['up', 'up', 'down', 'down', 'up', 'up', 'slow', 'up']);
      assert.deepEqual(
        (await alerts()).map((a) => `${a.previous}->${a.status}`),
        ['up->down', 'down->up', 'up->slow', 'slow->up'],
      );
      assert.equal((await alerts())[0].detail, 'connect ECONNREFUSED');

      const [r] = await uptime.report();
      assert.equal(r.checks24h, 8);
      assert.equal(r.availability24h, 5 / 8);
      assert.equal(r.availability30d, 5 / 8);
      // latencies of good probes: 100, 200, 300, 1500, 1600
      assert.equal(r.latencyP50Ms, 300);
      assert.equal(r.latencyP95Ms, 1600);
    });

    it('keeps 30 days of hourly figures after the raw probes are gone', async () => {
      time.advance(3 * 24 * 3600_000);
      uptime.probe = async () => ({ ok: true, latencyMs: 50, statusCode: 200, error: null });
      await uptime.probeAll();
      const [r] = await uptime.report();
      assert.equal(r.checks24h, 1, 'raw probes older than two days are pruned');
      assert.equal(r.availability24h, 1);
      assert.equal(r.availability30d, 6 / 9, 'the hourly sums still hold the older probes');
    });
  });
}
