import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// Proof of work for citizen feedback forms, in the challenge/payload format of
// ALTCHA (https://altcha.org, "v1" challenges of altcha-lib), so the stock
// <altcha-widget> can solve our challenges and post its payload unchanged.
//
//   challenge = hex sha256(salt + number)     number secret, 0..maxnumber
//   signature = hex HMAC-SHA256(secret, challenge)
//   payload   = base64(JSON {algorithm, challenge, number, salt, signature, took?})
//
// The server keeps no state between issuing and checking a challenge: the HMAC
// proves we issued it and the expiry inside the salt bounds its lifetime. What
// this class cannot know is whether a payload was already spent; see verify().

export interface PowChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

export type PowFailure = 'malformed' | 'wrong-algorithm' | 'bad-signature' | 'wrong-number' | 'expired';

export type PowResult = { ok: true; challenge: string } | { ok: false; reason: PowFailure };

export interface ProofOfWorkOptions {
  secret: Buffer | string;
  /** Upper bound (inclusive) of the secret number; the client's expected work is about half of it. */
  maxNumber?: number;
  /** How long an issued challenge may be solved and submitted. */
  ttlSeconds?: number;
  clock?: () => Date;
}

const ALGORITHM = 'SHA-256';
const DEFAULT_MAX_NUMBER = 100_000;
const DEFAULT_TTL_SECONDS = 600;
const SALT_BYTES = 16;
/** A genuine payload is about 300 characters; anything far bigger is not worth parsing. */
const MAX_PAYLOAD_CHARS = 4096;
/** Our salts are about 60 characters; the cap only stops hashing attacker-sized strings. */
const MAX_SALT_CHARS = 256;
/** crypto.randomInt refuses ranges of 2^48 or more. */
const MAX_MAX_NUMBER = 2 ** 48 - 2;

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const EXPIRES = /^[0-9]{1,12}$/;

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class ProofOfWork {
  readonly maxNumber: number;
  /** Exposed so a replay store knows how long a spent key must be remembered. */
  readonly ttlSeconds: number;
  private readonly secret: Buffer;
  private readonly clock: () => Date;

  constructor(options: ProofOfWorkOptions) {
    const secret = typeof options.secret === 'string' ? Buffer.from(options.secret, 'utf8') : Buffer.from(options.secret);
    // An empty key would make every signature forgeable by anyone; fail at boot, not per request.
    if (secret.length === 0) throw new Error('ProofOfWork: secret must not be empty');
    const maxNumber = options.maxNumber ?? DEFAULT_MAX_NUMBER;
    if (!Number.isSafeInteger(maxNumber) || maxNumber < 1 || maxNumber > MAX_MAX_NUMBER) {
      throw new Error(`ProofOfWork: maxNumber must be an integer in 1..${MAX_MAX_NUMBER}`);
    }
    const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1) {
      throw new Error('ProofOfWork: ttlSeconds must be a positive integer');
    }
    this.secret = secret;
    this.maxNumber = maxNumber;
    this.ttlSeconds = ttlSeconds;
    this.clock = options.clock ?? (() => new Date());
  }

  createChallenge(): PowChallenge {
    const nowMs = this.clock().getTime();
    if (!Number.isFinite(nowMs)) throw new Error('ProofOfWork: clock returned an invalid date');
    const expires = Math.floor(nowMs / 1000) + this.ttlSeconds;
    // The trailing '&' matters: without it salt + number is ambiguous, and a client
    // could move leading digits of the number onto the end of `expires` (same
    // hash, same signature, a far later expiry). altcha-lib adds the same
    // delimiter for the same reason. verify() insists on it.
    const salt = `${randomBytes(SALT_BYTES).toString('hex')}?expires=${expires}&`;
    const number = randomInt(0, this.maxNumber + 1);
    const challenge = sha256Hex(salt + number);
    return { algorithm: ALGORITHM, challenge, maxnumber: this.maxNumber, salt, signature: this.sign(challenge) };
  }

  /**
   * Checks an ALTCHA payload (base64 JSON as the widget posts it, or the raw
   * JSON). Never throws: anything unusable is `malformed`.
   *
   * A valid payload stays valid until it expires, so this alone does not stop
   * one solution being posted many times. The caller must record
   * `replayKey(result.challenge)` on success (for at least `ttlSeconds`) and
   * refuse a key it has already seen, atomically with accepting the submission.
   */
  verify(payload: string): PowResult {
    try {
      return this.check(payload);
    } catch {
      // Only reachable through a bug; a form endpoint should then refuse, not 500.
      return { ok: false, reason: 'malformed' };
    }
  }

  private check(payload: unknown): PowResult {
    const fields = parsePayload(payload);
    if (!fields) return { ok: false, reason: 'malformed' };
    const { algorithm, challenge, number, salt, signature } = fields;

    if (algorithm !== ALGORITHM) return { ok: false, reason: 'wrong-algorithm' };

    const expected = Buffer.from(this.sign(challenge), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'bad-signature' };
    }

    // The signature covers only the challenge; the salt (and its expiry) is bound
    // to it through this hash. A wrong number and an edited salt look the same here.
    if (sha256Hex(salt + number) !== challenge) return { ok: false, reason: 'wrong-number' };

    // Checked last so 'expired' is only ever said about a genuine solution that
    // arrived late: the one failure worth telling a citizen to simply retry.
    const nowMs = this.clock().getTime();
    if (!(nowMs <= fields.expires * 1000)) return { ok: false, reason: 'expired' };

    return { ok: true, challenge };
  }

  private sign(challenge: string): string {
    return createHmac('sha256', this.secret).update(challenge, 'utf8').digest('hex');
  }
}

