import { randomBytes } from 'node:crypto';
import { presentedTokens, type EmulatedPost, type EmulatedRequest, type EmulatorContext, type PlatformEmulator, type Reply } from './server.ts';

// The Graph API of a Facebook Page as /facebook/vNN.0/…: page tokens as the
// access_token parameter, Graph's error object with its numeric codes, the
// feed/photos/videos edges, editing and deleting posts, and the page and post
// fields the connector reads. Videos arrive on the same address (the real
// API has a separate graph-video host).

const MESSAGE_LIMIT = 63_206;
const FEED_DEFAULT_LIMIT = 25;
const FEED_MAX_LIMIT = 100;

interface FacebookPostData extends Record<string, unknown> {
  pageId: string;
  kind: 'link' | 'photo' | 'video';
  /** the link parameter of a link post */
  linkParam?: string;
  photoId?: string;
  title?: string;
  reactions: number;
  comments: number;
  shares: number;
}

const trace = () => randomBytes(8).toString('base64url');

function graphError(status: number, code: number, message: string, more: Record<string, unknown> = {}): Reply {
  return { status, body: { error: { message, type: 'OAuthException', code, ...more, fbtrace_id: trace() } } };
}

function missingObject(method: string, id: string): Reply {
  return {
    status: 400,
    body: {
      error: {
        message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
        fbtrace_id: trace(),
      },
    },
  };
}

const invalidToken = (): Reply => graphError(400, 190, 'Error validating access token: Session has expired or the token is not valid.', { error_subcode: 463 });

function pages(ctx: EmulatorContext): Map<string, { name: string }> {
  let m = ctx.state.extra.get('facebook:pages') as Map<string, { name: string }> | undefined;
  if (!m) {
    m = new Map();
    ctx.state.extra.set('facebook:pages', m);
  }
  return m;
}

/** Graph ids are long decimal numbers. */
function nextNumericId(ctx: EmulatorContext): string {
  const n = ((ctx.state.extra.get('facebook:seq') as number | undefined) ?? 0) + 1;
  ctx.state.extra.set('facebook:seq', n);
  return String(100_000_000_000_000 + n);
}

function param(req: EmulatedRequest, name: string): string | undefined {
  return req.form?.get(name) ?? req.query.get(name) ?? undefined;
}

