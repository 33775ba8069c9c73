import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadDemo } from '../src/demo/load.ts';
import { createTestEnv, engines, type TestEnv } from './helpers.ts';

// The demo network starts with a month of sample readership in the rollups,
// so the dashboards and the network view show something on a fresh start:
// every portal has traffic, the figures add up across dimensions, and the
// central portal leads the network.

for (const engine of engines()) {
  describe(`demo readership (${engine})`, () => {
    let env: TestEnv;
    before(async () => {
      env = await createTestEnv(engine);
      await loadDemo(env.services, undefined, { assets: false });
    });
    after(async () => env?.close());

    it('gives every portal a month of figures that add up', async () => {
      const { analytics, portals } = env.services;
      const central = await portals.require('chinhphu');
      const stats = await analytics.stats(central, analytics.range({}));
      assert.ok(stats.pageviews > 100_000, `a busy central portal: ${stats.pageviews}`);
      assert.ok(stats.visits >= stats.visitors && stats.pageviews > stats.visits);
      assert.ok(stats.bounceRate > 30 && stats.bounceRate < 60, `bounce rate ${stats.bounceRate}`);
      assert.equal(stats.series.length, 30);
      assert.ok(stats.series.every((p) => p.pageviews > 0));
      // the top page is the home, and the articles listed are the portal's own
      assert.equal(stats.topPages[0].path, '/');
      for (const p of stats.topPages.slice(1)) assert.match(p.path, /^\/[a-z0-9-]+\/[a-z0-9-]+$/);
      const sources = stats.sources.map((s) => `${s.kind}:${s.source}`);
      for (const s of ['direct:direct', 'search:google', 'social:facebook', 'social:zalo', 'network:hanoi']) assert.ok(sources.includes(s), `${s} in ${sources.join(', ')}`);
      const devices = Object.fromEntries(stats.devices.map((d) => [d.device, d.visitors]));
      assert.ok(devices.mobile > devices.desktop, 'most readers on phones');

      const net = await env.services.network.stats({});
      assert.equal(net.portals.length, (await portals.list()).length);
      assert.ok(net.portals.every((p) => p.visits > 0));
      assert.equal(net.portals[0].slug, 'chinhphu');
      assert.equal(
        net.totals.pageviews,
        net.portals.reduce((a, p) => a + p.pageviews, 0),
      );
    });
  });
}
