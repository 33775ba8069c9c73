import { asAnswer, at, list, shown, str } from '../../modules/social/index.ts';
import { randomBytes } from 'node:crypto';
import type { EmulatedPost, EmulatedRequest, EmulatorContext, PlatformEmulator, Reply } from './server.ts';

// X API v2 as /x/2/…: OAuth 2.0 bearer tokens that the token endpoint
// replaces in pairs (a used refresh token is dead), problem-JSON errors,
// posts counted the way X counts them, the chunked media upload with its
// STATUS probe, timelines and public metrics.
//
// Knob for tests and the demo: state.extra 'mediaProcessingPolls' (a number)
// makes each upload report processing for that many STATUS probes.

const TWEET_LIMIT = 280;
const LINK_WEIGHT = 23;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
const IMAGE_LIMIT = 5 * 1024 * 1024;
const MEDIA_LIFETIME_SECS = 86_400;
const ACCESS_LIFETIME_SECS = 7200;

interface Account {
  userId: string;
  username: string;
}

interface Grant extends Account {
  clientId: string;
}

interface Upload {
  ownerId: string;
  mediaType: string;
  totalBytes: number;
  segments: Map<number, Buffer>;
  finalized: boolean;
  pollsLeft: number;
}

interface TweetData extends Record<string, unknown> {
  authorId: string;
  mediaIds: string[];
  metrics: { retweet_count: number; reply_count: number; like_count: number; quote_count: number; bookmark_count: number; impression_count: number };
}

const problem = (status: number, title: string, detail: string, more: Record<string, unknown> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: { title, type: 'about:blank', status, detail, ...more },
});

const unauthorized = () => problem(401, 'Unauthorized', 'Unauthorized');