const firstUrl = (text: string | undefined) => (text ? /https?:\/\/[^\s"'<>]+/.exec(text)?.[0] : undefined);

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const graphTime = (iso: string) => iso.replace(/\.\d{3}Z$/, '+0000');

function dataOf(post: EmulatedPost): FacebookPostData {
  return post.data as FacebookPostData;
}

/** The `link` Graph shows for a feed entry: the shared URL for link posts, Facebook's own page for media. */
function shownLink(post: EmulatedPost): string | undefined {
  const d = dataOf(post);
  if (d.kind === 'link') return d.linkParam;
  if (d.kind === 'photo') return `https://www.facebook.com/photo.php?fbid=${d.photoId}`;
  return `https://www.facebook.com/${d.pageId}/videos/${post.id}/`;
}

function permalink(post: EmulatedPost): string {
  const d = dataOf(post);
  return d.kind === 'video' ? `https://www.facebook.com/${d.pageId}/videos/${post.id}/` : `https://www.facebook.com/${d.pageId}/posts/${post.id.split('_')[1] ?? post.id}`;
}

function requestedFields(req: EmulatedRequest, fallback: string): string[] {
  return (req.query.get('fields') ?? fallback)
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

/** A post node with the fields asked for, or the error Graph gives for a field the node lacks. */
function postFields(post: EmulatedPost, fields: string[]): Reply {
  const d = dataOf(post);
  const out: Record<string, unknown> = { id: post.id };
  for (const field of fields) {
    const name = field.split(/[.({]/)[0];
    switch (name) {
      case 'id':
        break;
      case 'message':
        if (post.text) out.message = post.text;
        break;
      case 'created_time':
        out.created_time = graphTime(post.createdAt);
        break;
      case 'link': {
        const link = shownLink(post);
        if (link) out.link = link;
        break;
      }
      case 'permalink_url':
        out.permalink_url = permalink(post);
        break;
      case 'shares':
        if (d.kind === 'video') return graphError(400, 100, `(#100) Tried accessing nonexisting field (shares) on node type (Video)`);
        if (d.shares > 0) out.shares = { count: d.shares };
        break;
      case 'reactions':
        out.reactions = { data: [], summary: { total_count: d.reactions, viewer_reaction: 'NONE' } };
        break;
      case 'comments':
        out.comments = { data: [], summary: { order: 'ranked', total_count: d.comments, can_comment: true } };
        break;
      default:
        return graphError(400, 100, `(#100) Tried accessing nonexisting field (${name}) on node type (Post)`);
    }
  }
  return { status: 200, body: out };
}

function livePostsOf(ctx: EmulatorContext, pageId: string): EmulatedPost[] {
  return [...ctx.state.posts.values()].filter((p) => !p.deleted && dataOf(p).pageId === pageId).reverse();
}

function pageNode(req: EmulatedRequest, ctx: EmulatorContext, pageId: string, edge: string | undefined, ownsPage: boolean): Reply | undefined {
  const page = pages(ctx).get(pageId)!;
  if (edge === undefined && req.method === 'GET') {
    const out: Record<string, unknown> = { id: pageId };
    for (const field of requestedFields(req, 'name')) {
      if (field === 'name') out.name = page.name;
      else if (field === 'followers_count') out.followers_count = ctx.state.followers;
      else if (field === 'fan_count') out.fan_count = Math.round(ctx.state.followers * 0.9);
      else if (field !== 'id') return graphError(400, 100, `(#100) Tried accessing nonexisting field (${field}) on node type (Page)`);
    }
    return { status: 200, body: out };
  }
  if (edge === 'feed' && req.method === 'GET') {
    const limit = Math.min(FEED_MAX_LIMIT, Math.max(1, Number(req.query.get('limit')) || FEED_DEFAULT_LIMIT));
    const fields = requestedFields(req, 'id,message,created_time');
    // `since` (unix seconds) bounds the feed; `after` pages on (real cursors are opaque, here an offset)
    const since = req.query.get('since');
    const after = Number(req.query.get('after') ?? 0);
    if ((since !== null && !/^\d+$/.test(since)) || !Number.isInteger(after) || after < 0) return graphError(400, 100, 'Invalid parameter');
    const all = livePostsOf(ctx, pageId).filter((p) => since === null || Date.parse(p.createdAt) >= Number(since) * 1000);
    const data: unknown[] = [];
    for (const post of all.slice(after, after + limit)) {
      const reply = postFields(post, fields);
      if (reply.status !== 200) return reply;
      data.push(reply.body);
    }
    const paging = after + limit < all.length ? { cursors: { after: String(after + limit) }, next: `${ctx.base}/v21.0/${pageId}/feed?after=${after + limit}` } : {};
    return { status: 200, body: { data, paging } };
  }
  if (req.method !== 'POST' || !['feed', 'photos', 'videos'].includes(edge ?? '')) return undefined;
  if (!ownsPage) return graphError(403, 200, '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission');

  const base: Pick<FacebookPostData, 'pageId' | 'reactions' | 'comments' | 'shares'> = { pageId, reactions: 0, comments: 0, shares: 0 };
  if (edge === 'feed') {
    const message = param(req, 'message') ?? '';
    const link = param(req, 'link');
    if (!message && !link) return graphError(400, 100, '(#100) Invalid parameter', { error_user_msg: 'A post needs a message or a link.' });
    if (link !== undefined && !isHttpUrl(link)) return graphError(400, 100, '(#100) Invalid parameter', { error_user_msg: 'The link must be a valid URL.' });
    if ([...message].length > MESSAGE_LIMIT) return graphError(400, 100, '(#100) Invalid parameter', { error_user_msg: 'The message is too long.' });
    // Graph refuses a post identical to the page's latest one
    const latest = livePostsOf(ctx, pageId)[0];
    if (latest && latest.text === message && dataOf(latest).linkParam === link) {
      return graphError(400, 506, 'Duplicate status message', {
        error_subcode: 1455006,
        error_user_title: 'Duplicate Post',
        error_user_msg: 'This status update is identical to the last one you posted. Try posting something different, or delete your previous update.',
      });
    }
    const post = ctx.state.addPost(link ?? firstUrl(message), message, { ...base, kind: 'link', linkParam: link, published: param(req, 'published') !== 'false' }, `${pageId}_${nextNumericId(ctx)}`);
    return { status: 200, body: { id: post.id } };
  }
  if (edge === 'photos') {
    const url = param(req, 'url');
    if (!url) return graphError(400, 324, '(#324) Requires upload file');
    if (!isHttpUrl(url)) return graphError(400, 100, '(#100) Invalid parameter', { error_user_msg: 'url must be a valid URL.' });
    const caption = param(req, 'caption') ?? param(req, 'message') ?? '';
    if ([...caption].length > MESSAGE_LIMIT) return graphError(400, 100, '(#100) Invalid parameter', { error_user_msg: 'The caption is too long.' });
    const photoId = nextNumericId(ctx);
    const post = ctx.state.addPost(firstUrl(caption), caption, { ...base, kind: 'photo', photoId, imageUrl: url }, `${pageId}_${nextNumericId(ctx)}`);
    return { status: 200, body: { id: photoId, post_id: post.id } };
  }
  const fileUrl = param(req, 'file_url');
  if (!fileUrl || !isHttpUrl(fileUrl)) return graphError(400, 100, '(#100) Invalid parameter', { error_user_msg: 'file_url must be a valid URL.' });
  const description = param(req, 'description') ?? '';
  const post = ctx.state.addPost(firstUrl(description), description, { ...base, kind: 'video', title: param(req, 'title') ?? '', fileUrl }, nextNumericId(ctx));
  return { status: 200, body: { id: post.id } };
}

function postNode(req: EmulatedRequest, ctx: EmulatorContext, id: string, pageOfToken: string | undefined): Reply | undefined {
  const post = ctx.state.posts.get(id);
  if (!post || post.deleted || dataOf(post).pageId !== pageOfToken) return missingObject(req.method, id);
  const d = dataOf(post);
  if (req.method === 'GET') return postFields(post, requestedFields(req, 'id,message,created_time'));
  if (req.method === 'DELETE') {
    post.deleted = true;
    return { status: 200, body: { success: true } };
  }
  if (req.method === 'POST') {
    // posts take a new message; video nodes a new description and name
    const text = d.kind === 'video' ? param(req, 'description') : param(req, 'message');
    const name = d.kind === 'video' ? param(req, 'name') : undefined;
    if (text === undefined && name === undefined) return graphError(400, 100, '(#100) Invalid parameter', { error_user_msg: 'Nothing to change.' });
    if (text !== undefined && [...text].length > MESSAGE_LIMIT) return graphError(400, 100, '(#100) Invalid parameter', { error_user_msg: 'The message is too long.' });
    if (text !== undefined) post.text = text;
    if (name !== undefined) d.title = name;
    post.edits++;
    return { status: 200, body: { success: true } };
  }
  return undefined;
}

export const facebookEmulator: PlatformEmulator = {
  platform: 'facebook',
  apiBaseUrl: (base) => `${base}/v21.0`,
  account(ctx) {
    const n = pages(ctx).size + 1;
    const pageId = String(600_000_000_000_000 + n);
    pages(ctx).set(pageId, { name: `Trang Facebook ${n} (emulator)` });
    const pageAccessToken = ctx.state.token('EAAG');
    ctx.state.accessTokens.add(pageAccessToken);
    ctx.state.extra.set(`facebook:token:${pageAccessToken}`, pageId);
    return { pageId, pageAccessToken };
  },
  faultable: (req) => req.method !== 'GET',
  faultReply(kind, _req, _ctx, fault): Reply {
    const wait = String(fault.retryAfterSeconds ?? 60);
    if (kind === 'rate-limit') {
      const reply = graphError(400, 4, '(#4) Application request limit reached', { is_transient: true });
      reply.headers = { 'retry-after': wait, 'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 20, total_time: 35 }) };
      return reply;
    }
    if (kind === 'expired-token') return graphError(400, 190, 'Error validating access token: Session has expired.', { error_subcode: 463 });
    if (kind === 'duplicate') {
      return graphError(400, 506, 'Duplicate status message', { error_subcode: 1455006, error_user_title: 'Duplicate Post', error_user_msg: 'This status update is identical to the last one you posted.' });
    }
    return graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true });
  },
  handle(req, ctx): Reply | undefined {
    const m = /^\/v\d+\.\d+\/([^/]+)(?:\/([^/]+))?\/?$/.exec(req.path);
    if (!m) return undefined;
    const [, node, edge] = m;
    const token = presentedTokens(req)[0];
    if (!token || !ctx.state.accessTokens.has(token)) return invalidToken();
    const pageOfToken = ctx.state.extra.get(`facebook:token:${token}`) as string | undefined;
    if (pages(ctx).has(node)) return pageNode(req, ctx, node, edge, node === pageOfToken);
    if (edge !== undefined) return missingObject(req.method, node);
    return postNode(req, ctx, node, pageOfToken);
  },
};
