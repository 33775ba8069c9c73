import { asAnswer, at, list, readTokenAnswer, str, type Answer } from '../answer.ts';
import { call, describe, fetchLinkedFile, hashtags, retryAfterMs, shorten, type CallScope, type PlatformResponse } from '../http.ts';
import { ConnectorError, type ChannelRuntime, type Connector, type DeliveryState, type PostMetrics, type PublishResult, type SocialPost } from '../types.ts';

// X (API v2) with an OAuth 2.0 user-context token: Bearer auth, access tokens
// that live two hours, and refresh tokens that X replaces on every use (the
// caller must store the new pair at once). A post is the title, a couple of
// hashtags and the link, within X's weighted 280; items with a cover picture
// get it attached through the chunked media upload. The API tier we target
// cannot edit posts, so there is no `update`.

const TWEET_MAX = 280;
/** every link is wrapped in a t.co address of this weight, whatever its length */
const URL_WEIGHT = 23;
/** below this much room for the title, the hashtags give way */
const MIN_TITLE_ROOM = 80;
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_TIMEOUT_MS = 15_000;
const SEGMENT_BYTES = 1024 * 1024;
/** how long one attempt waits for X to process an upload; the next attempt resumes the wait */
const PROCESSING_WAIT_MS = 30_000;
const PROCESSING_CHECK_MAX_MS = 5_000;
/** media ids stop working after a day; an id about to lapse is not worth reusing */
const MEDIA_REUSE_MARGIN_MS = 15 * 60_000;
const DEFAULT_THROTTLE_MS = 60_000;
/** Tweets read per page while looking for our own, and pages read at most: only after an answer was lost, so rare. */
const TIMELINE_PAGE = 100;
const TIMELINE_PAGES = 32; // X serves a user timeline back to 3,200 tweets
/** How far before the earlier attempt to look: clocks differ. */
const LOOK_BEFORE_MS = 5 * 60_000;
const DUPLICATE = 'duplicate-content';

// ---------- counting as X counts ----------

/** Code point ranges X counts once; everything else (CJK, emoji, Vietnamese letters with two marks) counts twice. */
const SINGLE_WEIGHT_RANGES: [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

function plainWeight(text: string): number {
  let total = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    total += SINGLE_WEIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
  }
  return total;
}

// Links with a scheme, and bare domains X may also turn into links ("chinhphu.vn").
const LINKISH = /https?:\/\/[^\s]+|(?<![\p{L}\p{N}@._-])(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?:\/[^\s]*)?/giu;

/**
 * The length X measures: NFC text, a link counts as 23. A bare word that
 * looks like a domain counts at least 23, since X may or may not link it;
 * erring long only cuts the title a little more.
 */
export function weightedLength(text: string): number {
  const s = text.normalize('NFC');
  let total = 0;
  let last = 0;
  for (const m of s.matchAll(LINKISH)) {
    total += plainWeight(s.slice(last, m.index));
    total += /^https?:\/\//i.test(m[0]) ? URL_WEIGHT : Math.max(URL_WEIGHT, plainWeight(m[0]));
    last = m.index + m[0].length;
  }
  return total + plainWeight(s.slice(last));
}

function shortenWeighted(text: string, max: number): string {
  if (weightedLength(text) <= max) return text;
  for (let n = Math.min([...text].length, max); n >= 1; n--) {
    const cut = shorten(text, n);
    if (weightedLength(cut) <= max) return cut;
  }
  return '';
}

/** The post's text: title, hashtags while there is room for them, and the link, which is never cut. */
export function formatX(post: SocialPost): string {
  // the editor's own text is the post: no hashtags added, only the link, which is never cut
  if (post.socialText) {
    const tail = `\n\n${post.url}`;
    const head = shortenWeighted(post.socialText.normalize('NFC').trim(), Math.max(0, TWEET_MAX - weightedLength(tail)));
    return head ? head + tail : post.url;
  }
  const title = post.title.normalize('NFC').replace(/\s+/g, ' ').trim();
  const tags = hashtags(
    post.tags.map((t) => t.normalize('NFC')),
    2,
  ).join(' ');
  const tail = (tagLine: string) => (tagLine ? `\n\n${tagLine}\n${post.url}` : `\n\n${post.url}`);
  let tagLine = tags;
  let room = TWEET_MAX - weightedLength(tail(tagLine));
  if (tagLine && weightedLength(title) > room && room < MIN_TITLE_ROOM) {
    tagLine = '';
    room = TWEET_MAX - weightedLength(tail(tagLine));
  }
  const head = shortenWeighted(title, Math.max(0, room));
  return head ? head + tail(tagLine) : tail(tagLine).trimStart();
}

