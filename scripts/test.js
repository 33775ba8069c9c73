#!/usr/bin/env node
// `npm test`: every test file under test/, on SQLite always, on PostgreSQL
// too when TEST_DATABASE_URL is set and reachable, in Chromium when
// /usr/bin/chromium exists. Says plainly what it skipped and why.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const env = { ...process.env };

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (err) {
    return err.message;
  }
}

const notes = [];
if (env.TEST_DATABASE_URL) {
  const ok = await postgresReachable(env.TEST_DATABASE_URL);
  if (ok === true) notes.push(`PostgreSQL: running storage and API suites on SQLite and on PostgreSQL (${env.TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')})`);
  else {
    notes.push(`PostgreSQL: SKIPPED — TEST_DATABASE_URL is set but unreachable (${ok}); running on SQLite only`);
    delete env.TEST_DATABASE_URL;
  }
} else notes.push('PostgreSQL: SKIPPED — TEST_DATABASE_URL is not set; running on SQLite only (set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to include it)');
if (fs.existsSync('/usr/bin/chromium')) notes.push('Browser: running page tests in /usr/bin/chromium');
else notes.push('Browser: SKIPPED — /usr/bin/chromium not found (apt-get install chromium)');
for (const n of notes) console.log(`# ${n}`);

function find(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? find(p) : e.name.endsWith('.test.ts') ? [p] : [];
  });
}
const only = process.argv.slice(2);
const files = only.length ? only : find(path.join(root, 'test')).sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...files], { stdio: 'inherit', env, cwd: root });
for (const n of notes) console.log(`# ${n}`);
process.exit(result.status ?? 1);
