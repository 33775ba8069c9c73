import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { Services } from '../../services.ts';
import { NOTICE_MESSAGES } from './i18n-notices.ts';
import { DomainError } from '../../lib/errors.ts';
import { isStoreUnavailable } from '../../store/errors.ts';
import { STORE_RETRY_AFTER_S } from '../problem.ts';
import { MEDIA_KEY } from '../../modules/media/index.ts';
import { html } from '../site/html.ts';
import { ADMIN_CSS, ADMIN_CSS_PATH, ADMIN_JS, ADMIN_JS_PATH, EDITOR_JS_PATH, editorScript } from './assets.ts';
import { preferredEncoding } from '../compression.ts';
import { appendCookie, cookie, csrfOk, fieldsOf, HttpError, PRE_COOKIE, Redirect, resolveContext, sendPage, type AdminContext } from './http.ts';
import { isAdminLang } from './i18n.ts';
import { page } from './layout.ts';
import { sameHostPath } from '../location.ts';
import { authRoutes } from './routes/auth.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { itemRoutes } from './routes/items/routes.ts';
import { feedbackDeskRoutes } from './routes/feedback.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { socialRoutes } from './routes/social.ts';
import { federationRoutes } from './routes/federation.ts';
import { networkAdminRoutes } from './routes/network.ts';
import { portalAdminRoutes } from './routes/portal-admin.ts';
import { portalSettingsRoutes } from './routes/portal-settings.ts';
import { homeAdminRoutes } from './routes/home.ts';
import { accountRoutes } from './routes/account.ts';
import { mediaRoutes } from './routes/media.ts';

// The editors' admin at /admin on every portal host, as one encapsulated
// Fastify plugin: its form parsers, hooks, error pages and headers apply to
// /admin only, so the JSON API keeps answering 415 to anything but JSON.

/** Strict: scripts only as files from this origin, nothing framed, forms post only here. */
export const ADMIN_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; media-src 'self' https:; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const FORM_LIMIT = 8 * 1024 * 1024;

/** More fields than any admin form has; past it the body is refused before it is split (it may come before sign-in). */
export const MAX_FORM_FIELDS = 1000;

/** Parses application/x-www-form-urlencoded; a repeated name becomes an array. */
export function parseForm(body: string): Record<string, string | string[]> {
  let fields = 1;
  for (let i = body.indexOf('&'); i >= 0; i = body.indexOf('&', i + 1)) {
    if (++fields > MAX_FORM_FIELDS) throw Object.assign(new Error(`a form has at most ${MAX_FORM_FIELDS} fields`), { statusCode: 413 });
  }
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    // appended in place: copying the list for each repeat made `a=&a=&…` quadratic (240 KB held the loop a minute)
    if (prev === undefined) out[k] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else out[k] = [prev, v];
  }
  return out;
}

/** `detail` is in the admin's language; `technical` is a service's English text, folded away for support. */
export function errorPage(ctx: AdminContext, status: number, detail?: string, technical?: string): string {
  const { m } = ctx;
  const message = status === 404 ? m.common.notFound : status === 403 ? m.common.forbidden : status === 409 ? m.common.conflict : status === 429 ? m.common.tooMany(60) : status >= 500 ? m.common.error : m.common.badRequest;
  const folded = technical ? html`<details class="technical"><summary>${NOTICE_MESSAGES[ctx.lang].technical}</summary><code lang="en">${technical}</code></details>` : '';
  return page(ctx, { title: String(status), body: html`<h1>${status}</h1><p>${message}</p>${detail ? html`<p class="muted">${detail}</p>` : ''}${folded}<p><a href="/admin">${m.nav.dashboard}</a></p>` });
}