const invalidRequest = (message: string, parameters: Record<string, string[]> = {}): Reply => ({
  status: 400,
  headers: { 'content-type': 'application/problem+json' },
  body: { errors: [{ parameters, message }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' },
});

const notFound = (id: string): Reply => ({
  status: 404,
  headers: { 'content-type': 'application/problem+json' },
  body: { title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found', status: 404, detail: `Could not find tweet with id: [${id}].` },
});

const duplicate = () => problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');

/** X's own count: NFC text, links as 23, code points outside the Latin-and-punctuation ranges as 2. */
function countsAs(text: string): number {
  const s = text.normalize('NFC');
  let total = 0;
  const rest = s.replace(/https?:\/\/[^\s]+/g, () => {
    total += LINK_WEIGHT;
    return '';
  });
  for (const ch of rest) {
    const cp = ch.codePointAt(0)!;
    const light = cp <= 0x10ff || (cp >= 0x2000 && cp <= 0x200d) || (cp >= 0x2010 && cp <= 0x201f) || (cp >= 0x2032 && cp <= 0x2037);
    total += light ? 1 : 2;
  }
  return total;
}

function numericId(ctx: EmulatorContext, key: string, start: bigint): string {
  const n = ((ctx.state.extra.get(key) as number | undefined) ?? 0) + 1;
  ctx.state.extra.set(key, n);
  return String(start + BigInt(n));
}

function grants(ctx: EmulatorContext, kind: 'access' | 'refresh'): Map<string, Grant> {
  const key = `x:${kind}`;
  let m = ctx.state.extra.get(key) as Map<string, Grant> | undefined;
  if (!m) {
    m = new Map();
    ctx.state.extra.set(key, m);
  }
  return m;
}

function uploads(ctx: EmulatorContext): Map<string, Upload> {
  let m = ctx.state.extra.get('x:uploads') as Map<string, Upload> | undefined;
  if (!m) {
    m = new Map();
    ctx.state.extra.set('x:uploads', m);
  }
  return m;
}

function issue(ctx: EmulatorContext, grant: Grant): { accessToken: string; refreshToken: string } {
  const accessToken = ctx.state.token('xat-');
  const refreshToken = ctx.state.token('xrt-');
  ctx.state.accessTokens.add(accessToken);
  ctx.state.refreshTokens.add(refreshToken);
  grants(ctx, 'access').set(accessToken, grant);
  grants(ctx, 'refresh').set(refreshToken, grant);
  return { accessToken, refreshToken };
}

function bearer(req: EmulatedRequest): string | undefined {
  const auth = req.headers.authorization;
  return typeof auth === 'string' && /^bearer /i.test(auth) ? auth.slice(7).trim() : undefined;
}

function tokenEndpoint(req: EmulatedRequest, ctx: EmulatorContext): Reply {
  const oauthError = (status: number, error: string, description: string): Reply => ({ status, body: { error, error_description: description } });
  const form = req.form;
  if (!form) return oauthError(400, 'invalid_request', 'Missing required parameter [grant_type].');
  if (form.get('grant_type') !== 'refresh_token') return oauthError(400, 'invalid_request', 'Only grant_type=refresh_token is offered here.');
  let clientId = form.get('client_id') ?? undefined;
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^basic /i.test(auth)) {
    // the emulator does not hold confidential clients' secrets: the id must match, any secret passes
    const [id, secret] = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8').split(':');
    if (!id || !secret) return oauthError(401, 'unauthorized_client', 'Missing valid authorization header');
    clientId = id;
  }
  const refreshToken = form.get('refresh_token') ?? '';
  const grant = grants(ctx, 'refresh').get(refreshToken);
  if (!grant || !ctx.state.refreshTokens.has(refreshToken)) return oauthError(400, 'invalid_request', 'Value passed for the token was invalid.');
  if (clientId !== grant.clientId) return oauthError(400, 'invalid_request', 'Value passed for the client_id was invalid.');
  // a refresh token works once
  ctx.state.refreshTokens.delete(refreshToken);
  grants(ctx, 'refresh').delete(refreshToken);
  const fresh = issue(ctx, grant);
  return {
    status: 200,
    body: { token_type: 'bearer', expires_in: ACCESS_LIFETIME_SECS, access_token: fresh.accessToken, scope: 'tweet.read tweet.write users.read media.write offline.access', refresh_token: fresh.refreshToken },
  };
}

function dataOf(post: EmulatedPost): TweetData {
  return post.data as TweetData;
}

function liveTweetsOf(ctx: EmulatorContext, userId: string): EmulatedPost[] {
  return [...ctx.state.posts.values()].filter((p) => !p.deleted && dataOf(p).authorId === userId).reverse();
}

function entities(text: string): { urls: unknown[] } | undefined {
  const urls: unknown[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s]+/g)) {
    const start = [...text.slice(0, m.index)].length;
    urls.push({ start, end: start + [...m[0]].length, url: `https://t.co/${randomBytes(5).toString('hex')}`, expanded_url: m[0], display_url: m[0].replace(/^https?:\/\//, '').slice(0, 26) });
  }
  return urls.length ? { urls } : undefined;
}

function tweetView(post: EmulatedPost, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] };
  if (fields.includes('public_metrics')) out.public_metrics = { ...dataOf(post).metrics };
  if (fields.includes('created_at')) out.created_at = post.createdAt;
  if (fields.includes('author_id')) out.author_id = dataOf(post).authorId;
  if (fields.includes('entities')) {
    const e = entities(post.text);
    if (e) out.entities = e;
  }
  return out;
}

const listParam = (req: EmulatedRequest, name: string) => (req.query.get(name) ?? '').split(',').filter(Boolean);

function createTweet(req: EmulatedRequest, ctx: EmulatorContext, who: Grant): Reply {
  if (!req.json || typeof req.json !== 'object') return invalidRequest('The request body must be JSON.');
  const body = asAnswer(req.json);
  const text = str(body.text) ?? '';
  const mediaIds = list(at(body, 'media', 'media_ids'));
  if (!text && !mediaIds.length) return invalidRequest('The tweet needs text or media.', { text: [] });
  if (countsAs(text) > TWEET_LIMIT) return invalidRequest(`The text of your Tweet is too long: it counts ${countsAs(text)} of ${TWEET_LIMIT}.`, { text: [text.slice(0, 40)] });
  if (mediaIds.length > 4) return invalidRequest('At most 4 media ids.', { 'media.media_ids': mediaIds.map(shown) });
  for (const id of mediaIds) {
    const up = uploads(ctx).get(shown(id));
    if (!up || up.ownerId !== who.userId || !up.finalized || up.pollsLeft > 0) return invalidRequest('Your media IDs are invalid.', { 'media.media_ids': mediaIds.map(shown) });
  }
  if (text && liveTweetsOf(ctx, who.userId).some((p) => p.text === text)) return duplicate();
  const data: TweetData = {
    authorId: who.userId,
    mediaIds: mediaIds.map(shown),
    metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 },
  };
  const post = ctx.state.addPost(/https?:\/\/[^\s]+/.exec(text)?.[0], text, data, numericId(ctx, 'x:tweetSeq', 1_850_000_000_000_000_000n));
  return { status: 201, body: { data: { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] } } };
}

