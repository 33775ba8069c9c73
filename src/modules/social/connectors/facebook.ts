import { asAnswer, at, list, str, type Answer } from '../answer.ts';
import { call, describe, hashtags, htmlToText, retryAfterMs, shorten, type PlatformResponse } from '../http.ts';
import { ConnectorError, type ChannelRuntime, type Connector, type DeliveryState, type PostMetrics, type PublishResult, type SocialPost } from '../types.ts';

// Facebook Page through the Graph API. The page access token travels as the
// `access_token` parameter (query string for reads and deletes, form body for
// writes). A page token made from a long-lived user token never expires on
// its own; when Graph rejects it the admin changed their password or lost the
// page, so there is nothing to refresh and the channel must be reconnected.
//
// Three kinds of post: a link post on the feed (Facebook draws the preview
// from the item's page), a photo post for items with a cover picture (the
// link goes into the caption, since a photo post has no link field), and a
// video post for video items that have a file.

const MESSAGE_MAX = 5000;
const TITLE_MAX = 300;
const VIDEO_TITLE_MAX = 255;
const HASHTAG_MAX = 60;
/** codes Graph uses for throttling: app, user, page, per-call and app-level caps */
const THROTTLE_CODES = new Set([4, 17, 32, 341, 613]);
const TRANSIENT_CODES = new Set([1, 2]);
const INVALID_TOKEN_CODES = new Set([102, 190]);
const DUPLICATE_POST = 506;
const LINK_SCRAPE_FAILED = 1609005;
const POLICY_BLOCK = 368;
const DEFAULT_THROTTLE_MS = 60_000;
/** the app- and page-level windows roll over an hour: a minute's wait would hit the same wall */
const SATURATED_THROTTLE_MS = 10 * 60_000;
/** Feed entries read per page while looking for our own post, and pages read at most. */
const FEED_LOOKBACK = 100;
const FEED_PAGES = 20;
/** How far before the first attempt to look: clocks differ. */
const LOOK_BEFORE_MS = 5 * 60_000;

type PostKind = 'link' | 'photo' | 'video';

function kindOf(post: SocialPost): PostKind {
  if (post.type === 'video' && post.videoUrl) return 'video';
  if (post.imageUrl) return 'photo';
  return 'link';
}

/** How long the usage headers say to wait, when a throttling error came with them. */
function usageWaitMs(headers: Headers): number | undefined {
  let regainMinutes = 0;
  let saturated = false;
  const consider = (entry: unknown) => {
    if (!entry || typeof entry !== 'object') return;
    const e = entry as Record<string, unknown>;
    const regain = Number(e.estimated_time_to_regain_access);
    if (Number.isFinite(regain) && regain > regainMinutes) regainMinutes = regain;
    for (const key of ['call_count', 'total_time', 'total_cputime']) if (Number(e[key]) >= 100) saturated = true;
  };
  for (const name of ['x-app-usage', 'x-page-usage', 'x-business-use-case-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    if (name === 'x-business-use-case-usage' && parsed && typeof parsed === 'object') {
      // keyed by business object id, each holding a list of per-type usages
      for (const list of Object.values(parsed)) if (Array.isArray(list)) list.forEach(consider);
    } else consider(parsed);
  }
  if (regainMinutes > 0) return regainMinutes * 60_000;
  return saturated ? SATURATED_THROTTLE_MS : undefined;
}

