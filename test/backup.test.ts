import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createServices, type Services } from '../src/app.ts';
import { encodeSolution, solveChallenge } from '../src/modules/feedback/pow.ts';
import { actingAs, client, createTestEnv, engines, sampleNews, seedNetwork, startServer } from './helpers.ts';

// Issue 16, item 19: `lantoa backup DIR` and `lantoa restore DIR`, run as an
// operator runs them (child processes), on each store: a round trip into a
// fresh DATA_DIR (and, on PostgreSQL, a fresh schema) gives back the content,
// the media and every sealed value — a channel's token, the federation key,
// citizens' personal data — over HTTP; a damaged backup, a wrong secret and a
// target that is not empty are refused before anything changes.

const BIN = path.resolve('bin/lantoa.js');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const lantoa = (args: string[], env: Record<string, string | undefined>) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', LANTOA_SECRET: undefined, DATABASE_URL: undefined, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const made: string[] = [];
const tmp = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lantoa-${name}-`));
  made.push(dir);
  return dir;
};
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
const schemaOf = (url: string) => /search_path=(\w+)/.exec(decodeURIComponent(new URL(url).searchParams.get('options') ?? ''))![1];

async function pgAdmin(sqlText: string) {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

/** What a deployment holds that a backup must carry: content, media, sealed values. */
async function fill(services: Services) {
  const net = await seedNetwork(services);
  const { url, close } = await startServer(services);
  try {
    const writer = client(url, net.tokens['editor-in-chief']);
    const item = await writer.post('/api/v1/portals/chinhphu/articles', { ...sampleNews, title: 'Bài viết cần sao lưu' });
    assert.equal(item.status, 201, item.text);
    const channel = await client(url, net.tokens.admin).post('/api/v1/portals/chinhphu/channels', {
      platform: 'viber',
      name: 'Kênh Viber',
      credentials: { authToken: 'viber-token-bi-mat' },
      languages: ['vi'],
      contentTypes: ['news'],
      autoPublish: false,
    });
    assert.equal(channel.status, 201, channel.text);
    const central = await services.portals.require('chinhphu');
    const media = await services.media.upload(central, actingAs(null), { filename: 'bao-cao.pdf', mime: 'application/pdf', data: PDF, alt: 'Báo cáo' });
    const c = services.feedback.challenge();
    await services.feedback.submit(central, {
      kind: 'question',
      field: 'Giao thông',
      title: 'Hỏi về đèn tín hiệu',
      content: 'Nút giao Kim Mã thường xuyên ùn tắc, khi nào lắp đèn tín hiệu?',
      submitterType: 'citizen',
      name: 'Lê Na',
      email: 'na.le@example.vn',
      phone: '0904555666',
      consentToPublish: false,
      altcha: encodeSolution(c, solveChallenge(c).number),
    });
    const caseId = (await services.feedback.inbox(central))[0].id;
    const keyId = (await services.federation.keys.signingKey(central)).keyId;
    return { net, itemId: item.json.id as number, channelId: channel.json.id as number, mediaKey: (media as { key?: string; storageKey?: string }).key ?? (media as { storageKey?: string }).storageKey, caseId, keyId };
  } finally {
    await close();
  }
}

type Filled = Awaited<ReturnType<typeof fill>>;

/** Opens a restored deployment and checks, over HTTP, that everything came back and every sealed value opens. */
async function checkRestored(env: Record<string, string>, filled: Filled) {
  const services = await createServices(loadConfig(env), { logger: pino({ level: 'silent' }) });
  const { url, close } = await startServer(services);
  try {
    const item = await client(url, filled.net.tokens['editor-in-chief']).get(`/api/v1/articles/${filled.itemId}`);
    assert.equal(item.status, 200);
    assert.equal(item.json.title, 'Bài viết cần sao lưu');
    // API tokens are kept as hashes: the same tokens work
    const channels = await client(url, filled.net.tokens.admin).get('/api/v1/portals/chinhphu/channels');
    assert.equal(channels.status, 200);
    const viber = channels.json.items.find((ch: { id: number }) => ch.id === filled.channelId);
    assert.deepEqual(viber.credentialsSet, ['authToken'], 'the channel token (sealed with the secret) opens');
    const kase = await client(url, filled.net.tokens['feedback-officer']).get(`/api/v1/feedback/cases/${filled.caseId}`);
    assert.equal(kase.status, 200, kase.text);
    assert.equal(kase.json.personal.email, 'na.le@example.vn', 'citizens’ personal data (sealed) opens');
    const central = await services.portals.require('chinhphu');
    const key = await services.federation.keys.signingKey(central);
    assert.equal(key.keyId, filled.keyId, 'the same federation key, its private half opened, not a new one');
    const identity = await client(url).get('/api/v1/portals');
    assert.equal(identity.status, 200);
    if (filled.mediaKey) {
      const file = path.join(env.DATA_DIR, 'media', filled.mediaKey);
      assert.ok(fs.existsSync(file), `media file ${filled.mediaKey} restored`);
    }
    assert.ok(fs.readdirSync(path.join(env.DATA_DIR, 'media'), { recursive: true }).length > 0, 'media restored');
  } finally {
    await close();
    await services.store.close();
  }
}

for (const engine of engines()) {
  describe(`backup and restore (${engine})`, () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    after(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    it('round-trips the store, the secret, keys and media into a fresh deployment; refuses what would go wrong', { timeout: 240_000 }, async () => {
      const env = await createTestEnv(engine);
      let envOpen = true;
      cleanups.push(async () => {
        if (envOpen) await env.close();
      });
      const filled = await fill(env.services);
      const databaseUrl = env.services.config.databaseUrl;
      const source = { DATA_DIR: env.dataDir, DATABASE_URL: databaseUrl };
      const dir = path.join(tmp('backup'), 'b');
      cleanups.push(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

      // online: the deployment's store is open while the backup runs
      const made = lantoa(['backup', dir], source);
      assert.equal(made.code, 0, made.stderr);
      assert.match(made.stdout, new RegExp(`backup of the ${engine} store written`));
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      assert.equal(manifest.engine, engine);
      assert.ok(manifest.files.some((f: { path: string }) => f.path === 'secret.key'));
      assert.ok(manifest.files.some((f: { path: string }) => f.path.startsWith('media/')));
      assert.ok(manifest.migrations.includes('019_idempotency'));
      assert.equal(lantoa(['backup', dir], source).code, 1, 'a backup does not write into a non-empty directory');
      assert.match(lantoa(['backup', path.join(env.dataDir, 'inside')], source).stderr, /inside DATA_DIR/);
      // a backup that cannot be made leaves no half of one behind
      const failedDir = path.join(path.dirname(dir), 'failed');
      const failed = engine === 'postgres' ? lantoa(['backup', failedDir], { ...source, PATH: '/nonexistent' }) : lantoa(['backup', failedDir], { DATA_DIR: tmp('nostore') });
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, engine === 'postgres' ? /pg_dump is not installed/ : /no store/);
      assert.ok(!fs.existsSync(failedDir));

      // refusals, each before anything changes
      if (engine === 'sqlite') {
        const busy = lantoa(['restore', dir], source);
        assert.equal(busy.code, 1);
        assert.match(busy.stderr, /not empty/);
      } else {
        const busy = lantoa(['restore', dir], { ...source, DATA_DIR: tmp('empty') });
        assert.equal(busy.code, 1);
        assert.match(busy.stderr, /already has \d+ table/);
      }
      const wrongSecret = lantoa(['restore', dir], { DATA_DIR: tmp('wrong'), DATABASE_URL: databaseUrl, LANTOA_SECRET: 'not-the-secret-of-this-backup' });
      assert.equal(wrongSecret.code, 1);
      assert.match(wrongSecret.stderr, /secret/);
      const damaged = path.join(tmp('damaged'), 'b');
      fs.cpSync(dir, damaged, { recursive: true });
      const mediaEntry = manifest.files.find((f: { path: string }) => f.path.startsWith('media/'));
      fs.appendFileSync(path.join(damaged, 'data', mediaEntry.path), 'x');
      const refused = lantoa(['restore', damaged], { DATA_DIR: tmp('d'), DATABASE_URL: databaseUrl });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /damaged/);

      // the disaster: the deployment is gone (its DATA_DIR, and on PostgreSQL its schema)
      envOpen = false;
      await env.close();
      let target: Record<string, string>;
      if (engine === 'postgres') {
        const schema = schemaOf(databaseUrl!);
        await pgAdmin(`create schema ${schema}`);
        cleanups.push(() => pgAdmin(`drop schema if exists ${schema} cascade`));
        target = { DATA_DIR: tmp('restored'), DATABASE_URL: databaseUrl! };
      } else {
        target = { DATA_DIR: path.join(tmp('restored'), 'data') };
      }
      cleanups.push(() => fs.rmSync(target.DATA_DIR, { recursive: true, force: true }));
      const restored = lantoa(['restore', dir], target);
      assert.equal(restored.code, 0, restored.stderr);
      assert.match(restored.stdout, /restored the/);
      await checkRestored(target, filled);
      // --force restores again over what is there
      const again = lantoa(['restore', dir, '--force'], target);
      assert.equal(again.code, 0, again.stderr);
      await checkRestored(target, filled);
    });
  });
}