async function media(req: EmulatedRequest, ctx: EmulatorContext, who: Grant): Promise<Reply | undefined> {
  if (req.path === '/2/media/upload/initialize' && req.method === 'POST') {
    const b = asAnswer(req.json);
    const total = Number(b.total_bytes);
    const mediaType = str(b.media_type);
    if (mediaType === undefined || !IMAGE_TYPES.has(mediaType)) return invalidRequest(`media_type ${shown(b.media_type)} is not supported here.`, { media_type: [shown(b.media_type)] });
    if (!Number.isSafeInteger(total) || total <= 0 || total > IMAGE_LIMIT) return invalidRequest('total_bytes must be between 1 and 5242880 for images.', { total_bytes: [shown(b.total_bytes)] });
    if (b.media_category !== undefined && b.media_category !== 'tweet_image' && b.media_category !== 'tweet_gif') return invalidRequest('media_category does not fit the media_type.', { media_category: [shown(b.media_category)] });
    const id = numericId(ctx, 'x:mediaSeq', 1_900_000_000_000_000_000n);
    uploads(ctx).set(id, { ownerId: who.userId, mediaType, totalBytes: total, segments: new Map(), finalized: false, pollsLeft: 0 });
    return { status: 200, body: { data: { id, media_key: `3_${id}`, expires_after_secs: MEDIA_LIFETIME_SECS } } };
  }
  const step = /^\/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(req.path);
  if (step && req.method === 'POST') {
    const [, id, action] = step;
    const up = uploads(ctx).get(id);
    if (!up || up.ownerId !== who.userId) return invalidRequest('Unknown media id.', { id: [id] });
    if (action === 'append') {
      if (up.finalized) return invalidRequest('The upload is finalized already.', { id: [id] });
      let form: FormData;
      try {
        form = await req.formData();
      } catch {
        return invalidRequest('append takes multipart/form-data with segment_index and media.');
      }
      const index = Number(form.get('segment_index'));
      const part = form.get('media');
      if (!Number.isInteger(index) || index < 0 || index > 999) return invalidRequest('segment_index must be 0–999.', { segment_index: [shown(form.get('segment_index'))] });
      if (!part || typeof part === 'string') return invalidRequest('media must be a file part.', { media: [] });
      up.segments.set(index, Buffer.from(await part.arrayBuffer()));
      return { status: 200, body: { data: { expires_at: Math.floor(Date.now() / 1000) + MEDIA_LIFETIME_SECS } } };
    }
    const bytes = Buffer.concat([...up.segments.entries()].sort(([a], [b]) => a - b).map(([, s]) => s));
    if (bytes.length !== up.totalBytes) return invalidRequest(`File size mismatch: received ${bytes.length} of ${up.totalBytes} bytes.`, { id: [id] });
    if (!looksLike(up.mediaType, bytes)) return invalidRequest('The media is not the type declared at initialize.', { id: [id] });
    up.finalized = true;
    const polls = Number(ctx.state.extra.get('mediaProcessingPolls') ?? 0);
    up.pollsLeft = Number.isInteger(polls) && polls > 0 ? polls : 0;
    const data: Record<string, unknown> = { id, media_key: `3_${id}`, size: bytes.length, expires_after_secs: MEDIA_LIFETIME_SECS };
    if (up.pollsLeft) data.processing_info = { state: 'pending', check_after_secs: 0 };
    return { status: 200, body: { data } };
  }
  if (req.path === '/2/media/upload' && req.method === 'GET') {
    if (req.query.get('command') !== 'STATUS') return invalidRequest('command must be STATUS.', { command: [String(req.query.get('command'))] });
    const id = req.query.get('media_id') ?? '';
    const up = uploads(ctx).get(id);
    if (!up || up.ownerId !== who.userId || !up.finalized) return invalidRequest('Unknown media id.', { media_id: [id] });
    if (up.pollsLeft > 0) up.pollsLeft--;
    const processing = up.pollsLeft > 0 ? { state: 'in_progress', check_after_secs: 0, progress_percent: 50 } : { state: 'succeeded', progress_percent: 100 };
    return { status: 200, body: { data: { id, media_key: `3_${id}`, processing_info: processing } } };
  }
  return undefined;
}

function looksLike(type: string, b: Buffer): boolean {
  if (type === 'image/png') return b.length > 8 && b[0] === 0x89 && b.toString('latin1', 1, 4) === 'PNG';
  if (type === 'image/jpeg') return b.length > 3 && b[0] === 0xff && b[1] === 0xd8;
  if (type === 'image/gif') return b.toString('latin1', 0, 4) === 'GIF8';
  if (type === 'image/webp') return b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';
  return false;
}

