import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// The search index, owned by src/modules/search. One row per published item
// in `search_documents` (what results show and filter on), plus each engine's
// own full-text structure over tokens the search module analysed itself:
//  - SQLite: FTS5 tables without stored content (the text already lives in
//    search_documents), one for full text and one, with prefix indexes, for
//    as-you-type suggestions on titles; fts5vocab exposes document
//    frequencies for spelling correction.
//  - PostgreSQL: tsvector columns built by the module (positions and weights
//    included): folded forms with a GIN index for matching, exact forms at
//    the same positions without one (they only rank the rows already
//    matched), titles with a GIN index for suggestions. No extension is needed.

export function searchMigration(engine: Engine) {
  return {
    async up(db: Kysely<any>) {
      const ftsColumns = engine === 'postgres' ? sql`, fts tsvector not null, fts_exact tsvector not null, title_fts tsvector not null` : sql``;
      await sql`
        create table search_documents (
          item_id integer primary key,
          portal_id integer not null,
          lang text not null,
          type text not null,
          section_id integer,
          slug text not null,
          version integer not null,
          published_at text not null,
          title text not null,
          summary text not null,
          body_text text not null,
          meta text not null,
          doc_type text,
          issuing_body text,
          effect_status text,
          issued_year integer,
          number_seq integer,
          number_year integer,
          number_code text
          ${ftsColumns}
        )`.execute(db);
      await sql`create index search_documents_published on search_documents (published_at, item_id)`.execute(db);
      await sql`create index search_documents_portal on search_documents (portal_id, lang, published_at)`.execute(db);
      await sql`create index search_documents_number on search_documents (number_seq, number_year)`.execute(db);
      if (engine === 'postgres') {
        await sql`create index search_documents_fts on search_documents using gin (fts)`.execute(db);
        await sql`create index search_documents_title_fts on search_documents using gin (title_fts)`.execute(db);
        // A common word is matched by walking rows newest first and testing
        // their vector: `fts` stays in the row (MAIN) instead of a TOAST lookup
        // away, lz4-compressed where the server has it. `fts_exact` is read
        // only for the few hundred rows kept, so it may go to TOAST and keep
        // the rows that are walked narrow.
        for (const column of ['fts', 'title_fts']) {
          await sql`alter table search_documents alter column ${sql.ref(column)} set storage main`.execute(db);
        }
        await sql`do $$ begin
            alter table search_documents alter column fts set compression lz4;
            alter table search_documents alter column fts_exact set compression lz4;
          exception when others then null; -- a server built without lz4 keeps pglz
          end $$`.execute(db);
      } else {
        // Folded columns match; the *_x columns hold the diacritic-exact forms
        // of the title and head (summary, tags, short meta) at the same
        // positions, for ranking — bodies are matched folded only, which keeps
        // indexing cheap where exactness matters least; `scope` holds one token per filter
        // value (portal, language, type, section, …), so filters intersect
        // inside the index instead of row by row after it.
        await sql`
          create virtual table search_fts using fts5(
            title, head, body, title_x, head_x, scope,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 0'
          )`.execute(db);
        await sql`
          create virtual table search_titles using fts5(
            title, scope,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 0',
            prefix = '1 2 3'
          )`.execute(db);
        await sql`create virtual table search_vocab using fts5vocab(search_fts, row)`.execute(db);
      }
    },
    async down(db: Kysely<any>) {
      if (engine === 'sqlite') {
        for (const t of ['search_vocab', 'search_titles', 'search_fts']) await sql`drop table if exists ${sql.table(t)}`.execute(db);
      }
      await sql`drop table if exists search_documents`.execute(db);
    },
  };
}
