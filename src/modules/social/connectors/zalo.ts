import { asAnswer, idOf, list, num, readTokenAnswer, str, type Answer } from '../answer.ts';
import { call, describe, htmlToText, retryAfterMs, shorten, type PlatformResponse } from '../http.ts';
import { ConnectorError, type ChannelRuntime, type Connector, type DeliveryState, type PublishResult, type SocialPost } from '../types.ts';

// Zalo Official Account (OA): an item becomes a Zalo *bài viết* (article) in
// the OA's article list, and, when the channel asks for it, is broadcast to
// the OA's followers. The OA access token travels in an `access_token`
// header (not Bearer). Every answer is HTTP 200 with a numeric `error`
// (0 = ok) and the payload in `data`.
//
// Creating an article is asynchronous: `article/create` hands back a token
// and `article/verify` turns the token into the article id. The token is
// kept in the delivery state before verifying, so an attempt whose answer
// got lost is finished by verifying that same token instead of creating a
// second article.

const DEFAULT_BASE = 'https://openapi.zalo.me';
const TITLE_MAX = 150;
const AUTHOR_MAX = 50;
const DESCRIPTION_MAX = 300;
/** how many refused verifications of a new article are put down to Zalo still processing it */
const VERIFY_REFUSALS_TOLERATED = 5;
const VERIFY_WAIT_MS = 30_000;
/** how far our clock and Zalo's may disagree when matching an article to our own attempt */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Codes Zalo uses for throttling. Only -216 is confirmed by Zalo's documentation; these are taken from secondary sources. */
const THROTTLING_CODES = new Set([-32, -211]);

/**
 * Where the OAuth endpoints live. Zalo keeps them on a host of their own
 * (oauth.zaloapp.com), so a channel on the documented API base uses that
 * host; a channel pointed elsewhere (an emulator, a proxy) finds them under
 * `${apiBaseUrl}/oauth`, next to the API it was given.
 */
export function zaloOAuthBase(apiBaseUrl: string): string {
  const api = apiBaseUrl.replace(/\/+$/, '');
  return api === DEFAULT_BASE ? 'https://oauth.zaloapp.com' : `${api}/oauth`;
}

/** A failed Zalo answer sorted into what to do about it. */
export function classifyZalo(res: PlatformResponse): ConnectorError {
  if (res.status === 429) return new ConnectorError('retry-later', `Zalo is throttling: ${describe(res)}`, { status: 429, retryAfterMs: retryAfterMs(res.headers) });
  const answer = asAnswer(res.json);
  const code = num(answer.error);
  if (res.status >= 500 || code === undefined) {
    // a 200 whose body is cut off may come from a request that was carried out
    return new ConnectorError('retry-later', `Zalo answered unexpectedly: ${describe(res)}`, { status: res.status, ambiguous: res.status === 200 ? true : undefined });
  }
  const message = `Zalo error ${code} ${str(answer.message) ?? ''}`.trim();
  if (code === -216) return new ConnectorError('refresh-token', message, { status: res.status, code });
  if (THROTTLING_CODES.has(code)) return new ConnectorError('retry-later', message, { status: res.status, code, retryAfterMs: retryAfterMs(res.headers) });
  // Zalo documents no other code for certain: anything else is taken as a
  // refusal of this article, which a plain retry would not change
  return new ConnectorError('bad-content', message, { status: res.status, code });
}

export interface ZaloBodyBlock {
  type: 'text' | 'image';
  content?: string;
  url?: string;
  caption?: string;
}

export interface ZaloArticle {
  type: 'normal';
  title: string;
  author: string;
  description: string;
  cover?: { cover_type: 'photo'; photo_url: string; status: 'show' };
  body: ZaloBodyBlock[];
  status: 'show';
  comment: 'show';
}

const SOURCE_LABEL: Record<string, string> = {
  vi: 'Xem bài gốc tại',
  en: 'Read the original at',
  zh: '原文链接',
};

