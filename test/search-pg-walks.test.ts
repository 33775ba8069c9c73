import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, postgresSkip, type TestEnv } from './helpers.ts';
import { sql } from 'kysely';
import { PostgresSearchBackend } from '../src/modules/search/postgres.ts';
import { searchMarksMigration } from '../src/store/migrations/014_search_marks.ts';
import { toIndexDocument } from '../src/modules/search/document.ts';
import { parseQuery } from '../src/modules/search/query.ts';
import type { SearchFilters } from '../src/modules/search/backend.ts';

// On PostgreSQL the candidate search looks for the newest matches in steps:
// a walk back through the newest ids, GIN over the blocks of ids that the
// matches found so far say hold the rest (named by the block marks in each
// vector), and GIN over what is left. Whatever steps a query takes, the
// answer must be exactly the `cap` newest matches. Here document i has id
// i × SPREAD, so 400 documents span 25 blocks of 16,384 ids, and the walks are
// a few documents long: queries of every density take every path, and each
// answer is checked against the matches worked out from how the documents
// were written.

const DOCS = 400;
const SPREAD = 1000;
const CAP = 12;

/** What document `i` (item id i) says, by the rules the expectations below follow. */
function words(i: number): string[] {
  const w = ['alpha'];
  if (i % 10 === 0) w.push('beta'); // one in ten
  if (i % 97 === 0) w.push('gamma'); // four in all
  if (i === 399 || (i < 300 && i % 25 === 0)) w.push('kappa'); // one near the top, the rest far below
  if (i % 50 === 0) w.push('số 4242'); // a number (titles only go to 450): straight to GIN
  // "delta epsilon" side by side in one in four; both words, apart, in another one in four
  if (i % 4 === 0) w.push('delta epsilon');
  else if (i % 4 === 1) w.push('epsilon zeta delta');
  return w;
}
const portalOf = (i: number) => (i % 3 === 0 ? 2 : 1);

