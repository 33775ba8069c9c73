import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { TABLE_OWNERS } from '../src/store/schema.ts';

// The boundaries of the modules (issue 18 item 2), kept by the suite rather than
// by goodwill: each module is used through its index.ts and knows nothing of
// HTTP (dependency-cruiser, .dependency-cruiser.cjs), and each table is named
// only in the source of the module that owns it (TABLE_OWNERS); the web layer,
// the CLI and the composition root name none. No store engine is involved, so
// this file runs once whatever TEST_DATABASE_URL says.

const root = path.resolve(import.meta.dirname, '..');

/**
 * Reads of another module's tables not yet moved behind that module: the
 * content module's public listings join sections (for their slugs) in SQL. The list only shrinks: a new read fails the test,
 * and so does an entry here that no longer occurs (remove it).
 */
const KNOWN: ReadonlyMap<string, number> = new Map([
  ['src/modules/content/item-rows.ts → sections (portals)', 1],
  ['src/modules/content/mapping.ts → sections (portals)', 1],
  ['src/modules/content/mirror.ts → sections (portals)', 1],
  ['src/modules/content/queries.ts → sections (portals)', 8],
]);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? sources(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

/** Code without its comments (a comment may name any table). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How many times `text` queries `table`: through Kysely's builders, or in SQL. */
function namings(text: string, table: string): number {
  const t = escape(table);
  const builder = new RegExp(String.raw`\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|replaceInto|mergeInto)\(\s*\[?\s*['"\`]${t}\b`, 'g');
  const inSql = new RegExp(String.raw`\b(?:from|join|into|update|exists|table|analyze)\s+(?:\w+\s*,\s*)*${t}\b`, 'gi');
  return (text.match(builder)?.length ?? 0) + (text.match(inSql)?.length ?? 0);
}

/** The module a source file belongs to; undefined for the web layer, the CLI and the composition root. */
const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1];

describe('module boundaries', () => {
  test('the table scanner sees queries written either way, and skips comments', () => {
    assert.equal(namings(code("db.selectFrom('sections as s').leftJoin('accounts as a', 'a.id', 's.x')"), 'sections'), 1);
    assert.equal(namings(code("db.selectFrom('sections as s').leftJoin('accounts as a', 'a.id', 's.x')"), 'accounts'), 1);
    assert.equal(namings(code('sql`select 1 from content_items ci left join sections s on s.id = ci.section_id`'), 'sections'), 1);
    assert.equal(namings(code('sql`analyze content_items, item_tags`'), 'item_tags'), 1);
    assert.equal(namings(code('// joins sections for their slugs\nconst sections = await portals.sections(id);'), 'sections'), 0);
  });

  test('every table is named only by the module that owns it', () => {
    const found = new Map<string, number>();
    for (const file of sources('src')) {
      if (file.startsWith('src/store/')) continue;
      const owner = moduleOf(file);
      const text = code(fs.readFileSync(path.join(root, file), 'utf8'));
      for (const [table, tableOwner] of Object.entries(TABLE_OWNERS)) {
        if (tableOwner === owner) continue;
        const n = namings(text, table);
        if (n) found.set(`${file} → ${table} (${tableOwner})`, n);
      }
    }
    const unexpected = [...found].filter(([k, n]) => (KNOWN.get(k) ?? 0) < n).map(([k, n]) => `${k}: ${n}`);
    assert.deepEqual(unexpected, [], 'a module (or the web layer, the CLI, the composition root) queries tables it does not own: ask their module instead');
    const gone = [...KNOWN].filter(([k, n]) => (found.get(k) ?? 0) < n).map(([k, n]) => `${k}: ${found.get(k) ?? 0} of ${n}`);
    assert.deepEqual(gone, [], "fewer reads of other modules' tables than KNOWN lists: lower or remove the entry");
  });

  test('every table has an owner that is a module', () => {
    const modules = new Set(fs.readdirSync(path.join(root, 'src/modules')));
    const orphans = Object.entries(TABLE_OWNERS).filter(([, owner]) => !modules.has(owner));
    assert.deepEqual(orphans, []);
  });

  test('no store handle is cast to another view of the tables', () => {
    const casts = sources('src')
      .filter((f) => !f.includes('/migrations/'))
      .flatMap((f) => (/as unknown as (?:Kysely|Transaction)\b|db as unknown as/.test(fs.readFileSync(path.join(root, f), 'utf8')) ? [f] : []));
    assert.deepEqual(casts, []);
  });

  test('imports keep to the rules of .dependency-cruiser.cjs', { timeout: 180_000 }, async () => {
    const bin = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const run = await promisify(execFile)(process.execPath, [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: root, maxBuffer: 256 * 1024 * 1024 }).catch(
      (err: { stdout?: string; stderr?: string; code?: number }) => {
        // depcruise exits non-zero when it finds violations; its report is still on stdout
        if (err.stdout) return { stdout: err.stdout, stderr: err.stderr ?? '' };
        throw err;
      },
    );
    const report = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[]; totalCruised: number } };
    assert.ok(report.summary.totalCruised > 100, `depcruise saw only ${report.summary.totalCruised} files`);
    const violations = report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
    assert.deepEqual(violations, []);
  });
});