/** The article Zalo receives for an item: its limits applied, the body as blocks, and a closing link to the portal. */
export function formatZalo(post: SocialPost): ZaloArticle {
  const base = originOf(post.url);
  const body = htmlToZaloBody(post.bodyHtml, base);
  const href = escapeAttribute(post.url);
  body.push({ type: 'text', content: `<p>${SOURCE_LABEL[post.lang] ?? SOURCE_LABEL.vi}: <a href="${href}">${escapeText(post.url)}</a></p>` });
  const description = (post.socialText || post.summary || htmlToText(post.bodyHtml) || post.title).replace(/\s+/g, ' ').trim();
  return {
    type: 'normal',
    title: zaloTitle(post),
    author: shorten(post.portalName, AUTHOR_MAX),
    description: shorten(description, DESCRIPTION_MAX),
    // Zalo's documentation shows a cover on every article; an item without a
    // picture is sent without one rather than with a made-up picture
    ...(post.imageUrl ? { cover: { cover_type: 'photo' as const, photo_url: post.imageUrl, status: 'show' as const } } : {}),
    body,
    status: 'show',
    comment: 'show',
  };
}

const zaloTitle = (post: SocialPost): string => shorten(post.title.replace(/\s+/g, ' ').trim(), TITLE_MAX);

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

// --- HTML to Zalo body blocks -------------------------------------------

/** Tags a Zalo text block keeps as they are; everything else is mapped or reduced to its text. */
const KEPT_TAGS = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'a', 'ul', 'ol', 'li']);
/** Tags whose content is a block of its own, written as a paragraph. */
const PARAGRAPH_TAGS = new Set(['table', 'dl', 'pre', 'caption']);
const HEADING = /^h[1-6]$/;

interface OpenTag {
  name: string;
  /** what was written to open it, to reopen it after an image splits it */
  open: string;
  close: string;
}

/**
 * Zalo body blocks from sanitized HTML: text as `text` blocks of simple
 * HTML (paragraphs, emphasis, links, lists; headings become bold
 * paragraphs), pictures as `image` blocks with their caption. Zalo fetches
 * pictures itself, so only http(s) addresses are kept; relative ones are
 * resolved against `base` (the item's origin), others are dropped.
 */
export function htmlToZaloBody(html: string, base?: string): ZaloBodyBlock[] {
  const blocks: ZaloBodyBlock[] = [];
  let text = '';
  const open: OpenTag[] = [];
  /** set while inside <figure>: its pictures wait for the caption */
  let figure: { images: { url: string; alt: string }[]; caption: string } | undefined;
  let inCaption = false;
  let inPre = false;

  const flushText = () => {
    const content = tidy(text).trim();
    if (content && htmlToText(content)) blocks.push({ type: 'text', content });
    text = '';
  };
  /** closes whatever is open, puts the picture between two text blocks, and reopens it */
  const pushImage = (image: ZaloBodyBlock) => {
    for (let i = open.length - 1; i >= 0; i--) text += open[i].close;
    flushText();
    blocks.push(image);
    for (const tag of open) text += tag.open;
  };
  const openTag = (name: string, openHtml: string, closeHtml: string) => {
    open.push({ name, open: openHtml, close: closeHtml });
    text += openHtml;
  };
  const closeTag = (name: string) => {
    const at = open.map((t) => t.name).lastIndexOf(name);
    if (at < 0) return;
    // anything left open inside it is closed with it
    for (const tag of open.splice(at).reverse()) text += tag.close;
  };

  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|([^<]+)/g;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [, slash, rawName, attrs, chars] = m;
    if (chars !== undefined) {
      if (inCaption && figure) figure.caption += chars;
      else text += inPre ? chars.replace(/\n/g, '<br>') : chars;
      continue;
    }
    const name = rawName.toLowerCase();
    const closing = slash === '/';
    if (name === 'figure') {
      if (!closing) {
        figure = { images: [], caption: '' };
        continue;
      }
      if (figure) {
        const caption = htmlToText(figure.caption);
        if (figure.images.length) {
          figure.images.forEach((img, i) => {
            // one caption for the figure: it goes under its last picture
            const own = i === figure!.images.length - 1 ? caption || img.alt : img.alt;
            pushImage({ type: 'image', url: img.url, ...(own ? { caption: own } : {}) });
          });
        } else if (caption) {
          text += `<p><em>${escapeText(caption)}</em></p>`;
        }
      }
      figure = undefined;
      inCaption = false;
      continue;
    }
    if (name === 'figcaption') {
      inCaption = !closing && figure !== undefined;
      continue;
    }
    if (name === 'img') {
      const a = parseAttributes(attrs);
      const url = absoluteHttpUrl(a.src ?? '', base);
      if (!url) continue;
      const alt = (a.alt ?? '').trim();
      if (figure) figure.images.push({ url, alt });
      else pushImage({ type: 'image', url, ...(alt ? { caption: alt } : {}) });
      continue;
    }
    if (inCaption) continue;
    if (HEADING.test(name)) {
      if (closing) closeTag(name);
      else openTag(name, '<p><strong>', '</strong></p>');
      continue;
    }
    if (PARAGRAPH_TAGS.has(name)) {
      if (name === 'pre') inPre = !closing;
      if (closing) closeTag(name);
      else openTag(name, '<p>', '</p>');
      continue;
    }
    if (name === 'tr' || name === 'dt' || name === 'dd') {
      if (closing) text += '<br>';
      continue;
    }
    if (name === 'td' || name === 'th') {
      if (closing) text += ' ';
      continue;
    }
    if (!KEPT_TAGS.has(name)) continue;
    if (name === 'br') {
      if (!closing) text += '<br>';
      continue;
    }
    if (closing) {
      closeTag(name);
      continue;
    }
    if (name === 'a') {
      const href = absoluteLink(parseAttributes(attrs).href ?? '', base);
      // a link that cannot be followed from Zalo keeps its words only
      if (href) openTag('a', `<a href="${escapeAttribute(href)}">`, '</a>');
      continue;
    }
    openTag(name, `<${name}>`, `</${name}>`);
  }
  for (let i = open.length - 1; i >= 0; i--) text += open[i].close;
  flushText();
  return blocks;
}

