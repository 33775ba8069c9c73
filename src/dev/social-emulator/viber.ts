import { asAnswer, at, str } from '../../modules/social/index.ts';
import type { EmulatedRequest, EmulatorContext, PlatformEmulator, Reply } from './server.ts';

// Viber's Channels Post API as /viber/pa/…: token in X-Viber-Auth-Token (or
// auth_token in the body), HTTP 200 with a numeric status everywhere.

const SUPERADMIN = '01234567890A=';

function token(req: EmulatedRequest): string | undefined {
  const h = req.headers['x-viber-auth-token'];
  if (typeof h === 'string') return h;
  return str(at(req.json, 'auth_token'));
}

const fail = (status: number, message: string): Reply => ({ status: 200, body: { status, status_message: message } });

export const viberEmulator: PlatformEmulator = {
  platform: 'viber',
  apiBaseUrl: (base) => `${base}/pa`,
  account(ctx) {
    const authToken = ctx.state.token('viber-');
    ctx.state.accessTokens.add(authToken);
    ctx.state.extra.set(`webhook:${authToken}`, true);
    return { authToken };
  },
  faultable: (req) => req.path === '/pa/post',
  faultReply(kind, _req, _ctx, fault): Reply {
    if (kind === 'rate-limit') return { status: 429, headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) }, body: { status: 12, status_message: 'tooManyRequests' } };
    if (kind === 'expired-token') return fail(2, 'invalidAuthToken');
    if (kind === 'duplicate') return fail(3, 'badData');
    return { status: 503, body: { status: 11, status_message: 'Service unavailable' } };
  },
  handle(req, ctx: EmulatorContext): Reply | undefined {
    if (req.method !== 'POST') return undefined;
    const t = token(req);
    if (!t || !ctx.state.accessTokens.has(t)) return fail(2, 'invalidAuthToken');
    if (req.path === '/pa/set_webhook') {
      if (typeof at(req.json, 'url') !== 'string') return fail(4, 'missingData');
      ctx.state.extra.set(`webhook:${t}`, true);
      return { status: 200, body: { status: 0, status_message: 'ok', event_types: ['delivered', 'seen'] } };
    }
    if (req.path === '/pa/get_account_info') {
      return {
        status: 200,
        body: {
          status: 0,
          status_message: 'ok',
          id: 'pa:lantoa',
          name: 'Kênh Viber (emulator)',
          subscribers_count: ctx.state.followers,
          members: [
            { id: SUPERADMIN, name: 'Quản trị', role: 'superadmin' },
            { id: 'X9=', name: 'Biên tập', role: 'admin' },
          ],
        },
      };
    }
    if (req.path === '/pa/post') {
      if (!ctx.state.extra.get(`webhook:${t}`)) return fail(10, 'webhookNotSet');
      const b = asAnswer(req.json);
      if (b.from !== SUPERADMIN) return fail(4, 'missingData: from must be a superadmin member');
      const type = str(b.type);
      if (type === undefined || !['text', 'picture', 'url', 'video', 'file'].includes(type)) return fail(3, 'badData: type');
      const text = str(b.text);
      if (!text) return fail(4, 'missingData: text');
      if (type === 'text' && [...text].length > 7000) return fail(3, 'badData: text longer than 7000');
      if (type === 'picture' && (typeof b.media !== 'string' || [...text].length > 768)) return fail(3, 'badData: picture needs media and a caption of at most 768');
      const link = /https?:\/\/\S+/.exec(text)?.[0];
      const post = ctx.state.addPost(link, text, { type, media: b.media }, String(5_000_000_000_000_000 + ctx.state.posts.size + 1));
      return { status: 200, body: { status: 0, status_message: 'ok', message_token: Number(post.id) } };
    }
    return undefined;
  },
};
