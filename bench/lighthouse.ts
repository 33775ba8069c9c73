// Lighthouse (mobile preset) over the public page kinds of a running demo
// network, and the page weight of a portal home on a phone.
//
// Lighthouse is not a dependency of Lantoa; install it outside the repository:
//
//   npm i --prefix /tmp/lh lighthouse@12.2.3
//
// then start a demo network and point this at it:
//
//   PORT=4590 DATA_DIR=/tmp/lh-data npm start        # another shell
//   node --import tsx bench/lighthouse.ts [--port 4590] [--runs 3] [--lighthouse /tmp/lh] [--chromium /usr/bin/chromium]
//
// Pages: the central portal's home, its newest article, a legal document, a
// procedure, and a search result page. Each is measured --runs times; the
// median of each category score (performance, accessibility, best
// practices, SEO) is printed. Then the home is opened at 390 px in headless
// Chromium (playwright-core) and the bytes transferred until the network is
// quiet (the HTML, its styles and scripts, the pictures above the fold) are
// summed. Targets (issue 17): 100 everywhere, at least 95 for performance;
// the home under 250 KB on a phone.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '4590' },
    runs: { type: 'string', default: '3' },
    lighthouse: { type: 'string', default: '/tmp/lh' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
const port = Number(args.port);
const runs = Number(args.runs);
const lhBin = path.join(args.lighthouse, 'node_modules', '.bin', 'lighthouse');
if (!fs.existsSync(lhBin)) {
  process.stderr.write(`lighthouse not found at ${lhBin}; install it with: npm i --prefix ${args.lighthouse} lighthouse@12.2.3\n`);
  process.exit(2);
}
const FLAGS = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';
const base = `http://chinhphu.localhost:${port}`;

async function firstOf(type: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/portals/chinhphu/articles?lang=vi&type=${type}&limit=1`, { headers: { host: `localhost:${port}` } });
  if (!res.ok) throw new Error(`listing ${type}: HTTP ${res.status}`);
  const body = (await res.json()) as { items?: { url: string }[] } | { url: string }[];
  const items = Array.isArray(body) ? body : (body.items ?? []);
  if (!items.length) throw new Error(`no published ${type} at chinhphu`);
  return `${base}${new URL(items[0].url).pathname}`;
}

function lighthouse(url: string): Promise<Record<string, number>> {
  const out = path.join(os.tmpdir(), `lh-${process.pid}-${Date.now()}.json`);
  return new Promise((resolve, reject) => {
    execFile(lhBin, [url, '--quiet', '--output=json', `--output-path=${out}`, `--chrome-flags=${FLAGS}`, '--form-factor=mobile'], { env: { ...process.env, CHROME_PATH: args.chromium }, maxBuffer: 64 << 20 }, (err) => {
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { categories: Record<string, { score: number | null }> };
      fs.rmSync(out, { force: true });
      resolve(Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)])));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function pageWeight(url: string): Promise<{ bytes: number; requests: number; pictures: number }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: args.chromium, args: FLAGS.split(' ') });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    let requests = 0;
    let pictures = 0;
    const types = new Map<string, string>();
    cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
      if (types.get(e.requestId) === 'Image') pictures++;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    return { bytes, requests, pictures };
  } finally {
    await browser.close();
  }
}

const pages: [string, string][] = [
  ['home', `${base}/`],
  ['article', await firstOf('news')],
  ['legal document', await firstOf('legal-document')],
  ['procedure', await firstOf('procedure')],
  ['search', `${base}/search?q=${encodeURIComponent('chuyển đổi số')}`],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
process.stdout.write(
  `Lighthouse 12 (mobile), median of ${runs} runs; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
process.stdout.write(`${'page'.padEnd(16)} ${CATEGORIES.map((c) => c.padStart(15)).join('')}\n`);
for (const [name, url] of pages) {
  const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
  for (let i = 0; i < runs; i++) {
    const r = await lighthouse(url);
    for (const c of CATEGORIES) scores[c].push(r[c] ?? NaN);
  }
  process.stdout.write(`${name.padEnd(16)} ${CATEGORIES.map((c) => String(median(scores[c])).padStart(15)).join('')}   (runs: ${CATEGORIES.map((c) => scores[c].join('/')).join(' ')})  ${url}\n`);
}
const weight = await pageWeight(`${base}/`);
process.stdout.write(`home at 390 px: ${(weight.bytes / 1024).toFixed(1)} KB transferred in ${weight.requests} requests (${weight.pictures} pictures)\n`);
