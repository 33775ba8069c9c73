import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Store } from '../../store/index.ts';
import { hashToken } from '../accounts/service.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import { sessionsDb } from './tables.ts';

// Second factor: TOTP (RFC 6238, 30-second steps, 6 digits — what every
// authenticator app speaks) and ten one-time recovery codes for a lost phone.
// A TOTP code is accepted once: the last accepted time step is remembered.

const ISSUER = 'Lantoa';
const RECOVERY_CODES = 10;
// 32 symbols without look-alikes (0/O, 1/I/L): codes get read off paper
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface Enrolment {
  secret: string;
  uri: string;
  /** The otpauth:// URI as an SVG QR code (markup, no script). */
  qrSvg: string;
}

const totpFor = (secret: string, label: string) => new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

export const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export class MfaService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
  ) {}

  private get db() {
    return sessionsDb(this.store);
  }

  async isEnabled(accountId: number): Promise<boolean> {
    const row = await this.db.selectFrom('account_mfa').select('enabled_at').where('account_id', '=', accountId).executeTakeFirst();
    return Boolean(row?.enabled_at);
  }

  /** Makes a new secret, pending until a code from it is confirmed; the old factor (if any) stays until then. */
  async startEnrolment(accountId: number, label: string): Promise<Enrolment> {
    const secret = new Secret({ size: 20 }).base32;
    const existing = await this.db.selectFrom('account_mfa').select('account_id').where('account_id', '=', accountId).executeTakeFirst();
    if (existing) await this.db.updateTable('account_mfa').set({ pending_secret: secret }).where('account_id', '=', accountId).execute();
    else await this.db.insertInto('account_mfa').values({ account_id: accountId, secret: null, pending_secret: secret, enabled_at: null, last_step: null }).execute();
    return this.describe(secret, label);
  }

  /** The pending enrolment, to show the QR code again (a reload of the page). */
  async pendingEnrolment(accountId: number, label: string): Promise<Enrolment | undefined> {
    const row = await this.db.selectFrom('account_mfa').select('pending_secret').where('account_id', '=', accountId).executeTakeFirst();
    return row?.pending_secret ? this.describe(row.pending_secret, label) : undefined;
  }

  private async describe(secret: string, label: string): Promise<Enrolment> {
    const uri = totpFor(secret, label).toString();
    const QRCode = (await import('qrcode')).default; // loaded when someone enrols, not at start-up
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, uri, qrSvg };
  }

  /** Turns the pending secret on when `code` matches it; returns fresh recovery codes (shown once), or undefined. */
  async confirmEnrolment(accountId: number, code: string): Promise<string[] | undefined> {
    const row = await this.db.selectFrom('account_mfa').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    if (!row?.pending_secret) return undefined;
    const step = this.matchStep(row.pending_secret, code);
    if (step === undefined) return undefined;
    const codes = Array.from({ length: RECOVERY_CODES }, () => recoveryCode());
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('account_mfa').set({ secret: row.pending_secret, pending_secret: null, enabled_at: iso(this.clock()), last_step: step }).where('account_id', '=', accountId).execute();
      await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
      await trx.insertInto('recovery_codes').values(codes.map((c) => ({ account_id: accountId, code_hash: hashToken(normalizeRecoveryCode(c)), used_at: null }))).execute();
    });
    return codes;
  }

  /** Checks a TOTP code or an unused recovery code; either works once. */
  async verify(accountId: number, input: string): Promise<'totp' | 'recovery' | undefined> {
    const row = await this.db.selectFrom('account_mfa').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    if (!row?.secret || !row.enabled_at) return undefined;
    const code = input.replace(/\s+/g, '');
    if (/^\d{6}$/.test(code)) {
      const step = this.matchStep(row.secret, code);
      if (step === undefined || (row.last_step !== null && step <= row.last_step)) return undefined;
      // conditional update: two requests racing with one code cannot both win
      const res = await this.db
        .updateTable('account_mfa')
        .set({ last_step: step })
        .where('account_id', '=', accountId)
        .where((eb) => (row.last_step === null ? eb('last_step', 'is', null) : eb('last_step', '=', row.last_step)))
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0 ? 'totp' : undefined;
    }
    const normalized = normalizeRecoveryCode(code);
    if (normalized.length !== 10) return undefined;
    const res = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: iso(this.clock()) })
      .where('account_id', '=', accountId)
      .where('code_hash', '=', hashToken(normalized))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0 ? 'recovery' : undefined;
  }

  async remainingRecoveryCodes(accountId: number): Promise<number> {
    const rows = await this.db.selectFrom('recovery_codes').select('id').where('account_id', '=', accountId).where('used_at', 'is', null).execute();
    return rows.length;
  }

  async disable(accountId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('account_mfa').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
    });
  }

  /** The time step `code` belongs to (one step of clock drift either way), or undefined. */
  private matchStep(secret: string, code: string): number | undefined {
    const clean = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(clean)) return undefined;
    const now = this.clock().getTime();
    const delta = totpFor(secret, 'x').validate({ token: clean, timestamp: now, window: 1 });
    if (delta === null) return undefined;
    return Math.floor(now / 30_000) + delta;
  }
}

function recoveryCode(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** The current code for a secret: the tests' authenticator app. */
export function totpNow(secret: string, at: Date = new Date()): string {
  return totpFor(secret, 'x').generate({ timestamp: at.getTime() });
}