/** A failed Graph answer sorted into what to do about it. */
export function classifyFacebook(res: PlatformResponse): ConnectorError {
  const status = res.status;
  const err = asAnswer(res.json).error;
  if (!err || typeof err !== 'object') {
    if (res.json === undefined || status >= 500) {
      // a success status with a broken body may well mean the post was made
      return new ConnectorError('retry-later', `Facebook answered unexpectedly: ${describe(res)}`, { status, ambiguous: status >= 200 && status < 300 });
    }
    if (status >= 200 && status < 300) return new ConnectorError('retry-later', `Facebook answered without the expected fields: ${describe(res)}`, { status, ambiguous: true });
    return new ConnectorError('bad-content', `Facebook refused the request: ${describe(res)}`, { status });
  }
  const e = asAnswer(err);
  const code = Number(e.code);
  const subcode = Number(e.error_subcode) || undefined;
  const text = (str(e.error_user_msg) || str(e.message) || '').replace(/\s+/g, ' ').slice(0, 300);
  const message = `Facebook error ${code}${subcode ? `/${subcode}` : ''}: ${text}`;
  const details = { status, code };
  if (INVALID_TOKEN_CODES.has(code)) return new ConnectorError('disconnected', `${message} (the page token no longer works: reconnect the page)`, details);
  if (THROTTLE_CODES.has(code) || (code >= 80001 && code <= 80014)) {
    const wait = retryAfterMs(res.headers) ?? usageWaitMs(res.headers) ?? DEFAULT_THROTTLE_MS;
    return new ConnectorError('retry-later', message, { ...details, retryAfterMs: wait });
  }
  if (code === 10 || (code >= 200 && code <= 299)) return new ConnectorError('disconnected', `${message} (the token lost a permission the page needs)`, details);
  if (code === POLICY_BLOCK || code === DUPLICATE_POST || code === LINK_SCRAPE_FAILED) return new ConnectorError('bad-content', message, details);
  if (TRANSIENT_CODES.has(code) || e.is_transient === true || status >= 500) return new ConnectorError('retry-later', message, details);
  return new ConnectorError('bad-content', message, details);
}

/**
 * The texts one item becomes: `message` for a link post (the link travels
 * beside it), `caption` with the link at the end for photo and video posts,
 * and a short `title` for videos. Title and summary are cut to fit; the link
 * never is.
 */
export function formatFacebook(post: SocialPost): { message: string; caption: string; title: string } {
  const link = post.url;
  const captionRoom = MESSAGE_MAX - [...link].length - 2;
  return {
    message: compose(post, MESSAGE_MAX),
    caption: `${compose(post, captionRoom)}\n\n${link}`,
    title: shorten(oneLine(post.title), VIDEO_TITLE_MAX),
  };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function compose(post: SocialPost, room: number): string {
  // the editor's own text stands alone: no title, summary or hashtags around it
  if (post.socialText) return shorten(post.socialText.trim(), room);
  const title = shorten(oneLine(post.title), Math.min(TITLE_MAX, room));
  // an over-long tag makes an unreadable hashtag: leave it out rather than cut it
  const tags = hashtags(post.tags)
    .filter((t) => [...t].length <= HASHTAG_MAX)
    .join(' ');
  const fixed = [...title].length + (tags ? [...tags].length + 2 : 0);
  const summaryText = (post.summary || htmlToText(post.bodyHtml)).trim();
  const summaryRoom = room - fixed - 2;
  const summary = summaryText && summaryText !== title && summaryRoom >= 20 ? shorten(summaryText, summaryRoom) : '';
  return [title, summary, tags].filter(Boolean).join('\n\n');
}

function credentials(channel: ChannelRuntime): { pageId: string; token: string } {
  const { pageId, pageAccessToken } = channel.credentials;
  if (!pageId || !pageAccessToken) throw new ConnectorError('disconnected', 'the Facebook channel has no page id or page access token');
  return { pageId, token: pageAccessToken };
}

function apiBase(channel: ChannelRuntime): string {
  return channel.apiBaseUrl.replace(/\/+$/, '');
}

/** Video uploads have their own host on the real Graph API; an emulator or proxy takes them on its one address. */
export function videoBase(apiBaseUrl: string): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return base;
  }
  if (url.hostname !== 'graph.facebook.com') return base;
  url.hostname = 'graph-video.facebook.com';
  return url.toString().replace(/\/+$/, '');
}