describe('PostgreSQL candidate walks', { skip: postgresSkip }, () => {
  let env: TestEnv;
  let backend: PostgresSearchBackend;
  const doc = (id: number, portalId: number, body: string) =>
    toIndexDocument({
      id,
      portalId,
      lang: 'vi',
      type: 'news',
      sectionId: null,
      slug: `tin-${id}`,
      title: `Tin số ${id}`,
      summary: '',
      body: `<p>${body}</p>`,
      meta: {},
      tags: [],
      publishedAt: new Date(Date.UTC(2026, 0, 1) + id * 60).toISOString(),
      version: 1,
    });

  before(async () => {
    env = await createTestEnv('postgres');
    backend = new PostgresSearchBackend(env.services.store.db, { firstWalk: 7 * SPREAD });
    const docs = [];
    for (let i = 1; i <= DOCS; i++) {
      docs.push(
        toIndexDocument({
          id: i * SPREAD,
          portalId: portalOf(i),
          lang: 'vi',
          type: 'news',
          sectionId: null,
          slug: `tin-${i * SPREAD}`,
          title: `Tin số ${i}`,
          summary: '',
          body: `<p>${words(i).join(' . ')}</p>`,
          meta: {},
          tags: [],
          publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
          version: 1,
        }),
      );
    }
    await backend.upsertMany(env.services.store.db, docs);
  });
  after(() => env?.close());

  const cases: Array<{ q: string; filters?: SearchFilters; matches: (i: number) => boolean; path: string }> = [
    { q: 'alpha', matches: () => true, path: 'dense: a walk, then GIN over the next block' },
    { q: 'beta', matches: (i) => i % 10 === 0, path: 'a walk, then GIN over the next blocks' },
    { q: 'gamma', matches: (i) => i % 97 === 0, path: 'nothing in the walk: GIN over the rest' },
    { q: 'kappa', matches: (i) => i === 399 || (i < 300 && i % 25 === 0), path: 'GIN over blocks found empty, then over the rest' },
    { q: 'alpha beta', filters: { portalIds: [2] }, matches: (i) => i % 10 === 0 && portalOf(i) === 2, path: "GIN by the portal's block marks" },
    { q: 'beta', filters: { portalIds: [1, 2] }, matches: (i) => i % 10 === 0, path: 'the block marks of two portals' },
    { q: 'kappa', filters: { portalIds: [1] }, matches: (i) => i < 300 && i % 25 === 0, path: "a portal's blocks found empty: wider ranges, then the rest" },
    { q: '"delta epsilon"', matches: (i) => i % 4 === 0, path: 'a phrase: words first, then adjacency' },
    { q: 'delta epsilon', matches: (i) => i % 4 <= 1, path: 'both words, anywhere' },
    { q: 'alpha -beta', matches: (i) => i % 10 !== 0, path: 'an exclusion' },
    { q: 'omega', matches: () => false, path: 'nothing at all' },
    { q: 'alpha 4242', matches: (i) => i % 50 === 0, path: 'a number: GIN at once, no walk' },
  ];

  /** The ids of the `CAP` newest documents matching. */
  const newestMatching = (c: (typeof cases)[number]) => {
    const expected: number[] = [];
    for (let i = DOCS; i >= 1 && expected.length < CAP; i--) if (c.matches(i) && (!c.filters?.portalIds || c.filters.portalIds.includes(portalOf(i)))) expected.push(i * SPREAD);
    return expected;
  };

  for (const c of cases) {
    test(`${c.q}${c.filters ? ` (portals ${c.filters.portalIds})` : ''}: exactly the ${CAP} newest matches (${c.path})`, async () => {
      const found = await backend.candidates(parseQuery(c.q), c.filters ?? {}, CAP);
      assert.deepEqual(
        found.map((x) => x.id),
        newestMatching(c),
      );
    });
  }

  test('a range wider than the block marks can name is asked of GIN by its bounds alone', async () => {
    // a one-document walk meets 'beta' once: the rest is estimated to lie across more than 24 blocks
    const narrow = new PostgresSearchBackend(env.services.store.db, { firstWalk: SPREAD });
    for (const c of cases)
      assert.deepEqual(
        (await narrow.candidates(parseQuery(c.q), c.filters ?? {}, CAP)).map((x) => x.id),
        newestMatching(c),
        c.q,
      );
  });

  test('entries marked by the migration match those the module writes, and are found the same way', async () => {
    const { db } = env.services.store;
    const vectors = async () => (await sql<{ item_id: number; fts: string }>`select item_id, fts::text as fts from search_documents order by item_id`.execute(db)).rows;
    const written = await vectors();
    const migration = searchMarksMigration('postgres');
    await migration.down(db);
    const unmarked = await vectors();
    assert.ok(
      unmarked.every((r, i) => !r.fts.includes("'~") && r.fts !== written[i].fts),
      'down takes every mark away',
    );
    await migration.up(db);
    assert.deepEqual(await vectors(), written);
  });

  test('an entry moved to another portal is found under its new portal only', async () => {
    const id = 5 * SPREAD + 1;
    await backend.upsertMany(env.services.store.db, [doc(id, 1, 'lambda alpha')]);
    assert.deepEqual(
      (await backend.candidates(parseQuery('lambda'), { portalIds: [1] }, CAP)).map((x) => x.id),
      [id],
    );
    await backend.upsertMany(env.services.store.db, [doc(id, 2, 'lambda alpha')]);
    assert.deepEqual(
      (await backend.candidates(parseQuery('lambda'), { portalIds: [1] }, CAP)).map((x) => x.id),
      [],
    );
    assert.deepEqual(
      (await backend.candidates(parseQuery('lambda'), { portalIds: [2] }, CAP)).map((x) => x.id),
      [id],
    );
    await backend.remove(env.services.store.db, id);
  });

  test('a document newer than the remembered highest id is still found', async () => {
    await backend.candidates(parseQuery('alpha'), {}, CAP); // remembers the highest id
    const newer = (DOCS + 50) * SPREAD;
    await backend.upsertMany(env.services.store.db, [doc(newer, 1, 'gamma alpha')]);
    assert.equal((await backend.candidates(parseQuery('gamma'), {}, CAP))[0]?.id, newer);
    assert.equal((await backend.candidates(parseQuery('alpha'), {}, CAP))[0]?.id, newer);
  });
});
