import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The docs point at each other and at the source: README.md is a front door to docs/, and a
// page moved or a heading renamed must not leave a link going nowhere. Every relative link in
// README.md, CONTRIBUTING.md and docs/**/*.md must name a file or folder that exists, and an
// anchor into a Markdown file must name one of its headings (as GitHub spells them).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : e.name.endsWith('.md') ? [p] : [];
    });
  return [path.join(root, 'README.md'), path.join(root, 'CONTRIBUTING.md'), ...walk(path.join(root, 'docs'))];
}

/** The text outside fenced code blocks and inline code, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of inline links and images, `[text](target "title")`. */
function linkTargets(markdown: string): string[] {
  const out: string[] = [];
  for (const m of prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]);
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const text = fs.readFileSync(file, 'utf8').replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = anchorOf(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(fs.readFileSync(file, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // http:, mailto: …: not ours to check
    const [rawPath, anchor] = target.split('#', 2);
    const filePath = decodeURIComponent(rawPath);
    const resolved = filePath === '' ? file : filePath.startsWith('/') ? path.join(root, filePath) : path.resolve(path.dirname(file), filePath);
    if (!resolved.startsWith(root + path.sep) && resolved !== root) {
      broken.push(`${target} (outside the repository)`);
      continue;
    }
    if (!fs.existsSync(resolved)) {
      broken.push(`${target} (no such file)`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) broken.push(`${target} (no heading #${anchor})`);
  }
  return broken;
}

describe('links in the docs', () => {
  it('the anchors are spelled as GitHub spells them', () => {
    assert.equal(anchorOf('Page cache, HTTP caching and CDN purging'), 'page-cache-http-caching-and-cdn-purging');
    assert.equal(anchorOf('The admin (`/admin`)'), 'the-admin-admin');
    assert.equal(anchorOf('Federation → outgoing requests'), 'federation--outgoing-requests');
    assert.equal(anchorOf('Hỏi đáp'), 'hỏi-đáp');
  });

  it('finds links in prose but not in code', () => {
    assert.deepEqual(linkTargets('see [a](docs/a.md#x) and ![i](p.png "t")\n\n```\n[b](nowhere.md)\n```\n`[c](nor-here.md)`'), ['docs/a.md#x', 'p.png']);
  });

  it('a link to a missing file or heading is reported', () => {
    const dir = fs.mkdtempSync(path.join(root, 'test', '.docs-links-'));
    try {
      const file = path.join(dir, 'page.md');
      fs.writeFileSync(file, '# Page\n\n## Known heading\n\n[ok](#known-heading) [gone](missing.md) [bad anchor](page.md#unknown) [web](https://example.org/x)\n');
      assert.deepEqual(brokenLinks(file), ['missing.md (no such file)', 'page.md#unknown (no heading #unknown)']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const file of markdownFiles()) {
    it(`every relative link in ${path.relative(root, file)} leads somewhere`, () => {
      assert.deepEqual(brokenLinks(file), []);
    });
  }

  it('the README links every page of docs/', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const linked = new Set(linkTargets(readme).map((t) => t.split('#')[0]));
    const pages = fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md'));
    assert.deepEqual(
      pages.filter((p) => !linked.has(`docs/${p}`)),
      [],
    );
  });
});
