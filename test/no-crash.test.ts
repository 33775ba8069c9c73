import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { engines } from './helpers.ts';
import { startSite, type SiteEnv } from './site-helpers.ts';
import { AdminBrowser, CENTRAL, PASSWORD } from './admin-helpers.ts';

// No request can end the process (issue 16, item 1). Names of Object.prototype's
// properties, control characters and broken escapes go to every family of routes,
// twice each — the crash the audit found needed a cached page on the second
// request — signed in and not; then the server must still answer, and nothing
// may have been a 5xx.

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];
/** Already percent-encoded: control characters, NUL, and escapes that do not decode. */
const HOSTILE_ESCAPES = ['%00', 'a%00b', '%0d%0aset-cookie:%20x=1', '%1b', '%7f', '%', '%zz', '%E0%A4%A', '%C0%AF', '%ff', '..%2f..%2f', '%2e%2e', '%5c'];

/** Addresses across every route family; X stands for the hostile word. */
const TEMPLATES = [
  // site pages of each kind, feeds, sitemaps, answers, trailing slashes, language prefixes
  '/X',
  '/X/',
  '/en/X',
  '/zh/X',
  '/vi/X',
  '/X/X',
  '/X/X/X',
  '/tin-tuc/X',
  '/tin-tuc/X/',
  '/X/feed.xml',
  '/tin-tuc/X/feed.xml',
  '/en/X/atom.xml',
  '/tag/X',
  '/news/X',
  '/legal-document/X',
  '/hoi-dap/X',
  '/sitemap-items-X.xml',
  '/tin-tuc?page=X',
  '/tin-tuc?X=X',
  '/?X=1',
  // search and feedback pages
  '/search?q=X',
  '/search?q=a&type=X&portal=X&sort=X&from=X&effectStatus=X&cursor=X&scope=X',
  '/en/search?X=X',
  '/phan-anh?X=X',
  '/phan-anh/tra-cuu?ma=X&lh=X',
  '/hoi-dap?q=X&page=X&X=1',
  // admin
  '/admin/X',
  '/admin?notice=X',
  '/admin/items?notice=X&status=X&type=X&lang=X&q=X',
  '/admin/items/X',
  '/admin/items/1/history?v=X',
  '/admin/assets/X',
  '/admin/lang/X',
  '/admin/login?next=X',
  '/admin/login?next=/X',
  '/admin/feedback?status=X&notice=X',
  '/admin/feedback/X',
  '/admin/channels?notice=X',
  '/admin/federation?notice=X',
  '/admin/analytics?range=X&from=X&to=X',
  '/admin/audit?action=X&actor=X',
  '/admin/media?kind=X&q=X',
  '/admin/sections/X',
  '/admin/reset/X',
  '/admin/network?from=X&to=X',
  // API
  '/api/X',
  '/api/v1/X',
  '/api/v1/portals/X',
  '/api/v1/portals/X/articles',
  '/api/v1/portals/chinhphu/articles?type=X&lang=X&section=X&q=X&cursor=X',
  '/api/v1/portals/chinhphu/sections?X=X',
  '/api/v1/portals/chinhphu/answers?field=X',
  '/api/v1/portals/chinhphu/stats?interval=X',
  '/api/v1/articles/X',
  '/api/v1/search?q=X&lang=X&type=X&portal=X',
  '/api/v1/search/suggest?q=X',
  '/api/v1/feedback/X',
  '/api/v1/network/stats?from=X',
  // federation
  '/.well-known/lantoa/X',
  '/.well-known/X',
  '/federation/v1/log?after=X&limit=X',
  '/federation/v1/X',
  // assets and media
  '/assets/X',
  '/assets/site-X.css',
  '/media/X',
  '/media/X/X.jpg',
  // operations
  '/healthz?X=1',
  '/readyz/X',
];

const HOSTS = [CENTRAL, '127.0.0.1', 'localhost'];

const fill = (template: string, word: string) => template.replaceAll('X', word);

