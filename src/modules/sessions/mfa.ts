import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Store } from '../../store/index.ts';
import { hashToken } from '../accounts/index.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import { UnsealError, type Sealer } from '../../lib/secrets.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { AuditService } from '../audit/index.ts';

// Second factor: TOTP (RFC 6238, 30-second steps, 6 digits — what every
// authenticator app speaks) and ten one-time recovery codes for a lost phone.
// A TOTP code is accepted once: the last accepted time step is remembered.
//
// The shared secrets are sealed at rest (AES-256-GCM under a key derived from
// the deployment secret, bound to the account): a copy of the database alone
// cannot mint codes. Secrets stored in the clear by earlier versions are
// sealed the first time this process touches second factors, and any one
// still found in the clear on reading is sealed then.

/** The HKDF purpose of the key that seals TOTP secrets. */
export const TOTP_SEAL_PURPOSE = 'totp secrets v1';
const SEALED = /^v1\./;

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
  private sweep: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly sealer: Sealer,
    private readonly clock: Clock = systemClock,
    /** turning the second factor on or off for someone (`ctx`) writes its audit row in the same transaction */
    private readonly audit?: AuditService,
  ) {}

  private get db() {
    return this.store.db;
  }

  private seal(accountId: number, secret: string): string {
    return this.sealer.seal(secret, `account:${accountId}`);
  }

  /**
   * The base32 secret of a stored value. A value still in the clear is sealed
   * in place (only if nobody changed it meanwhile). A value that does not
   * open (another deployment secret, or copied from another account's row)
   * counts as no secret: the factor fails closed.
   */
  private async open(accountId: number, column: 'secret' | 'pending_secret', stored: string | null): Promise<string | undefined> {
    if (!stored) return undefined;
    if (!SEALED.test(stored)) {
      await this.db
        .updateTable('account_mfa')
        .set({ [column]: this.seal(accountId, stored) })
        .where('account_id', '=', accountId)
        .where(column, '=', stored)
        .execute();
      return stored;
    }
    try {
      return this.sealer.open(stored, `account:${accountId}`).toString('utf8');
    } catch (err) {
      if (err instanceof UnsealError) return undefined;
      throw err;
    }
  }

  /** Once per process: seal every secret an earlier version left in the clear. */
  private ready(): Promise<void> {
    this.sweep ??= (async () => {
      const rows = await this.db
        .selectFrom('account_mfa')
        .select(['account_id', 'secret', 'pending_secret'])
        .where((eb) => eb.or([eb.and([eb('secret', 'is not', null), eb('secret', 'not like', 'v1.%')]), eb.and([eb('pending_secret', 'is not', null), eb('pending_secret', 'not like', 'v1.%')])]))
        .execute();
      for (const row of rows) {
        await this.open(row.account_id, 'secret', row.secret);
        await this.open(row.account_id, 'pending_secret', row.pending_secret);
      }
    })();
    this.sweep.catch(() => {
      this.sweep = undefined; // tried again by the next call, not remembered as done
    });
    return this.sweep;
  }

  async isEnabled(accountId: number): Promise<boolean> {
    await this.ready();
    const row = await this.db.selectFrom('account_mfa').select('enabled_at').where('account_id', '=', accountId).executeTakeFirst();
    return Boolean(row?.enabled_at);
  }

  /** Makes a new secret, pending until a code from it is confirmed; the old factor (if any) stays until then. */
  async startEnrolment(accountId: number, label: string): Promise<Enrolment> {
    await this.ready();
    const secret = new Secret({ size: 20 }).base32;
    const sealed = this.seal(accountId, secret);
    const existing = await this.db.selectFrom('account_mfa').select('account_id').where('account_id', '=', accountId).executeTakeFirst();
    if (existing) await this.db.updateTable('account_mfa').set({ pending_secret: sealed }).where('account_id', '=', accountId).execute();
    else await this.db.insertInto('account_mfa').values({ account_id: accountId, secret: null, pending_secret: sealed, enabled_at: null, last_step: null }).execute();
    return this.describe(secret, label);
  }

  /** The pending enrolment, to show the QR code again (a reload of the page). */
  async pendingEnrolment(accountId: number, label: string): Promise<Enrolment | undefined> {
    await this.ready();
    const row = await this.db.selectFrom('account_mfa').select('pending_secret').where('account_id', '=', accountId).executeTakeFirst();
    const secret = await this.open(accountId, 'pending_secret', row?.pending_secret ?? null);
    return secret ? this.describe(secret, label) : undefined;
  }

  private async describe(secret: string, label: string): Promise<Enrolment> {
    const uri = totpFor(secret, label).toString();
    const QRCode = (await import('qrcode')).default; // loaded when someone enrols, not at start-up
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, uri, qrSvg };
  }

  /** Turns the pending secret on when `code` matches it; returns fresh recovery codes (shown once), or undefined. */
  async confirmEnrolment(accountId: number, code: string, ctx?: RequestContext): Promise<string[] | undefined> {
    await this.ready();
    const row = await this.db.selectFrom('account_mfa').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    const pending = await this.open(accountId, 'pending_secret', row?.pending_secret ?? null);
    if (!pending) return undefined;
    const step = this.matchStep(pending, code);
    if (step === undefined) return undefined;
    const codes = Array.from({ length: RECOVERY_CODES }, () => recoveryCode());
    const sealed = this.seal(accountId, pending);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('account_mfa')
        .set({ secret: sealed, pending_secret: null, enabled_at: iso(this.clock()), last_step: step })
        .where('account_id', '=', accountId)
        .execute();
      await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
      await trx
        .insertInto('recovery_codes')
        .values(codes.map((c) => ({ account_id: accountId, code_hash: hashToken(normalizeRecoveryCode(c)), used_at: null })))
        .execute();
      if (ctx && this.audit) await this.audit.recordFor(ctx, 'mfa-enabled', `account:${accountId}`, {}, trx);
    });
    return codes;
  }

  /** Checks a TOTP code or an unused recovery code; either works once. */
  async verify(accountId: number, input: string): Promise<'totp' | 'recovery' | undefined> {
    await this.ready();
    const row = await this.db.selectFrom('account_mfa').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    if (!row?.secret || !row.enabled_at) return undefined;
    const code = input.replace(/\s+/g, '');
    if (/^\d{6}$/.test(code)) {
      const secret = await this.open(accountId, 'secret', row.secret);
      if (!secret) return undefined;
      const step = this.matchStep(secret, code);
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

  async disable(accountId: number, ctx?: RequestContext): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('account_mfa').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
      if (ctx && this.audit) await this.audit.recordFor(ctx, 'mfa-disabled', `account:${accountId}`, {}, trx);
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
