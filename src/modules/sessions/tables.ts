import type { Generated } from 'kysely';

// Row types of the tables this module owns (migration 004_admin). They live
// here rather than in the store's schema so the module carries its own shape.

export interface AdminSessionTable {
  id: Generated<number>;
  token_hash: string;
  account_id: number;
  portal_id: number;
  stage: string; // 'full' | 'mfa' | 'handoff'
  csrf: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
  revoked_at: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

export interface AccountMfaTable {
  account_id: number;
  secret: string | null;
  pending_secret: string | null;
  enabled_at: string | null;
  last_step: number | null;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  account_id: number;
  code_hash: string;
  used_at: string | null;
}

export interface PasswordResetTable {
  id: Generated<number>;
  token_hash: string;
  account_id: number;
  portal_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AdminPortalSettingsTable {
  portal_id: number;
  require_2fa: number;
  updated_at: string;
}

export interface SessionsTables {
  admin_sessions: AdminSessionTable;
  login_failures: LoginFailureTable;
  account_mfa: AccountMfaTable;
  recovery_codes: RecoveryCodeTable;
  password_resets: PasswordResetTable;
  admin_portal_settings: AdminPortalSettingsTable;
}
