import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.ts';
import { isLang, type Lang } from '../../lib/lang.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { CONTENT_TYPES, isContentType } from '../../modules/content/index.ts';
import type { Portal, Section } from '../../modules/portals/index.ts';
import type { PublicListing, RelatedEntry, RelatedLists } from '../../modules/content/index.ts';
import { buildPage } from '../../modules/pagecache/index.ts';
import { pageWriter } from './page-writer.ts';
import { badEscapeInPath } from '../edge.ts';
import { surrogateKeys as K } from '../../modules/pagecache/index.ts';
import { KeyedMemo } from '../../modules/pagecache/index.ts';
import { STORE_RETRY_AFTER_S, toProblem } from '../problem.ts';
import { isStoreUnavailable } from '../../store/errors.ts';
import { answerFirst } from '../fast-path.ts';
import { own } from '../../lib/own.ts';
import { sameHostPath } from '../location.ts';
import { BEACON_JS, BEACON_JS_PATH, COPY_JS, COPY_JS_PATH, SITE_CSS, SITE_CSS_PATH } from './assets.ts';
import { portalContext, type NetworkContext, type PortalContext, type Rendered, type SiteContext } from './context.ts';
import { FEED_FILES, renderFeed } from './feeds.ts';
import { messages } from './i18n.ts';
import { renderError, renderFeedsPage, renderHome, renderItem, renderList, renderNetwork, renderSitemapPage, renderUnpublished } from './pages.ts';
import { renderItemsSitemap, renderNewsSitemap, renderPagesSitemap, renderRobots, renderSitemapIndex } from './seo.ts';
import { emblem } from './layout.ts';
import { renderSearchPage } from './search-page.ts';
import { renderManifest } from './manifest.ts';
import { iconSetId, IconSets, isIconVariant } from '../../modules/icons/index.ts';
import { ANSWERS_SLUG, POW_JS, POW_JS_PATH, readFiles, readForm, refusedForm, renderAnswerPage, renderAnswers, renderFeedbackForm, renderReceipt, renderTracking, toSubmission } from './feedback-pages.ts';
import multipart from '@fastify/multipart';
import { DomainError } from '../../lib/errors.ts';
import { MAX_ATTACHMENT_BYTES, TooManyRequestsError, type PublicAnswer } from '../../modules/feedback/index.ts';
import { lookupLimit, submissionLimit } from '../api/feedback.ts';

// The public website as a Fastify extension. Every GET outside /api is
// answered here: the Host names the portal (or the network index), the path
// names language, page and item. Responses go through the page cache; a
// cache hit is answered straight from the raw HTTP server, before Fastify's
// routing, because at national scale most requests are exactly that.

const MAX_PATH = 1024;
/** How long an article's related answers, and the lists its related items come from, are kept without an invalidation (a safety net, like PAGE_CACHE_TTL). */
const ANSWERS_TTL_MS = 60_000;
const LISTS_TTL_MS = 60_000;
const HOSTS_TTL_MS = 5000;
const NETWORK = '~';
const SEARCH_PATH = /^(?:\/(?:en|zh))?\/search(?:\?|$)/;
/** The citizen-feedback pages (web/site/feedback-pages.ts): form, tracking, published answers. */
const FEEDBACK_PATH = /^(?:\/(en|zh))?\/(phan-anh|phan-anh\/tra-cuu|hoi-dap)(?:\?|$)/;
const FEEDBACK_ROUTES = ['/phan-anh', '/en/phan-anh', '/zh/phan-anh', '/phan-anh/tra-cuu', '/en/phan-anh/tra-cuu', '/zh/phan-anh/tra-cuu'];
/** Room for 20,000 characters of Vietnamese, percent-encoded, and the rest of the form. */
const FEEDBACK_FORM_LIMIT = 512 * 1024;

type PageRoute = { cacheKey: string; lang: Lang; portal: Portal | undefined; segments: string[]; page: number | undefined; pageInvalid: boolean; path: string };

