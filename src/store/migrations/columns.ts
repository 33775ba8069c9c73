import type { Engine } from '../engine.ts';

// The one dialect difference most migrations meet: how an auto-incrementing
// key is spelled. `withId(engine)(db.schema.createTable('x'))` adds it.

export function withId(engine: Engine) {
  return (t: any) => (engine === 'postgres' ? t.addColumn('id', 'serial', (c: any) => c.primaryKey()) : t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement()));
}
