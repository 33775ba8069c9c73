import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// The `lantoa` command as a user runs it: a real child process, a real store.

const BIN = path.resolve('bin/lantoa.js');
/** The same as `run`, without blocking: independent invocations go side by side. */
const runAsync = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('lantoa CLI', () => {
  let dataDir: string;
  let env: Record<string, string>;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-cli-'));
    env = { DATA_DIR: dataDir };
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('has --help on the command and on every subcommand', async () => {
    const top = run(['--help']);
    assert.equal(top.code, 0);
    for (const sub of ['start', 'serve', 'worker', 'migrate', 'demo', 'user', 'token', 'portal', 'section']) assert.match(top.stdout, new RegExp(`\\b${sub}\\b`));
    for (const sub of [['serve'], ['worker'], ['migrate'], ['demo'], ['user', 'add'], ['token', 'create'], ['start']]) {
      const r = run([...sub, '--help']);
      assert.equal(r.code, 0, sub.join(' '));
      assert.match(r.stdout, /Usage: lantoa/);
    }
    assert.match(run(['demo', '--help']).stdout, /--articles/);
  });

  it('migrates idempotently, adds users and prints a working token alone on the last line', async () => {
    const m1 = run(['migrate'], env);
    assert.equal(m1.code, 0, m1.stderr);
    assert.match(m1.stdout, /applied: 001_core/);
    const m2 = run(['migrate'], env);
    assert.equal(m2.code, 0);
    assert.match(m2.stdout, /up to date/);

    const portal = run(
      [
        'portal',
        'add',
        '--slug',
        'hanoi',
        '--kind',
        'province',
        '--name',
        'Cổng Thông tin điện tử Hà Nội',
        '--name-en',
        'Hanoi Portal',
        '--host',
        'hanoi.gov.vn',
        '--unit',
        'UBND thành phố Hà Nội',
        '--responsible',
        'Chánh Văn phòng',
        '--address',
        '12 Lê Lai, Hà Nội',
        '--phone',
        '024 3825 3536',
        '--email',
        'congthongtin@hanoi.gov.vn',
      ],
      env,
    );
    assert.equal(portal.code, 0, portal.stderr);
    assert.match(portal.stdout, /portal hanoi created: http:\/\/hanoi\.localhost:3000\//);
    const again = run(['portal', 'add', '--slug', 'hanoi', '--kind', 'province', '--name', 'x', '--unit', 'u', '--responsible', 'r', '--address', 'a', '--phone', '024 3825 0000', '--email', 'e@x.vn'], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /slug "hanoi" exists/);
    const sub = run(['section', 'add', '--portal', 'hanoi', '--slug', 'du-lich', '--name', 'Du lịch Hà Nội', '--subsite', '--color', '#0a7e00'], env);
    assert.equal(sub.code, 0, sub.stderr);
    const badColor = run(['section', 'add', '--portal', 'hanoi', '--slug', 'am-thuc', '--name', 'Ẩm thực', '--color', 'green'], env);
    assert.match(badColor.stderr, /themeColor must be a colour/);

    const { createServices } = await import('../src/app.ts');
    const { loadConfig } = await import('../src/config.ts');
    const pino = (await import('pino')).default;
    const add = run(['user', 'add', '--email', 'Bien.Tap@Hanoi.gov.vn', '--portal', 'hanoi', '--role', 'editor', '--password', 'mot-mat-khau-dai'], env);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /bien\.tap@hanoi\.gov\.vn is editor at hanoi/);
    const tok = run(['token', 'create', '--email', 'bien.tap@hanoi.gov.vn', '--name', 'ci'], env);
    assert.equal(tok.code, 0, tok.stderr);
    const last = tok.stdout.trim().split('\n').at(-1)!;
    assert.match(last, /^lnt_[A-Za-z0-9_-]{40,}$/);

    const services2 = await createServices(loadConfig({ DATA_DIR: dataDir }), { logger: pino({ level: 'silent' }) });
    const hanoi = (await services2.portals.bySlug('hanoi'))!;
    assert.deepEqual(hanoi.hosts, ['hanoi.gov.vn']);
    assert.equal(hanoi.contact.responsible, 'Chánh Văn phòng');
    assert.equal((await services2.portals.byHost('hanoi.gov.vn:443'))?.slug, 'hanoi');
    assert.equal((await services2.portals.sections(hanoi.id))[0].themeColor, '#0a7e00');
    const account = await services2.accounts.authenticate(last);
    assert.equal(account?.email, 'bien.tap@hanoi.gov.vn');
    const stored = await services2.store.db.selectFrom('api_tokens').select('token_hash').execute();
    assert.ok(
      stored.every((t) => t.token_hash !== last && !t.token_hash.includes(last.slice(4))),
      'only a hash is stored',
    );
    await services2.store.close();
  });

  it('grants a role to an existing account without touching its password unless --set-password; makes scoped, expiring tokens', async () => {
    const { createServices } = await import('../src/app.ts');
    const { loadConfig } = await import('../src/config.ts');
    const pino = (await import('pino')).default;
    const email = 'bien.tap@hanoi.gov.vn'; // made by the test above, password mot-mat-khau-dai
    const grant = run(['user', 'add', '--email', email, '--portal', 'hanoi', '--role', 'writer', '--password', 'ke-gian-doi-mat-khau'], env);
    assert.equal(grant.code, 0, grant.stderr);
    assert.match(grant.stderr, /password is unchanged \(add --set-password/);
    const open = () => createServices(loadConfig({ DATA_DIR: dataDir }), { logger: pino({ level: 'silent' }) });
    let s = await open();
    assert.ok(await s.accounts.checkPassword(email, 'mot-mat-khau-dai'), 'the old password still signs in');
    assert.equal(await s.accounts.checkPassword(email, 'ke-gian-doi-mat-khau'), undefined);
    await s.store.close();

    assert.match(run(['user', 'add', '--email', email, '--portal', 'hanoi', '--role', 'writer', '--set-password'], env).stderr, /--set-password needs --password/);
    const set = run(['user', 'add', '--email', email, '--portal', 'hanoi', '--role', 'writer', '--password', 'mat-khau-moi-cua-chu', '--set-password'], env);
    assert.equal(set.code, 0, set.stderr);
    const tok = run(['token', 'create', '--email', email, '--portal', 'hanoi', '--expires', '7'], env);
    assert.equal(tok.code, 0, tok.stderr);
    const secret = tok.stdout.trim().split('\n').at(-1)!;
    assert.match(secret, /^lnt_[A-Za-z0-9_-]{40,}$/);
    assert.match(run(['token', 'create', '--email', email, '--expires', 'soon'], env).stderr, /--expires must be a number of days/);
    assert.match(run(['token', 'create', '--email', email, '--portal', 'nowhere'], env).stderr, /no portal "nowhere"/);

    s = await open();
    assert.ok(await s.accounts.checkPassword(email, 'mat-khau-moi-cua-chu'));
    const hanoi = (await s.portals.bySlug('hanoi'))!;
    assert.ok((await s.audit.list(hanoi.id, { action: 'password-changed' })).some((e) => e.actor === 'cli'));
    const account = await s.accounts.authenticate(secret);
    assert.deepEqual([...account!.roles.keys()], [hanoi.id]);
    const [info] = await s.accounts.tokensOf([account!.id]);
    assert.equal(info.portalId, hanoi.id);
    assert.ok(info.expiresAt && Date.parse(info.expiresAt) > Date.now() + 6 * 86_400_000);
    await s.store.close();
  });

  it('says what is wrong in one line and exits non-zero', async () => {
    const cases: [string[], RegExp][] = [
      [['user', 'add', '--email', 'x@y.vn', '--portal', 'nowhere', '--role', 'editor'], /no portal "nowhere"/],
      [['user', 'add', '--email', 'not-an-email', '--portal', 'hanoi', '--role', 'editor'], /email not an email address/],
      [['user', 'add', '--email', 'x@y.vn', '--portal', 'hanoi', '--role', 'boss'], /role must be one of/],
      [['user', 'add', '--email', 'x@y.vn', '--portal', 'hanoi', '--role', 'writer', '--password', 'short'], /password must be at least 10/],
      [['token', 'create', '--email', 'nobody@y.vn'], /No account nobody@y.vn/],
      [['demo', '--articles', 'many'], /--articles must be a whole number/],
    ];
    const results = await Promise.all(cases.map(([args]) => runAsync(args, env)));
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i];
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
    }
    assert.match(run(['outbox', 'retry', '12'], env).stderr, /no dead job #12/);
    assert.match(run(['outbox', 'retry', 'x'], env).stderr, /job id must be a number/);
    const status = run(['outbox', 'status'], env);
    assert.equal(status.code, 0);
    assert.match(status.stdout, /pending \d+ {2}running \d+ {2}done \d+ {2}dead 0/);
    const unknown = run(['frobnicate'], env);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /unknown command/);
  });

  it('refuses to start with an unreachable DATABASE_URL, an unwritable DATA_DIR or a taken port', async () => {
    const pg = run(['serve'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DATA_DIR: dataDir });
    assert.equal(pg.code, 1);
    assert.match(pg.stderr, /^lantoa: DATABASE_URL postgres:\/\/nobody@127\.0\.0\.1:1\/none is unreachable/);
    assert.equal(pg.stderr.trim().split('\n').length, 1);

    const ro = path.join(dataDir, 'readonly');
    fs.mkdirSync(ro);
    fs.writeFileSync(path.join(ro, 'blocker'), '');
    const notDir = run(['serve'], { DATA_DIR: path.join(ro, 'blocker', 'sub') });
    assert.equal(notDir.code, 1);
    assert.match(notDir.stderr, /DATA_DIR .* is not writable/);

    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const taken = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' } });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      assert.equal(taken.code, 1);
      assert.match(taken.stderr, new RegExp(`port ${port} on 127.0.0.1 is taken`));
    } finally {
      blocker.close();
    }
    assert.match(run(['serve'], { PORT: 'eighty', DATA_DIR: dataDir }).stderr, /PORT must be a port number/);
  });
});
