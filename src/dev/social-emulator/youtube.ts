import { createHash, randomInt } from 'node:crypto';
import { asAnswer, at, idOf, num, str, type Answer } from '../../modules/social/index.ts';
import { presentedTokens, type EmulatedPost, type EmulatedRequest, type EmulatorContext, type PlatformEmulator, type Reply } from './server.ts';

// YouTube Data API v3 as /youtube/youtube/v3/…, resumable uploads as
// /youtube/upload/youtube/v3/videos, and Google's token endpoint as
// /youtube/token (where the connector looks for it when the API base is not
// Google's). Errors come in Google's shape {error:{code, message, errors}}.

const GRANULARITY = 256 * 1024;
const CATEGORIES = new Set(['1', '2', '10', '15', '17', '19', '20', '22', '23', '24', '25', '26', '27', '28', '29']);
const PRIVACY = new Set(['public', 'unlisted', 'private']);

/** An upload session as the emulator keeps it in `state.extra` under `session:<upload id>`. */
export interface UploadSession {
  id: string;
  total: number;
  contentType: string;
  snippet: Snippet;
  status: Answer;
  parts: Buffer[];
  received: number;
  /** every byte that came in chunk bodies, counted again when sent again: shows whether a resume re-sent anything */
  bytesSent: number;
  chunks: number;
  probes: number;
  videoId?: string;
}

const googleError = (code: number, reason: string, message: string, domain = 'youtube.api', headers?: Record<string, string>): Reply => ({
  status: code,
  headers,
  body: { error: { code, message, errors: [{ domain, reason, message }] } },
});

const sessionKey = (id: string) => `session:${id}`;

function session(ctx: EmulatorContext, req: EmulatedRequest): UploadSession | undefined {
  const id = req.query.get('upload_id');
  const s = id ? ctx.state.extra.get(sessionKey(id)) : undefined;
  return s as UploadSession | undefined;
}

const isProbe = (req: EmulatedRequest) => req.method === 'PUT' && req.body.length === 0 && /^bytes \*\//.test(String(req.headers['content-range'] ?? ''));

function authorised(req: EmulatedRequest, ctx: EmulatorContext): boolean {
  const auth = req.headers.authorization;
  return typeof auth === 'string' && /^bearer /i.test(auth) && ctx.state.accessTokens.has(auth.slice(7).trim());
}

const unauthorised = (): Reply => ({
  status: 401,
  headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
  body: {
    error: {
      code: 401,
      message: 'Request had invalid authentication credentials.',
      errors: [{ domain: 'global', reason: 'authError', message: 'Invalid Credentials', location: 'Authorization', locationType: 'header' }],
      status: 'UNAUTHENTICATED',
    },
  },
});

/** A snippet YouTube takes: the fields it checks typed, the rest kept as sent. */
interface Snippet extends Answer {
  title: string;
  tags?: string[];
}

/** The snippet a request sends, or what YouTube would refuse in it as its reason and message. */
function readSnippet(value: unknown): Snippet | [string, string] {
  if (!value || typeof value !== 'object') return ['invalidSnippet', 'snippet is required'];
  const snippet = asAnswer(value);
  const title = snippet.title;
  if (typeof title !== 'string' || !title.trim() || [...title].length > 100 || /[<>]/.test(title)) return ['invalidTitle', 'The request metadata specifies an invalid or empty video title.'];
  const description = snippet.description ?? '';
  if (typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description)) return ['invalidDescription', 'The request metadata specifies an invalid video description.'];
  const given = snippet.tags ?? [];
  if (!Array.isArray(given) || given.some((t) => typeof t !== 'string' || /[<>]/.test(t))) return ['invalidTags', 'The request metadata specifies invalid video keywords.'];
  const tags = given.filter((t): t is string => typeof t === 'string');
  const tagChars = tags.reduce((n: number, t: string) => n + [...t].length + (t.includes(' ') ? 2 : 0), 0) + Math.max(0, tags.length - 1);
  if (tagChars > 500) return ['invalidTags', 'The request metadata specifies invalid video keywords.'];
  if (snippet.categoryId !== undefined && !CATEGORIES.has(idOf(snippet.categoryId) ?? '')) return ['invalidCategoryId', 'The snippet.categoryId property specifies an invalid category ID.'];
  return snippet.tags === undefined ? { ...snippet, title } : { ...snippet, title, tags };
}

