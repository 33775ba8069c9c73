import { randomBytes } from 'node:crypto';
import { CompiledQuery, sql, type Selectable } from 'kysely';
import type { Store } from '../../store/index.ts';
import { addDays } from './calendar.ts';
import { stateKey, type Counted, type Increment, type RollupKey, type VisitorState } from './counting.ts';
import { type AnalyticsDB, type AnalyticsExecutor, type AnalyticsVisitorTable } from './tables.ts';

// The analytics tables' writes: salts, day partitions, visitor states and
// the batch writes of raw events and rollups. Batches are written with
// multi-row statements built here (Kysely's builder costs more than the
// write itself at tens of thousands of rows a second), in a few fixed sizes
// so that SQLite's statement cache keeps seeing the same texts.

const CHUNKS = [256, 32, 4, 1];

type Row = unknown[];

/** Rows per PostgreSQL insert statement. */
const PG_CHUNK = 5000;
/** Array types of the analytics columns that are not text, for unnest(). */
const PG_TYPES: Record<string, string> = {
  portal_id: 'int',
  width: 'int',
  pageviews: 'int',
  visitors: 'int',
  visits: 'int',
  bounces: 'int',
  events: 'int',
  visit_views: 'int',
  views: 'int',
  last_view: 'bigint',
  visit_start: 'bigint',
};

/** Splits `rows` into runs of the fixed chunk sizes, largest first. */
function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  let i = 0;
  for (const size of CHUNKS) {
    while (rows.length - i >= size) {
      yield rows.slice(i, i + size);
      i += size;
    }
  }
}

