import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import { withId } from './columns.ts';

// Tables of the editors' admin: browser sessions, sign-in throttling, second
// factors, password resets, the audit log, admin-only portal settings and the
// media library. Every secret (session token, reset token, recovery code) is
// stored as a SHA-256 hash, never as the value a browser or mailbox holds.

export function adminMigration(engine: Engine) {
  const id = withId(engine);

  return {
    async up(db: Kysely<any>) {
      await id(db.schema.createTable('admin_sessions'))
        .addColumn('token_hash', 'text', (c: any) => c.notNull().unique())
        .addColumn('account_id', 'integer', (c: any) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        // 'full' (signed in), 'mfa' (password checked, second factor pending), 'handoff' (portal switch code)
        .addColumn('stage', 'text', (c: any) => c.notNull())
        .addColumn('csrf', 'text', (c: any) => c.notNull())
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('last_seen_at', 'text', (c: any) => c.notNull())
        .addColumn('expires_at', 'text', (c: any) => c.notNull())
        .addColumn('ip', 'text', (c: any) => c.notNull())
        .addColumn('user_agent', 'text', (c: any) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('admin_sessions_account').on('admin_sessions').column('account_id').execute();

      await id(db.schema.createTable('login_failures'))
        .addColumn('email', 'text', (c: any) => c.notNull())
        .addColumn('ip', 'text', (c: any) => c.notNull())
        .addColumn('at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('login_failures_email').on('login_failures').columns(['email', 'at']).execute();
      await db.schema.createIndex('login_failures_ip').on('login_failures').columns(['ip', 'at']).execute();

      await db.schema
        .createTable('account_mfa')
        .addColumn('account_id', 'integer', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
        .addColumn('secret', 'text')
        .addColumn('pending_secret', 'text')
        .addColumn('enabled_at', 'text')
        // the last TOTP time step accepted: a code is good once
        .addColumn('last_step', 'integer')
        .execute();

      await id(db.schema.createTable('recovery_codes'))
        .addColumn('account_id', 'integer', (c: any) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c: any) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('recovery_codes_account').on('recovery_codes').column('account_id').execute();

      await id(db.schema.createTable('password_resets'))
        .addColumn('token_hash', 'text', (c: any) => c.notNull().unique())
        .addColumn('account_id', 'integer', (c: any) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('expires_at', 'text', (c: any) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      await id(db.schema.createTable('audit_log'))
        .addColumn('portal_id', 'integer', (c: any) => c.references('portals.id').onDelete('cascade'))
        .addColumn('account_id', 'integer')
        // the actor's email as it was: the log outlives renamed or deleted accounts
        .addColumn('actor', 'text')
        .addColumn('action', 'text', (c: any) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('detail', 'text', (c: any) => c.notNull())
        .addColumn('ip', 'text', (c: any) => c.notNull())
        .addColumn('user_agent', 'text', (c: any) => c.notNull())
        .addColumn('at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_portal').on('audit_log').columns(['portal_id', 'at']).execute();

      await db.schema
        .createTable('admin_portal_settings')
        .addColumn('portal_id', 'integer', (c) => c.primaryKey().references('portals.id').onDelete('cascade'))
        .addColumn('require_2fa', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await id(db.schema.createTable('media'))
        .addColumn('portal_id', 'integer', (c: any) => c.notNull().references('portals.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c: any) => c.notNull())
        .addColumn('filename', 'text', (c: any) => c.notNull())
        .addColumn('mime', 'text', (c: any) => c.notNull())
        .addColumn('size', 'integer', (c: any) => c.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('alt', 'text', (c: any) => c.notNull())
        .addColumn('caption', 'text', (c: any) => c.notNull())
        .addColumn('credit', 'text', (c: any) => c.notNull())
        .addColumn('storage_key', 'text', (c: any) => c.notNull())
        .addColumn('variants', 'text', (c: any) => c.notNull())
        .addColumn('sha256', 'text', (c: any) => c.notNull())
        .addColumn('search_text', 'text', (c: any) => c.notNull())
        .addColumn('uploaded_by', 'integer')
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('media_portal').on('media').columns(['portal_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['media', 'admin_portal_settings', 'audit_log', 'password_resets', 'recovery_codes', 'account_mfa', 'login_failures', 'admin_sessions']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
