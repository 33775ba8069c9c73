import { asAnswer, at, list, readTokenAnswer, str, type Answer } from '../answer.ts';
import type { OutgoingHttpError, OutgoingResponse } from '../../../lib/outbound.ts';
import { answerTimeoutMs, call, describe, fetchLinkedFile, htmlToText, retryAfterMs, shorten, type CallScope, type PlatformResponse } from '../http.ts';
import { ConnectorError, type ChannelRuntime, type Connector, type DeliveryState, type PublishResult, type SocialPost } from '../types.ts';

// YouTube (Data API v3): a video item with a file becomes a video on the
// channel. The file goes up through a resumable upload session whose
// address is kept in the delivery state, so an upload cut off mid-way
// resumes where YouTube says it stopped rather than from the start.
// Nothing shows on the channel until the last byte is in, which makes a
// repeated attempt safe without looking for an earlier one.

const DEFAULT_BASE = 'https://www.googleapis.com/youtube/v3';
const TITLE_MAX = 100;
const DESCRIPTION_MAX_BYTES = 5000;
const TAGS_MAX = 500;
/** resumable chunks must be multiples of this, except the last one */
export const UPLOAD_GRANULARITY = 256 * 1024;
export const DEFAULT_CHUNK_BYTES = 4 * UPLOAD_GRANULARITY;
/** the largest video file Lantoa hands to YouTube (it is held in memory while uploading) */
export const MAX_VIDEO_BYTES = 256 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
/** The slowest upload we wait for: a chunk may take the usual answer time plus its bytes at this rate. */
const SLOWEST_UPLOAD_BYTES_PER_S = 128 * 1024;
const DAY_MS = 24 * 3600_000;

/**
 * Addresses derived from the channel's API base. Uploads sit on the same
 * host as the API under /upload, so the root is the API base without its
 * trailing /youtube/v3. Google's token endpoint has a host of its own
 * (oauth2.googleapis.com), used when the API base is Google's; any other
 * base (an emulator, a proxy) serves tokens at `${root}/token`.
 */
export function youtubeUrls(apiBaseUrl: string): { api: string; uploads: string; token: string } {
  const api = apiBaseUrl.replace(/\/+$/, '');
  const root = api.replace(/\/youtube\/v3$/, '');
  return { api, uploads: `${root}/upload/youtube/v3`, token: api === DEFAULT_BASE ? 'https://oauth2.googleapis.com/token' : `${root}/token` };
}

/** Milliseconds until YouTube's daily quota resets, at midnight Pacific time. */
export function untilPacificMidnight(now = new Date()): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(now);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const elapsed = ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 + now.getMilliseconds();
    return Math.max(60_000, DAY_MS - elapsed);
  } catch {
    return 3600_000;
  }
}

/** A failed YouTube (or Google token endpoint) answer sorted into what to do about it. */
export function classifyYouTube(res: PlatformResponse): ConnectorError {
  const status = res.status;
  const json = res.json;
  const answer = asAnswer(json);
  // the token endpoint's errors are OAuth's: {error: "invalid_grant", error_description}
  const oauthError = str(answer.error);
  if (oauthError !== undefined) {
    const message = `Google token endpoint: ${oauthError} ${str(answer.error_description) ?? ''}`.trim();
    if (status >= 500) return new ConnectorError('retry-later', message, { status, code: oauthError });
    return new ConnectorError('disconnected', message, { status, code: oauthError });
  }
  const errors = at(answer, 'error', 'errors');
  const reasons: string[] = Array.isArray(errors) ? errors.map((e: unknown) => str(at(e, 'reason')) ?? '') : [];
  const has = (...r: string[]) => reasons.some((x) => r.includes(x));
  const reason = reasons.find(Boolean);
  const message = `YouTube ${describe(res)}`;
  const details = { status, ...(reason ? { code: reason } : {}) };
  if (status === 401) return new ConnectorError('refresh-token', message, details);
  if (has('quotaExceeded')) return new ConnectorError('retry-later', message, { ...details, retryAfterMs: untilPacificMidnight() });
  if (has('uploadLimitExceeded')) return new ConnectorError('retry-later', message, { ...details, retryAfterMs: DAY_MS });
  if (status === 429 || has('rateLimitExceeded', 'userRateLimitExceeded')) return new ConnectorError('retry-later', message, { ...details, retryAfterMs: retryAfterMs(res.headers) });
  if (has('forbidden', 'youtubeSignupRequired', 'insufficientPermissions')) return new ConnectorError('disconnected', message, details);
  if (status >= 500 || json === undefined) return new ConnectorError('retry-later', message, { status, ambiguous: status === 200 ? true : undefined });
  // invalidTitle, invalidDescription, invalidTags, invalidCategoryId and any
  // other refusal: the same request would be refused again
  return new ConnectorError('bad-content', message, details);
}

