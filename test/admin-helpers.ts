import http from 'node:http';
import type { Services } from '../src/app.ts';
import { seedNetwork, type Network } from './helpers.ts';

// A tiny browser for the admin tests: real HTTP on loopback, a Host header
// naming the portal, a cookie jar, form posts, and the page's CSRF token.

export const PASSWORD = 'mat-khau-thu-nghiem-2026';
export const CENTRAL = 'chinhphu.localhost';
export const PROVINCE = 'hanoi.localhost';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  location?: string;
}

export class AdminBrowser {
  readonly cookies = new Map<string, string>();
  /** the last page's CSRF token */
  csrf = '';

  constructor(
    readonly port: number,
    public host: string,
  ) {}

  request(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: this.port, path, method, agent: false, headers: { host: this.host, ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}), ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            for (const line of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
              const [pair, ...attrs] = line.split(';');
              const i = pair.indexOf('=');
              const name = pair.slice(0, i).trim();
              const value = pair.slice(i + 1).trim();
              if (!value || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
              else this.cookies.set(name, value);
            }
            const text = Buffer.concat(chunks).toString('utf8');
            const m = /name="_csrf" value="([^"]+)"/.exec(text);
            if (m) this.csrf = m[1];
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, location: res.headers.location });
          });
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, undefined, headers);
  }

  /** Posts a form; the CSRF token of the last page goes along unless `_csrf` is given (or null to leave it out). */
  post(path: string, fields: Record<string, string | string[] | null> = {}, headers: Record<string, string> = {}) {
    const params = new URLSearchParams();
    if (!('_csrf' in fields)) params.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) {
      if (v === null) continue;
      for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
    }
    return this.request('POST', path, params.toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers });
  }

  /** Posts multipart/form-data with one file. */
  upload(path: string, fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
    const boundary = `----lantoa${Date.now()}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries({ _csrf: this.csrf, ...fields })) {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
    return this.request('POST', path, Buffer.concat(parts), { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }

  async signIn(email: string, password = PASSWORD): Promise<Answer> {
    await this.get('/admin/login');
    return this.post('/admin/login', { email, password });
  }
}

/** A browser signed in as `email` at `host` (a refused sign-in fails the test): it keeps the session cookie and the CSRF token for the requests that follow. */
export async function signedInAs(port: number, host: string, email: string, password = PASSWORD): Promise<AdminBrowser> {
  const browser = new AdminBrowser(port, host);
  const res = await browser.signIn(email, password);
  if (res.status !== 303) throw new Error(`sign-in of ${email} at ${host} answered ${res.status}`);
  return browser;
}

export interface AdminNetwork extends Network {
  emails: Record<string, string>;
}

/** The test network, with a password on every account. */
export async function seedAdminNetwork(services: Services): Promise<AdminNetwork> {
  const network = await seedNetwork(services);
  const emails: Record<string, string> = {};
  for (const role of Object.keys(network.accountIds)) emails[role] = `${role}@test.gov.vn`;
  emails.writer2 = 'writer2@test.gov.vn';
  emails.provinceAdmin = 'admin@hanoi.test.gov.vn';
  for (const email of Object.values(emails)) {
    const account = await services.accounts.byEmail(email);
    await services.accounts.setPassword(account!.id, PASSWORD);
  }
  return { ...network, emails };
}

export const portOf = (url: string) => Number(new URL(url).port);
