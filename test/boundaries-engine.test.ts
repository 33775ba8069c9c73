import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openStore, migrate, contains, jsonObjectArray, type Store } from '../src/store/index.ts';
import { createTestSchema, engines } from './helpers.ts';

// What differs between SQLite and PostgreSQL is said in src/store/ (dialect.ts)
// and in the engine adapters; everywhere else asks those helpers instead of
// branching on the engine.

const SRC = path.join(import.meta.dirname, '..', 'src');

/** Files that are engine adapters: each holds one implementation per engine, so naming the engine is their job. */
const ADAPTERS = new Map<string, string>([
  ['modules/search/postgres.ts', 'search backend'],
  ['modules/search/sqlite.ts', 'search backend'],
  ['modules/pagecache/bus.ts', 'page-cache bus'],
  ['modules/analytics/storage.ts', 'analytics storage (rollup writes per engine)'],
  ['modules/backup/index.ts', 'backup: pg_dump/pg_restore or a copy of the SQLite file'],
]);

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(SRC, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('engine differences in one place', () => {
  it('no source outside src/store/ and the engine adapters compares the engine', () => {
    const offenders: string[] = [];
    for (const rel of sourceFiles(SRC)) {
      if (rel.startsWith('store/') || ADAPTERS.has(rel)) continue;
      fs.readFileSync(path.join(SRC, rel), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/engine\s*[!=]==|[!=]==\s*['"](?:postgres|sqlite)['"]/.test(line)) offenders.push(`src/${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(offenders, [], 'use the helpers of src/store/dialect.ts (contains, lockForUpdate, byEngine, …)');
  });

  it('every allowed adapter still exists (a renamed one must be renamed here too)', () => {
    for (const rel of ADAPTERS.keys()) assert.ok(fs.existsSync(path.join(SRC, rel)), `src/${rel}`);
  });
});

for (const engine of engines()) {
  describe(`store dialect helpers (${engine})`, () => {
    let store: Store;
    let dataDir: string;
    let drop: (() => Promise<void>) | undefined;
    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-dialect-'));
      const schema = engine === 'postgres' ? await createTestSchema() : undefined;
      drop = schema?.drop;
      store = await openStore({ dataDir, databaseUrl: schema?.url });
      await migrate(store);
    });
    after(async () => {
      await store.close();
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('contains is a plain substring test: % and _ match only themselves', async () => {
      const hit = async (needle: string) => Number((await sql<{ n: number }>`select case when ${contains(store, sql`${'50%_off'}`, needle)} then 1 else 0 end as n`.execute(store.db)).rows[0].n) === 1;
      assert.equal(await hit('%_o'), true);
      assert.equal(await hit('0%'), true);
      assert.equal(await hit('%'), true);
      assert.equal(await hit('5_'), false);
      assert.equal(await hit('x%'), false);
    });

    it('jsonObjectArray gives "[]" for no rows and the rows in order otherwise', async () => {
      // the migrations' own table: rows every migrated store has
      const agg = async (prefix: string) =>
        JSON.parse((await sql<{ j: string }>`select ${jsonObjectArray(store, sql`'name', m.name`, sql`m.name desc`)} as j from kysely_migration m where m.name like ${prefix + '%'}`.execute(store.db)).rows[0].j) as { name: string }[];
      assert.deepEqual(await agg('none'), []);
      assert.deepEqual((await agg('00')).map((r) => r.name).slice(-2), ['002_site', '001_core']);
    });
  });
}
