import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The README's configuration table is the one list of environment variables an operator
// reads. Every variable the code reads must be in it: a setting added without a row there
// does not exist for anyone deploying Lantoa.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Names the code reads from the environment: `env.NAME`, `env?.NAME`, `env['NAME']`, and the store timeouts' `ms('NAME', …)`. */
function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  const read = /\benv\)?\??\.([A-Z][A-Z0-9_]+)\b|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]|\bms\('([A-Z][A-Z0-9_]+)'/g;
  for (const file of sourceFiles(path.join(root, 'src'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(read)) {
      const name = m[1] ?? m[2] ?? m[3];
      if (!found.has(name)) found.set(name, path.relative(root, file));
    }
  }
  return found;
}

function configurationSection(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Configuration\n');
  assert.ok(start >= 0, 'the README has a "## Configuration" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('the configuration table', () => {
  it('names every environment variable the code reads', () => {
    const read = variablesRead();
    // the scan must keep finding what the code reads: if settings move behind another accessor, teach it that one
    assert.ok(read.size >= 60, `found only ${read.size} variables read in src/; has the way settings are read changed?`);
    const table = new Set([...configurationSection().matchAll(/^\|([^|]*)\|/gm)].flatMap((m) => [...m[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((n) => n[1])));
    const missing = [...read].filter(([name]) => !table.has(name)).map(([name, file]) => `${name} (read in ${file})`);
    assert.deepEqual(missing, []);
  });
});