/** A request that never gets an answer: the server lost it (a throw outside any handler). */
const NO_ANSWER = 0;
/** Generous: only a request the server dropped waits this long. */
const ANSWER_TIMEOUT_MS = 20_000;

/** One request over real HTTP; only the status matters here (NO_ANSWER when the connection dies or hangs). */
function hit(port: number, host: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<number> {
  return new Promise((resolve) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request({ host: '127.0.0.1', port, path, method, agent: false, headers: { host, ...length, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? NO_ANSWER));
      res.on('error', () => resolve(NO_ANSWER));
    });
    req.setTimeout(ANSWER_TIMEOUT_MS, () => req.destroy());
    req.on('error', () => resolve(NO_ANSWER));
    req.end(body);
  });
}

const broken = (status: number) => status === NO_ANSWER || status >= 500;

for (const engine of engines()) {
  describe(`no request ends the process (${engine})`, () => {
    let env: SiteEnv;
    let admin: AdminBrowser;
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => void uncaught.push(err);

    before(async () => {
      process.on('uncaughtException', onUncaught);
      env = await startSite(engine);
      const account = await env.services.accounts.byEmail('admin@test.gov.vn');
      await env.services.accounts.setPassword(account!.id, PASSWORD);
      admin = new AdminBrowser(env.port, CENTRAL);
      const signedIn = await admin.signIn('admin@test.gov.vn');
      assert.equal(signedIn.status, 303);
    });
    after(async () => {
      process.off('uncaughtException', onUncaught);
      await env?.close();
    });

    async function stillAlive() {
      assert.equal(await hit(env.port, '127.0.0.1', 'GET', '/healthz'), 200);
      assert.deepEqual(uncaught, []);
    }

    it('answers prototype names and hostile escapes on every route family twice, with no 5xx', async () => {
      const failures: string[] = [];
      const words = [...PROTOTYPE_NAMES, ...HOSTILE_ESCAPES];
      for (const word of words) {
        for (const template of TEMPLATES) {
          const path = fill(template, word);
          for (const host of HOSTS) {
            for (let round = 0; round < 2; round++) {
              const status = await hit(env.port, host, 'GET', path);
              if (broken(status)) failures.push(`${status} GET ${host}${path} (round ${round + 1})`);
            }
          }
          // signed in: the admin's pages go further than the sign-in form
          if (template.startsWith('/admin')) {
            for (let round = 0; round < 2; round++) {
              const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
              const status = await hit(env.port, CENTRAL, 'GET', path, { cookie });
              if (broken(status)) failures.push(`${status} GET (signed in) ${path} (round ${round + 1})`);
            }
          }
        }
      }
      await stillAlive();
      assert.equal(failures.length, 0, `answers that were 5xx or never came:\n${failures.join('\n')}`);
    });

    it('answers prototype names in Host headers, cookies and language preferences', async () => {
      const failures: string[] = [];
      for (const word of [...PROTOTYPE_NAMES, '%00', 'a%00b', '%']) {
        for (const path of ['/', '/tin-tuc', '/admin', '/admin/login', '/api/v1/portals', '/feed.xml']) {
          const variants: Array<[string, Record<string, string>]> = [
            [`${word}.localhost`, {}],
            [word, {}],
            [CENTRAL, { cookie: `${word}=1; lantoa_admin_lang=${word}; lantoa_admin=${word}; lantoa_pre=${word}` }],
            [CENTRAL, { 'accept-language': word, 'accept-encoding': word, 'if-none-match': word }],
          ];
          for (const [host, headers] of variants) {
            for (let round = 0; round < 2; round++) {
              const status = await hit(env.port, host, 'GET', path, headers);
              if (broken(status)) failures.push(`${status} GET ${host}${path} ${JSON.stringify(headers)}`);
            }
          }
        }
      }
      await stillAlive();
      assert.equal(failures.length, 0, `answers that were 5xx or never came:\n${failures.join('\n')}`);
    });

    it('answers hostile bodies: forms, JSON and beacons with prototype names and NUL', async () => {
      const failures: string[] = [];
      const send = async (method: string, host: string, path: string, body: string, type: string, headers: Record<string, string> = {}) => {
        for (let round = 0; round < 2; round++) {
          const status = await hit(env.port, host, method, path, { 'content-type': type, ...headers }, body);
          if (broken(status)) failures.push(`${status} ${method} ${host}${path} ${body.slice(0, 80)}`);
        }
      };
      const token = await env.services.accounts.createToken('admin@test.gov.vn');
      const words = [...PROTOTYPE_NAMES, 'a\u0000b'];
      for (const word of words) {
        const json = (o: unknown) => JSON.stringify(o);
        await send('POST', '127.0.0.1', '/api/event', json({ n: word, u: `http://${CENTRAL}/${encodeURIComponent(word)}`, r: word, w: word }), 'application/json');
        await send('POST', '127.0.0.1', '/api/event', json({ n: 'pageview', u: word }), 'text/plain');
        await send('POST', CENTRAL, '/phan-anh', new URLSearchParams({ [word]: word, kind: word, field: word, title: word }).toString(), 'application/x-www-form-urlencoded');
        await send('POST', CENTRAL, '/phan-anh/tra-cuu', new URLSearchParams({ ma: word, lh: word, text: word }).toString(), 'application/x-www-form-urlencoded');
        await send('POST', CENTRAL, '/admin/login', new URLSearchParams({ [word]: word, email: word, password: word, next: word }).toString(), 'application/x-www-form-urlencoded');
        await send('POST', '127.0.0.1', '/api/v1/feedback/lookup', json({ trackingCode: word, contact: word }), 'application/json');
        await send('POST', '127.0.0.1', '/api/v1/portals/chinhphu/articles', json({ type: word, lang: word, title: word, summary: word, body: word, section: word, meta: { [word]: word } }), 'application/json', {
          authorization: `Bearer ${token}`,
        });
        await send('POST', '127.0.0.1', '/api/v1/portals/chinhphu/articles', json({ type: 'news', lang: 'vi', title: word, summary: word, body: `<p>${word}</p>`, section: 'tin-tuc', tags: [word] }), 'application/json', {
          authorization: `Bearer ${token}`,
        });
        await send('POST', '127.0.0.1', '/api/v1/portals/chinhphu/subscriptions', json({ source: word, policy: { mode: word } }), 'application/json', { authorization: `Bearer ${token}` });
        await send('POST', '127.0.0.1', '/federation/v1/inbox', json({ type: word, [word]: word }), 'application/json', { signature: encodeURIComponent(word), 'signature-input': encodeURIComponent(word) });
        await send('POST', '127.0.0.1', '/api/v1/search', json({ q: word }), 'application/json');
      }
      await send('POST', '127.0.0.1', '/api/v1/portals/chinhphu/articles', '{"__proto__": {"x": 1}, "constructor": {"prototype": {"x": 1}}}', 'application/json', { authorization: `Bearer ${token}` });
      await stillAlive();
      assert.equal(failures.length, 0, `answers that were 5xx or never came:\n${failures.join('\n')}`);
    });

    it('refuses raw control characters in the request line without ending the process', async () => {
      for (const target of ['/\u0000', '/a\u0001b', '/%00\u007f']) {
        const answer = await new Promise<string>((resolve) => {
          const socket = net.connect(env.port, '127.0.0.1', () => socket.end(`GET ${target} HTTP/1.1\r\nHost: ${CENTRAL}\r\nConnection: close\r\n\r\n`));
          let text = '';
          socket.on('data', (c) => (text += c.toString('latin1')));
          socket.on('close', () => resolve(text));
          socket.on('error', () => resolve(text));
        });
        assert.match(answer, /^HTTP\/1\.1 4\d\d/, JSON.stringify(target));
      }
      await stillAlive();
    });
  });
}