export interface Site {
  register(app: FastifyInstance): Promise<void>;
  /** True when the site answers this request: one of its routes, or no route at all. */
  covers(request: FastifyRequest): boolean;
  /** Renders the HTML 404 page for a request Fastify found no route for (non-API paths). */
  notFound(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  /** Renders an HTML error page for a failure before any route ran (e.g. a malformed URL). */
  error(err: Error, request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

export function createSite(services: Services): Site {
  const { portals, content, pagecache, config, clock } = services;
  const cache = pagecache.cache;
  const settings = pagecache.settings;
  const networkUrl = `${config.publicUrl.protocol}//${config.publicUrl.host}`;
  // Host header → portal slug (or NETWORK), for the fast path that must not wait on the store.
  const hostSlugs = new Map<string, { slug: string; at: number }>();
  // the per-address limit on feedback submissions, shared with the API (set when the routes are registered)
  let limitSubmissions: ((request: FastifyRequest) => Promise<void>) | undefined;
  let limitLookups: ((request: FastifyRequest) => Promise<void>) | undefined;

  // cached in the portal service, which forgets them when a section changes
  const sectionsOf = (portal: Portal): Promise<Section[]> => portals.sections(portal.id);

  // Every article asks for the published citizen answers on its topics, and they change
  // only when an answer is published: kept per process, dropped by the messages that drop
  // the pages showing them (K.answers keys), here and on every other node.
  const answersMemo = new KeyedMemo<PublicAnswer[]>({ ttlMs: ANSWERS_TTL_MS, maxEntries: 10_000 });
  pagecache.bus.onMessage((message) => answersMemo.apply(message));
  const answersOn = (portal: Portal, topics: string[], limit: number): Promise<PublicAnswer[]> =>
    answersMemo.get(
      `${portal.id}|${limit}|${topics.join('\u0000')}`,
      topics.map((t) => K.answers(portal.slug, t)),
      () => services.feedback.answersOnTopics(portal, topics, limit),
    );

  // The lists related boxes are ranked from (a tag's, a section's, a type's newest items) are
  // shared by every article on that tag or in that section, and reading them costs more than the
  // rest of the box. Kept like the answers: dropped by the keys that drop the list pages they
  // mirror (a publication in them), and by the key of every item they name (an edit, a removal).
  const listsMemo = new KeyedMemo<RelatedEntry[]>({ ttlMs: LISTS_TTL_MS, maxEntries: 20_000 });
  const listingsMemo = new KeyedMemo<PublicListing>({ ttlMs: LISTS_TTL_MS, maxEntries: 20_000 });
  pagecache.bus.onMessage((message) => {
    listsMemo.apply(message);
    listingsMemo.apply(message);
  });
  const relatedLists: RelatedLists = {
    get(portal, lang, list, depth, load) {
      const key = list.kind === 'tag' ? K.tag(portal.slug, list.tag, lang) : list.kind === 'section' ? K.section(portal.slug, list.slug, lang) : K.type(portal.slug, list.type, lang);
      const id = `${portal.id}|${lang}|${depth}|${list.kind}|${list.kind === 'tag' ? list.tag : list.kind === 'section' ? list.sectionId : list.type}`;
      return listsMemo.get(id, (entries) => [key, ...entries.map((e) => K.item(e.id))], load);
    },
    // an item's list entry, as every related box that shows it prints it: dropped when the item changes
    // or leaves publication (its key), and with its portal (addresses, section names)
    async listings(portal, ids, load) {
      const out: PublicListing[] = [];
      const missing: number[] = [];
      for (const id of ids) {
        const kept = listingsMemo.peek(`${portal.id}|${id}`);
        if (kept) out.push(kept);
        else missing.push(id);
      }
      if (missing.length) {
        const loaded = await listingsMemo.load(
          () => load(missing),
          (found) => found.map((l) => [`${portal.id}|${l.id}`, l, [K.item(l.id), K.portal(portal.slug)]]),
        );
        out.push(...loaded);
      }
      return out;
    },
  };

  const cssPage = buildPage({ status: 200, contentType: 'text/css; charset=utf-8', body: SITE_CSS, keys: [], cacheable: true }, Date.now());
  const beaconPage = buildPage({ status: 200, contentType: 'text/javascript; charset=utf-8', body: BEACON_JS, keys: [], cacheable: true }, Date.now());
  const powJsPage = buildPage({ status: 200, contentType: 'text/javascript; charset=utf-8', body: POW_JS, keys: [], cacheable: true }, Date.now());
  const copyJsPage = buildPage({ status: 200, contentType: 'text/javascript; charset=utf-8', body: COPY_JS, keys: [], cacheable: true }, Date.now());
  const emblemPage = buildPage(
    { status: 200, contentType: 'image/svg+xml', body: `<?xml version="1.0" encoding="UTF-8"?>${emblem(48, 'Lantoa').value.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ')}`, keys: [], cacheable: true },
    Date.now(),
  );

  /** Splits the request target into the pieces routing and the cache key need. Throws URIError on bad escapes. */
  function parseTarget(url: string, slug: string, portal: Portal | undefined): PageRoute {
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    let page: number | undefined;
    let pageInvalid = false;
    if (q >= 0) {
      const raw = new URLSearchParams(url.slice(q + 1)).get('page');
      if (raw !== null) {
        if (/^[1-9]\d{0,6}$/.test(raw)) page = Number(raw);
        else pageInvalid = true;
      }
    }
    const segments = path
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
    let lang: Lang = 'vi';
    if (segments[0] === 'en' || segments[0] === 'zh') lang = segments.shift() as Lang;
    // the cache key keeps what changes the response: host's portal, path, and a page number above 1
    const cacheKey = `${slug}${path}${page && page > 1 ? `?page=${page}` : ''}${pageInvalid ? '?page=!' : ''}`;
    return { cacheKey, lang, portal, segments, page, pageInvalid, path };
  }

  function networkContext(lang: Lang, all: Portal[]): NetworkContext {
    return { kind: 'network', lang, m: messages(lang), portals: all, base: networkUrl, networkUrl };
  }

  async function contextFor(route: PageRoute): Promise<SiteContext> {
    if (!route.portal) return networkContext(route.lang, await portals.list());
    const [sections, banner] = await Promise.all([
      sectionsOf(route.portal),
      // error pages are built with the store away too: they go without the banner rather than not at all
      services.home.bannerNow(route.portal, route.lang).catch(() => undefined),
    ]);
    return portalContext(route.portal, route.lang, sections, networkUrl, banner);
  }

  /** A permanent move to another path on this host; undefined for a target that would leave it (the caller answers 404). */
  const redirect = (target: string, keys: string[]): Rendered | undefined => {
    const location = sameHostPath(target);
    if (location === undefined) return undefined;
    return { status: 301, contentType: 'text/plain; charset=utf-8', body: `Moved to ${location}\n`, keys, headers: { location }, cacheable: true };
  };

  /**
   * Routes one request to its renderer. Every page of a portal in a language may show that
   * language's breaking-news banner, so each names the banner key: setting, changing or
   * ending the banner drops them all, and nothing else of another language or portal.
   */
  async function render(route: PageRoute): Promise<Rendered> {
    const rendered = await renderRoute(route);
    return route.portal ? { ...rendered, keys: [...rendered.keys, K.banner(route.portal.slug, route.lang)] } : rendered;
  }

  async function renderRoute(route: PageRoute): Promise<Rendered> {
    const { portal, lang, path } = route;
    const segs = route.segments;
    const ctx = await contextFor(route);
    if (route.pageInvalid) return { ...renderError(ctx, 400), cacheable: false };

    // "/en" → "/en/"; "/tin-tuc/" → "/tin-tuc"; "/vi/x" → "/x": one address per page. The target is
    // rebuilt from the path's segments, so "//other.host/" becomes "/other.host", never "//other.host".
    const portalKeys = portal ? [K.portal(portal.slug)] : [K.network()];
    const rawSegments = path.split('/').filter(Boolean);
    const moved = (target: string) => redirect(target, portalKeys) ?? { ...renderError(ctx, 404), cacheable: false };
    if ((path === '/en' || path === '/zh') && segs.length === 0) return moved(`${path}/`);
    if (path.length > 1 && path.endsWith('/') && segs.length > 0) return moved(`/${rawSegments.join('/')}`);
    if (segs[0] === 'vi' && lang === 'vi') return moved(`/${rawSegments.slice(1).join('/')}`);

    if (ctx.kind === 'network') {
      if (segs.length === 0) {
        const [lastPublished, network] = await Promise.all([content.lastPublishedAt(ctx.portals.map((p) => p.id)), services.federation.network.networkPortals()]);
        return renderNetwork(
          ctx,
          lastPublished,
          network.filter((p) => !p.local),
        );
      }
      if (segs.length === 1 && segs[0] === 'robots.txt' && lang === 'vi') return renderRobots(networkUrl, false);
      return renderError(ctx, 404);
    }
    if (!ctx.portal.languages.includes(lang)) return renderError(ctx, 404);
    const listOnly = (r: Rendered | undefined): Rendered => r ?? renderError(ctx, 404);
    // a page number means something on lists only; elsewhere it is answered but not kept under its own key
    const notList = (r: Rendered): Rendered => (route.page !== undefined && route.page > 1 ? { ...r, cacheable: false } : r);

    if (segs.length === 0) return notList(await renderHome(ctx, { content, topStories: (p, l) => services.home.topStories(p, l) }));
    const [first, second] = segs;
    if (segs.length === 1) {
      if (lang === 'vi') {
        if (first === 'robots.txt') return renderRobots(ctx.base, true);
        if (first === 'sitemap.xml') return renderSitemapIndex(ctx, content);
        if (first === 'sitemap-pages.xml') return renderPagesSitemap(ctx);
        if (first === 'news-sitemap.xml') return renderNewsSitemap(ctx, content, clock());
        const m = /^sitemap-items-([1-9]\d{0,5})\.xml$/.exec(first);
        if (m) return listOnly(await renderItemsSitemap(ctx, Number(m[1]), content));
      }
      if (first === 'manifest.webmanifest') return notList(renderManifest(ctx));
      if (first === 'feeds') return notList(renderFeedsPage(ctx));
      if (first === 'sitemap') return notList(renderSitemapPage(ctx, [...CONTENT_TYPES]));
      const feed = own(FEED_FILES, first);
      if (feed) return notList(await renderFeed(ctx, undefined, feed, content));
      const section = ctx.sections.find((s) => s.slug === first);
      if (section) return listOnly(await renderList(ctx, { kind: 'section', section }, route.page ?? 1, { content }));
      if (isContentType(first)) return listOnly(await renderList(ctx, { kind: 'type', type: first }, route.page ?? 1, { content }));
      return renderError(ctx, 404);
    }
    if (segs.length === 2) {
      if (first === ANSWERS_SLUG) {
        // one published answer: cached under its path, dropped with its field's publications (feedback-pages.ts)
        const answer = await renderAnswerPage(ctx, second, services);
        return answer ? notList(answer) : { ...renderError(ctx, 404), cacheable: false };
      }
      if (first === 'tag') return listOnly(await renderList(ctx, { kind: 'tag', tag: second.normalize('NFC') }, route.page ?? 1, { content }));
      const section = ctx.sections.find((s) => s.slug === first);
      const sectionFeed = own(FEED_FILES, second);
      if (section && sectionFeed) return notList(await renderFeed(ctx, section, sectionFeed, content));
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(second) || (!section && !isContentType(first))) return renderError(ctx, 404);
      return notList(await renderItemPage(ctx, first, second));
    }
    return renderError(ctx, 404);
  }

  async function renderItemPage(ctx: PortalContext, prefix: string, slug: string): Promise<Rendered> {
    const article = await content.publicArticle(ctx.portal, ctx.lang, slug);
    if (!article) return renderError(ctx, 404);
    const { item, translations } = article;
    const wasPublic = item.firstPublishedAt !== null;
    if (item.status === 'published') {
      // the item moved to another section: send readers to its one address
      if ((item.section ?? item.type) !== prefix) return redirect(new URL(item.url).pathname, [K.item(item.id), K.portal(ctx.portal.slug)]) ?? renderError(ctx, 404);
      return renderItem(ctx, item, { content, answersOn, relatedLists }, { translations });
    }
    if (wasPublic && item.unpublished) return renderUnpublished(ctx, item);
    // drafts and scheduled items do not exist for readers; the key lets their publication replace this answer
    return { ...renderError(ctx, 404, [K.item(item.id)]), cacheable: false };
  }

  const { cacheControl, write } = pageWriter(settings);

  async function slugForHost(host: string | undefined): Promise<{ slug: string; portal: Portal | undefined }> {
    const portal = await portals.byHost(host);
    const slug = portal ? portal.slug : NETWORK;
    if (host !== undefined) {
      if (hostSlugs.size > 10_000) hostSlugs.clear(); // hosts are chosen by clients: keep the map bounded
      hostSlugs.set(host, { slug, at: Date.now() });
    }
    return { slug, portal };
  }

  async function serve(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const url = request.url;
    if (url.startsWith('/api/') || url === '/api') return reply.callNotFound();
    if (url === SITE_CSS_PATH || url === '/assets/emblem.svg') {
      reply.hijack();
      // the stylesheet's URL names its content, so it can be kept for a year; the emblem for a day
      if (url === SITE_CSS_PATH) void write(request.raw, reply.raw, await cssPage, 'HIT', 'public, max-age=31536000, immutable');
      else void write(request.raw, reply.raw, await emblemPage, 'HIT', 'public, max-age=86400');
      return;
    }
    if (url === BEACON_JS_PATH) {
      reply.hijack();
      // the analytics beacon every portal page loads: named by its content, so kept for a year
      void write(request.raw, reply.raw, await beaconPage, 'HIT', 'public, max-age=31536000, immutable');
      return;
    }
    if (url === COPY_JS_PATH) {
      reply.hijack();
      // the copy buttons (share box, feedback receipt): named by its content, so kept for a year
      void write(request.raw, reply.raw, await copyJsPage, 'HIT', 'public, max-age=31536000, immutable');
      return;
    }
    if (url === POW_JS_PATH) {
      reply.hijack();
      // a fixed name, so not immutable: an hour lets a fix reach browsers soon
      void write(request.raw, reply.raw, await powJsPage, 'HIT', 'public, max-age=3600');
      return;
    }
    if (url === '/favicon.ico' || url.startsWith('/assets/icon-')) return serveIcon(request, reply);
    if (SEARCH_PATH.test(url)) return serveSearch(request, reply);
    if (FEEDBACK_PATH.test(url)) return serveFeedback(request, reply);
    let route: PageRoute;
    try {
      if (url.length > MAX_PATH) throw new URIError('path too long');
      const { slug, portal } = await slugForHost(request.headers.host);
      route = parseTarget(url, slug, portal);
    } catch (err) {
      if (!(err instanceof URIError)) throw err;
      // a malformed escape or an overlong path: the reader's address is at fault
      const portal = await portals.byHost(request.headers.host).catch(() => undefined);
      return sendRendered(request, reply, await safeRender(() => contextFor({ cacheKey: '', lang: 'vi', portal, segments: [], page: undefined, pageInvalid: false, path: '/' }).then((c) => renderError(c, 400))));
    }
    reply.hijack();
    try {
      if (!settings.enabled) {
        const page = await buildPage(await render(route), Date.now(), { compress: false });
        await write(request.raw, reply.raw, page, 'BYPASS');
        return;
      }
      const { page, outcome } = await cache.get(route.cacheKey, () => render(route));
      await write(request.raw, reply.raw, page, outcome.toUpperCase());
    } catch (err) {
      // a page never stored cannot be served while the store is away: 503, come back shortly
      const away = isStoreUnavailable(err) || cache.offline;
      if (away) request.log.warn({ err: (err as Error).message, url }, 'page not rendered: store unavailable');
      else request.log.error({ err, url }, 'page render failed');
      const fallback = await safeRender(async () => renderError(await contextFor(route), 500));
      const answer = away ? { ...fallback, status: 503, headers: { ...fallback.headers, 'retry-after': String(STORE_RETRY_AFTER_S) } } : fallback;
      await write(request.raw, reply.raw, await buildPage(answer, Date.now(), { compress: false }), 'ERROR');
    }
  }

  const iconSets = new IconSets();
  const emblemSvg = Buffer.from(emblem(48, 'Lantoa').value.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" '));

  /** The picture a portal's icons are drawn from: its logo, or the emblem when it has none (or the logo is gone). */
  async function iconImage(logoSrc: string | undefined): Promise<Buffer> {
    if (!logoSrc) return emblemSvg;
    const data = await services.media.storage.get(logoSrc.replace(/^\/media\//, '')).catch(() => undefined);
    return data ?? emblemSvg;
  }

  /** /favicon.ico and /assets/icon-<set>-<variant>.png of the host's portal (the network's: the emblem). */
  async function serveIcon(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const url = request.url;
    const { portal } = await slugForHost(request.headers.host);
    const logo = portal?.branding?.logo?.src;
    const id = iconSetId(logo);
    if (url === '/favicon.ico') {
      const set = await iconSets.get(id, () => iconImage(logo));
      // a fixed name: a day, so a new logo reaches browsers soon
      return reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').header('x-content-type-options', 'nosniff').send(set.ico);
    }
    const m = /^\/assets\/icon-([0-9a-f]{12})-([a-z0-9-]{1,20})\.png$/.exec(url);
    if (!m || m[1] !== id || !isIconVariant(m[2])) {
      // another portal's set, an old logo's, or no icon at all
      return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=60').send('Not found\n');
    }
    const set = await iconSets.get(id, () => iconImage(logo));
    return reply.type('image/png').header('cache-control', 'public, max-age=31536000, immutable').header('x-content-type-options', 'nosniff').send(set.png.get(m[2]));
  }

  /**
   * The search page (web/site/search-page.ts). Its answer depends on the query
   * string, which page-cache keys leave out, so it is rendered fresh and never
   * stored; and a long query is no reason for the 1 KB path limit to refuse it.
   */
  async function serveSearch(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const url = request.url;
    const q = url.indexOf('?');
    const lang: Lang = url.startsWith('/en/') ? 'en' : url.startsWith('/zh/') ? 'zh' : 'vi';
    const { portal } = await slugForHost(request.headers.host);
    const route: PageRoute = { cacheKey: '', lang, portal, segments: ['search'], page: undefined, pageInvalid: false, path: q < 0 ? url : url.slice(0, q) };
    return sendRendered(
      request,
      reply,
      await safeRender(async () => {
        const ctx = await contextFor(route);
        if (ctx.kind === 'portal' && !ctx.portal.languages.includes(lang)) return renderError(ctx, 404);
        return renderSearchPage(ctx, new URLSearchParams(q < 0 ? '' : url.slice(q + 1)), services);
      }),
    );
  }

  /**
   * The citizen-feedback pages, GET and POST. Like search, they depend on the
   * query string or the posted form, so they are rendered fresh and never
   * stored. The form and tracking answers are private: tracking shows a
   * case's history, and neither page should sit in a shared cache.
   *
   * No CSRF token: the form is anonymous (no session or cookie to ride on),
   * and every submission must carry a proof of work that is signed by the
   * server, expires within minutes and is spent on first use — a forged
   * cross-site post cannot bring one without doing the work itself, and
   * then it is just a submission.
   */
  async function serveFeedback(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const url = request.url;
    const q = url.indexOf('?');
    const m = FEEDBACK_PATH.exec(url)!;
    const lang: Lang = (m[1] as Lang | undefined) ?? 'vi';
    const which = m[2];
    const search = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
    const { portal } = await slugForHost(request.headers.host);
    const route: PageRoute = { cacheKey: '', lang, portal, segments: [which], page: undefined, pageInvalid: false, path: q < 0 ? url : url.slice(0, q) };
    const isPost = request.method === 'POST';
    const rendered = await safeRender(async () => {
      const ctx = await contextFor(route);
      if (ctx.kind !== 'portal' || !ctx.portal.languages.includes(lang)) return renderError(ctx, 404);
      if (which === 'hoi-dap') return renderAnswers(ctx, search, services);
      if (which === 'phan-anh/tra-cuu' && isPost) {
        // tracking (code and contact) and the submitter's reply to a request for information (…and text) are both posted: the contact never goes in an address
        const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
        const field = (k: string) => (Object.hasOwn(body, k) && typeof body[k] === 'string' ? body[k].slice(0, 50_000) : '');
        const values = { ma: field('ma').slice(0, 40), lh: field('lh').slice(0, 300), text: field('text') };
        const again = { code: values.ma, contact: values.lh };
        if (!Object.hasOwn(body, 'text')) {
          try {
            await limitLookups?.(request);
          } catch (err) {
            if (!(err instanceof TooManyRequestsError)) throw err;
            return renderTracking(ctx, { code: values.ma, contact: '' }, services, { error: ctx.m.feedback.tooManyLookups(Math.max(1, Math.ceil(err.retryAfterSeconds / 60))), status: 429, retryAfter: err.retryAfterSeconds });
          }
          return renderTracking(ctx, again, services);
        }
        try {
          await services.feedback.reply(values.ma, values.lh, values.text);
          return renderTracking(ctx, again, services, { notice: ctx.m.feedback.replySent });
        } catch (err) {
          if (err instanceof ValidationError || err instanceof ConflictError) return renderTracking(ctx, again, services, { error: ctx.m.feedback.replyRefused, status: err.status });
          if (err instanceof NotFoundError) return renderTracking(ctx, again, services);
          throw err;
        }
      }
      if (which === 'phan-anh/tra-cuu') return renderTracking(ctx, { code: search.get('ma') ?? '', contact: '' }, services);
      const { fields } = await services.feedback.settings(ctx.portal.id);
      if (!isPost) return renderFeedbackForm(ctx, fields);
      const values = readForm(request.body);
      try {
        // the API's per-address count, checked once the form is read so a refused citizen gets their text back
        await limitSubmissions?.(request);
        return renderReceipt(ctx, await services.feedback.submit(ctx.portal, toSubmission(values, lang, await readFiles(request.body))));
      } catch (err) {
        return refusedForm(ctx, fields, values, err);
      }
    });
    // the answers change with publication only, like search pages; the rest is nobody else's business
    return sendRendered(request, reply, rendered, which === 'hoi-dap' ? undefined : 'private, no-store');
  }

  async function siteError(err: Error, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const status = toProblem(err, request).status;
    const code = status >= 500 ? 500 : status === 404 ? 404 : 400;
    if (status === 503) request.log.warn({ err: err.message }, 'request refused: store unavailable');
    else if (code === 500) request.log.error({ err }, 'request failed');
    const portal = await portals.byHost(request.headers.host).catch(() => undefined);
    const rendered = await safeRender(async () => renderError(await contextFor({ cacheKey: '', lang: 'vi', portal, segments: [], page: undefined, pageInvalid: false, path: '/' }), code));
    if (status === 503) return sendRendered(request, reply, { ...rendered, status: 503, headers: { ...rendered.headers, 'retry-after': String(STORE_RETRY_AFTER_S) } });
    return sendRendered(request, reply, rendered);
  }

  /** The form again, in the request's portal and language, refusing a post whose body was never read. */
  async function refuseUnread(request: FastifyRequest, reply: FastifyReply, err: DomainError): Promise<unknown> {
    const lang: Lang = (FEEDBACK_PATH.exec(request.url)?.[1] as Lang | undefined) ?? 'vi';
    const { portal } = await slugForHost(request.headers.host);
    const rendered = await safeRender(async () => {
      const ctx = await contextFor({ cacheKey: '', lang, portal, segments: ['phan-anh'], page: undefined, pageInvalid: false, path: request.url });
      if (ctx.kind !== 'portal' || !ctx.portal.languages.includes(lang)) return renderError(ctx, 404);
      const { fields } = await services.feedback.settings(ctx.portal.id);
      return refusedForm(ctx, fields, {}, err);
    });
    return sendRendered(request, reply, rendered, 'private, no-store');
  }

  /** Renders with a plain-text last resort, for when even the error page cannot be built (store down). */
  async function safeRender(fn: () => Promise<Rendered>): Promise<Rendered> {
    try {
      return await fn();
    } catch {
      return { status: 500, contentType: 'text/plain; charset=utf-8', body: 'Service temporarily unavailable.\n', keys: [], cacheable: false };
    }
  }

  async function sendRendered(request: FastifyRequest, reply: FastifyReply, rendered: Rendered, cacheControlValue?: string) {
    reply.hijack();
    const page = await buildPage({ ...rendered, cacheable: false }, Date.now(), { compress: false });
    await write(request.raw, reply.raw, page, 'BYPASS', cacheControlValue ?? cacheControl(page));
  }

  /** Cache hits answered before Fastify; anything else (miss, stale, not a page) falls through. */
  function fastPath(req: IncomingMessage, res: ServerResponse): boolean | Promise<void> {
    if (!settings.enabled || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const url = req.url;
    if (!url || url.startsWith('/api') || url.length > MAX_PATH) return false;
    const host = hostSlugs.get(req.headers.host ?? '');
    // while the store is away, what is stored is served as it is: hosts, and pages however old
    const offline = cache.offline;
    if (!host || (Date.now() - host.at > HOSTS_TTL_MS && !offline)) return false;
    let key: string;
    if (url.indexOf('?') < 0) key = host.slug + url;
    else {
      try {
        key = parseTarget(url, host.slug, undefined).cacheKey;
      } catch {
        return false;
      }
    }
    const page = cache.peek(key);
    if (!page) return false;
    if (cache.isFresh(page)) {
      cache.stats.hits++;
      return write(req, res, page, 'HIT') ?? true;
    }
    if (!offline) return false;
    cache.stats.stale++;
    return write(req, res, page, 'STALE') ?? true;
  }

  /** Fastify answers a malformed escape (/%zz) with JSON; outside /api readers get the HTML 400 page. */
  async function answerBadUrl(req: IncomingMessage, res: ServerResponse) {
    const portal = await portals.byHost(req.headers.host).catch(() => undefined);
    const first = (req.url ?? '').split('/')[1];
    const lang: Lang = first === 'en' || first === 'zh' ? first : 'vi';
    const rendered = await safeRender(async () => renderError(await contextFor({ cacheKey: '', lang, portal, segments: [], page: undefined, pageInvalid: false, path: '/' }), 400));
    await write(req, res, await buildPage({ ...rendered, cacheable: false }, Date.now(), { compress: false }), 'BYPASS');
  }

  return {
    async register(app: FastifyInstance) {
      const handler = (request: FastifyRequest, reply: FastifyReply) => serve(request, reply);
      app.get('/', handler);
      app.get('/*', handler);
      // The feedback form posts here, as a plain HTML form (urlencoded). The
      // parser is scoped to these routes, so the JSON API keeps refusing forms.
      limitSubmissions = submissionLimit(app, services.settings.feedback.perAddressLimit);
      limitLookups = lookupLimit(app);
      await app.register(async (scope) => {
        scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FEEDBACK_FORM_LIMIT }, (_req, body, done) => {
          done(null, Object.fromEntries(new URLSearchParams(body as string)));
        });
        // the form with files (multipart): each file read up to one byte past the limit, so the service can say it is too large
        await scope.register(multipart, { attachFieldsToBody: true, throwFileSizeLimit: false, limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 10, fields: 30, parts: 40, fieldSize: 100_000 } });
        // an upload refused before the form was read (too many files or parts) comes back as the form, with the reason at the file input
        scope.setErrorHandler(async (err: Error & { statusCode?: number }, request, reply) => {
          const form = FEEDBACK_PATH.exec(request.url);
          if (request.method === 'POST' && form?.[2] === 'phan-anh' && (err.statusCode === 413 || err instanceof TooManyRequestsError || (err instanceof DomainError && err.status === 503)))
            return refuseUnread(request, reply, err instanceof DomainError ? err : new DomainError(413, 'Too large', err.message));
          return siteError(err, request, reply);
        });
        for (const path of FEEDBACK_ROUTES) scope.post(path, { bodyLimit: FEEDBACK_FORM_LIMIT }, (request, reply) => serveFeedback(request, reply));
      });
      await pagecache.listen();
      app.addHook('onClose', async () => {
        await pagecache.close();
      });
      // the cache-hit path in front of Fastify's own request listener
      answerFirst(app, 'page-cache', (req, res) => {
        const taken = fastPath(req, res);
        if (taken !== false) return taken;
        if (badEscapeInPath(req.url)) return answerBadUrl(req, res);
        return false;
      });
    },
    covers(request) {
      const route = request.routeOptions?.url;
      return route === undefined || route === '/' || route === '/*' || FEEDBACK_ROUTES.includes(route);
    },
    async notFound(request, reply) {
      const url = request.url;
      let lang: Lang = 'vi';
      const first = url.split('/')[1]?.split('?')[0];
      if (isLang(first)) lang = first;
      const portal = await portals.byHost(request.headers.host).catch(() => undefined);
      const rendered = await safeRender(async () => renderError(await contextFor({ cacheKey: '', lang, portal, segments: [], page: undefined, pageInvalid: false, path: url }), 404));
      return sendRendered(request, reply, rendered);
    },
    error: siteError,
  };
}