function videoResource(post: EmulatedPost): Record<string, unknown> {
  return { kind: 'youtube#video', etag: post.id, id: post.id, snippet: { ...(post.data.snippet as object), publishedAt: post.createdAt, channelId: 'UCemulator' }, status: { uploadStatus: 'uploaded', ...(post.data.status as object) } };
}

const firstUrl = (text: string): string | undefined => /https?:\/\/[^\s<>"]+/.exec(text)?.[0];

/** Google's id alphabet, 11 characters. */
function videoId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: 11 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function tokenEndpoint(req: EmulatedRequest, ctx: EmulatorContext): Reply {
  const form = req.form ?? new URLSearchParams();
  const secret = ctx.state.extra.get(`client:${form.get('client_id') ?? ''}`);
  if (typeof secret !== 'string' || form.get('client_secret') !== secret) return { status: 401, body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
  if (form.get('grant_type') !== 'refresh_token') return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type' } };
  if (!ctx.state.refreshTokens.has(form.get('refresh_token') ?? '')) return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
  const access = ctx.state.token('ya29.');
  ctx.state.accessTokens.add(access);
  return { status: 200, body: { access_token: access, expires_in: 3599, scope: 'https://www.googleapis.com/auth/youtube.upload', token_type: 'Bearer' } };
}

function startUpload(req: EmulatedRequest, ctx: EmulatorContext): Reply {
  if (req.query.get('uploadType') !== 'resumable') return googleError(400, 'invalidParameter', 'Only resumable uploads are emulated.');
  const total = Number(req.headers['x-upload-content-length']);
  if (!Number.isInteger(total) || total <= 0) return googleError(400, 'invalidParameter', 'X-Upload-Content-Length must be a positive integer.');
  const contentType = String(req.headers['x-upload-content-type'] ?? '');
  if (!/^video\//.test(contentType)) return googleError(400, 'invalidParameter', 'X-Upload-Content-Type must be a video type.');
  const snippet = readSnippet(at(req.json, 'snippet'));
  if (Array.isArray(snippet)) return googleError(400, snippet[0], snippet[1]);
  const status = asAnswer(at(req.json, 'status'));
  if (status.privacyStatus !== undefined && !PRIVACY.has(str(status.privacyStatus) ?? '')) return googleError(400, 'invalidVideoMetadata', 'Invalid privacyStatus.');
  const id = ctx.state.token('');
  const s: UploadSession = { id, total, contentType, snippet, status, parts: [], received: 0, bytesSent: 0, chunks: 0, probes: 0 };
  ctx.state.extra.set(sessionKey(id), s);
  return { status: 200, headers: { location: `${ctx.base}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${id}`, 'x-guploader-uploadid': id } };
}

function sessionAnswer(s: UploadSession, ctx: EmulatorContext): Reply {
  if (s.videoId) {
    const post = ctx.state.posts.get(s.videoId)!;
    return { status: 200, body: videoResource(post) };
  }
  return { status: 308, headers: s.received > 0 ? { range: `bytes=0-${s.received - 1}` } : {} };
}

function uploadChunk(req: EmulatedRequest, ctx: EmulatorContext): Reply {
  const s = session(ctx, req);
  if (!s) return googleError(404, 'notFound', 'The upload session does not exist or has expired.', 'global');
  const range = String(req.headers['content-range'] ?? '');
  if (isProbe(req)) {
    s.probes++;
    if (range !== `bytes */${s.total}`) return googleError(400, 'badContent', `Content-Range must end with the session's length ${s.total}.`);
    return sessionAnswer(s, ctx);
  }
  s.bytesSent += req.body.length;
  s.chunks++;
  if (s.videoId) return sessionAnswer(s, ctx);
  let start = 0;
  let end = req.body.length - 1;
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
  if (m) {
    [start, end] = [Number(m[1]), Number(m[2])];
    if (Number(m[3]) !== s.total) return googleError(400, 'badContent', `Content-Range total ${m[3]} differs from the session's ${s.total}.`);
  } else if (range || req.body.length !== s.total) {
    return googleError(400, 'badContent', 'Send Content-Range: bytes START-END/TOTAL with each chunk.');
  }
  if (end - start + 1 !== req.body.length) return googleError(400, 'badContent', 'The chunk length does not match its Content-Range.');
  if (start !== s.received) return googleError(400, 'badContent', `The upload continues at byte ${s.received}, not ${start}.`);
  if (end + 1 > s.total) return googleError(400, 'badContent', 'The chunk runs past the declared length.');
  if (end + 1 < s.total && req.body.length % GRANULARITY !== 0) return googleError(400, 'badContent', `A chunk other than the last must be a multiple of ${GRANULARITY} bytes.`);
  s.parts.push(Buffer.from(req.body));
  s.received = end + 1;
  if (s.received < s.total) return sessionAnswer(s, ctx);
  const file = Buffer.concat(s.parts);
  s.parts = [];
  const snippet: Record<string, unknown> = { ...s.snippet, tags: s.snippet.tags ?? [], categoryId: idOf(s.snippet.categoryId) ?? '22' };
  const status = { privacyStatus: 'public', ...s.status };
  const description = str(snippet.description) ?? '';
  const post = ctx.state.addPost(
    firstUrl(description),
    s.snippet.title,
    {
      snippet,
      status,
      size: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      contentType: s.contentType,
      uploadId: s.id,
      views: 0,
      likes: 0,
      comments: 0,
    },
    videoId(),
  );
  s.videoId = post.id;
  return { status: 200, body: videoResource(post) };
}

function liveVideo(ctx: EmulatorContext, id: unknown): EmulatedPost | undefined {
  const post = typeof id === 'string' ? ctx.state.posts.get(id) : undefined;
  return post && !post.deleted ? post : undefined;
}

const videoNotFound = () => googleError(404, 'videoNotFound', 'The video that you are trying to use cannot be found.');

export const youtubeEmulator: PlatformEmulator = {
  platform: 'youtube',
  apiBaseUrl: (base) => `${base}/youtube/v3`,
  account(ctx) {
    const accessToken = ctx.state.token('ya29.');
    const refreshToken = ctx.state.token('1//');
    const clientId = `${randomInt(100_000_000_000, 999_999_999_999)}-emulator.apps.googleusercontent.com`;
    const clientSecret = ctx.state.token('GOCSPX-');
    ctx.state.accessTokens.add(accessToken);
    ctx.state.refreshTokens.add(refreshToken);
    ctx.state.extra.set(`client:${clientId}`, clientSecret);
    return { accessToken, refreshToken, clientId, clientSecret };
  },
  // writes draw faults (opening a session, sending a chunk, editing or
  // deleting a video); token refreshes, session probes and reads do not
  faultable(req) {
    if (req.path === '/upload/youtube/v3/videos') return req.method === 'POST' || (req.method === 'PUT' && !isProbe(req));
    return req.path === '/youtube/v3/videos' && (req.method === 'PUT' || req.method === 'DELETE');
  },
  faultReply(kind, _req, _ctx, fault): Reply {
    if (kind === 'rate-limit') {
      return googleError(403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your quota.', 'youtube.quota', { 'retry-after': String(fault.retryAfterSeconds ?? 1) });
    }
    if (kind === 'expired-token') return unauthorised();
    // YouTube has no duplicate-video refusal; an invented conflict stands in for it
    if (kind === 'duplicate') return googleError(409, 'duplicate', 'The video already exists.');
    return { status: 503, body: { error: { code: 503, message: 'The service is currently unavailable.', errors: [{ domain: 'global', reason: 'backendError', message: 'Backend Error' }], status: 'UNAVAILABLE' } } };
  },
  handle(req, ctx): Reply | undefined {
    if (req.path === '/token') return req.method === 'POST' ? tokenEndpoint(req, ctx) : undefined;
    if (req.path === '/upload/youtube/v3/videos') {
      // a session address is its own credential; a token, when sent, must be good
      if (req.method === 'PUT') return presentedTokens(req).length && !authorised(req, ctx) ? unauthorised() : uploadChunk(req, ctx);
      if (req.method !== 'POST') return undefined;
      return authorised(req, ctx) ? startUpload(req, ctx) : unauthorised();
    }
    if (!req.path.startsWith('/youtube/v3/')) return undefined;
    if (!authorised(req, ctx)) return unauthorised();
    const route = `${req.method} ${req.path}`;
    if (route === 'GET /youtube/v3/channels') {
      if (req.query.get('mine') !== 'true') return googleError(400, 'missingRequiredParameter', 'Only mine=true is emulated.');
      const videos = [...ctx.state.posts.values()].filter((p) => !p.deleted);
      const views = videos.reduce((n, p) => n + Number(p.data.views ?? 0), 0);
      return {
        status: 200,
        body: {
          kind: 'youtube#channelListResponse',
          items: [{ kind: 'youtube#channel', id: 'UCemulator', statistics: { viewCount: String(views), subscriberCount: String(ctx.state.followers), hiddenSubscriberCount: false, videoCount: String(videos.length) } }],
        },
      };
    }
    if (route === 'GET /youtube/v3/videos') {
      const ids = (req.query.get('id') ?? '').split(',').filter(Boolean);
      const items = ids
        .map((id) => liveVideo(ctx, id))
        .filter((p): p is EmulatedPost => Boolean(p))
        .map((p) => ({
          kind: 'youtube#video',
          id: p.id,
          ...(String(req.query.get('part')).includes('snippet') ? { snippet: (videoResource(p) as { snippet: unknown }).snippet } : {}),
          statistics: { viewCount: String(num(p.data.views) ?? 0), likeCount: String(num(p.data.likes) ?? 0), favoriteCount: '0', commentCount: String(num(p.data.comments) ?? 0) },
        }));
      return { status: 200, body: { kind: 'youtube#videoListResponse', items, pageInfo: { totalResults: items.length, resultsPerPage: items.length } } };
    }
    if (route === 'PUT /youtube/v3/videos') {
      if (!String(req.query.get('part')).split(',').includes('snippet')) return googleError(400, 'missingRequiredParameter', 'part=snippet is required.');
      const post = liveVideo(ctx, str(at(req.json, 'id')));
      if (!post) return videoNotFound();
      const snippet = readSnippet(at(req.json, 'snippet'));
      if (Array.isArray(snippet)) return googleError(400, snippet[0], snippet[1]);
      if (snippet.categoryId === undefined) return googleError(400, 'invalidCategoryId', 'snippet.categoryId is required when updating the snippet.');
      post.data.snippet = { ...snippet, tags: snippet.tags ?? [] };
      post.text = snippet.title;
      post.link = firstUrl(str(snippet.description) ?? '');
      post.edits++;
      return { status: 200, body: videoResource(post) };
    }
    if (route === 'DELETE /youtube/v3/videos') {
      const post = liveVideo(ctx, req.query.get('id') ?? undefined);
      if (!post) return videoNotFound();
      post.deleted = true;
      return { status: 204 };
    }
    return undefined;
  },
};
