import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';

// item_tags: one row per tag of each *published* item, so "published items of
// this portal and language with tag T, newest first" is an index range
// instead of a text search through every item's JSON (content_items.tags stays
// the item's own record). The related-items box of an article reads it.
//
// Triggers keep it in step with content_items in the same statement, so every
// writer is covered without knowing about it: the workflow, edits, federation
// mirrors, the bulk generator of `lantoa demo --articles`, and rows that exist
// before this migration (filled below).

const COLUMNS_THAT_MATTER = 'tags, status, published_at, lang, portal_id';

export function itemTagsMigration(engine: Engine) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('item_tags')
        .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
        .addColumn('portal_id', 'integer', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('tag', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addPrimaryKeyConstraint('item_tags_pk', ['item_id', 'tag'])
        .execute();
      await db.schema.createIndex('item_tags_by_tag').on('item_tags').columns(['portal_id', 'lang', 'tag', 'published_at', 'item_id']).execute();

      if (engine === 'postgres') {
        // SET search_path FROM CURRENT: the function finds item_tags in the schema it was made in, whoever calls it
        await sql`
          create function item_tags_sync() returns trigger language plpgsql set search_path from current as $$
          begin
            if tg_op = 'UPDATE' then
              delete from item_tags where item_id = old.id;
            end if;
            if new.status = 'published' and json_typeof(new.tags::json) = 'array' then
              insert into item_tags (item_id, portal_id, lang, tag, published_at)
              select distinct new.id, new.portal_id, new.lang, t, new.published_at
              from json_array_elements_text(new.tags::json) as t
              where t <> '';
            end if;
            return null;
          end
          $$`.execute(db);
        await sql.raw(`create trigger item_tags_on_insert after insert on content_items for each row execute function item_tags_sync()`).execute(db);
        await sql.raw(`create trigger item_tags_on_update after update of ${COLUMNS_THAT_MATTER} on content_items for each row execute function item_tags_sync()`).execute(db);
        await sql`
          insert into item_tags (item_id, portal_id, lang, tag, published_at)
          select distinct ci.id, ci.portal_id, ci.lang, t, ci.published_at
          from content_items ci cross join lateral json_array_elements_text(ci.tags::json) as t
          where ci.status = 'published' and json_typeof(ci.tags::json) = 'array' and t <> ''`.execute(db);
      } else {
        // json_each fails on text that is not JSON: anything but an array counts as no tags
        const arrayOf = (col: string) => `case when json_valid(${col}) then (case when json_type(${col}) = 'array' then ${col} else '[]' end) else '[]' end`;
        const fill = (row: string) => `
          insert into item_tags (item_id, portal_id, lang, tag, published_at)
          select distinct ${row}.id, ${row}.portal_id, ${row}.lang, j.value, ${row}.published_at
          from json_each(${arrayOf(`${row}.tags`)}) as j
          where ${row}.status = 'published' and j.type = 'text' and j.value <> ''`;
        await sql.raw(`create trigger item_tags_on_insert after insert on content_items when new.status = 'published' begin ${fill('new')}; end`).execute(db);
        await sql.raw(`create trigger item_tags_on_update after update of ${COLUMNS_THAT_MATTER} on content_items begin delete from item_tags where item_id = old.id; ${fill('new')}; end`).execute(db);
        await sql
          .raw(
            `insert into item_tags (item_id, portal_id, lang, tag, published_at)
          select distinct ci.id, ci.portal_id, ci.lang, j.value, ci.published_at
          from content_items ci, json_each(${arrayOf('ci.tags')}) as j
          where ci.status = 'published' and j.type = 'text' and j.value <> ''`,
          )
          .execute(db);
      }
    },
    async down(db: Kysely<any>) {
      await sql.raw('drop trigger if exists item_tags_on_insert' + (engine === 'postgres' ? ' on content_items' : '')).execute(db);
      await sql.raw('drop trigger if exists item_tags_on_update' + (engine === 'postgres' ? ' on content_items' : '')).execute(db);
      if (engine === 'postgres') await sql`drop function if exists item_tags_sync()`.execute(db);
      await db.schema.dropTable('item_tags').ifExists().execute();
    },
  };
}
