import { asAnswer, at, list, str, type Answer } from '../../modules/social/index.ts';
import { randomInt } from 'node:crypto';
import type { EmulatedPost, EmulatedRequest, EmulatorContext, PlatformEmulator, Reply } from './server.ts';

// Zalo OA's open API as /zalo/v2.0/…, and its OAuth server as
// /zalo/oauth/v4/… (the connector finds OAuth under `${apiBaseUrl}/oauth`
// whenever the API base is not Zalo's own). Everything answers HTTP 200
// with a numeric `error`, as Zalo does. Error codes other than -216 are
// not confirmed by Zalo's documentation; the ones used here are plausible
// stand-ins and are marked where they are invented.

const ok = (data?: unknown): Reply => ({ status: 200, body: { error: 0, message: 'Success', ...(data === undefined ? {} : { data }) } });
const fail = (error: number, message: string): Reply => ({ status: 200, body: { error, message } });

/** invented: a parameter Zalo refuses */
const INVALID_PARAMETER = -201;
/** invented: the duplicate-article refusal */
const DUPLICATE_ARTICLE = -230;
/** the refresh-token refusal, as seen in secondary sources */
const INVALID_REFRESH_TOKEN = -14014;
/** invented: a wrong app id or secret key on the OAuth server */
const INVALID_APP = -14002;

const BLOCK_TYPES = new Set(['text', 'image', 'video']);
const isHttpUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
const chars = (s: string): number => [...s].length;

/** An article as Zalo takes it; the blocks are kept as sent. */
interface Article {
  type: 'normal';
  title: string;
  author?: string;
  description: string;
  cover?: unknown;
  body: Answer[];
  status?: string;
  comment?: string;
}

const showOrHide = (v: unknown): boolean => v === 'show' || v === 'hide';

/** The article a request sends, or what is wrong with it when Zalo would not take it. */
function readArticle(value: unknown): Article | string {
  if (!value || typeof value !== 'object') return 'the body must be a JSON object';
  const a = asAnswer(value);
  if (a.type !== 'normal') return 'type must be "normal"';
  const { title, author, description } = a;
  if (typeof title !== 'string' || !title.trim() || chars(title) > 150) return 'title is required, at most 150 characters';
  if (author !== undefined && (typeof author !== 'string' || chars(author) > 50)) return 'author is at most 50 characters';
  if (typeof description !== 'string' || !description.trim() || chars(description) > 300) return 'description is required, at most 300 characters';
  if (a.cover !== undefined) {
    const c = asAnswer(a.cover);
    if (c.cover_type !== 'photo' || !isHttpUrl(c.photo_url) || !showOrHide(c.status)) return 'cover needs cover_type "photo", an http(s) photo_url and a status';
  }
  const body = list(a.body).map(asAnswer);
  if (body.length === 0) return 'body must be a non-empty array of blocks';
  for (const [i, b] of body.entries()) {
    const type = str(b.type);
    if (type === undefined || !BLOCK_TYPES.has(type)) return `body[${i}]: unknown block type`;
    if (type === 'text' && (typeof b.content !== 'string' || !b.content.trim())) return `body[${i}]: a text block needs content`;
    if (type !== 'text' && !isHttpUrl(b.url)) return `body[${i}]: an ${type} block needs an http(s) url`;
    if (b.caption !== undefined && typeof b.caption !== 'string') return `body[${i}]: caption must be text`;
  }
  for (const f of ['status', 'comment']) if (a[f] !== undefined && !showOrHide(a[f])) return `${f} must be "show" or "hide"`;
  return { type: 'normal', title, author, description, cover: a.cover, body, status: str(a.status), comment: str(a.comment) };
}

/** The item address an article carries: the link in its last text block. */
function linkOf(body: Answer[]): string | undefined {
  const last = [...body].reverse().find((b) => b.type === 'text');
  if (!last) return undefined;
  const content = str(last.content) ?? '';
  const found = /href="([^"]+)"/.exec(content)?.[1] ?? /https?:\/\/[^\s<"]+/.exec(content)?.[0];
  return found?.replace(/&amp;/g, '&');
}