async function graph(channel: ChannelRuntime, method: 'GET' | 'POST' | 'DELETE', path: string, params: Record<string, string> = {}, base = apiBase(channel)): Promise<Answer> {
  const { token } = credentials(channel);
  const all = new URLSearchParams({ ...params, access_token: token });
  const res = method === 'POST' ? await call(channel, `${base}${path}`, { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: all.toString() }) : await call(channel, `${base}${path}?${all}`, { method });
  if (res.status < 200 || res.status >= 300 || !res.json || typeof res.json !== 'object' || asAnswer(res.json).error) throw classifyFacebook(res);
  return asAnswer(res.json);
}

function graphId(value: unknown): string | undefined {
  if (typeof value === 'string' && /^[\w.-]{1,100}$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return undefined;
}

function postUrl(id: string): string {
  return `https://www.facebook.com/${id}`;
}

/** A refusal that came with a clear answer: nothing was posted, so no need to look before sending again. */
function refusedOutright(err: unknown): boolean {
  if (!(err instanceof ConnectorError) || err.details.ambiguous) return false;
  const status = err.details.status;
  return status !== undefined && status >= 400 && status < 500;
}

async function send(channel: ChannelRuntime, post: SocialPost): Promise<PublishResult> {
  const { pageId } = credentials(channel);
  const page = encodeURIComponent(pageId);
  const text = formatFacebook(post);
  const kind = kindOf(post);
  let id: string | undefined;
  let answer: Answer;
  if (kind === 'video') {
    answer = await graph(channel, 'POST', `/${page}/videos`, { file_url: post.videoUrl!, title: text.title, description: text.caption, published: 'true' }, videoBase(apiBase(channel)));
    id = graphId(answer.id);
  } else if (kind === 'photo') {
    answer = await graph(channel, 'POST', `/${page}/photos`, { url: post.imageUrl!, caption: text.caption, published: 'true' });
    // the photo's own id is not the feed post: edits, deletes and metrics go to post_id
    id = graphId(answer.post_id) ?? graphId(answer.id);
  } else {
    answer = await graph(channel, 'POST', `/${page}/feed`, { message: text.message, link: post.url, published: 'true' });
    id = graphId(answer.id);
  }
  if (!id) throw new ConnectorError('retry-later', `Facebook accepted the ${kind} post without giving its id`, { status: 200, ambiguous: true });
  return { remoteId: id, remoteUrl: postUrl(id) };
}

function normalizedUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function mentions(text: unknown, url: string): boolean {
  if (typeof text !== 'string') return false;
  const wanted = normalizedUrl(url);
  return (text.match(/https?:\/\/[^\s"'<>]+/g) ?? []).some((u) => normalizedUrl(u) === wanted);
}

async function findOnFeed(channel: ChannelRuntime, post: SocialPost, state: DeliveryState = {}): Promise<PublishResult | undefined> {
  const { pageId } = credentials(channel);
  // only posts since shortly before the first attempt can be ours; a busy page fills more than a page of feed in that time
  const first = typeof state.firstAttemptAt === 'string' ? Date.parse(state.firstAttemptAt) : NaN;
  const params: Record<string, string> = { fields: 'id,link,permalink_url,message', limit: String(FEED_LOOKBACK) };
  if (!Number.isNaN(first)) params.since = String(Math.floor((first - LOOK_BEFORE_MS) / 1000));
  for (let page = 0; page < FEED_PAGES; page++) {
    // link posts carry the item's address in `link`; photo and video posts only in their text
    const feed = await graph(channel, 'GET', `/${encodeURIComponent(pageId)}/feed`, params);
    const found = matchOnFeed(feed, post);
    if (found) return found;
    const after = str(at(feed, 'paging', 'cursors', 'after'));
    if (!after || !at(feed, 'paging', 'next')) break;
    params.after = after;
  }
  return undefined;
}

function matchOnFeed(feed: Answer, post: SocialPost): PublishResult | undefined {
  const entries = list(feed.data);
  for (const entry of entries) {
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    const id = graphId(e.id);
    if (!id) continue;
    const sameLink = typeof e.link === 'string' && normalizedUrl(e.link) === normalizedUrl(post.url);
    if (sameLink || mentions(e.message, post.url)) {
      return { remoteId: id, remoteUrl: typeof e.permalink_url === 'string' && /^https:\/\//.test(e.permalink_url) ? e.permalink_url : postUrl(id) };
    }
  }
  return undefined;
}

function count(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Video ids are bare numbers; feed posts are "{page}_{post}". */
const isVideoId = (remoteId: string) => !remoteId.includes('_');

export const facebookConnector: Connector = {
  platform: 'facebook',
  defaultBaseUrl: 'https://graph.facebook.com/v21.0',
  credentialFields: [
    { name: 'pageId', required: true, description: "the Facebook Page's numeric id" },
    { name: 'pageAccessToken', required: true, description: 'a page access token made from a long-lived user token (pages_manage_posts, pages_read_engagement)' },
  ],
  accepts: () => true,

  async publish(channel, post, state: DeliveryState, checkpoint): Promise<PublishResult> {
    const triedBefore = typeof state.attemptedAt === 'string';
    // an earlier attempt lost its answer: the post may be on the page already
    if (triedBefore) {
      const found = await findOnFeed(channel, post, state);
      if (found) return found;
    }
    state.attemptedAt = new Date().toISOString();
    if (typeof state.firstAttemptAt !== 'string') state.firstAttemptAt = state.attemptedAt;
    // on record before the call: a crash while it is in flight still leads the next attempt to look first
    await checkpoint?.();
    try {
      return await send(channel, post);
    } catch (err) {
      // Graph calls a repeat of the earlier post a duplicate: the feed may
      // have caught up since the look above, so look once more
      if (triedBefore && err instanceof ConnectorError && err.details.code === DUPLICATE_POST) {
        const found = await findOnFeed(channel, post, state);
        if (found) return found;
      }
      // a clear refusal means this attempt posted nothing; an earlier lost one stays on record
      if (!triedBefore && refusedOutright(err)) delete state.attemptedAt;
      throw err;
    }
  },

  async update(channel, remoteId, post) {
    const text = formatFacebook(post);
    const kind = kindOf(post);
    const params: Record<string, string> = kind === 'video' && isVideoId(remoteId) ? { name: text.title, description: text.caption } : { message: kind === 'link' ? text.message : text.caption };
    const answer = await graph(channel, 'POST', `/${encodeURIComponent(remoteId)}`, params);
    if (answer.success === false) throw new ConnectorError('bad-content', `Facebook did not apply the edit to ${remoteId}`, { status: 200 });
  },

  async remove(channel, remoteId) {
    try {
      await graph(channel, 'DELETE', `/${encodeURIComponent(remoteId)}`);
    } catch (err) {
      // "object does not exist": deleted already, by us or by hand on the page
      if (err instanceof ConnectorError && err.details.code === 100 && /does not exist/i.test(err.message)) return;
      throw err;
    }
  },

  findExisting: (channel, post, state) => findOnFeed(channel, post, state),

  async channelMetrics(channel) {
    const { pageId } = credentials(channel);
    const page = await graph(channel, 'GET', `/${encodeURIComponent(pageId)}`, { fields: 'followers_count,fan_count' });
    return { followers: count(page.followers_count) ?? count(page.fan_count) ?? 0 };
  },

  async postMetrics(channel, remoteId): Promise<PostMetrics> {
    // video nodes have no `shares` field and Graph refuses the whole request when asked for one
    const fields = isVideoId(remoteId) ? 'reactions.summary(true),comments.summary(true)' : 'shares,reactions.summary(true),comments.summary(true)';
    const node = await graph(channel, 'GET', `/${encodeURIComponent(remoteId)}`, { fields });
    const metrics: PostMetrics = {
      likes: count(at(node, 'reactions', 'summary', 'total_count')) ?? 0,
      comments: count(at(node, 'comments', 'summary', 'total_count')) ?? 0,
    };
    // Graph leaves `shares` out until someone shares the post
    if (!isVideoId(remoteId)) metrics.shares = count(at(node, 'shares', 'count')) ?? 0;
    return metrics;
  },
};