export interface YouTubeSnippet {
  title: string;
  description: string;
  tags: string[];
}

const noAngleBrackets = (s: string): string => s.replace(/[<>]/g, '');
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Cuts text so that its UTF-8 form fits `max` bytes (Vietnamese letters take two or three). */
function shortenToBytes(text: string, max: number): string {
  if (max <= 0) return '';
  let n = [...text].length;
  let out = shorten(text, n);
  while (n > 1 && bytes(out) > max) {
    n -= Math.max(1, Math.ceil((bytes(out) - max) / 4));
    out = shorten(text, n);
  }
  return bytes(out) > max ? '' : out;
}

/**
 * Title, description and tags within YouTube's limits: a title of at most
 * 100 characters, a description of at most 5,000 bytes ending with the
 * item's address, tags of at most 500 characters together (a tag with a
 * space counts its quotes, tags are joined by commas). YouTube refuses
 * `<` and `>` in all three.
 */
export function formatYouTube(post: SocialPost): YouTubeSnippet {
  const title = shorten(noAngleBrackets(post.title).replace(/\s+/g, ' ').trim() || noAngleBrackets(post.portalName).trim() || 'Video', TITLE_MAX);
  const tail = `\n\n${noAngleBrackets(post.url)}`;
  const summary = noAngleBrackets(post.socialText || post.summary || htmlToText(post.bodyHtml)).trim();
  const description = shortenToBytes(summary, DESCRIPTION_MAX_BYTES - bytes(tail)) + tail;
  const tags: string[] = [];
  let used = 0;
  for (const raw of post.tags) {
    const tag = noAngleBrackets(raw).replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
    if (!tag || tags.includes(tag)) continue;
    const cost = [...tag].length + (tag.includes(' ') ? 2 : 0) + (tags.length ? 1 : 0);
    if (used + cost > TAGS_MAX) continue;
    tags.push(tag);
    used += cost;
  }
  return { title, description: description.replace(/^\s+/, ''), tags };
}

function chunkSize(channel: ChannelRuntime): number {
  const asked = Number(channel.credentials.chunkBytes);
  if (!channel.credentials.chunkBytes) return DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(asked) || asked <= 0 || asked % UPLOAD_GRANULARITY !== 0) {
    throw new ConnectorError('disconnected', `chunkBytes must be a positive multiple of ${UPLOAD_GRANULARITY}; the channel says ${channel.credentials.chunkBytes}`);
  }
  return asked;
}

const auth = (channel: ChannelRuntime): Record<string, string> => ({ authorization: `Bearer ${channel.credentials.accessToken}` });