export const xEmulator: PlatformEmulator = {
  platform: 'x',
  apiBaseUrl: (base) => `${base}/2`,
  account(ctx) {
    const userId = numericId(ctx, 'x:userSeq', 1_700_000_000_000_000_000n);
    const grant: Grant = { userId, username: `lantoa_${userId.slice(-4)}`, clientId: `client-${randomBytes(6).toString('hex')}` };
    return { ...issue(ctx, grant), clientId: grant.clientId };
  },
  // refreshing and STATUS probes are never faulted: only the calls that change something
  faultable: (req) => req.method !== 'GET' && req.path !== '/2/oauth2/token',
  faultReply(kind, _req, _ctx, fault): Reply {
    if (kind === 'rate-limit') {
      const wait = fault.retryAfterSeconds ?? 900;
      const reply = problem(429, 'Too Many Requests', 'Too Many Requests');
      reply.headers = { ...reply.headers, 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + wait), 'retry-after': String(wait) };
      return reply;
    }
    if (kind === 'expired-token') return unauthorized();
    if (kind === 'duplicate') return duplicate();
    return problem(503, 'Service Unavailable', 'Service Unavailable');
  },
  async handle(req, ctx): Promise<Reply | undefined> {
    if (req.path === '/2/oauth2/token') return req.method === 'POST' ? tokenEndpoint(req, ctx) : undefined;
    if (!req.path.startsWith('/2/')) return undefined;
    const token = bearer(req);
    const who = token && ctx.state.accessTokens.has(token) ? grants(ctx, 'access').get(token) : undefined;
    if (!who) return unauthorized();

    if (req.path.startsWith('/2/media/upload')) return media(req, ctx, who);
    if (req.path === '/2/tweets' && req.method === 'POST') return createTweet(req, ctx, who);
    const one = /^\/2\/tweets\/(\d+)$/.exec(req.path);
    if (one) {
      const post = ctx.state.posts.get(one[1]);
      if (req.method === 'DELETE') {
        if (!post) return notFound(one[1]);
        if (dataOf(post).authorId !== who.userId) return problem(403, 'Forbidden', 'You are not allowed to delete a Tweet that is not your own.');
        post.deleted = true;
        return { status: 200, body: { data: { deleted: true } } };
      }
      if (req.method === 'GET') {
        // X answers a missing post with 200 and only `errors`
        if (!post || post.deleted) {
          return {
            status: 200,
            body: {
              errors: [
                { value: one[1], detail: `Could not find tweet with id: [${one[1]}].`, title: 'Not Found Error', resource_type: 'tweet', parameter: 'id', resource_id: one[1], type: 'https://api.twitter.com/2/problems/resource-not-found' },
              ],
            },
          };
        }
        return { status: 200, body: { data: tweetView(post, listParam(req, 'tweet.fields')) } };
      }
      return undefined;
    }
    if (req.path === '/2/users/me' && req.method === 'GET') {
      const data: Record<string, unknown> = { id: who.userId, name: 'Cổng thông tin (emulator)', username: who.username };
      if (listParam(req, 'user.fields').includes('public_metrics')) {
        data.public_metrics = { followers_count: ctx.state.followers, following_count: 12, tweet_count: liveTweetsOf(ctx, who.userId).length, listed_count: 3, like_count: 0 };
      }
      return { status: 200, body: { data } };
    }
    const timeline = /^\/2\/users\/(\d+)\/tweets$/.exec(req.path);
    if (timeline && req.method === 'GET') {
      const max = Number(req.query.get('max_results') ?? 10);
      if (!Number.isInteger(max) || max < 5 || max > 100) return invalidRequest('The `max_results` query parameter value is not between 5 and 100', { max_results: [String(req.query.get('max_results'))] });
      const fields = listParam(req, 'tweet.fields');
      const startTime = req.query.get('start_time');
      if (startTime !== null && Number.isNaN(Date.parse(startTime))) return invalidRequest('The `start_time` query parameter value is not a valid time', { start_time: [startTime] });
      // pages: the token is the offset of the next page (real X tokens are opaque)
      const offset = Number(req.query.get('pagination_token') ?? 0);
      if (!Number.isInteger(offset) || offset < 0) return invalidRequest('The `pagination_token` query parameter value is invalid', { pagination_token: [String(req.query.get('pagination_token'))] });
      const all = liveTweetsOf(ctx, timeline[1]).filter((t) => startTime === null || t.createdAt >= new Date(startTime).toISOString());
      const tweets = all.slice(offset, offset + max);
      const meta: Record<string, unknown> = { result_count: tweets.length };
      if (tweets.length) {
        meta.newest_id = tweets[0].id;
        meta.oldest_id = tweets[tweets.length - 1].id;
      }
      if (offset + max < all.length) meta.next_token = String(offset + max);
      return { status: 200, body: tweets.length ? { data: tweets.map((t) => tweetView(t, fields)), meta } : { meta } };
    }
    return undefined;
  },
};