export function createAdmin(services: Services) {
  async function plugin(app: FastifyInstance) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => {
      try {
        done(null, parseForm(body as string));
      } catch (err) {
        done(err as Error, undefined);
      }
    });
    // uploads: one file per request, buffered (the CSRF check needs the form's fields before anything is kept)
    await app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: 30 * 1024 * 1024, files: 1, fields: 20, fieldSize: 100_000 } });

    app.addHook('onRequest', async (request, reply) => {
      // security headers on every admin answer, errors included
      reply.header('content-security-policy', ADMIN_CSP);
      reply.header('x-frame-options', 'DENY');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'same-origin');
      reply.header('cross-origin-opener-policy', 'same-origin');
      reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
      if (!request.url.startsWith('/admin/assets/')) reply.header('cache-control', 'no-store');
      if (request.url.startsWith('/admin/assets/')) return;
      const ctx = await resolveContext(services, request);
      if (!ctx) {
        // localhost itself (the network index) has no newsroom: point to the portals' admins
        const list = await services.portals.list();
        reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(
            html`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lantoa admin</title><link rel="stylesheet" href="${ADMIN_CSS_PATH}"></head><body><main id="main"><h1>Quản trị / Admin</h1><p>Mở trang quản trị trên tên miền của cổng. / Open the admin on a portal's host:</p><ul>${list.map((p) => html`<li><a href="${p.url}/admin">${p.name.vi}</a></li>`)}</ul></main></body></html>`
              .value,
          );
        return reply;
      }
      request.admin = ctx;
      if (ctx.newPreToken) appendCookie(reply, cookie(PRE_COOKIE, ctx.newPreToken, { secure: ctx.secure }));
    });

    app.addHook('preHandler', async (request) => {
      if (request.admin) request.admin.bodyParsed = true;
      if (request.method !== 'POST' || !request.admin) return;
      if (!csrfOk(request, request.admin, fieldsOf(request.body))) throw new HttpError(403, 'csrf');
    });

    app.setErrorHandler(async (err, request, reply) => {
      // a redirect stays on this host (or goes to another portal of the deployment); anything else goes to the dashboard
      if (err instanceof Redirect)
        return reply
          .code(303)
          .header('location', err.toPortal ? err.location : (sameHostPath(err.location) ?? '/admin'))
          .send();
      const ctx = request.admin;
      let status = 500;
      let detail: string | undefined;
      // a service's own words are English: the page says what happened in the admin's language, and keeps them for support
      let technical: string | undefined;
      if (err instanceof HttpError) status = err.status;
      else if (err instanceof DomainError) {
        status = err.status;
        technical = err.message;
      } else {
        const code = (err as { statusCode?: number }).statusCode;
        if (code && code >= 400 && code < 500) status = code;
        // the database is away: nothing was saved, and the editor may simply send it again
        else if (isStoreUnavailable(err)) status = 503;
        // a body the parsers choke on (a truncated multipart upload) is the sender's fault, not ours
        else if (ctx && !ctx.bodyParsed && request.method === 'POST') status = 400;
      }
      if (status === 503) reply.header('retry-after', String(STORE_RETRY_AFTER_S));
      else if (status >= 500) request.log.error({ err }, 'admin request failed');
      if (!ctx) return reply.code(status).type('text/plain; charset=utf-8').send(`${status}\n`);
      if (err instanceof HttpError && err.message === 'csrf') detail = ctx.m.common.csrf;
      return sendPage(reply, status, errorPage(ctx, status, status < 500 ? detail : undefined, status < 500 ? technical : undefined));
    });

    app.setNotFoundHandler(async (request, reply) => {
      const ctx = request.admin;
      if (!ctx) return reply.code(404).type('text/plain; charset=utf-8').send('404\n');
      return sendPage(reply, 404, errorPage(ctx, 404));
    });

    // ---------- assets ----------
    app.get(ADMIN_CSS_PATH.replace('/admin', ''), async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(ADMIN_CSS));
    app.get(ADMIN_JS_PATH.replace('/admin', ''), async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(ADMIN_JS));
    // the editor under its content-hashed name: a year, immutable, brotli or gzip made once
    app.get('/assets/:file', async (request, reply) => {
      const file = (request.params as { file: string }).file;
      if (!/^editor-[0-9a-f]{12}\.js$/.test(file)) return reply.code(404).type('text/plain; charset=utf-8').send('404\n');
      const bundle = await editorScript();
      if (bundle.path !== `/admin/assets/${file}`) return reply.code(404).type('text/plain; charset=utf-8').send('404\n');
      reply.header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'Accept-Encoding').header('etag', bundle.etag).type('text/javascript; charset=utf-8');
      if (request.headers['if-none-match'] === bundle.etag) return reply.code(304).send();
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      if (!encoding) return reply.send(bundle.code);
      const variants = await bundle.compressed;
      return reply.header('content-encoding', encoding).send(variants[encoding]);
    });
    // the old fixed name, for pages rendered before: revalidated, not immutable
    app.get(EDITOR_JS_PATH.replace('/admin', ''), async (request, reply) => {
      const { code, etag } = await editorScript();
      reply.header('etag', etag).header('cache-control', 'public, max-age=300');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('text/javascript; charset=utf-8').send(code);
    });

    // language of the admin UI: a cookie, so it follows the editor from page to page
    app.get('/lang/:lang', async (request, reply) => {
      const lang = (request.params as { lang: string }).lang;
      if (!isAdminLang(lang)) throw new HttpError(404);
      appendCookie(reply, cookie('lantoa_admin_lang', lang, { secure: request.admin!.secure, maxAge: 365 * 86400 }));
      const back = request.headers.referer;
      let target = '/admin';
      try {
        const u = back ? new URL(back) : undefined;
        if (u && u.host === request.headers.host && u.pathname.startsWith('/admin')) target = u.pathname + u.search;
      } catch {
        // an unparseable Referer just means "go to the dashboard"
      }
      return reply.code(303).header('location', target).send();
    });

    authRoutes(app, services);
    dashboardRoutes(app, services);
    itemRoutes(app, services);
    mediaRoutes(app, services);
    accountRoutes(app, services);
    portalAdminRoutes(app, services);
    portalSettingsRoutes(app, services);
    homeAdminRoutes(app, services);
    socialRoutes(app, services);
    federationRoutes(app, services);
    networkAdminRoutes(app, services);
    feedbackDeskRoutes(app, services);
    analyticsRoutes(app, services);
    // every other GET under /admin is the admin's own 404, never the public site's catch-all
    // (under /admin/assets/ no context was built: an unknown file there is a plain 404)
    app.get('/*', async (request, reply) => (request.admin ? sendPage(reply, 404, errorPage(request.admin, 404)) : reply.code(404).type('text/plain; charset=utf-8').send('404\n')));
  }

  return {
    async register(app: FastifyInstance) {
      await app.register(plugin, { prefix: '/admin' });
      // media files, public (they are in published articles), named by content hash: cached for a year
      app.get('/media/*', async (request: FastifyRequest, reply: FastifyReply) => {
        const key = (request.params as { '*': string })['*'];
        const data = MEDIA_KEY.test(key) ? await services.media.storage.get(key) : undefined;
        if (!data) return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=60').send('Not found\n');
        const ext = key.split('.').pop()!;
        const type = { webp: 'image/webp', avif: 'image/avif', jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' }[ext] ?? 'application/octet-stream';
        return reply
          .type(type)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
          .send(data);
      });
    },
  };
}
