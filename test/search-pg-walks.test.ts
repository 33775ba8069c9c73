import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, postgresSkip, type TestEnv } from './helpers.ts';
import { PostgresSearchBackend } from '../src/modules/search/postgres.ts';
import { toIndexDocument } from '../src/modules/search/document.ts';
import { parseQuery } from '../src/modules/search/query.ts';
import type { SearchFilters } from '../src/modules/search/backend.ts';

// On PostgreSQL the candidate search looks for the newest matches in steps:
// a walk back through the newest ids, a longer walk if the matches found say
// how far the rest lie, and GIN over what is left. Whatever steps a query
// takes, the answer must be exactly the `cap` newest matches. Here the walks
// are a few rows long, so queries of every density take every path, and each
// answer is checked against the matches worked out from how the documents
// were written.

const DOCS = 400;
const CAP = 12;

/** What document `i` (item id i) says, by the rules the expectations below follow. */
function words(i: number): string[] {
  const w = ['alpha'];
  if (i % 10 === 0) w.push('beta'); // one in ten
  if (i % 97 === 0) w.push('gamma'); // four in all
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

  before(async () => {
    env = await createTestEnv('postgres');
    backend = new PostgresSearchBackend(env.services.store.db, { first: 7, max: 60 });
    const docs = [];
    for (let i = 1; i <= DOCS; i++) {
      docs.push(
        toIndexDocument({
          id: i,
          portalId: portalOf(i),
          lang: 'vi',
          type: 'news',
          sectionId: null,
          slug: `tin-${i}`,
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
    { q: 'alpha', matches: () => true, path: 'dense: two walks, no GIN' },
    { q: 'beta', matches: (i) => i % 10 === 0, path: 'one walk, then GIN: the rest lies too far to walk' },
    { q: 'gamma', matches: (i) => i % 97 === 0, path: 'GIN over the rest (too rare to walk)' },
    { q: 'alpha beta', filters: { portalIds: [2] }, matches: (i) => i % 10 === 0 && portalOf(i) === 2, path: 'walks, then GIN, with a filter' },
    { q: '"delta epsilon"', matches: (i) => i % 4 === 0, path: 'a phrase: words first, then adjacency' },
    { q: 'delta epsilon', matches: (i) => i % 4 <= 1, path: 'both words, anywhere: a second walk' },
    { q: 'alpha -beta', matches: (i) => i % 10 !== 0, path: 'an exclusion: a second walk' },
    { q: 'omega', matches: () => false, path: 'nothing at all' },
    { q: 'alpha 4242', matches: (i) => i % 50 === 0, path: 'a number: GIN at once, no walk' },
  ];

  for (const c of cases) {
    test(`${c.q}${c.filters ? ' (portal 2)' : ''}: exactly the ${CAP} newest matches (${c.path})`, async () => {
      const expected: number[] = [];
      for (let i = DOCS; i >= 1 && expected.length < CAP; i--) if (c.matches(i) && (!c.filters?.portalIds || c.filters.portalIds.includes(portalOf(i)))) expected.push(i);
      const found = await backend.candidates(parseQuery(c.q), c.filters ?? {}, CAP);
      assert.deepEqual(found.map((x) => x.id), expected);
    });
  }

  test('a document newer than the remembered highest id is still found', async () => {
    await backend.candidates(parseQuery('alpha'), {}, CAP); // remembers the highest id
    const newer = toIndexDocument({ id: DOCS + 50, portalId: 1, lang: 'vi', type: 'news', sectionId: null, slug: 'moi', title: 'Tin mới', summary: '', body: '<p>gamma alpha</p>', meta: {}, tags: [], publishedAt: new Date().toISOString(), version: 1 });
    await backend.upsertMany(env.services.store.db, [newer]);
    assert.equal((await backend.candidates(parseQuery('gamma'), {}, CAP))[0]?.id, DOCS + 50);
    assert.equal((await backend.candidates(parseQuery('alpha'), {}, CAP))[0]?.id, DOCS + 50);
  });
});
