import type { Generated } from 'kysely';

// Row type of the audit log (created by store/migrations/004_admin.ts), read and
// written by this module only.

export interface AuditLogTable {
  id: Generated<number>;
  portal_id: number | null;
  account_id: number | null;
  actor: string | null;
  action: string;
  target: string | null;
  detail: string;
  ip: string;
  user_agent: string;
  at: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