interface PayloadFields {
  algorithm: string;
  challenge: string;
  number: number;
  salt: string;
  signature: string;
  expires: number;
}

/** Decodes and type-checks a payload; null for anything we would not hash. */
function parsePayload(input: unknown): PayloadFields | null {
  if (typeof input !== 'string' || input.length > MAX_PAYLOAD_CHARS) return null;
  const text = input.trim();
  if (text === '') return null;

  let json: string;
  if (text.startsWith('{')) {
    json = text;
  } else {
    // Buffer.from(…, 'base64') silently skips junk, so check the alphabet first.
    if (!BASE64.test(text) || text.length % 4 === 1) return null;
    try {
      json = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
    } catch {
      return null;
    }
  }

  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  const own = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);

  const algorithm = own('algorithm');
  const challenge = own('challenge');
  const number = own('number');
  const salt = own('salt');
  const signature = own('signature');
  if (typeof algorithm !== 'string' || typeof salt !== 'string' || typeof signature !== 'string') return null;
  if (typeof challenge !== 'string' || !HEX64.test(challenge)) return null;
  // Integers only: String(1.5) or String(1e21) would hash as text no honest
  // solver produces, and negatives are outside ALTCHA's 0..maxnumber range.
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) return null;

  // Our salts always end in '&' (see createChallenge) and always carry an expiry;
  // one without either did not come from us and must not get a free lifetime.
  if (salt.length > MAX_SALT_CHARS || !salt.endsWith('&')) return null;
  const query = salt.indexOf('?');
  if (query < 0) return null;
  const expiresText = new URLSearchParams(salt.slice(query + 1)).get('expires');
  if (expiresText === null || !EXPIRES.test(expiresText)) return null;

  return { algorithm, challenge, number, salt, signature, expires: Number(expiresText) };
}

/**
 * A fixed-length key for the replay store, derived from the challenge that
 * verify() returned. Hashing keeps keys uniform whatever the caller passes and
 * separates them from any other sha256 values kept in the same store; 128 bits
 * are plenty to avoid accidental collisions.
 */
export function replayKey(challenge: string): string {
  return sha256Hex(`lantoa:pow-replay:${challenge}`).slice(0, 32);
}

/**
 * Reference solver (tests, the CLI, the no-JavaScript fallback page): counts up
 * from 0 like the ALTCHA widget. Throws if the challenge has no solution in range,
 * which only happens for a challenge we did not issue.
 */
export function solveChallenge(c: PowChallenge): { number: number; took: number } {
  const max = c.maxnumber;
  if (!Number.isSafeInteger(max) || max < 0 || max > MAX_MAX_NUMBER) {
    throw new Error('solveChallenge: maxnumber out of range');
  }
  const started = performance.now();
  for (let n = 0; n <= max; n++) {
    // Plain hex comparison measured faster here than comparing digest buffers
    // or cloning a hash pre-fed with the salt.
    if (sha256Hex(c.salt + n) === c.challenge) {
      return { number: n, took: Math.round(performance.now() - started) };
    }
  }
  throw new Error('solveChallenge: no solution within maxnumber');
}

/** Builds the payload the ALTCHA widget would post for this solution. */
export function encodeSolution(c: PowChallenge, number: number, took?: number): string {
  const payload: Record<string, unknown> = {
    algorithm: c.algorithm,
    challenge: c.challenge,
    number,
    salt: c.salt,
    signature: c.signature,
  };
  if (took !== undefined) payload.took = took;
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
}