function articleData(a: Article): Record<string, unknown> {
  return { type: a.type, title: a.title, author: a.author ?? '', description: a.description, cover: a.cover, body: a.body, status: a.status ?? 'show', comment: a.comment ?? 'show' };
}

function liveArticle(ctx: EmulatorContext, id: unknown): EmulatedPost | undefined {
  const post = typeof id === 'string' || typeof id === 'number' ? ctx.state.posts.get(String(id)) : undefined;
  return post && !post.deleted ? post : undefined;
}

/** A token that `article/verify` will turn into the article's id; tokens stay valid, so verifying twice gives the same id. */
function issueArticleToken(ctx: EmulatorContext, id: string): string {
  const token = ctx.state.token('zart-');
  ctx.state.extra.set(`article-token:${token}`, id);
  return token;
}

function summary(post: EmulatedPost): Record<string, unknown> {
  const d = post.data;
  return {
    id: post.id,
    type: d.type,
    title: d.title,
    status: d.status,
    total_view: d.total_view ?? 0,
    total_share: d.total_share ?? 0,
    create_date: Date.parse(post.createdAt),
    update_date: Number(d.updatedAt ?? Date.parse(post.createdAt)),
    thumb: (d.cover as { photo_url?: string } | undefined)?.photo_url ?? '',
    link: `https://zalo.me/oa/article/${post.id}`,
  };
}

function oauth(req: EmulatedRequest, ctx: EmulatorContext): Reply {
  const form = req.form ?? new URLSearchParams();
  const appId = form.get('app_id') ?? '';
  const secret = ctx.state.extra.get(`app:${appId}`);
  if (typeof secret !== 'string' || req.headers.secret_key !== secret) {
    return { status: 200, body: { error: INVALID_APP, error_name: 'Invalid app', error_description: 'app_id or secret_key is not valid' } };
  }
  if (form.get('grant_type') !== 'refresh_token') return { status: 200, body: { error: INVALID_APP, error_name: 'Invalid grant_type', error_description: 'only refresh_token is emulated' } };
  const used = form.get('refresh_token') ?? '';
  if (!ctx.state.refreshTokens.has(used)) {
    return { status: 200, body: { error: INVALID_REFRESH_TOKEN, error_name: 'Invalid refresh token', error_description: 'The refresh token is invalid, expired or already used' } };
  }
  // single use: the refresh token presented is spent, a new pair is issued
  ctx.state.refreshTokens.delete(used);
  const access = ctx.state.token('zalo-at-');
  const refresh = ctx.state.token('zalo-rt-');
  ctx.state.accessTokens.add(access);
  ctx.state.refreshTokens.add(refresh);
  return { status: 200, body: { access_token: access, refresh_token: refresh, expires_in: '90000' } };
}