// ---------- answers ----------

function problemText(json: unknown): string {
  if (!json || typeof json !== 'object') return '';
  const answer = asAnswer(json);
  const parts: string[] = [];
  for (const key of ['title', 'detail', 'reason', 'type', 'error', 'error_description'] as const) {
    const said = str(answer[key]);
    if (said !== undefined) parts.push(said);
  }
  for (const e of list(answer.errors).slice(0, 3)) {
    const said = str(at(e, 'message'));
    if (said !== undefined) parts.push(said);
  }
  return parts.join(' | ').replace(/\s+/g, ' ').slice(0, 400);
}

function throttleWaitMs(headers: Headers, now = Date.now()): number {
  // the 24-hour caps of the lower tiers outlast the 15-minute window: an empty one decides
  for (const scope of ['user', 'app']) {
    if (headers.get(`x-${scope}-limit-24hour-remaining`)?.trim() !== '0') continue;
    const reset = Number(headers.get(`x-${scope}-limit-24hour-reset`));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  }
  return retryAfterMs(headers, now) ?? DEFAULT_THROTTLE_MS;
}

/** A failed X answer sorted into what to do about it. */
export function classifyX(res: PlatformResponse): ConnectorError {
  const status = res.status;
  const said = problemText(res.json);
  const message = `X answered ${said ? `${status}: ${said}` : describe(res)}`;
  if (status === 401) return new ConnectorError('refresh-token', message, { status });
  if (status === 429) return new ConnectorError('retry-later', message, { status, retryAfterMs: throttleWaitMs(res.headers) });
  if (status >= 500 || res.json === undefined || (status >= 200 && status < 300)) {
    // a success status with a broken body may well mean the post was made
    return new ConnectorError('retry-later', message, { status, ambiguous: status >= 200 && status < 300 });
  }
  if (status === 403) {
    if (/duplicate content/i.test(said)) return new ConnectorError('bad-content', message, { status, code: DUPLICATE });
    if (/suspend|locked|not permitted to perform|authori[sz]|oauth|client-not-enrolled|unsupported-authentication|revoked/i.test(said)) {
      return new ConnectorError('disconnected', `${message} (reconnect the X account with write access)`, { status });
    }
  }
  return new ConnectorError('bad-content', message, { status });
}

function credentials(channel: ChannelRuntime): { accessToken: string; refreshToken: string; clientId: string; clientSecret?: string } {
  const { accessToken, refreshToken, clientId, clientSecret } = channel.credentials;
  if (!accessToken || !refreshToken || !clientId) throw new ConnectorError('disconnected', 'the X channel lacks its access token, refresh token or client id');
  return { accessToken, refreshToken, clientId, clientSecret: clientSecret || undefined };
}

function apiBase(channel: ChannelRuntime): string {
  return channel.apiBaseUrl.replace(/\/+$/, '');
}

interface XRequest {
  json?: unknown;
  form?: FormData;
  query?: Record<string, string>;
}

async function x(channel: ChannelRuntime, method: 'GET' | 'POST' | 'DELETE', path: string, req: XRequest = {}): Promise<Answer> {
  const { accessToken } = credentials(channel);
  const headers: Record<string, string> = { authorization: `Bearer ${accessToken}` };
  let body: string | FormData | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) body = req.form;
  const query = req.query ? `?${new URLSearchParams(req.query)}` : '';
  const res = await call(channel, `${apiBase(channel)}${path}${query}`, { method, headers, body });
  if (res.status < 200 || res.status >= 300) throw classifyX(res);
  // some calls (a media append) answer with nothing at all
  if (!res.text.trim()) return {};
  if (!res.json || typeof res.json !== 'object') throw classifyX(res);
  return asAnswer(res.json);
}

function tweetId(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{1,30}$/.test(value) ? value : undefined;
}

