import { createHash } from 'node:crypto';
import { ConflictError, DomainError } from '../../lib/errors.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { Store } from '../../store/index.ts';

// Idempotency keys (the `Idempotency-Key` header, as Stripe and the IETF
// draft use it): a client that does not know whether its create went through
// — its connection broke after the server committed — sends the same request
// with the same key again and gets the first answer back, not a second item.
//
// A key belongs to one bearer token and lives 24 hours. The first request
// with a key claims it (a row in `running` state; the primary key lets one
// of two concurrent requests win), runs, and stores its answer before the
// answer leaves. A second request with the key and the same method, path and
// body gets that answer again; with anything else, 422; while the first is
// still running, 409. Answers that say "try again" (5xx, 429) are not kept:
// the key is freed, so the retry runs.

export const KEY_TTL_MS = 24 * 3600_000;
/** How often (at most) one process sweeps expired keys, as a side effect of claiming one. */
const SWEEP_EVERY_MS = 10 * 60_000;
/** Bodies nested deeper than this are not canonicalised (nor are they any create's). */
const MAX_DEPTH = 200;

export interface StoredAnswer {
  status: number;
  contentType: string | null;
  location: string | null;
  body: string;
}

export type Claim = { kind: 'claimed'; release: (answer: StoredAnswer | null) => Promise<void> } | { kind: 'replay'; answer: StoredAnswer };

export class IdempotencyKeyMismatchError extends DomainError {
  constructor() {
    super(422, 'Idempotency key reused', 'This Idempotency-Key was used with another request (method, path or body) in the last 24 hours; use a new key for a new request.', {
      errors: [{ path: '/headers/idempotency-key', message: 'was used with a different request' }],
    });
  }
}

/** A key is 1 to 255 visible ASCII characters (a UUID is the usual choice). */
export function validKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}

/** The scope of a bearer token's keys: a hash of the token, so the table holds nothing that authenticates. */
export function tokenScope(token: string): string {
  return createHash('sha256').update(`lantoa idempotency scope v1\n${token}`).digest('hex');
}

/**
 * What makes two requests "the same": method, path (with query) and the body
 * as JSON with object keys sorted, so a client that re-serialises its body in
 * another key order still matches.
 */
export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method}\n${url}\n`).update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  // iterative, so a hostile nesting depth costs a refusal, not the stack
  const out: string[] = [];
  const stack: { v: unknown; depth: number; raw?: string }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth, raw } = stack.pop()!;
    if (raw !== undefined) {
      out.push(raw);
      continue;
    }
    if (depth > MAX_DEPTH) throw new DomainError(422, 'Invalid fields', `The body is nested deeper than ${MAX_DEPTH} levels.`);
    if (v === null || typeof v !== 'object') {
      out.push(v === undefined ? 'null' : JSON.stringify(v));
      continue;
    }
    const parts: { v: unknown; depth: number; raw?: string }[] = [];
    if (Array.isArray(v)) {
      parts.push({ v: null, depth, raw: '[' });
      v.forEach((x, i) => {
        if (i) parts.push({ v: null, depth, raw: ',' });
        parts.push({ v: x, depth: depth + 1 });
      });
      parts.push({ v: null, depth, raw: ']' });
    } else {
      const keys = Object.keys(v).sort();
      parts.push({ v: null, depth, raw: '{' });
      keys.forEach((k, i) => {
        parts.push({ v: null, depth, raw: `${i ? ',' : ''}${JSON.stringify(k)}:` });
        parts.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1 });
      });
      parts.push({ v: null, depth, raw: '}' });
    }
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
  }
  return out.join('');
}

export class IdempotencyKeys {
  private lastSweep = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Claims `key` for a request, or finds the answer it already had. Throws
   * IdempotencyKeyMismatchError (422) for another request under the same
   * key, ConflictError (409) while the first is still being answered.
   */
  async claim(scope: string, key: string, hash: string): Promise<Claim> {
    const now = this.clock();
    await this.sweep(now);
    const db = this.store.db;
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await db
        .insertInto('idempotency_keys')
        .values({ scope, key, request_hash: hash, state: 'running', status: null, content_type: null, location: null, body: null, created_at: iso(now), expires_at: iso(new Date(now.getTime() + KEY_TTL_MS)) })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
        return {
          kind: 'claimed',
          release: async (answer) => {
            if (!answer) {
              await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).where('state', '=', 'running').execute();
              return;
            }
            await db.updateTable('idempotency_keys').set({ state: 'done', status: answer.status, content_type: answer.contentType, location: answer.location, body: answer.body }).where('scope', '=', scope).where('key', '=', key).execute();
          },
        };
      }
      const row = await db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
      if (!row) continue; // released between our insert and our read: try again
      if (row.expires_at <= iso(now)) {
        await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).where('expires_at', '<=', iso(now)).execute();
        continue;
      }
      if (row.request_hash !== hash) throw new IdempotencyKeyMismatchError();
      if (row.state !== 'done' || row.status === null) {
        throw new ConflictError('A request with this Idempotency-Key is still being answered (or was interrupted); ask again in a moment. If it stays so, its outcome is unknown: look for the item before you use a new key.', {
          reason: 'idempotency-key-in-use',
        });
      }
      return { kind: 'replay', answer: { status: row.status, contentType: row.content_type, location: row.location, body: row.body ?? '' } };
    }
    throw new ConflictError('The Idempotency-Key is changing hands; ask again in a moment.', { reason: 'idempotency-key-in-use' });
  }

  /** Deletes expired keys; returns how many. */
  async purgeExpired(): Promise<number> {
    const res = await this.store.db.deleteFrom('idempotency_keys').where('expires_at', '<=', iso(this.clock())).executeTakeFirst();
    return Number(res.numDeletedRows ?? 0);
  }

  private async sweep(now: Date): Promise<void> {
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    await this.purgeExpired();
  }
}