/** Lets the event loop answer requests between two synchronous SQLite statements (or two slices of counting). */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export class AnalyticsStorage {
  readonly db: AnalyticsDB;
  private readonly salts = new Map<string, Buffer>();
  private readonly partitions = new Set<string>();

  constructor(private readonly store: Store) {
    this.db = store.db;
  }

  get engine() {
    return this.store.engine;
  }

  /** SQLite's `(?,?,…),(?,?,…)` for `rows` rows of `columns` values. */
  private placeholders(columns: number, rows: number): string {
    const row = `(${new Array(columns).fill('?').join(',')})`;
    return new Array(rows).fill(row).join(',');
  }

  /**
   * Inserts `items`, each made into a row (an array in `columns` order) by `toRow` as its chunk
   * goes out, with an optional ON CONFLICT clause. SQLite: multi-row statements of a few fixed
   * sizes, the event loop turning between them. PostgreSQL: one statement per PG_CHUNK rows, the
   * columns sent as arrays and unnested by the server, which parses and plans a handful of
   * parameters instead of thousands.
   */
  async insert<T>(db: AnalyticsExecutor, table: string, columns: string[], items: readonly T[], toRow: (item: T) => Row, conflict = ''): Promise<void> {
    if (this.engine === 'postgres') {
      const casts = columns.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`).join(',');
      const text = `insert into ${table} (${columns.join(',')}) select * from unnest(${casts})${conflict ? ` ${conflict}` : ''}`;
      for (let from = 0; from < items.length; from += PG_CHUNK) {
        const arrays: unknown[][] = columns.map(() => []);
        for (const item of items.slice(from, from + PG_CHUNK)) {
          const row = toRow(item);
          for (let c = 0; c < row.length; c++) arrays[c].push(row[c]);
        }
        await db.executeQuery(CompiledQuery.raw(text, arrays));
      }
      return;
    }
    for (const chunk of chunks(items)) {
      const text = `insert into ${table} (${columns.join(',')}) values ${this.placeholders(columns.length, chunk.length)}${conflict ? ` ${conflict}` : ''}`;
      const params: unknown[] = [];
      for (const item of chunk) params.push(...toRow(item));
      await db.executeQuery(CompiledQuery.raw(text, params));
      await breathe();
    }
  }

  // ---------- salts ----------

  /** The day's salt: made (randomly, once, by whichever process comes first) and then kept in memory for the day. */
  async saltFor(day: string): Promise<Buffer> {
    const cached = this.salts.get(day);
    if (cached) return cached;
    await this.db
      .insertInto('analytics_salts')
      .values({ day, salt: randomBytes(32).toString('base64') })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    const row = await this.db.selectFrom('analytics_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
    const salt = Buffer.from(row.salt, 'base64');
    this.salts.set(day, salt);
    return salt;
  }

  holdsSaltBefore(today: string): boolean {
    for (const day of this.salts.keys()) if (day < today) return true;
    return false;
  }

  /** Deletes the salts (and the visitor states) of days before `today`: nobody can link their hashes to anyone again. */
  async forgetBefore(today: string): Promise<void> {
    for (const day of this.salts.keys()) if (day < today) this.salts.delete(day);
    await this.db.deleteFrom('analytics_salts').where('day', '<', today).execute();
    await this.db.deleteFrom('analytics_visitors').where('day', '<', today).execute();
  }

  // ---------- raw-event partitions (PostgreSQL) ----------

  /** Creates the day partitions of the raw-event table for `days` (and the next day, ahead of midnight). */
  async ensurePartitions(days: Iterable<string>): Promise<void> {
    if (this.engine !== 'postgres') return;
    for (const day of days) {
      for (const d of [day, addDays(day, 1)]) {
        if (this.partitions.has(d)) continue;
        const name = `analytics_events_${d.replace(/-/g, '')}`;
        try {
          await sql`create table if not exists ${sql.id(name)} partition of analytics_events for values from (${sql.lit(d)}) to (${sql.lit(addDays(d, 1))})`.execute(this.db);
        } catch (err) {
          // two processes creating the same partition at once: one wins, the other finds it there
          const exists = await sql<{ n: number }>`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname = ${name} and n.nspname = current_schema()`.execute(this.db);
          if (!exists.rows[0]?.n) throw err;
        }
        this.partitions.add(d);
      }
    }
  }

  /** Drops (PostgreSQL) or deletes (SQLite) raw events of days before `day`. */
  async pruneRawBefore(day: string): Promise<void> {
    if (this.engine === 'postgres') {
      const parts = await sql<{
        name: string;
      }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid = p.relnamespace where p.relname = 'analytics_events' and n.nspname = current_schema()`.execute(
        this.db,
      );
      const cutoff = `analytics_events_${day.replace(/-/g, '')}`;
      for (const { name } of parts.rows) {
        if (/^analytics_events_\d{8}$/.test(name) && name < cutoff) {
          await sql`drop table if exists ${sql.id(name)}`.execute(this.db);
          this.partitions.delete(`${name.slice(17, 21)}-${name.slice(21, 23)}-${name.slice(23, 25)}`);
        }
      }
      return;
    }
    // in slices, so a large day does not hold the one SQLite connection for long
    for (;;) {
      const r = await sql`delete from analytics_events where rowid in (select rowid from analytics_events where day < ${day} limit 5000)`.execute(this.db);
      if (Number(r.numAffectedRows ?? 0) < 5000) break;
      await breathe();
    }
  }

  async pruneMinutesBefore(bucket: string): Promise<void> {
    await this.db.deleteFrom('analytics_minute').where('bucket', '<', bucket).execute();
  }

  // ---------- visitor states ----------

  /** Loads the states of the given (day, visitor) pairs; on PostgreSQL locks them until the transaction ends. */
  async loadStates(trx: AnalyticsExecutor, keys: Array<{ day: string; visitor: string }>): Promise<Map<string, VisitorState>> {
    const out = new Map<string, VisitorState>();
    const byDay = new Map<string, string[]>();
    for (const k of keys) {
      let list = byDay.get(k.day);
      if (!list) byDay.set(k.day, (list = []));
      list.push(k.visitor);
    }
    // on PostgreSQL, days and visitors in sorted order: concurrent writers lock rows in the same order and never deadlock
    const locking = this.engine === 'postgres';
    for (const [day, visitors] of [...byDay].sort((a, b) => cmp(a[0], b[0]))) {
      const unique = locking ? [...new Set(visitors)].sort() : [...new Set(visitors)];
      // PostgreSQL: one statement for the day's visitors, the list sent as one array parameter
      // and the rows locked in the order of the sort; SQLite: runs of 500, the loop turning between
      const step = locking ? PG_CHUNK : 500;
      for (let i = 0; i < unique.length; i += step) {
        const part = unique.slice(i, i + step);
        const rows = locking
          ? (await sql<Selectable<AnalyticsVisitorTable>>`select * from analytics_visitors where day = ${day} and visitor = any(${part}::text[]) order by visitor for update`.execute(trx)).rows
          : await trx.selectFrom('analytics_visitors').selectAll().where('day', '=', day).where('visitor', 'in', part).execute();
        if (!locking) await breathe();
        for (const r of rows) {
          out.set(stateKey(r.day, r.visitor), {
            day: r.day,
            visitor: r.visitor,
            portalId: r.portal_id,
            lastView: Number(r.last_view),
            visitStart: Number(r.visit_start),
            visitViews: r.visit_views,
            visitSource: r.visit_source,
            views: r.views,
            seen: new Set(r.seen ? r.seen.split(',') : []),
          });
        }
      }
    }
    return out;
  }

  /** Writes a counted batch: raw events, the three rollups and the changed visitor states. */
  async write(trx: AnalyticsExecutor, counted: Counted): Promise<void> {
    await this.insert(trx, 'analytics_events', ['day', 'ts', 'portal_id', 'name', 'path', 'visitor', 'source', 'referrer', 'device', 'browser', 'lang', 'width', 'props'], counted.raw, (r) => [
      r.day,
      r.ts,
      r.portal_id,
      r.name,
      r.path,
      r.visitor,
      r.source,
      r.referrer,
      r.device,
      r.browser,
      r.lang,
      r.width,
      r.props,
    ]);

    // sorted, so concurrent writers on PostgreSQL take row locks in the same order and never deadlock
    const sorted = (m: Map<string, RollupKey & Increment>) => [...m.values()].sort((a, b) => a.portalId - b.portalId || cmp(a.dim, b.dim) || cmp(a.bucket, b.bucket) || cmp(a.value, b.value));
    const add = (table: string) => ['pageviews', 'visitors', 'visits', 'bounces', 'events'].map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
    // the three rollups differ only in their table and the name of their time column
    for (const [table, time, rows] of [
      ['analytics_minute', 'bucket', counted.minute],
      ['analytics_hourly', 'bucket', counted.hourly],
      ['analytics_daily', 'day', counted.daily],
    ] as const) {
      await this.insert(
        trx,
        table,
        ['portal_id', 'dim', time, 'value', 'pageviews', 'visitors', 'visits', 'bounces', 'events'],
        sorted(rows),
        (r) => [r.portalId, r.dim, r.bucket, r.value, r.pageviews, r.visitors, r.visits, r.bounces, r.events],
        `on conflict (portal_id, dim, ${time}, value) do update set ${add(table)}`,
      );
    }
    // sorted on PostgreSQL only: SQLite has one writer at a time, and sorting a second's visitors costs a turn of the event loop
    const states = this.engine === 'postgres' ? [...counted.changed.values()].sort((a, b) => cmp(a.day, b.day) || cmp(a.visitor, b.visitor)) : [...counted.changed.values()];
    await this.insert(
      trx,
      'analytics_visitors',
      ['day', 'visitor', 'portal_id', 'last_view', 'visit_start', 'visit_views', 'visit_source', 'views', 'seen'],
      states,
      (s) => [s.day, s.visitor, s.portalId, s.lastView, s.visitStart, s.visitViews, s.visitSource, s.views, [...s.seen].join(',')],
      'on conflict (day, visitor) do update set last_view = excluded.last_view, visit_start = excluded.visit_start, visit_views = excluded.visit_views, visit_source = excluded.visit_source, views = excluded.views, seen = excluded.seen',
    );
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
