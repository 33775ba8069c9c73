import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { Deployment, until } from './federation-helpers.ts';
import { startSmtp, unfold } from './mail-helpers.ts';
import { PASSWORD, signedInAs } from './admin-helpers.ts';

// The uptime watch between two real deployments: the central portal probes
// its own portals and the province portal that joined its network. When the
// province's deployment is stopped, the central portal raises one "down"
// alert (email to its admins and a webhook); when it starts again, one
// "recovered" alert. Availability over 24 hours shows the outage.

describe('uptime watch: a member deployment goes down and comes back', () => {
  let central: Deployment;
  let province: Deployment;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let hook: http.Server;
  const hooks: any[] = [];
  let hookFailures = 1;

  before(async () => {
    smtp = await startSmtp();
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        // the first delivery fails: the outbox must try the webhook again, and not mail twice
        if (hookFailures-- > 0) {
          res.writeHead(503).end();
          return;
        }
        hooks.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    central = await Deployment.create('uptime-central');
    province = await Deployment.create('uptime-province');
    Object.assign(central.env, {
      UPTIME_INTERVAL_SECONDS: '1',
      UPTIME_TIMEOUT_MS: '2000',
      UPTIME_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as { port: number }).port}/alerts`,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    });
    await central.setup([{ slug: 'chinhphu', kind: 'central', name: 'Cổng Thông tin điện tử Chính phủ' }]);
    await province.setup([{ slug: 'haiphong', kind: 'province', name: 'Cổng Thông tin điện tử Hải Phòng' }]);
    await central.withServices(async (s) => {
      const portal = await s.portals.require('chinhphu');
      await s.accounts.addUser({ email: 'editor@chinhphu.test', portalId: portal.id, role: 'editor' });
      central.tokens.editor = await s.accounts.createToken('editor@chinhphu.test');
      await s.accounts.addUser({ email: 'analyst@chinhphu.test', portalId: portal.id, role: 'analyst' });
      central.tokens.analyst = await s.accounts.createToken('analyst@chinhphu.test');
      for (const email of ['analyst@chinhphu.test', 'editor@chinhphu.test']) await s.accounts.setPassword((await s.accounts.byEmail(email))!.id, PASSWORD);
    });
    await Promise.all([central.start(), province.start()]);
    const join = await province.api('haiphong').post('/api/v1/portals/haiphong/network/join', { directory: central.url('chinhphu') });
    assert.equal(join.status, 202, join.text);
    const pending = await until('join request arrives', async () => (await central.api('chinhphu').get('/api/v1/portals/chinhphu/members?status=pending')).json.items[0]);
    const ok = await central.api('chinhphu').post(`/api/v1/portals/chinhphu/members/${pending.id}/decision`, { decision: 'approve' });
    assert.equal(ok.status, 200, ok.text);
  });

  after(async () => {
    await Promise.all([central?.destroy(), province?.destroy()]);
    await smtp?.close();
    await new Promise((r) => hook?.close(r));
  });

  const report = async () => {
    const r = await central.api('analyst').get('/api/v1/network/uptime');
    assert.equal(r.status, 200, r.text);
    return r.json as { watching: boolean; items: any[] };
  };
  const member = async () => (await report()).items.find((i) => i.slug === 'haiphong');

  it('sees the member up, then down with one alert, then recovered with another', async () => {
    const first = await until('the member is probed and up', async () => ((await member())?.status === 'up' ? await report() : undefined), 20_000);
    assert.equal(first.watching, true);
    assert.ok(
      first.items.some((i) => i.slug === 'chinhphu' && i.status === 'up'),
      'the central portal watches its own portals too',
    );
    assert.equal(hooks.length, 0, 'the first verdict is not an alert');

    await province.stop();
    const down = await until('down alert by webhook', async () => hooks.find((h) => h.portal === 'haiphong' && h.status === 'down'), 30_000, 100);
    assert.equal(down.previous, 'up');
    assert.equal(down.url, province.url('haiphong'));
    assert.ok(down.detail, 'the alert says why');
    assert.equal((await member()).status, 'down');
    const downMail = await until('down alert by email', async () => smtp.mail.find((m) => m.to === 'admin@chinhphu.test' && /State: up -> down/.test(unfold(m.data))), 10_000);
    assert.match(unfold(downMail.data), /Hải Phòng|haiphong/);

    await province.start();
    const up = await until('recovery alert by webhook', async () => hooks.find((h) => h.portal === 'haiphong' && h.status === 'up'), 30_000, 100);
    assert.equal(up.previous, 'down');
    await until('recovery email', async () => smtp.mail.find((m) => m.to === 'admin@chinhphu.test' && /State: down -> up/.test(unfold(m.data))), 10_000);

    // one alert per change of state, however many probes failed in between — and the failed webhook try did not mail twice
    assert.equal(hooks.filter((h) => h.portal === 'haiphong').length, 2);
    assert.equal(smtp.mail.filter((m) => /State: up -> down/.test(unfold(m.data))).length, 1);
    const m = await member();
    assert.ok(m.availability24h > 0 && m.availability24h < 1, `availability shows the outage: ${m.availability24h}`);
    assert.ok(m.availability30d > 0 && m.availability30d < 1);
    assert.ok(m.checks24h >= 4);
    assert.ok(typeof m.latencyP50Ms === 'number' && m.latencyP95Ms >= m.latencyP50Ms);
  });

  it('is for admins and analysts: the whole watch at the central portal, their own row elsewhere', async () => {
    assert.equal((await central.api().get('/api/v1/network/uptime')).status, 401);
    const editor = await central.api('editor').get('/api/v1/network/uptime');
    assert.equal(editor.status, 403);
    assert.equal(editor.json.status, 403);
    const analyst = await signedInAs(central.port, `chinhphu.localhost:${central.port}`, 'analyst@chinhphu.test');
    const pageRes = await analyst.get('/admin/uptime');
    assert.equal(pageRes.status, 200);
    assert.match(pageRes.text, /Cổng Thông tin điện tử Hải Phòng/);
    assert.match(pageRes.text, /Hoạt động/);
    const editorB = await signedInAs(central.port, `chinhphu.localhost:${central.port}`, 'editor@chinhphu.test');
    assert.equal((await editorB.get('/admin/uptime')).status, 403);
    // a province's admin reads its own portal's row (docs/policy.md); a member deployment watches nothing, so it is empty there
    const own = await province.api('haiphong').get('/api/v1/network/uptime');
    assert.equal(own.status, 200);
    assert.deepEqual(own.json.items, []);
  });
});