async function youtube(channel: ChannelRuntime, method: string, pathAndQuery: string, body?: unknown): Promise<PlatformResponse> {
  const res = await call(channel, `${youtubeUrls(channel.apiBaseUrl).api}${pathAndQuery}`, {
    method,
    headers: { ...auth(channel), ...(body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status < 200 || res.status >= 300) throw classifyYouTube(res);
  return res;
}

interface Video {
  bytes: Buffer;
  type: string;
}

/** The video file, read from where the item links it, with a time limit and a size cap. */
async function download(scope: CallScope, url: string): Promise<Video> {
  let res: OutgoingResponse;
  try {
    res = await fetchLinkedFile(scope, url, { maxBytes: MAX_VIDEO_BYTES, timeoutMs: DOWNLOAD_TIMEOUT_MS });
  } catch (err) {
    const e = err as OutgoingHttpError;
    if (e.code === 'too-large') throw new ConnectorError('bad-content', `the video is larger than ${MAX_VIDEO_BYTES} bytes`);
    if (e.code === 'refused' || e.code === 'bad-url') throw new ConnectorError('bad-content', `the video ${url} cannot be fetched: ${e.message}`);
    throw new ConnectorError('retry-later', `downloading the video ${url} failed: ${e.message}`);
  }
  if (res.status < 200 || res.status >= 300) throw new ConnectorError('retry-later', `downloading the video ${url} answered HTTP ${res.status}`, { status: res.status });
  const type = (res.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!type.startsWith('video/')) throw new ConnectorError('bad-content', `${url} is not a video (content-type ${type || 'missing'})`);
  if (res.body.length === 0) throw new ConnectorError('bad-content', `the video at ${url} is empty`);
  return { bytes: res.body, type };
}

/** Where an upload continues, from a 308's `Range: bytes=0-N` (no Range: nothing is in yet). */
function nextOffset(res: PlatformResponse): number {
  const m = /bytes=0-(\d+)/.exec(res.headers.get('range') ?? '');
  return m ? Number(m[1]) + 1 : 0;
}

/** The statistics of the first resource in a list answer (a channel, a video), when there is one. */
function firstStatistics(res: PlatformResponse): Answer | undefined {
  const stats = at(list(asAnswer(res.json).items)[0], 'statistics');
  return stats ? asAnswer(stats) : undefined;
}

function finished(res: PlatformResponse, state: DeliveryState): PublishResult {
  const id = asAnswer(res.json).id;
  if (typeof id !== 'string' || !id) throw new ConnectorError('retry-later', `YouTube finished the upload without a video id: ${describe(res)}`, { status: res.status, ambiguous: true });
  state.videoId = id;
  delete state.sessionUri;
  return { remoteId: id, remoteUrl: `https://www.youtube.com/watch?v=${id}` };
}

/** A session probe or chunk answer that means "expired, start again". */
const sessionGone = (res: PlatformResponse): boolean => res.status === 404 || res.status === 410;

async function startSession(channel: ChannelRuntime, post: SocialPost, video: Video): Promise<string> {
  const snippet = formatYouTube(post);
  const res = await call(channel, `${youtubeUrls(channel.apiBaseUrl).uploads}/videos?uploadType=resumable&part=snippet,status`, {
    method: 'POST',
    headers: {
      ...auth(channel),
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-length': String(video.bytes.length),
      'x-upload-content-type': video.type,
    },
    body: JSON.stringify({
      snippet: { ...snippet, categoryId: channel.credentials.categoryId || '25' },
      status: { privacyStatus: channel.credentials.privacyStatus || 'public', selfDeclaredMadeForKids: false },
    }),
  });
  if (res.status < 200 || res.status >= 300) throw classifyYouTube(res);
  const location = res.headers.get('location');
  if (!location) throw new ConnectorError('retry-later', `YouTube opened no upload session: ${describe(res)}`, { status: res.status });
  return new URL(location, youtubeUrls(channel.apiBaseUrl).uploads).href;
}

function putToSession(channel: ChannelRuntime, sessionUri: string, contentRange: string, body: Buffer | string, type: string): Promise<PlatformResponse> {
  return call(channel, sessionUri, {
    method: 'PUT',
    headers: { ...auth(channel), 'content-range': contentRange, ...(typeof body === 'string' ? {} : { 'content-type': type }) },
    body,
    // a fixed long limit would let one silent session hold the worker for minutes; scale it with the chunk
    timeoutMs: answerTimeoutMs(channel) + Math.ceil((Buffer.byteLength(body) / SLOWEST_UPLOAD_BYTES_PER_S) * 1000),
  });
}

export const youtubeConnector: Connector = {
  platform: 'youtube',
  defaultBaseUrl: DEFAULT_BASE,
  credentialFields: [
    { name: 'accessToken', required: true, description: 'OAuth 2.0 access token with the youtube.upload scope (about an hour; refreshed automatically)' },
    { name: 'refreshToken', required: true, description: 'OAuth 2.0 refresh token (from access_type=offline)' },
    { name: 'clientId', required: true, description: 'OAuth client id of the Google Cloud project' },
    { name: 'clientSecret', required: true, description: 'OAuth client secret of the Google Cloud project' },
    { name: 'privacyStatus', required: false, description: 'public (default), unlisted or private' },
    { name: 'categoryId', required: false, description: 'YouTube category id (default 25, News & Politics)' },
    { name: 'chunkBytes', required: false, description: `upload chunk size in bytes, a multiple of ${UPLOAD_GRANULARITY} (default ${DEFAULT_CHUNK_BYTES})` },
  ],
  accepts: (post) => post.type === 'video' && Boolean(post.videoUrl),

  async publish(channel, post, state, checkpoint): Promise<PublishResult> {
    if (typeof state.videoId === 'string') return { remoteId: state.videoId, remoteUrl: `https://www.youtube.com/watch?v=${state.videoId}` };
    if (!post.videoUrl) throw new ConnectorError('bad-content', 'the item has no video file');
    const chunk = chunkSize(channel);
    const video = await download(channel, post.videoUrl);
    const total = video.bytes.length;
    // a session opened for another file (the video was replaced meanwhile) cannot take this one
    if (state.uploadTotal !== total) delete state.sessionUri;

    let restarted = false;
    for (;;) {
      let offset = 0;
      if (typeof state.sessionUri === 'string') {
        const probe = await putToSession(channel, state.sessionUri, `bytes */${total}`, '', video.type);
        if (probe.status === 200 || probe.status === 201) return finished(probe, state);
        if (sessionGone(probe)) {
          delete state.sessionUri;
          continue;
        }
        if (probe.status !== 308) throw classifyYouTube(probe);
        offset = nextOffset(probe);
      } else {
        if (restarted) throw new ConnectorError('retry-later', 'YouTube dropped a new upload session at once');
        restarted = true;
        state.sessionUri = await startSession(channel, post, video);
        state.uploadTotal = total;
        // a crash mid-upload resumes this session instead of sending the whole file again
        await checkpoint?.();
      }
      state.received = offset;

      let stalled = 0;
      let gone = false;
      while (!gone) {
        if (offset >= total) {
          // every byte is in but the session did not say done: ask it
          throw new ConnectorError('retry-later', 'YouTube has every byte but has not finished the video yet', { ambiguous: true });
        }
        const end = Math.min(offset + chunk, total);
        const res = await putToSession(channel, state.sessionUri as string, `bytes ${offset}-${end - 1}/${total}`, video.bytes.subarray(offset, end), video.type);
        if (res.status === 200 || res.status === 201) return finished(res, state);
        if (sessionGone(res)) {
          delete state.sessionUri;
          gone = true;
          continue;
        }
        if (res.status !== 308) throw classifyYouTube(res);
        const next = nextOffset(res);
        stalled = next > offset ? 0 : stalled + 1;
        if (stalled >= 3) throw new ConnectorError('retry-later', `YouTube keeps the upload at byte ${next} of ${total}`);
        offset = next;
        state.received = offset;
      }
    }
  },

  async update(channel, remoteId, post) {
    await youtube(channel, 'PUT', '/videos?part=snippet', { id: remoteId, snippet: { ...formatYouTube(post), categoryId: channel.credentials.categoryId || '25' } });
  },

  async remove(channel, remoteId) {
    try {
      await youtube(channel, 'DELETE', `/videos?id=${encodeURIComponent(remoteId)}`);
    } catch (err) {
      // already gone is what was asked for
      if (err instanceof ConnectorError && err.details.status === 404) return;
      throw err;
    }
  },

  async refresh(channel) {
    const { clientId, clientSecret, refreshToken } = channel.credentials;
    const res = await call(channel, youtubeUrls(channel.apiBaseUrl).token, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken }),
    });
    const token = readTokenAnswer(res.json);
    if (res.status !== 200 || !token) {
      if (res.status >= 500 || res.json === undefined) throw new ConnectorError('retry-later', `Google's token endpoint answered unexpectedly: ${describe(res)}`, { status: res.status });
      // invalid_grant (revoked, expired, password changed), invalid_client: a person must reconnect
      const err = classifyYouTube(res);
      throw new ConnectorError('disconnected', err.message, err.details);
    }
    // Google sends a new refresh token only now and then; otherwise the old one stays good
    return { ...channel.credentials, accessToken: token.accessToken, refreshToken: token.refreshToken ?? refreshToken };
  },

  async channelMetrics(channel) {
    const res = await youtube(channel, 'GET', '/channels?part=statistics&mine=true');
    const stats = firstStatistics(res);
    if (!stats) throw new ConnectorError('disconnected', 'the YouTube account has no channel');
    return { followers: Number(stats.subscriberCount ?? 0) };
  },

  async postMetrics(channel, remoteId) {
    const res = await youtube(channel, 'GET', `/videos?part=statistics&id=${encodeURIComponent(remoteId)}`);
    const stats = firstStatistics(res);
    if (!stats) throw new ConnectorError('bad-content', `YouTube has no video ${remoteId}`, { status: res.status });
    return { views: Number(stats.viewCount ?? 0), likes: Number(stats.likeCount ?? 0), comments: Number(stats.commentCount ?? 0) };
  },
};
