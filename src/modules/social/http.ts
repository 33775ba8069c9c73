import { ConnectorError } from './types.ts';

// The one way connectors call platforms: a time limit, a cap on what is read
// back (a hostile or broken server can send gigabytes or an HTML error page),
// and network failures turned into ConnectorErrors, so no platform answer
// can crash the worker.

export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
/** LANTOA_SOCIAL_TIMEOUT_MS: how long a platform may take to answer (15 s unless set). */
export const defaultTimeoutMs = () => (Number(process.env.LANTOA_SOCIAL_TIMEOUT_MS) > 0 ? Number(process.env.LANTOA_SOCIAL_TIMEOUT_MS) : 15_000);

export interface PlatformResponse {
  status: number;
  headers: Headers;
  text: string;
  /** the body parsed as JSON, or undefined when it is not JSON */
  json: any;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer | Uint8Array | URLSearchParams | FormData;
  timeoutMs?: number;
}

export async function call(url: string, opts: CallOptions = {}): Promise<PlatformResponse> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: opts.method ?? 'GET',
      headers: opts.headers,
      body: opts.body as BodyInit | undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? defaultTimeoutMs()),
    });
  } catch (err) {
    const e = err as Error;
    const what = e.name === 'TimeoutError' ? 'timed out' : `failed: ${(e.cause as Error | undefined)?.message ?? e.message}`;
    // the request may have reached the platform: the caller must check before sending it again
    throw new ConnectorError('retry-later', `${opts.method ?? 'GET'} ${redact(url)} ${what}`, { ambiguous: true });
  }
  let text: string;
  try {
    text = await readCapped(res, MAX_RESPONSE_BYTES);
  } catch (err) {
    throw new ConnectorError('retry-later', `${opts.method ?? 'GET'} ${redact(url)}: ${(err as Error).message}`, { status: res.status, ambiguous: true });
  }
  let json: any;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: res.status, headers: res.headers, text, json };
}

async function readCapped(res: Response, max: number): Promise<string> {
  const bytes = await readBytesCapped(res, max);
  if (!bytes) throw new Error(`the answer is larger than ${max} bytes`);
  return bytes.toString('utf8');
}

/** A response body, read up to `max` bytes; undefined (and the rest left unread) when it is larger. */
export async function readBytesCapped(res: Response, max: number): Promise<Buffer | undefined> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** Access tokens travel in query strings on some platforms: never put them in a message. */
export function redact(url: string): string {
  return url.replace(/([?&](?:access_token|token|auth_token|client_secret|refresh_token)=)[^&]*/gi, '$1…');
}

/** Milliseconds the platform asked to wait: Retry-After (seconds or a date) or an x-rate-limit-reset epoch. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ra = headers.get('retry-after');
  if (ra) {
    if (/^\d+$/.test(ra.trim())) return Number(ra) * 1000;
    const at = Date.parse(ra);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-rate-limit-reset');
  if (reset && /^\d+$/.test(reset.trim())) return Math.max(0, Number(reset) * 1000 - now);
  return undefined;
}

/** A short, log-safe description of an answer that was not what the API documents. */
export function describe(res: PlatformResponse): string {
  const snippet = res.text.replace(/\s+/g, ' ').slice(0, 200);
  return `HTTP ${res.status}${snippet ? `: ${snippet}` : ''}`;
}

/** Cuts text to `max` characters at a word boundary, with an ellipsis: the platform limits are rules, not rejections. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Hashtags from tags: letters and digits only, spaces dropped ("kinh tế số" → "#kinhtếsố"). */
export function hashtags(tags: string[], max = 3): string[] {
  return tags
    .map((t) => t.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter((t) => t.length > 1)
    .slice(0, max)
    .map((t) => `#${t}`);
}

/** Plain text of sanitized HTML: paragraphs as blank lines, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|figure|tr)>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}
