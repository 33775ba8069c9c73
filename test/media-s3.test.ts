import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import S3rver from 's3rver';
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { actingAs, createTestEnv, engines, seedNetwork, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { freePort } from './federation-helpers.ts';
import { mediaStorageSettings } from '../src/modules/media/settings.ts';

// The media library on S3-compatible object storage (MEDIA_STORAGE=s3),
// against s3rver, a server that speaks the S3 protocol: uploads land in the
// bucket under the configured prefix, every responsive variant included; the
// public /media/ address serves them from there; a missing key is a 404.

for (const engine of engines()) {
  describe(`media on S3-compatible storage (${engine})`, () => {
    let s3dir: string;
    let s3server: S3rver;
    let endpoint: string;
    let env: TestEnv;
    let server: TestServer;
    const s3env = () => ({ MEDIA_STORAGE: 's3', S3_BUCKET: 'lantoa-media', S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_PREFIX: 'dep1' });

    before(async () => {
      s3dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-s3-'));
      const port = await freePort();
      s3server = new S3rver({ port, address: '127.0.0.1', directory: s3dir, silent: true, configureBuckets: [{ name: 'lantoa-media', configs: [] }] });
      await s3server.run();
      endpoint = `http://127.0.0.1:${port}`;
      env = await createTestEnv(engine, { build: { env: { ...process.env, ...s3env() } } });
      await seedNetwork(env.services);
      server = await startServer(env.services);
    });
    after(async () => {
      await server?.close();
      await env?.close();
      await s3server?.close();
      fs.rmSync(s3dir, { recursive: true, force: true });
    });

    it('stores an upload and its variants in the bucket and serves them', async () => {
      const portal = await env.services.portals.require('chinhphu');
      const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#aa3322' } })
        .png()
        .toBuffer();
      const item = await env.services.media.upload(portal, actingAs(null), { filename: 'anh.png', mime: 'image/png', data: png, alt: 'Ảnh thử' });
      assert.ok(item.variants.length >= 2);

      const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'lantoa-media' }));
      const keys = (listed.Contents ?? []).map((o) => o.Key);
      for (const v of item.variants) assert.ok(keys.includes(`dep1/${v.key}`), `${v.key} is in the bucket`);
      // nothing was written to local disk
      assert.equal(fs.existsSync(path.join(env.dataDir, 'media')), false);

      const v = item.variants.find((x) => x.format === 'webp') ?? item.variants[0];
      const res = await fetch(`${server.url}/media/${v.key}`, { headers: { host: 'chinhphu.localhost' } });
      assert.equal(res.status, 200);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(bytes.length, v.size);
      const missing = await fetch(`${server.url}/media/${v.key.replace(/[a-f0-9]{16}/, '0000000000000000')}`);
      assert.equal(missing.status, 404);

      await env.services.media.storage.delete(v.key);
      assert.equal(await env.services.media.storage.get(v.key), undefined);
    });

    it('refuses a configuration it cannot use, clearly', () => {
      assert.throws(() => mediaStorageSettings({ MEDIA_STORAGE: 's3' }), /S3_BUCKET/);
      assert.throws(() => mediaStorageSettings({ MEDIA_STORAGE: 'ftp' }), /"local" or "s3"/);
    });
  });
}
