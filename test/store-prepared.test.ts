import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestEnv, postgresSkip, type TestEnv } from './helpers.ts';

// Texts marked with store.prepare run as named statements on PostgreSQL: same
// answers as unprepared ones, different parameters each time, and a table
// changed under them (a migration by a newer process) does not break them.

describe('prepared statements on PostgreSQL', { skip: postgresSkip }, () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv('postgres');
    await sql`create table prep_probe (id integer primary key, name text not null)`.execute(env.services.store.db);
    await sql`insert into prep_probe values (1, 'một'), (2, 'hai'), (3, 'ba')`.execute(env.services.store.db);
  });
  after(() => env?.close());

  test('a marked text answers like an unmarked one, for every parameter, on every connection', async () => {
    const { store } = env.services;
    const text = 'select * from prep_probe where id >= $1 order by id';
    assert.ok(store.prepare, 'the PostgreSQL store can prepare');
    store.prepare(text);
    // more runs than connections in the pool, several at once, so each connection prepares it
    const runs = await Promise.all(Array.from({ length: 30 }, (_, i) => store.db.executeQuery<{ id: number; name: string }>({ sql: text, parameters: [(i % 3) + 1], query: undefined as never, queryId: undefined as never })));
    runs.forEach((r, i) =>
      assert.deepEqual(
        r.rows.map((x) => x.id),
        [1, 2, 3].slice(i % 3),
      ),
    );
    const names = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement = ${text}`.execute(store.db);
    assert.equal(names.rows[0].n, 1, 'the connection that answered holds it as a named statement');
  });

  test('a column added under a prepared `select *` is answered, not an error', async () => {
    const { store } = env.services;
    const text = 'select * from prep_probe where id = $1';
    store.prepare!(text);
    for (let i = 0; i < 6; i++) await store.db.executeQuery({ sql: text, parameters: [1], query: undefined as never, queryId: undefined as never });
    await sql`alter table prep_probe add column note text not null default 'mới'`.execute(store.db);
    const r = await store.db.executeQuery<{ id: number; note: string }>({ sql: text, parameters: [1], query: undefined as never, queryId: undefined as never });
    assert.deepEqual(r.rows, [{ id: 1, name: 'một', note: 'mới' }]);
  });
});
