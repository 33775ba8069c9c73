import { outgoingRequest, unconfiguredPolicy, type OutboundPolicy, type OutgoingHttpError, type OutgoingRequest, type OutgoingResponse } from '../../lib/outbound.ts';
import { ConnectorError } from './types.ts';

// The one way connectors call platforms: a time limit, a cap on what is read
// back (a hostile or broken server can send gigabytes or an HTML error page),
// and network failures turned into ConnectorErrors, so no platform answer
// can crash the worker.

export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
/** How long a platform may take to answer: the channel's (LANTOA_SOCIAL_TIMEOUT_MS), else 15 s. */
export const answerTimeoutMs = (scope: CallScope) => scope.timeoutMs ?? 15_000;

export interface PlatformResponse {
  status: number;
  headers: Headers;
  text: string;
  /** the body parsed as JSON, or undefined when it is not JSON */
  json: unknown;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer | Uint8Array | URLSearchParams | FormData;
  timeoutMs?: number;
  /** the most read back (the platform's answer, a downloaded file) */
  maxBytes?: number;
}

/** What a call needs to know about its channel: where the deployment lets it go. */
export interface CallScope {
  /** a loopback deployment's when absent (ChannelService always sets the deployment's) */
  outbound?: OutboundPolicy;
  /** LANTOA_SOCIAL_TIMEOUT_MS as the deployment set it (ChannelService always sets it) */
  timeoutMs?: number;
}

/**
 * One request to a platform (or to a file a post links). The address comes
 * from the channel's `apiBaseUrl` or an editor's link, so it goes through the
 * outbound policy: refused before connecting when it leads into the
 * deployment's own network. A 3xx is the answer, never followed.
 */
export async function call(scope: CallScope, url: string, opts: CallOptions = {}): Promise<PlatformResponse> {
  const method = (opts.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { accept: '*/*', 'user-agent': 'Lantoa-Social/1', ...opts.headers };
  let body: Buffer | undefined;
  if (opts.body !== undefined) {
    // the platform encodes forms and multipart bodies the way fetch would
    const encoded = new Request('http://body.invalid/', { method: 'POST', body: opts.body as BodyInit });
    body = Buffer.from(await encoded.arrayBuffer());
    const type = encoded.headers.get('content-type');
    if (type && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = type;
  }
  let res: OutgoingResponse;
  try {
    res = await outgoingRequest({
      method: method as OutgoingRequest['method'],
      url,
      headers,
      body,
      timeoutMs: opts.timeoutMs ?? answerTimeoutMs(scope),
      maxBytes: opts.maxBytes ?? MAX_RESPONSE_BYTES,
      policy: scope.outbound ?? unconfiguredPolicy(),
      redirects: 'none',
    });
  } catch (err) {
    const e = err as OutgoingHttpError;
    // nothing was sent: an address the deployment does not reach, or no URL at all
    if (e.code === 'refused' || e.code === 'bad-url') throw new ConnectorError('disconnected', `${method} ${redact(url)} refused: ${e.message}`);
    if (e.code === 'too-large') throw new ConnectorError('retry-later', `${method} ${redact(url)}: the answer is larger than ${opts.maxBytes ?? MAX_RESPONSE_BYTES} bytes`, { ambiguous: true });
    const what = e.code === 'timeout' ? 'timed out' : `failed: ${e.message}`;
    // the request may have reached the platform: the caller must check before sending it again
    throw new ConnectorError('retry-later', `${method} ${redact(url)} ${what}`, { ambiguous: true });
  }
  const text = res.body.toString('utf8');
  let json: unknown;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: res.status, headers: new Headers(res.headers), text, json };
}

/**
 * A file a post links (a video, a cover picture), read whole up to `maxBytes`;
 * redirects are followed, each hop checked by the outbound policy. Throws
 * OutgoingHttpError (code `too-large`, `refused`, `timeout`, …).
 */
export function fetchLinkedFile(scope: CallScope, url: string, opts: { maxBytes: number; timeoutMs: number }): Promise<OutgoingResponse> {
  return outgoingRequest({ url, headers: { accept: '*/*', 'user-agent': 'Lantoa-Social/1' }, maxBytes: opts.maxBytes, timeoutMs: opts.timeoutMs, policy: scope.outbound ?? unconfiguredPolicy(), redirects: 'any' });
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
