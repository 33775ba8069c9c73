import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// PostgreSQL only: the folded search vector of every entry gains three marks
// without positions, `~b<item_id >> 14>` (its block of 16,384 ids),
// `~p<portal_id>` and `~b<block>p<portal_id>`, which the search module writes
// for new entries (see src/modules/search/postgres.ts, BLOCK_BITS). They let
// GIN be asked for the matches among recent ids (of a portal) only. Entries
// written before this migration get them here, in one statement (about three
// minutes for a million entries on a 2-core machine).
//
// The GIN index is then built afresh. Rewriting every row leaves the start of
// each word's posting tree empty once the old rows are vacuumed, and GIN,
// which guesses how common a word is from that first page, would take the
// commonest words for the rarest and step through all their entries.
// test/search-pg-walks.test.ts checks that the marks added here are the ones
// the module writes.

const marks = sql`array['~b' || (item_id >> 14), '~p' || portal_id, '~b' || (item_id >> 14) || 'p' || portal_id]`;

export function searchMarksMigration(engine: Engine) {
  return {
    async up(db: Kysely<any>) {
      if (engine !== 'postgres') return;
      await sql`update search_documents set fts = fts || array_to_tsvector(${marks})`.execute(db);
      await sql`reindex index search_documents_fts`.execute(db);
    },
    async down(db: Kysely<any>) {
      if (engine !== 'postgres') return;
      await sql`update search_documents set fts = ts_delete(fts, ${marks})`.execute(db);
      await sql`reindex index search_documents_fts`.execute(db);
    },
  };
}