const tweetUrl = (id: string) => `https://x.com/i/web/status/${id}`;

function refusedOutright(err: unknown): boolean {
  if (!(err instanceof ConnectorError) || err.details.ambiguous) return false;
  const status = err.details.status;
  return status !== undefined && status >= 400 && status < 500;
}

// ---------- the picture ----------

interface Image {
  bytes: Buffer;
  type: string;
}

function sniffImageType(b: Buffer): string | undefined {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return 'image/gif';
  return undefined;
}

/** The cover picture's bytes, or nothing when it cannot be had: a post without its picture beats no post. */
async function fetchImage(scope: CallScope, url: string): Promise<Image | undefined> {
  try {
    const res = await fetchLinkedFile(scope, url, { maxBytes: IMAGE_MAX_BYTES, timeoutMs: IMAGE_TIMEOUT_MS });
    if (res.status < 200 || res.status >= 300 || res.body.length === 0) return undefined;
    // the bytes decide the type: a server's content-type is often wrong
    const type = sniffImageType(res.body);
    return type ? { bytes: res.body, type } : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until X has processed an upload; false when processing failed. */
async function awaitProcessing(channel: ChannelRuntime, mediaId: string, processing: unknown): Promise<boolean> {
  const deadline = Date.now() + PROCESSING_WAIT_MS;
  let info = processing;
  while (info && typeof info === 'object' && at(info, 'state') !== 'succeeded') {
    if (at(info, 'state') === 'failed') return false;
    if (Date.now() >= deadline) throw new ConnectorError('retry-later', `X is still processing media ${mediaId}`, { retryAfterMs: PROCESSING_CHECK_MAX_MS });
    const wait = Number(at(info, 'check_after_secs'));
    await sleep(Number.isFinite(wait) && wait > 0 ? Math.min(wait * 1000, PROCESSING_CHECK_MAX_MS) : 0);
    const status = await x(channel, 'GET', '/media/upload', { query: { command: 'STATUS', media_id: mediaId } });
    info = at(status, 'data', 'processing_info');
  }
  return true;
}

async function upload(channel: ChannelRuntime, image: Image, state: DeliveryState): Promise<string | undefined> {
  const init = await x(channel, 'POST', '/media/upload/initialize', { json: { media_type: image.type, total_bytes: image.bytes.length, media_category: 'tweet_image' } });
  const id = tweetId(at(init, 'data', 'id'));
  if (!id) throw new ConnectorError('retry-later', 'X started a media upload without giving its id', { status: 200 });
  const lifetimeSecs = Number(at(init, 'data', 'expires_after_secs'));
  const path = `/media/upload/${id}`;
  for (let offset = 0, index = 0; offset < image.bytes.length; offset += SEGMENT_BYTES, index++) {
    const form = new FormData();
    form.append('segment_index', String(index));
    form.append('media', new Blob([new Uint8Array(image.bytes.subarray(offset, offset + SEGMENT_BYTES))], { type: image.type }), 'media');
    await x(channel, 'POST', `${path}/append`, { form });
  }
  const done = await x(channel, 'POST', `${path}/finalize`);
  // kept so a later attempt can use this upload rather than send the picture again
  state.mediaId = id;
  state.mediaExpiresAt = Date.now() + (Number.isFinite(lifetimeSecs) && lifetimeSecs > 0 ? lifetimeSecs : 86_400) * 1000;
  state.mediaReady = false;
  return settle(channel, id, at(done, 'data', 'processing_info'), state);
}

async function settle(channel: ChannelRuntime, id: string, info: unknown, state: DeliveryState): Promise<string | undefined> {
  if (!(await awaitProcessing(channel, id, info))) {
    delete state.mediaId;
    return undefined;
  }
  state.mediaReady = true;
  return id;
}

/** The media ids to attach: none when the item has no picture or X will not take it. */
async function attachImage(channel: ChannelRuntime, imageUrl: string, state: DeliveryState): Promise<string[]> {
  try {
    if (typeof state.mediaId === 'string' && Number(state.mediaExpiresAt) > Date.now() + MEDIA_REUSE_MARGIN_MS) {
      if (state.mediaReady === true) return [state.mediaId];
      const resumed = await settle(channel, state.mediaId, { state: 'pending' }, state);
      return resumed ? [resumed] : [];
    }
    delete state.mediaId;
    const image = await fetchImage(channel, imageUrl);
    if (!image) return [];
    const id = await upload(channel, image, state);
    return id ? [id] : [];
  } catch (err) {
    // X refusing the picture is no reason to hold back the post
    if (err instanceof ConnectorError && err.errorClass === 'bad-content') {
      delete state.mediaId;
      return [];
    }
    throw err;
  }
}

// ---------- looking for an earlier post ----------

function normalizedUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function carries(tweet: Answer, url: string): boolean {
  const wanted = normalizedUrl(url);
  const text = str(tweet.text);
  const inText = text !== undefined && (text.match(/https?:\/\/[^\s]+/g) ?? []).some((u: string) => normalizedUrl(u) === wanted);
  const urls = list(at(tweet, 'entities', 'urls'));
  const inEntities = urls.some((u) => [at(u, 'expanded_url'), at(u, 'unwound_url')].some((v) => typeof v === 'string' && normalizedUrl(v) === wanted));
  return inText || inEntities;
}

async function findTweet(channel: ChannelRuntime, post: SocialPost, state: DeliveryState): Promise<PublishResult | undefined> {
  let userId = tweetId(state.userId);
  if (!userId) {
    const me = await x(channel, 'GET', '/users/me');
    userId = tweetId(at(me, 'data', 'id'));
    if (!userId) throw new ConnectorError('retry-later', 'X did not say which account the token belongs to', { status: 200 });
    state.userId = userId;
  }
  // Real X shows links in the text as t.co addresses; the item's own address is
  // in entities.urls[].expanded_url. The emulator keeps it in the text.
  // Only tweets since shortly before the earlier attempt can be ours; a busy
  // account posts more than a page in that time, so follow the pages.
  const first = typeof state.firstAttemptAt === 'string' ? state.firstAttemptAt : state.attemptedAt;
  const since = typeof first === 'string' && !Number.isNaN(Date.parse(first)) ? new Date(Date.parse(first) - LOOK_BEFORE_MS) : undefined;
  let pageToken: string | undefined;
  for (let page = 0; page < TIMELINE_PAGES; page++) {
    const query: Record<string, string> = { max_results: String(TIMELINE_PAGE), 'tweet.fields': 'entities' };
    if (since) query.start_time = since.toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (pageToken) query.pagination_token = pageToken;
    const timeline = await x(channel, 'GET', `/users/${userId}/tweets`, { query });
    for (const t of list(timeline.data)) {
      if (!t || typeof t !== 'object') continue;
      const tweet = asAnswer(t);
      const id = tweetId(tweet.id);
      if (id && carries(tweet, post.url)) return { remoteId: id, remoteUrl: tweetUrl(id) };
    }
    pageToken = str(at(timeline, 'meta', 'next_token'));
    if (!pageToken) break;
  }
  return undefined;
}

function count(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export const xConnector: Connector = {
  platform: 'x',
  defaultBaseUrl: 'https://api.x.com/2',
  credentialFields: [
    { name: 'accessToken', required: true, description: 'OAuth 2.0 user access token (scopes tweet.read tweet.write users.read media.write offline.access)' },
    { name: 'refreshToken', required: true, description: 'the refresh token issued with it (X replaces it on every refresh)' },
    { name: 'clientId', required: true, description: "the X app's OAuth 2.0 client id" },
    { name: 'clientSecret', required: false, description: 'the client secret, for a confidential client' },
  ],
  accepts: () => true,

  async publish(channel, post, state, checkpoint): Promise<PublishResult> {
    const triedBefore = typeof state.attemptedAt === 'string';
    // an earlier attempt lost its answer: the post may be out already
    if (triedBefore) {
      const found = await findTweet(channel, post, state);
      if (found) return found;
    }
    const mediaIds = post.imageUrl ? await attachImage(channel, post.imageUrl, state) : [];
    const text = formatX(post);
    state.attemptedAt = new Date().toISOString();
    // the first attempt bounds how far back a later look must go
    if (typeof state.firstAttemptAt !== 'string') state.firstAttemptAt = state.attemptedAt;
    // on record before the call: a crash while it is in flight still leads the next attempt to look first
    await checkpoint?.();
    let answer: Answer;
    try {
      try {
        answer = await x(channel, 'POST', '/tweets', { json: mediaIds.length ? { text, media: { media_ids: mediaIds } } : { text } });
      } catch (err) {
        // a media id X no longer honours: the post goes out without its picture
        if (!mediaIds.length || !(err instanceof ConnectorError) || err.details.status !== 400 || !/media/i.test(err.message)) throw err;
        delete state.mediaId;
        answer = await x(channel, 'POST', '/tweets', { json: { text } });
      }
    } catch (err) {
      // X calls a repeat of the earlier post a duplicate: the timeline may
      // have caught up since the look above, so look once more
      if (triedBefore && err instanceof ConnectorError && err.details.code === DUPLICATE) {
        const found = await findTweet(channel, post, state);
        if (found) return found;
      }
      // a clear refusal means this attempt posted nothing; an earlier lost one stays on record
      if (!triedBefore && refusedOutright(err)) delete state.attemptedAt;
      throw err;
    }
    const id = tweetId(at(answer, 'data', 'id'));
    if (!id) throw new ConnectorError('retry-later', 'X accepted the post without giving its id', { status: 201, ambiguous: true });
    return { remoteId: id, remoteUrl: tweetUrl(id) };
  },

  async remove(channel, remoteId) {
    let answer: Answer;
    try {
      answer = await x(channel, 'DELETE', `/tweets/${encodeURIComponent(remoteId)}`);
    } catch (err) {
      // X's own "not found" (a JSON answer, not a proxy's page): gone already, by us or by hand
      if (err instanceof ConnectorError && err.errorClass === 'bad-content' && err.details.status === 404) return;
      throw err;
    }
    if (at(answer, 'data', 'deleted') === false) throw new ConnectorError('bad-content', `X did not delete post ${remoteId}`, { status: 200 });
  },

  async refresh(channel) {
    const { refreshToken, clientId, clientSecret } = credentials(channel);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    // a confidential client proves itself with Basic auth; a public one only names itself
    if (clientSecret) headers.authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
    const res = await call(channel, `${apiBase(channel)}/oauth2/token`, { method: 'POST', headers, body: form.toString() });
    const token = readTokenAnswer(res.json);
    if (res.status >= 200 && res.status < 300 && token) {
      return { ...channel.credentials, accessToken: token.accessToken, refreshToken: token.refreshToken ?? refreshToken };
    }
    const said = problemText(res.json);
    if (res.status === 400 || res.status === 401) {
      throw new ConnectorError('disconnected', `X refused the token refresh (${res.status}${said ? `: ${said}` : ''}): reconnect the account`, { status: res.status, code: str(asAnswer(res.json).error) });
    }
    if (res.status === 429) throw new ConnectorError('retry-later', `X is throttling token refreshes: ${describe(res)}`, { status: 429, retryAfterMs: throttleWaitMs(res.headers) });
    // X replaces the refresh token when it answers: a lost answer may have used ours up
    throw new ConnectorError('retry-later', `X answered the token refresh unexpectedly: ${describe(res)}`, { status: res.status, ambiguous: res.status >= 200 && res.status < 300 });
  },

  findExisting: (channel, post, state) => findTweet(channel, post, state),

  async channelMetrics(channel) {
    const me = await x(channel, 'GET', '/users/me', { query: { 'user.fields': 'public_metrics' } });
    return { followers: count(at(me, 'data', 'public_metrics', 'followers_count')) ?? 0 };
  },

  async postMetrics(channel, remoteId): Promise<PostMetrics> {
    const answer = await x(channel, 'GET', `/tweets/${encodeURIComponent(remoteId)}`, { query: { 'tweet.fields': 'public_metrics' } });
    const metrics = at(answer, 'data', 'public_metrics');
    // X answers 200 with only `errors` for a post that no longer exists
    if (!metrics || typeof metrics !== 'object') throw new ConnectorError('bad-content', `X has no metrics for post ${remoteId}: ${problemText(answer) || 'no data'}`, { status: 200 });
    const m = asAnswer(metrics);
    return { views: count(m.impression_count), likes: count(m.like_count), shares: count(m.retweet_count), comments: count(m.reply_count) };
  },
};
