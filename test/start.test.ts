import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A newcomer's first minute: `npm start` on an empty DATA_DIR brings up the
// demo network, answers the API, and shuts down cleanly on SIGTERM.

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('npm start', () => {
  it('loads the demo network into an empty store and serves it in under 60 s; SIGTERM exits cleanly', { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-start-'));
    const port = await freePort();
    const started = Date.now();
    const child = spawn(process.execPath, ['bin/lantoa.js', 'start'], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      let portals: any;
      while (!portals) {
        if (Date.now() - started > 60_000) assert.fail(`not serving after 60 s; stderr: ${stderr}`);
        if (child.exitCode !== null) assert.fail(`exited early (${child.exitCode}): ${stderr}`);
        try {
          const r = await fetch(`${base}/api/v1/portals`);
          if (r.ok) portals = await r.json();
        } catch {
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      const slugs = portals.items.map((p: any) => p.slug);
      assert.ok(slugs.includes('chinhphu') && slugs.includes('hanoi'));
      assert.deepEqual(portals.items.find((p: any) => p.slug === 'chinhphu').languages, ['vi', 'en', 'zh']);
      assert.equal(portals.items.filter((p: any) => p.kind === 'ministry').length, 2);
      assert.equal(portals.items.filter((p: any) => p.kind === 'province').length, 2);

      for (const slug of slugs) {
        const all = await (await fetch(`${base}/api/v1/portals/${slug}/articles?lang=vi&limit=100`)).json();
        assert.ok(all.items.length >= 30, `${slug} has dozens of items (${all.items.length})`);
        const types = new Set(all.items.map((i: any) => i.type));
        for (const t of ['news', 'directive', 'legal-document', 'press-release', 'procedure', 'video', 'gallery']) assert.ok(types.has(t), `${slug} has a ${t}`);
        const sections = await (await fetch(`${base}/api/v1/portals/${slug}/sections`)).json();
        assert.ok(
          sections.items.some((s: any) => s.kind === 'subsite'),
          `${slug} has a sub-site`,
        );
      }
      for (const lang of ['en', 'zh']) {
        const tr = await (await fetch(`${base}/api/v1/portals/chinhphu/articles?lang=${lang}&limit=100`)).json();
        assert.ok(tr.items.length >= 10, `central portal has ${lang} translations`);
      }
      const decree = await (await fetch(`${base}/api/v1/portals/chinhphu/articles?type=legal-document&q=42%2F2022&limit=100`)).json();
      assert.ok(
        decree.items.some((i: any) => i.meta.number === '42/2022/NĐ-CP'),
        'Decree 42/2022/NĐ-CP is in the demo',
      );

      assert.match(stdout, new RegExp(`chinhphu\\s+http://chinhphu\\.localhost:${port}/`));
      assert.match(stdout, /admin@chinhphu\.demo/);
      assert.match(stdout, /token create/);
    } finally {
      child.kill('SIGTERM');
      const code = await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
      assert.equal(code, 0, `exit code after SIGTERM; stderr: ${stderr}`);
    }
  });
});
