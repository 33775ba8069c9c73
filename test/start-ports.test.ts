import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { CONTACT, createTestSchema, engines } from './helpers.ts';
import { freePort } from './site-helpers.ts';

// A second deployment on the same machine (issue 16, item 10): a port taken by
// something else is a warning for an optional part (the demo's social platform
// emulators) and one line and a non-zero exit for the main port — never an
// unhandled 'error' event with a stack trace.

/** Holds a port, as another deployment's emulators would. */
async function occupy(port: number): Promise<net.Server> {
  const srv = net.createServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', resolve);
  });
  return srv;
}

interface Run {
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  kill(): void;
}

function start(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['bin/lantoa.js', 'start'], { env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { stdout: () => stdout, stderr: () => stderr, exited, kill: () => child.kill('SIGTERM') };
}

/** Until start-up is over: the summary is printed once every part has started (or been given up on) and shutdown is handled. */
async function waitUntilServing(run: Run, limitMs = 90_000): Promise<void> {
  const until = Date.now() + limitMs;
  for (;;) {
    if (run.stdout().includes('Lantoa is serving on')) return;
    const code = await Promise.race([run.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 200))]);
    if (code !== 'running') assert.fail(`exited (${code}) before serving; stderr: ${run.stderr()}`);
    if (Date.now() > until) assert.fail(`not serving after ${limitMs} ms; stderr: ${run.stderr()}`);
  }
}

for (const engine of engines()) {
  describe(`a second deployment on the machine (${engine})`, () => {
    let dataDir: string;
    let databaseUrl = '';
    let dropSchema: (() => Promise<void>) | undefined;

    before(async () => {
      // a store that is not empty (no demo to load) but holds the central portal the demo's channels belong to
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-ports-'));
      if (engine === 'postgres') {
        const schema = await createTestSchema();
        databaseUrl = schema.url;
        dropSchema = schema.drop;
      }
      const services = await createServices(loadConfig({ DATA_DIR: dataDir, PORT: '3999', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }), { logger: pino({ level: 'silent' }) });
      await services.portals.create({ slug: 'chinhphu', kind: 'central', names: { vi: 'Cổng Thông tin điện tử Chính phủ' }, languages: ['vi'], contact: CONTACT });
      await services.store.close();
    });
    after(async () => {
      await dropSchema?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('warns when the social emulators’ port is taken and goes on serving; a taken main port exits with one line', { timeout: 180_000 }, async () => {
      const [port, socialPort] = [await freePort(), await freePort()];
      const squatter = await occupy(socialPort);
      const env = { DATA_DIR: dataDir, PORT: String(port), SOCIAL_EMULATOR_PORT: String(socialPort), LANTOA_DEMO: '1', DATABASE_URL: databaseUrl };
      const first = start(env);
      try {
        await waitUntilServing(first);
        assert.match(first.stderr(), new RegExp(`warning: social platform emulators not started: port ${socialPort} is taken`));
        assert.doesNotMatch(first.stderr(), /EADDRINUSE|Unhandled 'error' event/);
        // still alive and answering, web and API
        assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
        assert.equal((await fetch(`http://127.0.0.1:${port}/api/v1/portals`)).status, 200);

        // the same main port again: one line, non-zero, and the first one keeps serving
        const second = start(env);
        const code = await second.exited;
        assert.notEqual(code, 0);
        assert.equal(second.stderr().trim(), `lantoa: port ${port} on 127.0.0.1 is taken; set PORT to a free port`);
        assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
      } finally {
        first.kill();
        const code = await first.exited;
        squatter.close();
        assert.equal(code, 0, `exit code after SIGTERM; stderr: ${first.stderr()}`);
      }
    });
  });
}
