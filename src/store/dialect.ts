import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Engine } from './engine.ts';

// What SQLite and PostgreSQL do differently, said once. Modules call these
// instead of asking which engine they run on, so a third difference is added
// here and nowhere else. Each helper takes the store (or its engine).

type HasEngine = Engine | { engine: Engine };

const engineOf = (on: HasEngine): Engine => (typeof on === 'string' ? on : on.engine);

/** A value per engine, each named, so a new engine cannot be forgotten (adapter choice, tuning figures). */
export function byEngine<T>(on: HasEngine, choices: Record<Engine, T>): T {
  return choices[engineOf(on)];
}

/**
 * `haystack` holds `needle` as a plain substring: no LIKE, so no character a
 * user types (%, _) acts as a wildcard. `haystack` is an SQL expression
 * (`sql.ref('col')`, or a fragment such as `lower(coalesce(actor, ''))`).
 */
export function contains(on: HasEngine, haystack: RawBuilder<unknown>, needle: string): RawBuilder<boolean> {
  return engineOf(on) === 'postgres' ? sql<boolean>`strpos(${haystack}, ${needle}) > 0` : sql<boolean>`instr(${haystack}, ${needle}) > 0`;
}

/** Anything a row lock can be put on (Kysely's select builders). */
interface Lockable<Q> {
  forUpdate(): Q;
  forShare(): Q;
}

/**
 * Locks the selected rows for update until the transaction ends. PostgreSQL
 * needs it to keep concurrent writers out; SQLite has no row locks and needs
 * none, as its write transaction (BEGIN IMMEDIATE) already excludes every
 * other writer.
 */
export function lockForUpdate<Q extends Lockable<Q>>(on: HasEngine, q: Q): Q {
  return engineOf(on) === 'postgres' ? q.forUpdate() : q;
}

/** Share-locks the selected rows (writers of them wait, readers do not); none needed on SQLite, as above. */
export function lockForShare<Q extends Lockable<Q>>(on: HasEngine, q: Q): Q {
  return engineOf(on) === 'postgres' ? q.forShare() : q;
}

/**
 * Claims rows for this transaction, passing over those another worker holds
 * (a work queue's claim). On SQLite one writer runs at a time, so there is
 * nothing to pass over.
 */
export function claimUnlocked<Q extends Lockable<Q> & { skipLocked(): Q }>(on: HasEngine, q: Q): Q {
  return engineOf(on) === 'postgres' ? q.forUpdate().skipLocked() : q;
}

/** Whether several transactions may write at once (PostgreSQL), or one at a time (SQLite's single writer). */
export function concurrentWriters(on: HasEngine): boolean {
  return engineOf(on) === 'postgres';
}

/**
 * An aggregate turning each row into a JSON object (`fields`: alternating
 * names and values, as json_object takes them) and the rows into one JSON
 * array text, ordered by `orderBy`; `[]` when there are no rows. For use as
 * `(select ${jsonObjectArray(…)} from … where …)`.
 */
export function jsonObjectArray(on: HasEngine, fields: RawBuilder<unknown>, orderBy: RawBuilder<unknown>): RawBuilder<string> {
  return engineOf(on) === 'postgres' ? sql<string>`coalesce(json_agg(json_build_object(${fields}) order by ${orderBy}), '[]')::text` : sql<string>`json_group_array(json_object(${fields}) order by ${orderBy})`;
}

/**
 * Refreshes the planner's statistics after a bulk load. PostgreSQL plans from
 * statistics that autovacuum refreshes only a while later, and until then takes
 * the new rows for a handful; SQLite's planner is left as it is.
 */
export async function refreshStatistics<DB>(on: HasEngine, db: Kysely<DB>, tables: readonly string[]): Promise<void> {
  if (engineOf(on) !== 'postgres' || tables.length === 0) return;
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}

/**
 * Runs `fn` on one connection without parallel query workers (PostgreSQL: a
 * transaction with `max_parallel_workers_per_gather = 0`); on SQLite, as it is
 * on `db`. For many small reads that one page makes in a row.
 */
export async function withoutParallelWorkers<DB, T>(on: HasEngine, db: Kysely<DB>, fn: (db: Kysely<DB> | Transaction<DB>) => Promise<T>): Promise<T> {
  if (engineOf(on) !== 'postgres') return fn(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return fn(trx);
  });
}
