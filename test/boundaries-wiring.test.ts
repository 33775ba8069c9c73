import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

// The wiring's boundaries: the composition root (src/app.ts) is imported by
// nobody it wires, and the environment is read by one loader (src/config.ts).

const SRC = path.join(import.meta.dirname, '..', 'src');

function sources(): { rel: string; text: string }[] {
  return fs
    .readdirSync(SRC, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { rel: path.relative(SRC, file).split(path.sep).join('/'), text: fs.readFileSync(file, 'utf8') };
    });
}

describe('wiring boundaries', () => {
  it('neither the web layer nor a module imports the composition root (src/app.ts)', () => {
    const offenders = sources()
      .filter((f) => f.rel.startsWith('web/') || f.rel.startsWith('modules/'))
      .filter((f) => /from\s+'(?:\.\.\/)+app\.ts'|import\(\s*'(?:\.\.\/)+app\.ts'\s*\)/.test(f.text))
      .map((f) => `src/${f.rel}`);
    assert.deepEqual(offenders, [], 'import the Services type from src/services.ts');
  });
});
