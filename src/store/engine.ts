export type Engine = 'sqlite' | 'postgres';

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

/** Whether a value read from outside (a backup's manifest) names an engine we run on. */
export function isEngine(value: unknown): value is Engine {
  return ENGINES.some((e) => e === value);
}

/** The engine a deployment runs on: PostgreSQL when DATABASE_URL is set, else the SQLite file in DATA_DIR. */
export function engineFor(databaseUrl: string | undefined): Engine {
  return databaseUrl ? 'postgres' : 'sqlite';
}