export const zaloEmulator: PlatformEmulator = {
  platform: 'zalo',
  apiBaseUrl: (base) => base,
  account(ctx) {
    const accessToken = ctx.state.token('zalo-at-');
    const refreshToken = ctx.state.token('zalo-rt-');
    const appId = String(randomInt(1_000_000_000, 9_999_999_999));
    const appSecret = ctx.state.token('');
    ctx.state.accessTokens.add(accessToken);
    ctx.state.refreshTokens.add(refreshToken);
    ctx.state.extra.set(`app:${appId}`, appSecret);
    return { accessToken, refreshToken, appId, appSecret };
  },
  // writes draw faults; reads and the OAuth server do not
  faultable: (req) => req.method === 'POST' && req.path.startsWith('/v2.0/'),
  faultReply(kind, _req, _ctx, fault): Reply {
    if (kind === 'rate-limit') return { status: 200, headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) }, body: { error: -32, message: 'exceeded rate limit' } };
    if (kind === 'expired-token') return fail(-216, 'Access token is invalid');
    if (kind === 'duplicate') return fail(DUPLICATE_ARTICLE, 'Article already exists');
    return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error' };
  },
  handle(req, ctx): Reply | undefined {
    if (req.path === '/oauth/v4/oa/access_token') return req.method === 'POST' ? oauth(req, ctx) : undefined;
    if (!req.path.startsWith('/v2.0/')) return undefined;
    const token = req.headers.access_token;
    if (typeof token !== 'string' || !ctx.state.accessTokens.has(token)) return fail(-216, 'Access token is invalid');
    const route = `${req.method} ${req.path}`;
    const b = req.json;

    if (route === 'POST /v2.0/article/create') {
      const article = readArticle(b);
      if (typeof article === 'string') return fail(INVALID_PARAMETER, `Parameter invalid: ${article}`);
      const id = ctx.state.nextId();
      ctx.state.addPost(linkOf(article.body), article.title, { ...articleData(article), total_view: 0, total_share: 0 }, id);
      return ok({ token: issueArticleToken(ctx, id) });
    }
    if (route === 'POST /v2.0/article/verify') {
      const token = str(at(b, 'token'));
      const id = token !== undefined ? ctx.state.extra.get(`article-token:${token}`) : undefined;
      if (typeof id !== 'string') return fail(INVALID_PARAMETER, 'Parameter invalid: unknown token');
      return ok({ id });
    }
    if (route === 'POST /v2.0/article/update') {
      const post = liveArticle(ctx, at(b, 'id'));
      if (!post) return fail(INVALID_PARAMETER, 'Parameter invalid: no such article');
      const article = readArticle(b);
      if (typeof article === 'string') return fail(INVALID_PARAMETER, `Parameter invalid: ${article}`);
      Object.assign(post.data, articleData(article), { updatedAt: Date.now() });
      post.text = article.title;
      post.link = linkOf(article.body);
      post.edits++;
      return ok({ token: issueArticleToken(ctx, post.id) });
    }
    if (route === 'POST /v2.0/article/remove') {
      const post = liveArticle(ctx, at(b, 'id'));
      if (!post) return fail(INVALID_PARAMETER, 'Parameter invalid: no such article');
      post.deleted = true;
      return ok();
    }
    if (route === 'GET /v2.0/article/getslice') {
      const offset = Number(req.query.get('offset') ?? 0);
      const limit = Number(req.query.get('limit') ?? 10);
      const type = req.query.get('type') ?? 'normal';
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 100) return fail(INVALID_PARAMETER, 'Parameter invalid: offset/limit');
      const all = [...ctx.state.posts.values()].filter((p) => !p.deleted && p.data.type === type).reverse();
      return ok({ medias: all.slice(offset, offset + limit).map(summary), total: all.length });
    }
    if (route === 'GET /v2.0/article/getdetail') {
      const post = liveArticle(ctx, req.query.get('id'));
      if (!post) return fail(INVALID_PARAMETER, 'Parameter invalid: no such article');
      return ok({ ...summary(post), ...post.data });
    }
    if (route === 'GET /v2.0/oa/getoa') {
      return ok({ oa_id: '4318970350543937000', name: 'Cổng thông tin (emulator)', description: 'Zalo OA emulator', num_follower: ctx.state.followers, is_verified: true });
    }
    if (route === 'POST /v2.0/oa/message') {
      const attachment = at(b, 'message', 'attachment');
      const payload = at(attachment, 'payload');
      if (at(attachment, 'type') !== 'template' || at(payload, 'template_type') !== 'media') return fail(INVALID_PARAMETER, 'Parameter invalid: a media template is required');
      const elements = list(at(payload, 'elements'));
      if (elements.length < 1 || elements.length > 5) return fail(INVALID_PARAMETER, 'Parameter invalid: 1 to 5 elements');
      const articles: EmulatedPost[] = [];
      for (const e of elements) {
        const post = at(e, 'media_type') === 'article' ? liveArticle(ctx, at(e, 'attachment_id')) : undefined;
        if (!post) return fail(INVALID_PARAMETER, 'Parameter invalid: attachment_id is not an article of this OA');
        articles.push(post);
      }
      for (const post of articles) post.data.broadcasts = Number(post.data.broadcasts ?? 0) + 1;
      ctx.state.accepted++;
      return ok({ message_id: ctx.state.token('') });
    }
    return undefined;
  },
};
