import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Deployment, until } from './federation-helpers.ts';
import { PASSWORD, signedInAs } from './admin-helpers.ts';
import { engines } from './helpers.ts';

// The network view between two real deployments: readers visit the central
// portal and a province portal of another deployment; the province, a member
// of the central portal's network, reports its daily figures to it, signed;
// the central portal's /api/v1/network/stats shows both portals — its own
// from its rollups, the member from its report — with totals that add up.

const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

async function beacon(d: Deployment, pageUrl: string, ip: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${d.port}/api/event`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'user-agent': UA, 'x-forwarded-for': ip },
    body: JSON.stringify({ n: 'pageview', u: pageUrl, r: null, w: 1280 }),
  });
  return res.status;
}

for (const engine of engines())
  describe(`network view: a member deployment reports, the central portal rolls up (${engine})`, () => {
    let central: Deployment;
    let province: Deployment;

    before(async () => {
      const postgresUrl = engine === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
      central = await Deployment.create('net-central', { postgresUrl });
      province = await Deployment.create('net-province', { postgresUrl });
      // the beacons below name their visitor in X-Forwarded-For, as a proxy on loopback would
      central.env.TRUST_PROXY = province.env.TRUST_PROXY = '127.0.0.1';
      province.env.NETWORK_REPORT_SECONDS = '1';
      await central.setup([{ slug: 'chinhphu', kind: 'central', name: 'Cổng Thông tin điện tử Chính phủ' }]);
      await province.setup([{ slug: 'quangninh', kind: 'province', name: 'Cổng Thông tin điện tử Quảng Ninh' }]);
      await central.withServices(async (s) => {
        const portal = await s.portals.require('chinhphu');
        await s.accounts.addUser({ email: 'analyst@chinhphu.test', portalId: portal.id, role: 'analyst' });
        central.tokens.analyst = await s.accounts.createToken('analyst@chinhphu.test');
        await s.accounts.setPassword((await s.accounts.byEmail('analyst@chinhphu.test'))!.id, PASSWORD);
        await s.accounts.addUser({ email: 'writer@chinhphu.test', portalId: portal.id, role: 'writer' });
        central.tokens.writer = await s.accounts.createToken('writer@chinhphu.test');
      });
      await Promise.all([central.start(), province.start()]);
      const join = await province.api('quangninh').post('/api/v1/portals/quangninh/network/join', { directory: central.url('chinhphu') });
      assert.equal(join.status, 202, join.text);
      const pending = await until('join request arrives', async () => (await central.api('chinhphu').get('/api/v1/portals/chinhphu/members?status=pending')).json.items[0]);
      assert.equal((await central.api('chinhphu').post(`/api/v1/portals/chinhphu/members/${pending.id}/decision`, { decision: 'approve' })).status, 200);
    });

    after(async () => {
      await Promise.all([central?.destroy(), province?.destroy()]);
    });

    it('shows the member from its signed report beside the local portal', async () => {
      // 6 page views by 3 readers at the province, 2 by one reader at the central portal
      for (let i = 0; i < 6; i++) assert.equal(await beacon(province, `${province.url('quangninh')}/tin-tuc/bai-${i}`, `203.0.113.${i % 3}`), 202);
      for (let i = 0; i < 2; i++) assert.equal(await beacon(central, `${central.url('chinhphu')}/`, '198.51.100.7'), 202);

      const stats = await until(
        'the member reports its page views',
        async () => {
          const r = await central.api('analyst').get('/api/v1/network/stats');
          assert.equal(r.status, 200, r.text);
          const member = r.json.portals.find((p: any) => p.slug === 'quangninh');
          return member && member.pageviews === 6 ? r.json : undefined;
        },
        20_000,
        250,
      );
      const member = stats.portals.find((p: any) => p.slug === 'quangninh');
      const local = stats.portals.find((p: any) => p.slug === 'chinhphu');
      assert.equal(member.local, false);
      assert.equal(member.url, province.url('quangninh'));
      assert.equal(member.visitors, 3);
      assert.equal(member.visits, 3);
      assert.ok(member.reportedThrough, 'the day the member last reported');
      assert.equal(local.local, true);
      assert.equal(local.pageviews, 2);
      assert.equal(local.visitors, 1);
      // the league table is ordered by visits, and the totals add the rows up
      assert.deepEqual(
        stats.portals.map((p: any) => p.slug),
        ['quangninh', 'chinhphu'],
      );
      assert.equal(stats.totals.portals, 2);
      assert.equal(stats.totals.pageviews, 8);
      assert.equal(stats.totals.visits, 4);
      assert.equal(stats.totals.feedbackReceived, 0);
      assert.equal(member.growth, null, 'nothing to compare with before the first day');

      // the same league table on the admin's network page
      const b = await signedInAs(central.port, `chinhphu.localhost:${central.port}`, 'analyst@chinhphu.test');
      const pageRes = await b.get('/admin/network');
      assert.equal(pageRes.status, 200);
      assert.ok(pageRes.text.indexOf('Cổng Thông tin điện tử Quảng Ninh') < pageRes.text.indexOf('Cổng Thông tin điện tử Chính phủ</a>'), 'ranked by visits');
      assert.match(pageRes.text, /thành viên, báo cáo đến \d{4}-\d{2}-\d{2}/);
      assert.equal((await b.get('/admin/network?from=nonsense')).status, 200, 'a bad period is explained on the page, not a failure');

      // the member's report is not counted twice when it is sent again the next hour (here: every second).
      // Each report touches the member's last contact after storing its figures; two more touches
      // than we saw mean at least one whole report arrived after the figures above were read.
      const lastContact = async () => (await central.api('chinhphu').get('/api/v1/portals/chinhphu/members?status=approved')).json.items[0]?.lastContactAt as string;
      const seen = await lastContact();
      const later = (than: string) => async () => {
        const at = await lastContact();
        return at > than ? at : undefined;
      };
      await until('and one more', later(await until('another report arrives', later(seen), 15_000, 100)), 15_000, 100);
      const again = await central.api('analyst').get('/api/v1/network/stats');
      assert.equal(again.json.portals.find((p: any) => p.slug === 'quangninh').pageviews, 6);
    });

    it('answers bad periods and strangers clearly', async () => {
      assert.equal((await central.api('analyst').get('/api/v1/network/stats?from=2026-13-01')).status, 422);
      assert.equal((await central.api('analyst').get('/api/v1/network/stats?from=2026-11-20&to=2026-11-01')).status, 422);
      assert.equal((await central.api('writer').get('/api/v1/network/stats')).status, 403);
      assert.equal((await central.api().get('/api/v1/network/stats')).status, 401);
      // a province's admin reads its own portal's row only, wherever it is (docs/policy.md)
      const own = await province.api('quangninh').get('/api/v1/network/stats');
      assert.equal(own.status, 200);
      assert.deepEqual(
        own.json.portals.map((p: any) => p.slug),
        ['quangninh'],
      );
      assert.equal(own.json.totals.portals, 1);
    });
  });