function parseAttributes(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function absoluteHttpUrl(src: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(src.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function absoluteLink(href: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function tidy(html: string): string {
  const empty = /<(p|strong|b|em|i|u|a|li|ul|ol)(\s[^>]*)?>(\s|<br>)*<\/\1>/g;
  // a line break just before a paragraph ends only adds an empty line
  let out = html.replace(/(\s*<br>)+\s*<\/p>/g, '</p>');
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(empty, '');
  }
  return out;
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

// --- calls ----------------------------------------------------------------

const apiBase = (channel: ChannelRuntime): string => channel.apiBaseUrl.replace(/\/+$/, '');

async function zalo(channel: ChannelRuntime, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  const res = await call(channel, `${apiBase(channel)}${path}`, {
    method,
    headers: { access_token: channel.credentials.accessToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = asAnswer(res.json);
  if (res.status !== 200 || answer.error !== 0) throw classifyZalo(res);
  return asAnswer(answer.data);
}

function expectString(value: unknown, what: string): string {
  if ((typeof value === 'string' && value) || typeof value === 'number') return String(value);
  throw new ConnectorError('retry-later', `Zalo's answer carries no ${what}`);
}

async function verify(channel: ChannelRuntime, token: string): Promise<string> {
  const data = await zalo(channel, 'POST', '/v2.0/article/verify', { token });
  return expectString(data.id, 'article id');
}

/**
 * Verifies the token of this delivery's article. Zalo processes a new
 * article after `create` and does not document what `verify` answers
 * meanwhile; a refusal is therefore taken as "not ready yet" a few times
 * (the article exists, and verifying the same token again is harmless)
 * before it counts as a refusal of the article.
 */
async function verifyPatiently(channel: ChannelRuntime, token: string, state: DeliveryState): Promise<string> {
  try {
    return await verify(channel, token);
  } catch (err) {
    if (!(err instanceof ConnectorError) || err.errorClass !== 'bad-content') throw err;
    const refusals = Number(state.verifyRefusals ?? 0) + 1;
    state.verifyRefusals = refusals;
    if (refusals >= VERIFY_REFUSALS_TOLERATED) throw err;
    throw new ConnectorError('retry-later', `${err.message} (verifying the article; Zalo may still be processing it)`, { ...err.details, retryAfterMs: VERIFY_WAIT_MS });
  }
}

/**
 * The newest article with this item's title, when there is one. Zalo's list
 * does not show the body, so the title is all there is to match on; with
 * `since`, older articles (an earlier item under the same title, a weekly
 * press release) are not taken for ours.
 */
/** Articles read per page while looking for our own, and pages read at most. */
const LOOKUP_PAGE = 100;
const LOOKUP_PAGES = 20;

async function findByTitle(channel: ChannelRuntime, post: SocialPost, since?: number): Promise<string | undefined> {
  const title = zaloTitle(post);
  // newest first; a busy OA publishes more than a page after our attempt, so read on until the articles are older than it
  for (let page = 0; page < LOOKUP_PAGES; page++) {
    const data = await zalo(channel, 'GET', `/v2.0/article/getslice?offset=${page * LOOKUP_PAGE}&limit=${LOOKUP_PAGE}&type=normal`);
    const items = (Array.isArray(data.medias) ? list(data.medias) : list(data.items)).map(asAnswer);
    const match = items.find((a) => {
      if (typeof a.title !== 'string' || a.title.trim() !== title) return false;
      const created = Number(a.create_date);
      return since === undefined || !Number.isFinite(created) || created >= since - CLOCK_SKEW_MS;
    });
    const matchId = idOf(match?.id);
    if (matchId !== undefined) return matchId;
    const oldest = Number(items[items.length - 1]?.create_date);
    if (items.length < LOOKUP_PAGE || since === undefined || (Number.isFinite(oldest) && oldest < since - CLOCK_SKEW_MS)) break;
  }
  return undefined;
}

async function broadcast(channel: ChannelRuntime, articleId: string): Promise<void> {
  await zalo(channel, 'POST', '/v2.0/oa/message', {
    // no target filter: every follower (Zalo narrows by ages, gender, cities… only when asked)
    recipient: { target: {} },
    message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'article', attachment_id: articleId }] } } },
  });
}

/**
 * This delivery's article id, creating the article only when no earlier
 * attempt can have created it. The create's token is kept before verifying,
 * so a lost verify answer is finished with the same token; a create whose
 * own answer was lost leaves `createSentAt`, and the next attempt looks for
 * the article before creating again.
 */
async function createOnce(channel: ChannelRuntime, post: SocialPost, state: DeliveryState, checkpoint?: () => Promise<void>): Promise<string> {
  if (typeof state.articleToken !== 'string') {
    const triedBefore = typeof state.createSentAt === 'string';
    if (triedBefore) {
      const found = await findByTitle(channel, post, Date.parse(state.createSentAt as string));
      if (found) return found;
    }
    // the first attempt bounds how far back a later look must go
    if (!triedBefore) state.createSentAt = new Date().toISOString();
    // saved before the call: a crash while it is in flight still leads the next attempt to look first
    await checkpoint?.();
    let data: Answer;
    try {
      data = await zalo(channel, 'POST', '/v2.0/article/create', formatZalo(post));
    } catch (err) {
      // a clear refusal of a first attempt means nothing was created; an earlier unanswered one stays on record
      if (!triedBefore && clearRefusal(err)) delete state.createSentAt;
      throw err;
    }
    state.articleToken = expectString(data.token, 'article token');
    await checkpoint?.();
  }
  return verifyPatiently(channel, state.articleToken as string, state);
}

/** A refusal that Zalo put into words (its own error code) means nothing was done. */
const clearRefusal = (err: unknown): boolean => err instanceof ConnectorError && err.details.code !== undefined && !err.details.ambiguous;

export const zaloConnector: Connector = {
  platform: 'zalo',
  defaultBaseUrl: DEFAULT_BASE,
  credentialFields: [
    { name: 'accessToken', required: true, description: 'OA access token (about 25 hours; refreshed automatically)' },
    { name: 'refreshToken', required: true, description: 'OA refresh token (single use: replaced at every refresh)' },
    { name: 'appId', required: true, description: 'id of the Zalo app linked to the OA' },
    { name: 'appSecret', required: true, description: "the app's secret key, for token refreshes" },
    { name: 'broadcast', required: false, description: '"true" to send each new article to the followers too (moderated by Zalo)' },
  ],
  accepts: () => true,

  async publish(channel, post, state, checkpoint): Promise<PublishResult> {
    if (typeof state.articleId !== 'string') state.articleId = await createOnce(channel, post, state, checkpoint);
    const articleId = state.articleId as string;
    if (channel.credentials.broadcast === 'true') await broadcastOnce(channel, articleId, state, checkpoint);
    return { remoteId: articleId };
  },

  async update(channel, remoteId, post) {
    const data = await zalo(channel, 'POST', '/v2.0/article/update', { id: remoteId, ...formatZalo(post) });
    // the edit is processed like a new article: its token must verify
    await verify(channel, expectString(data.token, 'article token'));
  },

  async remove(channel, remoteId) {
    await zalo(channel, 'POST', '/v2.0/article/remove', { id: remoteId });
  },

  async refresh(channel) {
    const { appId, appSecret, refreshToken } = channel.credentials;
    const res = await call(channel, `${zaloOAuthBase(channel.apiBaseUrl)}/v4/oa/access_token`, {
      method: 'POST',
      headers: { secret_key: appSecret },
      body: new URLSearchParams({ app_id: appId, grant_type: 'refresh_token', refresh_token: refreshToken }),
    });
    if (res.status >= 500 || (res.status === 200 && res.json === undefined)) {
      throw new ConnectorError('retry-later', `Zalo's token endpoint answered unexpectedly: ${describe(res)}`, { status: res.status });
    }
    const token = readTokenAnswer(res.json);
    // Zalo's refresh tokens are single use: an answer without a new one leaves nothing to refresh with next time
    if (!token?.refreshToken) {
      // the refresh token is spent or revoked: only a new authorisation helps
      const answer = asAnswer(res.json);
      const reason = str(answer.error_name) ?? str(answer.error_description) ?? str(answer.message) ?? describe(res);
      throw new ConnectorError('disconnected', `Zalo refused the token refresh: ${reason}`, { status: res.status, code: num(answer.error) });
    }
    return { ...channel.credentials, accessToken: token.accessToken, refreshToken: token.refreshToken };
  },

  async findExisting(channel, post, state): Promise<PublishResult | undefined> {
    if (typeof state.articleId === 'string') return { remoteId: state.articleId };
    if (typeof state.articleToken === 'string') return { remoteId: await verify(channel, state.articleToken) };
    const since = typeof state.createSentAt === 'string' ? Date.parse(state.createSentAt) : undefined;
    const found = await findByTitle(channel, post, Number.isFinite(since) ? since : undefined);
    return found ? { remoteId: found } : undefined;
  },

  async channelMetrics(channel) {
    const data = await zalo(channel, 'GET', '/v2.0/oa/getoa');
    return { followers: Number(data.num_follower ?? 0) };
  },

  async postMetrics(channel, remoteId) {
    const data = await zalo(channel, 'GET', `/v2.0/article/getdetail?id=${encodeURIComponent(remoteId)}`);
    return { views: Number(data.total_view ?? 0), shares: Number(data.total_share ?? 0) };
  },
};

/**
 * Sends the article to the followers at most once per delivery. A broadcast
 * whose answer was lost is not sent again: followers getting it twice is
 * worse than an article left in the OA's list only. A refusal of the
 * broadcast alone (a broadcast quota) does not fail the delivery either,
 * since the article itself is published; it is noted in the state.
 */
async function broadcastOnce(channel: ChannelRuntime, articleId: string, state: DeliveryState, checkpoint?: () => Promise<void>): Promise<void> {
  if (state.broadcast === true || typeof state.broadcastSentAt === 'string' || typeof state.broadcastError === 'string') return;
  state.broadcastSentAt = new Date().toISOString();
  // on record before the call, with the article's id: a crash while the
  // broadcast is in flight must not send it to the followers a second time
  await checkpoint?.();
  try {
    await broadcast(channel, articleId);
  } catch (err) {
    if (!(err instanceof ConnectorError) || err.details.ambiguous) throw err;
    delete state.broadcastSentAt;
    if (err.errorClass === 'bad-content') {
      state.broadcastError = err.message;
      return;
    }
    throw err;
  }
  state.broadcast = true;
}
