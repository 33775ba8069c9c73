import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import { withId } from './columns.ts';

// One migration for both engines. The only dialect difference is how an
// auto-incrementing key is spelled, hidden behind `withId` (columns.ts).

export function coreMigration(engine: Engine) {
  const id = withId(engine);

  return {
    async up(db: Kysely<any>) {
      await id(db.schema.createTable('portals'))
        .addColumn('slug', 'text', (c: any) => c.notNull().unique())
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('parent_id', 'integer', (c: any) => c.references('portals.id'))
        .addColumn('names', 'text', (c: any) => c.notNull())
        .addColumn('languages', 'text', (c: any) => c.notNull())
        .addColumn('contact', 'text', (c: any) => c.notNull())
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('updated_at', 'text', (c: any) => c.notNull())
        .execute();

      await db.schema
        .createTable('portal_hosts')
        .addColumn('host', 'text', (c) => c.primaryKey())
        .addColumn('portal_id', 'integer', (c) => c.notNull().references('portals.id').onDelete('cascade'))
        .execute();

      await id(db.schema.createTable('sections'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('parent_id', 'integer', (c: any) => c.references('sections.id'))
        .addColumn('slug', 'text', (c: any) => c.notNull())
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('names', 'text', (c: any) => c.notNull())
        .addColumn('description', 'text', (c: any) => c.notNull())
        .addColumn('theme_color', 'text')
        .addColumn('menu', 'text', (c: any) => c.notNull())
        .addColumn('position', 'integer', (c: any) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addUniqueConstraint('sections_portal_slug', ['portal_id', 'slug'])
        .execute();

      await id(db.schema.createTable('accounts'))
        .addColumn('email', 'text', (c: any) => c.notNull().unique())
        .addColumn('name', 'text', (c: any) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('disabled', 'integer', (c: any) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('account_roles')
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('portal_id', 'integer', (c) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('account_roles_pk', ['account_id', 'portal_id', 'role'])
        .execute();

      await id(db.schema.createTable('api_tokens'))
        .addColumn('account_id', 'integer', (c: any) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', 'text', (c: any) => c.notNull())
        .addColumn('token_hash', 'text', (c: any) => c.notNull().unique())
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await id(db.schema.createTable('translation_groups'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .execute();

      await id(db.schema.createTable('content_items'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('group_id', 'integer', (c: any) => c.notNull().references('translation_groups.id'))
        .addColumn('lang', 'text', (c: any) => c.notNull())
        .addColumn('type', 'text', (c: any) => c.notNull())
        .addColumn('section_id', 'integer', (c: any) => c.references('sections.id'))
        .addColumn('slug', 'text', (c: any) => c.notNull())
        .addColumn('title', 'text', (c: any) => c.notNull())
        .addColumn('summary', 'text', (c: any) => c.notNull())
        .addColumn('body', 'text', (c: any) => c.notNull())
        .addColumn('meta', 'text', (c: any) => c.notNull())
        .addColumn('tags', 'text', (c: any) => c.notNull())
        .addColumn('search_text', 'text', (c: any) => c.notNull())
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('version', 'integer', (c: any) => c.notNull())
        .addColumn('author_id', 'integer', (c: any) => c.references('accounts.id'))
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('updated_at', 'text', (c: any) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('first_published_at', 'text')
        .addColumn('public_updated_at', 'text')
        .addColumn('scheduled_at', 'text')
        .addColumn('unpublish_kind', 'text')
        .addColumn('unpublish_reason', 'text')
        .addColumn('origin', 'text')
        .addUniqueConstraint('content_items_slug', ['portal_id', 'lang', 'slug'])
        .addUniqueConstraint('content_items_group_lang', ['group_id', 'lang'])
        .execute();
      await db.schema.createIndex('content_items_public_list').on('content_items').columns(['portal_id', 'status', 'published_at', 'id']).execute();
      await db.schema.createIndex('content_items_public_type').on('content_items').columns(['portal_id', 'status', 'type', 'published_at']).execute();
      await db.schema.createIndex('content_items_section').on('content_items').columns(['section_id', 'status', 'published_at']).execute();

      await id(db.schema.createTable('revisions'))
        .addColumn('item_id', 'integer', (c: any) => c.notNull().references('content_items.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c: any) => c.notNull())
        .addColumn('title', 'text', (c: any) => c.notNull())
        .addColumn('summary', 'text', (c: any) => c.notNull())
        .addColumn('body', 'text', (c: any) => c.notNull())
        .addColumn('meta', 'text', (c: any) => c.notNull())
        .addColumn('tags', 'text', (c: any) => c.notNull())
        .addColumn('section_id', 'integer')
        .addColumn('author_id', 'integer', (c: any) => c.references('accounts.id'))
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addUniqueConstraint('revisions_item_version', ['item_id', 'version'])
        .execute();

      await id(db.schema.createTable('change_notes'))
        .addColumn('item_id', 'integer', (c: any) => c.notNull().references('content_items.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c: any) => c.notNull())
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('note', 'text', (c: any) => c.notNull())
        .addColumn('author_id', 'integer', (c: any) => c.references('accounts.id'))
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('change_notes_item').on('change_notes').column('item_id').execute();

      await id(db.schema.createTable('workflow_transitions'))
        .addColumn('item_id', 'integer', (c: any) => c.notNull().references('content_items.id').onDelete('cascade'))
        .addColumn('actor_id', 'integer', (c: any) => c.references('accounts.id'))
        .addColumn('action', 'text', (c: any) => c.notNull())
        .addColumn('from_status', 'text', (c: any) => c.notNull())
        .addColumn('to_status', 'text', (c: any) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('workflow_transitions_item').on('workflow_transitions').column('item_id').execute();

      await id(db.schema.createTable('outbox'))
        .addColumn('topic', 'text', (c: any) => c.notNull())
        .addColumn('payload', 'text', (c: any) => c.notNull())
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('attempts', 'integer', (c: any) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c: any) => c.notNull())
        .addColumn('run_after', 'text', (c: any) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'run_after']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['outbox', 'workflow_transitions', 'change_notes', 'revisions', 'content_items', 'translation_groups', 'api_tokens', 'account_roles', 'accounts', 'sections', 'portal_hosts', 'portals']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
