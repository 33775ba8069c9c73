import { COPY_JS_PATH } from './assets.ts';
import type { ContentService, Item, PublicListing, RelatedLists } from '../../modules/content/index.ts';
import { type ContentType, coverOf, type CoverT } from '../../modules/content/index.ts';
import type { Portal, PortalKind, Section } from '../../modules/portals/index.ts';
import { PORTAL_KINDS } from '../../modules/portals/index.ts';
import { surrogateKeys as K } from '../../modules/pagecache/index.ts';
import { langPrefix, type Lang } from '../../lib/lang.ts';
import { CARD_SIZES, card, cardPicture, cards, day, effectStatus, fact, pager, time } from './components.ts';
import {
  homePath,
  isFallback,
  localized,
  pathOf,
  portalLanguages,
  sectionPath,
  subsiteOf,
  tagPath,
  withSubsiteTheme,
  type NetworkContext,
  type PortalContext,
  type Rendered,
  type SiteContext,
} from './context.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { formatBytes, formatDateTime, formatDuration, MESSAGES } from './i18n.ts';
import { breadcrumbData, page, relative, type Crumb } from './layout.ts';
import { answerPath, answersPath } from './feedback-pages.ts';
import type { PublicAnswer } from '../../modules/feedback/index.ts';
import { portalTheme } from './theme.ts';

// The HTML pages of the public site. Each renderer returns the response and
// the surrogate keys of everything on it (see modules/pagecache/keys.ts), so
// the page cache can drop exactly the pages a publication touches.

export const PER_PAGE = 20;
const HTML = 'text/html; charset=utf-8';

export interface PageDeps {
  content: ContentService;
  /** keeps the lists related boxes are ranked from between pages (the site's; read each time without it) */
  relatedLists?: RelatedLists;
  /** published citizen answers (hỏi đáp) whose field is one of `topics`, newest first (feedback module) */
  answersOn?: (portal: Portal, topics: string[], limit: number) => Promise<PublicAnswer[]>;
  /** the home's top stories: editors' live pins, then the newest news (home module); the four newest news without it */
  topStories?: (portal: Portal, lang: Lang) => Promise<PublicListing[]>;
}

/**
 * What an item is about, for linking it with citizens' published answers:
 * its tags and its own field (`meta.field`, which legal documents and
 * procedures carry). An answer is related when its field (lĩnh vực) is one
 * of these names, exactly (Unicode-normalised, trimmed) — officers pick the
 * field from the portal's list, editors tag with the same names. The same
 * rule links an answer's page back to the items (ContentService.publishedOnTopic).
 */
export function topicsOf(item: { tags: string[]; meta: Record<string, unknown> }): string[] {
  const names = [...item.tags, typeof item.meta.field === 'string' ? item.meta.field : ''].map((t) => t.normalize('NFC').trim()).filter(Boolean);
  return [...new Set(names)];
}

function htmlResponse(status: number, body: string, keys: Iterable<string>, cacheable = true): Rendered {
  return { status, contentType: HTML, body, keys: [...new Set(keys)], cacheable };
}

const itemKeys = (items: { id: number }[]) => items.map((i) => K.item(i.id));

function organization(ctx: PortalContext): Record<string, unknown> {
  const c = ctx.portal.contact;
  return {
    '@type': 'GovernmentOrganization',
    name: localized(ctx.portal.name, ctx.lang),
    url: `${ctx.base}${homePath(ctx.lang)}`,
    email: c.email,
    telephone: c.phone,
    address: { '@type': 'PostalAddress', streetAddress: c.address, addressCountry: 'VN' },
    // the logo the portal's admin chose, or the emblem every page shows
    logo: new URL(ctx.portal.branding?.logo?.src ?? '/assets/emblem.svg', ctx.base).toString(),
  };
}

function feedLinks(ctx: PortalContext, sectionSlug?: string, title?: string) {
  const base = `${ctx.base}${langPrefix(ctx.lang)}${sectionSlug ? `/${sectionSlug}` : ''}`;
  return { title: title ?? localized(ctx.portal.name, ctx.lang), rss: `${base}/feed.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` };
}

/** The same path in every language of the portal (home, sections, type lists). */
function sameInEveryLanguage(ctx: PortalContext, pathWithoutLang: string): Partial<Record<Lang, string>> {
  const out: Partial<Record<Lang, string>> = {};
  for (const l of portalLanguages(ctx.portal)) out[l] = `${ctx.base}${langPrefix(l)}${pathWithoutLang}`;
  return out;
}

function homeCrumb(ctx: SiteContext): Crumb {
  return { label: ctx.m.home, href: homePath(ctx.lang) };
}

/** Where "see all" for a type should go: the section its newest item sits in, else the type's own list. */
function listPathFor(ctx: PortalContext, type: ContentType, items: PublicListing[]): string {
  const section = items.find((i) => i.section)?.section;
  return section ? sectionPath(ctx.lang, section) : sectionPath(ctx.lang, type);
}

// ---------------------------------------------------------------- network index

/** A portal of the network run by another deployment (an approved member of a central portal here). */
export interface RemoteMember {
  slug: string;
  name: Record<string, string>;
  kind: string;
  url: string;
  lastContactAt: string | null;
}

export function renderNetwork(ctx: NetworkContext, lastPublished: Map<number, string>, remote: RemoteMember[] = []): Rendered {
  const m = ctx.m;
  type Entry = { local: Portal } | { remote: RemoteMember };
  const byKind = new Map<PortalKind, Entry[]>();
  for (const p of ctx.portals) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), { local: p }]);
  for (const r of remote) {
    // a kind this version does not know is shown with the agencies rather than dropped
    const kind = (PORTAL_KINDS as readonly string[]).includes(r.kind) ? (r.kind as PortalKind) : 'agency';
    byKind.set(kind, [...(byKind.get(kind) ?? []), { remote: r }]);
  }
  const groups = PORTAL_KINDS.filter((k) => byKind.has(k)).map((kind) => {
    const entries = byKind.get(kind)!;
    return html`<section aria-labelledby="kind-${kind}"><h2 id="kind-${kind}">${m.network.kinds[kind]}</h2>
<ul class="portal-list">${entries.map((e) => {
      if ('remote' in e) {
        const r = e.remote;
        const prefix = ctx.lang === 'vi' ? '' : `/${ctx.lang}`;
        return html`<li class="remote"><h3><a href="${r.url}${prefix}/"${r.name[ctx.lang] ? '' : raw(' lang="vi"')}>${r.name[ctx.lang] ?? r.name.vi ?? r.slug}</a></h3>
<p class="meta">${m.network.connected}</p>
<p class="meta">${r.lastContactAt ? m.network.lastContact(formatDateTime(ctx.lang, r.lastContactAt)) : m.network.noContactYet}</p></li>`;
      }
      const p = e.local;
      const lang = p.languages.includes(ctx.lang) ? ctx.lang : 'vi';
      const last = lastPublished.get(p.id);
      return html`<li style="--brand:${portalTheme(p).brand}"><h3><a href="${p.url}${homePath(lang)}"${isFallback(p.name, ctx.lang) ? raw(' lang="vi"') : ''}>${localized(p.name, ctx.lang)}</a></h3>
<p class="meta">${last ? m.network.lastUpdated(formatDateTime(ctx.lang, last)) : m.network.nothingYet}</p>
<p class="meta">${m.network.languages}: ${p.languages.map((l, i) => html`${i ? ', ' : ''}<span lang="${l}">${MESSAGES[l].languageName}</span>`)}</p></li>`;
    })}</ul></section>`;
  });
  const alternates: Partial<Record<Lang, string>> = { vi: `${ctx.base}/`, en: `${ctx.base}/en/`, zh: `${ctx.base}/zh/` };
  const body = page(ctx, {
    title: m.network.title,
    description: m.network.intro,
    canonical: alternates[ctx.lang]!,
    alternates,
    main: html`<h1>${m.network.title}</h1><p class="lede">${m.network.intro}</p>${groups}`,
    structuredData: [
      {
        '@context': 'https://schema.org',
        '@type': 'ItemList',
        name: m.network.title,
        itemListElement: [...ctx.portals.map((p) => ({ url: `${p.url}/`, name: localized(p.name, ctx.lang) })), ...remote.map((r) => ({ url: `${r.url}/`, name: r.name[ctx.lang] ?? r.name.vi ?? r.slug }))].map((e, i) => ({ '@type': 'ListItem', position: i + 1, ...e })),
      },
    ],
  });
  return htmlResponse(200, body, [K.network(), ...ctx.portals.map((p) => K.portal(p.slug))]);
}

// ---------------------------------------------------------------- portal home

export async function renderHome(ctx: PortalContext, { content, topStories }: PageDeps): Promise<Rendered> {
  const { portal, lang, m } = ctx;
  const list = (types: ContentType[], limit: number, excludeIds?: number[]) => content.listPublished(portal, { lang, types, excludeIds }, { limit });
  const schedule = ctx.sections.find((s) => /^lich(-|$)/.test(s.slug));
  const [top, directives, press, legal, procedures, media, scheduleItems] = await Promise.all([
    topStories ? topStories(portal, lang) : list(['news'], 4),
    list(['directive'], 5),
    list(['press-release'], 4),
    list(['legal-document'], 5),
    list(['procedure'], 4),
    list(['video', 'gallery'], 3),
    schedule ? content.listPublished(portal, { lang, sectionIds: [schedule.id] }, { limit: 3 }) : Promise.resolve([]),
  ]);
  const latest = await list(['news', 'directive', 'press-release'], 8, [...top, ...directives, ...press].map((i) => i.id));
  const [lead, ...secondary] = top;
  // the lead story's cover is the page's largest picture; without one, the first secondary cover above the fold is
  const eagerSecondary = lead && coverOf(lead.meta) ? -1 : secondary.findIndex((i) => coverOf(i.meta));
  const subsites = ctx.sections.filter((s) => s.kind === 'subsite');
  const name = localized(portal.name, lang);

  const block = (id: string, title: string, items: PublicListing[], more: string | undefined, opts: { summary?: boolean } = {}) =>
    items.length === 0
      ? html``
      : html`<section class="panel" aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${cards(ctx, items, { summary: opts.summary ?? false, kicker: false })}${more ? html`<p><a class="more" href="${more}">${m.portalHome.seeAll(title)}</a></p>` : ''}</section>`;

  const main = html`<h1 class="sr-only">${name}</h1>
<div class="grid home">
<div>
${top.length ? html`<section aria-labelledby="top-stories"><h2 id="top-stories">${m.portalHome.topStories}</h2>
${lead ? html`<ul class="cards"><li class="card top-story">${cardPicture(lead.meta, { eager: true, sizes: CARD_SIZES.lead })}<span class="kicker">${m.types[lead.type]}</span><h3><a href="${pathOf(lead.url)}">${lead.title}</a></h3><p>${lead.summary}</p><p class="meta">${time(lang, lead.publishedAt)}</p></li></ul>` : ''}
${secondary.length ? html`<ul class="cards three">${secondary.map((i, n) => card(ctx, i, { summary: false, picture: { sizes: CARD_SIZES.column, eager: n === eagerSecondary } }))}</ul>` : ''}
</section>` : html`<p>${m.list.empty}</p>`}
${latest.length ? html`<section aria-labelledby="latest"><h2 id="latest">${m.portalHome.latest}</h2>${cards(ctx, latest, { columns: 'two' })}</section>` : ''}
${block('media', m.portalHome.media, media, undefined)}
</div>
<div class="grid">
${block('directives', m.portalHome.directives, directives, listPathFor(ctx, 'directive', directives))}
${schedule ? block('schedule', m.portalHome.schedule, scheduleItems, sectionPath(lang, schedule.slug)) : ''}
${block('press', m.portalHome.pressReleases, press, listPathFor(ctx, 'press-release', press))}
${legal.length ? html`<section class="panel" aria-labelledby="legal"><h2 id="legal">${m.portalHome.legalDocuments}</h2>${cards(ctx, legal, { summary: false, kicker: false })}<p><a class="more" href="${listPathFor(ctx, 'legal-document', legal)}">${m.portalHome.seeAll(m.portalHome.legalDocuments)}</a></p></section>` : ''}
<section class="panel" aria-labelledby="procedures"><h2 id="procedures">${m.portalHome.procedures}</h2><p>${m.portalHome.proceduresIntro}</p>
${procedures.length ? html`<ul class="plain">${procedures.map((i) => html`<li><a href="${pathOf(i.url)}">${i.title}</a></li>`)}</ul>` : ''}
<p><a class="more" href="${listPathFor(ctx, 'procedure', procedures)}">${m.portalHome.proceduresLink}</a></p></section>
${subsites.length ? html`<section class="panel" aria-labelledby="subsites"><h2 id="subsites">${m.portalHome.subsites}</h2><ul class="plain">${subsites.map((s) => html`<li><a href="${sectionPath(lang, s.slug)}"${isFallback(s.name, lang) ? raw(' lang="vi"') : ''}>${localized(s.name, lang)}</a></li>`)}</ul></section>` : ''}
</div>
</div>`;

  const alternates = sameInEveryLanguage(ctx, '/');
  const body = page(ctx, {
    title: name,
    description: lead?.summary ?? name,
    canonical: alternates[lang]!,
    alternates,
    currentSection: '',
    main,
    feeds: feedLinks(ctx),
    structuredData: [
      { '@context': 'https://schema.org', ...organization(ctx) },
      { '@context': 'https://schema.org', '@type': 'WebSite', name, url: alternates[lang], inLanguage: lang },
    ],
  });
  const shown = [...top, ...latest, ...directives, ...press, ...legal, ...procedures, ...media, ...scheduleItems];
  return htmlResponse(200, body, [K.home(portal.slug, lang), K.portal(portal.slug), ...itemKeys(shown)]);
}

// ---------------------------------------------------------------- lists

export type ListTarget = { kind: 'section'; section: Section } | { kind: 'type'; type: ContentType } | { kind: 'tag'; tag: string };

/** A section (or sub-site), a content type or a tag, one page of it. Returns undefined when the page number is past the end. */
export async function renderList(ctx0: PortalContext, target: ListTarget, pageNo: number, { content }: PageDeps): Promise<Rendered | undefined> {
  const { portal, lang, m } = ctx0;
  let ctx = ctx0;
  let filter: Parameters<ContentService['listPublished']>[1];
  let title: string;
  let intro: string | undefined;
  let path: string;
  let listKey: string;
  let alternates: Partial<Record<Lang, string>>;
  let subsite: Section | undefined;
  let children: Section[] = [];
  let currentSection: string | undefined;
  let titleLang: Lang = lang;
  const crumbs: Crumb[] = [homeCrumb(ctx)];

  if (target.kind === 'section') {
    const s = target.section;
    children = ctx.sections.filter((c) => c.parent === s.slug);
    filter = { lang, sectionIds: [s.id, ...children.map((c) => c.id)] };
    title = localized(s.name, lang);
    if (isFallback(s.name, lang)) titleLang = 'vi';
    intro = s.description[lang] ?? undefined;
    path = sectionPath(lang, s.slug);
    listKey = K.section(portal.slug, s.slug, lang);
    alternates = sameInEveryLanguage(ctx, `/${s.slug}`);
    subsite = subsiteOf(ctx.sections, s.slug);
    ctx = withSubsiteTheme(ctx, subsite);
    const parent = s.parent ? ctx.sections.find((x) => x.slug === s.parent) : undefined;
    if (parent) crumbs.push({ label: localized(parent.name, lang), href: sectionPath(lang, parent.slug) });
    currentSection = parent?.parent === null && parent.kind === 'section' ? parent.slug : s.slug;
  } else if (target.kind === 'type') {
    filter = { lang, types: [target.type] };
    title = m.typesPlural[target.type];
    intro = m.list.typeIntro(m.typesPlural[target.type]);
    path = sectionPath(lang, target.type);
    listKey = K.type(portal.slug, target.type, lang);
    alternates = sameInEveryLanguage(ctx, `/${target.type}`);
  } else {
    filter = { lang, tag: target.tag };
    title = m.list.tagTitle(target.tag);
    intro = m.list.tagIntro(target.tag);
    path = tagPath(lang, target.tag);
    listKey = K.tag(portal.slug, target.tag, lang);
    // tags are words of one language: the page exists in this language only
    alternates = { [lang]: `${ctx.base}${path}` };
  }

  const total = await content.countPublished(portal, filter);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  if (pageNo > pages) return undefined;
  const items = await content.listPublished(portal, filter, { limit: PER_PAGE, offset: (pageNo - 1) * PER_PAGE });
  const href = (n: number) => (n === 1 ? path : `${path}?page=${n}`);
  const canonical = `${ctx.base}${href(pageNo)}`;
  if (pageNo > 1) for (const l of Object.keys(alternates) as Lang[]) alternates[l] = `${alternates[l]}?page=${pageNo}`;
  crumbs.push({ label: pageNo > 1 ? `${title} (${m.list.pageLabel(pageNo)})` : title });

  const main = html`<h1${titleLang !== lang ? raw(` lang="${titleLang}"`) : ''}>${title}</h1>
${intro ? html`<p class="lede">${intro}</p>` : ''}
${cards(ctx, items, { headingLevel: 2, kicker: target.kind !== 'type', firstEager: true })}
${pager(ctx, pageNo, pages, href)}`;

  const body = page(ctx, {
    title: pageNo > 1 ? `${title} – ${m.list.pageLabel(pageNo)}` : title,
    description: intro,
    canonical,
    alternates,
    crumbs,
    main,
    currentSection,
    subsite,
    feeds: target.kind === 'section' ? feedLinks(ctx, target.section.slug, `${localized(portal.name, lang)} – ${title}`) : undefined,
    structuredData: [breadcrumbData(ctx, crumbs)],
  });
  return htmlResponse(200, body, [listKey, K.portal(portal.slug), ...itemKeys(items)]);
}

// ---------------------------------------------------------------- items

function shareLinks(ctx: PortalContext, item: Item): SafeHtml {
  const u = encodeURIComponent(item.url);
  const t = encodeURIComponent(item.title);
  const m = ctx.m.item;
  // plain links to each network's share page: no buttons, scripts or counters from them on ours
  const links: [string, string][] = [
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    // Zalo's web share page (what its SDK button opens), as a plain link
    ['Zalo', `https://sp.zalo.me/share_to_zalo?url=${u}`],
    ['X', `https://x.com/intent/post?url=${u}&text=${t}`],
    ['Telegram', `https://t.me/share/url?url=${u}&text=${t}`],
    [m.shareEmail, `mailto:?subject=${t}&body=${u}`],
  ];
  // the address in a read-only field works without JavaScript (select, copy); the button appears with COPY_JS
  return html`<section class="share no-print" aria-labelledby="share"><h2 id="share">${m.share}</h2><ul>${links.map(([label, href]) => html`<li><a href="${href}" rel="noopener noreferrer">${label}</a></li>`)}</ul>
<p class="share-link"><label for="share-url">${m.pageLink}</label> <input id="share-url" type="url" readonly value="${item.url}"> <button type="button" data-copy="share-url" data-done="${m.linkCopied}" hidden>${m.copyLink}</button></p>
<script src="${COPY_JS_PATH}" defer></script></section>`;
}

/**
 * Tables in an article body get a box of their own that scrolls sideways, so a wide
 * table never widens the page. The body is sanitised HTML, where `<table` and `</table>`
 * only occur as tags (text has them escaped), so every opening is paired with a close.
 */
export function scrollableTables(body: string, label: string): string {
  if (!body.includes('<table')) return body;
  return body
    .replace(/<table\b/g, `<div class="table-scroll" role="region" tabindex="0" aria-label="${label.replace(/[&<>"]/g, '')}"><table`)
    .replace(/<\/table>/g, '</table></div>');
}

/**
 * Only the Vietnamese text of a legal document or an administrative procedure has legal
 * force; a translation says so and links the original, so nobody relies on it by mistake.
 */
function translationNotice(ctx: PortalContext, item: Item, translations: PublicListing[]): SafeHtml {
  if (item.lang === 'vi' || (item.type !== 'legal-document' && item.type !== 'procedure')) return html``;
  const m = ctx.m.item;
  const original = translations.find((t) => t.lang === 'vi');
  return html`<div class="notice translation-notice" role="note"><p><strong>${m.unofficialTranslation}</strong> ${m.originalHasForce}</p>${original ? html`<p><a href="${relative(ctx, original.url)}" hreflang="vi" lang="vi">${MESSAGES.vi.item.originalLink}: ${original.title}</a></p>` : ''}</div>`;
}

function legalBlock(ctx: PortalContext, meta: Record<string, unknown>): SafeHtml {
  const m = ctx.m.legal;
  const str = (k: string) => (typeof meta[k] === 'string' && meta[k] ? (meta[k]) : undefined);
  const d = (k: string) => (str(k) ? day(ctx.lang, str(k)!) : undefined);
  const signer = [str('signerTitle'), str('signer')].filter(Boolean).join(' ');
  const attachments = Array.isArray(meta.attachments) ? (meta.attachments as { name: string; url: string; size?: number; mimeType?: string }[]) : [];
  return html`<table class="facts"><caption class="sr-only">${m.details}</caption><tbody>
${fact(m.number, str('number'))}
${fact(m.documentType, str('documentType'))}
${fact(m.issuingBody, str('issuingBody'))}
${fact(m.signer, signer)}
${fact(m.issuedDate, d('issuedDate'))}
${fact(m.effectiveDate, d('effectiveDate'))}
${fact(m.expiryDate, d('expiryDate'))}
${fact(m.effectStatus, effectStatus(ctx, meta.effectStatus))}
${fact(m.field, str('field'))}
${fact(m.gazetteDate, d('gazetteDate'))}
</tbody></table>
${str('abstract') ? html`<h2>${m.abstract}</h2><p>${str('abstract')}</p>` : ''}
<h2>${m.attachments}</h2>
${attachments.length
    ? html`<ul>${attachments.map((a) => html`<li><a href="${a.url}" download>${a.name}</a>${a.size ? html` <span class="meta">(${formatBytes(ctx.lang, a.size)})</span>` : ''}</li>`)}</ul>`
    : html`<p>${m.noAttachments}</p>`}`;
}

function procedureBlock(ctx: PortalContext, meta: Record<string, unknown>): SafeHtml {
  const m = ctx.m.procedure;
  const str = (k: string) => (typeof meta[k] === 'string' && meta[k] ? (meta[k]) : undefined);
  const list = (k: string) => (Array.isArray(meta[k]) ? (meta[k] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  const docs = Array.isArray(meta.requiredDocuments) ? (meta.requiredDocuments as { name: string; quantity?: string | number; template?: string }[]) : [];
  const online = meta.onlineLevel === 'full' || meta.onlineLevel === 'partial' ? m.online[meta.onlineLevel] : undefined;
  const steps = list('steps');
  const channels = list('channels');
  const basis = list('legalBasis');
  return html`${str('serviceUrl') ? html`<p><a class="button" href="${str('serviceUrl')}" rel="noopener">${m.apply}</a> <span class="meta">${m.applyNote}</span></p>` : ''}
<table class="facts"><caption class="sr-only">${m.details}</caption><tbody>
${fact(m.code, str('code'))}
${fact(m.decisionNumber, str('decisionNumber'))}
${fact(m.level, str('level'))}
${fact(m.field, str('field'))}
${fact(m.agency, str('agency'))}
${fact(m.onlineLevel, online)}
${fact(m.processingTime, str('processingTime'))}
${fact(m.fees, str('fees'))}
${fact(m.result, str('result'))}
</tbody></table>
${steps.length ? html`<h2>${m.steps}</h2><ol>${steps.map((s) => html`<li>${s}</li>`)}</ol>` : ''}
${channels.length ? html`<h2>${m.channels}</h2><ul>${channels.map((s) => html`<li>${s}</li>`)}</ul>` : ''}
${docs.length ? html`<h2>${m.requiredDocuments}</h2><div class="table-scroll" role="region" tabindex="0" aria-label="${m.requiredDocuments}"><table class="facts facts-list"><thead><tr><th scope="col">${m.requiredDocuments}</th><th scope="col">${m.quantity}</th><th scope="col">${m.template}</th></tr></thead><tbody>
${docs.map((d) => html`<tr><td>${d.name}</td><td>${d.quantity ?? ''}</td><td>${d.template ? html`<a href="${d.template}">${m.template}</a>` : ''}</td></tr>`)}</tbody></table></div>` : ''}
${basis.length ? html`<h2>${m.legalBasis}</h2><ul>${basis.map((s) => html`<li>${s}</li>`)}</ul>` : ''}`;
}

/** The slot a picture fills in the article column (3/4 of --max from 64rem), for `sizes`. */
const ARTICLE_SIZES = '(min-width: 72rem) 51rem, (min-width: 64rem) 72vw, calc(100vw - 2rem)';
/** One picture of a gallery's grid: two columns from 40rem. */
const GALLERY_SIZES = '(min-width: 72rem) 25rem, (min-width: 64rem) 36vw, (min-width: 40rem) 48vw, calc(100vw - 2rem)';

/** A video's poster: the item's cover when the poster is it (with its WebP sizes), the poster address otherwise; the page's largest picture. */
function posterImage(meta: Record<string, unknown>, poster: string): SafeHtml {
  const cover = coverOf(meta);
  const same = cover && cover.src === poster;
  const width = (same && cover.width) || 640;
  const height = (same && cover.height) || 360;
  return html`<p class="poster">${same && cover.srcset ? html`<picture><source type="image/webp" srcset="${cover.srcset}" sizes="${ARTICLE_SIZES}">` : ''}<img src="${poster}" alt="" width="${width}" height="${height}" fetchpriority="high">${same && cover.srcset ? html`</picture>` : ''}</p>`;
}

function videoBlock(ctx: PortalContext, meta: Record<string, unknown>): SafeHtml {
  const m = ctx.m.video;
  const source = typeof meta.sourceUrl === 'string' ? meta.sourceUrl : undefined;
  const duration = typeof meta.duration === 'number' ? meta.duration : undefined;
  const poster = typeof meta.poster === 'string' ? meta.poster : undefined;
  const transcript = typeof meta.transcript === 'string' ? meta.transcript : undefined;
  // the video is linked, not embedded: an embedded player would be a third-party request on every view
  return html`<div class="panel">
${poster ? posterImage(meta, poster) : ''}
${source ? html`<p><a class="button" href="${source}" rel="noopener">${m.watch}</a></p><p class="meta">${m.watchNote}</p>` : ''}
${duration !== undefined ? html`<p>${m.duration}: <time datetime="PT${duration}S">${formatDuration(duration)}</time></p>` : ''}
${transcript ? html`<details><summary>${m.transcript}</summary><p>${transcript}</p></details>` : ''}
</div>`;
}

function galleryBlock(ctx: PortalContext, meta: Record<string, unknown>): SafeHtml {
  const images = Array.isArray(meta.images) ? (meta.images as { src: string; caption?: string; credit?: string; alt?: string; width?: number; height?: number; srcset?: string }[]) : [];
  // the first picture opens the page (its largest picture, fetched first); the others load as the reader scrolls
  return html`<p class="meta">${ctx.m.gallery.photos(images.length)}</p><div class="gallery">${images.map(
    (img, n) => html`<figure>${img.srcset ? html`<picture><source type="image/webp" srcset="${img.srcset}" sizes="${GALLERY_SIZES}">` : ''}<img src="${img.src}" alt="${img.alt ?? img.caption ?? ''}"${n === 0 ? raw(' fetchpriority="high"') : raw(' loading="lazy"')} width="${img.width ?? 800}" height="${img.height ?? 533}">${img.srcset ? html`</picture>` : ''}
${img.caption || img.credit ? html`<figcaption>${img.caption ?? ''}${img.credit ? html` <span>(${img.credit})</span>` : ''}</figcaption>` : ''}</figure>`,
  )}</div>`;
}

function iso8601Duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

const LEGAL_FORCE: Record<string, string> = {
  'in-force': 'https://schema.org/InForce',
  'partly-expired': 'https://schema.org/PartiallyInForce',
  expired: 'https://schema.org/NotInForce',
  'not-yet-in-force': 'https://schema.org/NotInForce',
  suspended: 'https://schema.org/NotInForce',
  'no-longer-applicable': 'https://schema.org/NotInForce',
};

function itemData(ctx: PortalContext, item: Item, image: string | undefined): Record<string, unknown> {
  const publisher = organization(ctx);
  const common = {
    '@context': 'https://schema.org',
    name: item.title,
    description: item.summary || undefined,
    url: item.url,
    inLanguage: item.lang,
    datePublished: item.firstPublishedAt ?? item.publishedAt,
    dateModified: item.publicUpdatedAt ?? item.publishedAt,
  };
  const meta = item.meta;
  switch (item.type) {
    case 'legal-document':
      return {
        ...common,
        '@type': 'Legislation',
        legislationIdentifier: meta.number,
        legislationType: meta.documentType,
        legislationDate: meta.issuedDate,
        legislationDateOfApplicability: meta.effectiveDate ?? undefined,
        expires: meta.expiryDate ?? undefined,
        legislationLegalForce: LEGAL_FORCE[String(meta.effectStatus)],
        legislationPassedBy: { '@type': 'GovernmentOrganization', name: meta.issuingBody },
        legislationJurisdiction: 'VN',
        publisher,
      };
    case 'procedure':
      return {
        ...common,
        '@type': 'GovernmentService',
        identifier: meta.code,
        serviceType: meta.field,
        provider: { '@type': 'GovernmentOrganization', name: meta.agency },
        areaServed: { '@type': 'Country', name: 'Việt Nam' },
        ...(typeof meta.serviceUrl === 'string' ? { availableChannel: { '@type': 'ServiceChannel', serviceUrl: meta.serviceUrl } } : {}),
      };
    case 'video':
      return {
        ...common,
        '@type': 'VideoObject',
        uploadDate: common.datePublished,
        duration: typeof meta.duration === 'number' ? iso8601Duration(meta.duration) : undefined,
        contentUrl: meta.sourceUrl,
        thumbnailUrl: image,
        publisher,
      };
    case 'gallery':
      return {
        ...common,
        '@type': 'ImageGallery',
        publisher,
        associatedMedia: (Array.isArray(meta.images) ? (meta.images as { src: string; caption?: string; credit?: string }[]) : []).map((i) => ({
          '@type': 'ImageObject',
          contentUrl: new URL(i.src, ctx.base).toString(),
          caption: i.caption,
          creditText: i.credit,
        })),
      };
    default:
      return {
        ...common,
        '@type': 'NewsArticle',
        headline: item.title.slice(0, 110),
        mainEntityOfPage: item.url,
        articleSection: item.section ?? undefined,
        keywords: item.tags.length ? item.tags.join(', ') : undefined,
        author: publisher,
        publisher,
        image: image ? [image] : undefined,
      };
  }
}

/** The cover as the article's lead picture: WebP sizes when the library made them, the JPEG/PNG otherwise. */
function leadImage(cover: CoverT): SafeHtml {
  const caption = [cover.caption, cover.credit].filter(Boolean).join(' — ');
  return html`<figure class="lead-image">${cover.srcset ? html`<picture><source type="image/webp" srcset="${cover.srcset}" sizes="${ARTICLE_SIZES}">` : ''}<img src="${cover.src}" alt="${cover.alt}"${cover.width ? html` width="${cover.width}"` : ''}${cover.height ? html` height="${cover.height}"` : ''} fetchpriority="high">${cover.srcset ? html`</picture>` : ''}${caption ? html`<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

function itemCrumbs(ctx: PortalContext, item: { section: string | null; type: ContentType }): Crumb[] {
  const crumbs: Crumb[] = [homeCrumb(ctx)];
  const section = item.section ? ctx.sections.find((s) => s.slug === item.section) : undefined;
  const parent = section?.parent ? ctx.sections.find((s) => s.slug === section.parent) : undefined;
  if (parent) crumbs.push({ label: localized(parent.name, ctx.lang), href: sectionPath(ctx.lang, parent.slug) });
  if (section) crumbs.push({ label: localized(section.name, ctx.lang), href: sectionPath(ctx.lang, section.slug) });
  else crumbs.push({ label: ctx.m.typesPlural[item.type], href: sectionPath(ctx.lang, item.type) });
  return crumbs;
}

/**
 * An article. `loaded.translations`: its published translations as list
 * entries when the caller read them with the item (ContentService.publicArticle);
 * otherwise they are read here.
 */
export async function renderItem(ctx0: PortalContext, item: Item, { content, answersOn, relatedLists }: PageDeps, loaded: { translations?: PublicListing[] } = {}): Promise<Rendered> {
  const { lang, m, portal } = ctx0;
  const subsite = subsiteOf(ctx0.sections, item.section);
  const ctx = withSubsiteTheme(ctx0, subsite);
  const translationIds = Object.values(item.translations).filter((id): id is number => id !== undefined);
  const sectionIds = item.section ? ctx.sections.filter((s) => s.slug === item.section).map((s) => s.id) : [];
  // related: the items sharing most tags with this one, then its section's, then its type's (ContentService.relatedPublished)
  const [translations, related] = await Promise.all([
    loaded.translations ?? (translationIds.length ? content.publishedByIds(translationIds) : Promise.resolve([])),
    content.relatedPublished(portal, item, sectionIds, 5, relatedLists),
  ]);
  // answers are found by field through an index of the portal's published cases; the page names every topic, so a new answer on any of them drops it
  const topics = topicsOf(item);
  const answers = answersOn && topics.length ? await answersOn(portal, topics, 5) : [];
  const alternates: Partial<Record<Lang, string>> = { [item.lang]: item.url };
  for (const t of translations) alternates[t.lang] = t.url;

  const crumbs = itemCrumbs(ctx, item);
  const top = crumbs[1]?.href?.split('/').pop();
  crumbs.push({ label: item.title });
  const published = item.firstPublishedAt ?? item.publishedAt ?? item.updatedAt;
  const updated = item.publicUpdatedAt && item.publicUpdatedAt !== published ? item.publicUpdatedAt : undefined;
  // the cover the editor chose wins; otherwise a gallery's first picture or a video's poster
  const cover = coverOf(item.meta);
  const firstImage = cover?.src ?? (item.type === 'gallery' && Array.isArray(item.meta.images) ? (item.meta.images as { src: string }[])[0]?.src : typeof item.meta.poster === 'string' ? item.meta.poster : undefined);
  const image = firstImage ? new URL(firstImage, ctx.base).toString() : undefined;
  // a gallery opens with its own pictures and a video with its player: the lead picture is for the other types
  const lead = cover && item.type !== 'gallery' && item.type !== 'video' ? leadImage(cover) : '';

  let typeBlock: SafeHtml = html``;
  if (item.type === 'legal-document') typeBlock = legalBlock(ctx, item.meta);
  else if (item.type === 'procedure') typeBlock = procedureBlock(ctx, item.meta);
  else if (item.type === 'video') typeBlock = videoBlock(ctx, item.meta);
  else if (item.type === 'gallery') typeBlock = galleryBlock(ctx, item.meta);

  // a copy received from another portal (federation) names its source and sends search engines to the original
  const origin = item.origin as { url?: string; portal?: string; portalName?: Partial<Record<Lang, string>> | null; localNote?: string } | null;
  const originUrl = origin?.url && /^https?:\/\//.test(origin.url) ? origin.url : undefined;
  const sourceLine = originUrl
    ? html`<p class="meta source"><em>${m.item.source}: <a href="${originUrl}">${origin?.portalName?.[lang] ?? origin?.portalName?.vi ?? origin?.portal ?? originUrl}</a></em></p>${origin?.localNote ? html`<p class="meta local-note">${origin.localNote}</p>` : ''}`
    : '';

  const main = html`<div class="grid article">
<article>
<header>
<span class="kicker">${m.types[item.type]}</span>
<h1>${item.title}</h1>
${item.summary ? html`<p class="lede">${item.summary}</p>` : ''}
<p class="meta">${m.item.published}: ${time(lang, published)}${updated ? html` · ${m.item.updated}: ${time(lang, updated)}` : ''}</p>
${sourceLine}
${translationNotice(ctx, item, translations)}
</header>
${lead}
${typeBlock}
${item.body ? html`${item.type === 'legal-document' ? html`<h2>${m.legal.fullText}</h2>` : ''}<div class="article-body">${raw(scrollableTables(item.body, m.item.table))}</div>` : ''}
${item.changeNotes.length ? html`<section class="changes" aria-labelledby="changes"><h2 id="changes">${m.item.changeNotes}</h2><ul>${item.changeNotes.map((n) => html`<li>${time(lang, n.at)}: ${n.note}</li>`)}</ul></section>` : ''}
${item.tags.length ? html`<div class="tags"><h2>${m.item.tags}</h2><ul>${item.tags.map((t) => html`<li><a href="${tagPath(lang, t)}">${t}</a></li>`)}</ul></div>` : ''}
${shareLinks(ctx, item)}
<p class="print-only">${m.item.printNote}: ${item.url}</p>
</article>
<div class="related">
${translations.length ? html`<section aria-labelledby="languages"><h2 id="languages">${m.item.otherLanguages}</h2><ul class="plain">${translations.map((t) => html`<li><a href="${relative(ctx, t.url)}" hreflang="${t.lang}" lang="${t.lang}">${MESSAGES[t.lang].item.readIn(MESSAGES[t.lang].languageName)}: ${t.title}</a></li>`)}</ul></section>` : ''}
${related.length ? html`<section aria-labelledby="related"><h2 id="related">${m.item.related}</h2>${cards(ctx, related, { summary: false })}</section>` : ''}
${answers.length ? html`<section class="related-answers" aria-labelledby="qa"><h2 id="qa">${m.feedback.relatedAnswers}</h2><ul class="plain">${answers.map((a) => html`<li><a href="${answerPath(lang, a.trackingCode)}"${lang === 'vi' ? '' : raw(' lang="vi"')}>${a.title}</a> <span class="meta">${m.feedback.kinds[a.kind]} · ${time(lang, a.answeredAt)}</span></li>`)}</ul><p><a href="${answersPath(lang)}">${m.feedback.allAnswers}</a></p></section>` : ''}
</div>
</div>`;

  const body = page(ctx, {
    title: item.title,
    description: item.summary || undefined,
    canonical: originUrl ?? item.url,
    alternates,
    crumbs,
    currentSection: top,
    subsite,
    main,
    ogType: 'article',
    image,
    publishedTime: published,
    modifiedTime: item.publicUpdatedAt ?? undefined,
    structuredData: [itemData(ctx, item, image), breadcrumbData(ctx, crumbs)],
  });
  return htmlResponse(200, body, [K.item(item.id), K.portal(portal.slug), ...itemKeys(translations), ...itemKeys(related), ...topics.map((t) => K.answers(portal.slug, t))]);
}

/** A withdrawn item keeps its address and says why it was taken down (200); a removed one answers 410. */
export function renderUnpublished(ctx0: PortalContext, item: Item): Rendered {
  const { m, lang } = ctx0;
  const ctx = withSubsiteTheme(ctx0, subsiteOf(ctx0.sections, item.section));
  if (item.unpublished?.kind === 'gone') return renderError(ctx, 410, [K.item(item.id), K.portal(ctx.portal.slug)]);
  const crumbs = itemCrumbs(ctx, item);
  crumbs.push({ label: item.title });
  const main = html`<article>
<span class="kicker">${m.types[item.type]}</span>
<h1>${item.title}</h1>
<div class="notice notice-withdrawn" role="note">
<p><strong>${m.withdrawn.notice}</strong></p>
${item.unpublished?.reason ? html`<p>${m.withdrawn.reason}: ${item.unpublished.reason}</p>` : ''}
<p class="meta">${m.withdrawn.at(formatDateTime(lang, item.updatedAt))}</p>
</div>
${item.summary ? html`<p class="lede">${item.summary}</p>` : ''}
</article>`;
  const body = page(ctx, { title: item.title, canonical: item.url, alternates: { [item.lang]: item.url }, crumbs, main, noindex: true, structuredData: [breadcrumbData(ctx, crumbs)] });
  return htmlResponse(200, body, [K.item(item.id), K.portal(ctx.portal.slug)]);
}

// ---------------------------------------------------------------- feeds and site map pages

export function renderFeedsPage(ctx: PortalContext): Rendered {
  const { m, lang, portal } = ctx;
  const row = (label: string, f: ReturnType<typeof feedLinks>) =>
    html`<li>${label}: <a href="${relative(ctx, f.rss)}">${m.feeds.rss}</a> · <a href="${relative(ctx, f.atom)}">${m.feeds.atom}</a> · <a href="${relative(ctx, f.json)}">${m.feeds.json}</a></li>`;
  const sections = ctx.sections;
  const main = html`<h1>${m.feeds.title}</h1><p class="lede">${m.feeds.intro}</p>
<ul>${row(m.feeds.allItems, feedLinks(ctx))}${sections.map((s) => row(localized(s.name, lang), feedLinks(ctx, s.slug)))}</ul>`;
  const crumbs = [homeCrumb(ctx), { label: m.feeds.title }];
  const alternates = sameInEveryLanguage(ctx, '/feeds');
  const body = page(ctx, { title: m.feeds.title, canonical: alternates[lang]!, alternates, crumbs, main, feeds: feedLinks(ctx), structuredData: [breadcrumbData(ctx, crumbs)] });
  return htmlResponse(200, body, [K.portal(portal.slug)]);
}

export function renderSitemapPage(ctx: PortalContext, types: ContentType[]): Rendered {
  const { m, lang, portal } = ctx;
  const tree = (parent: string | null): SafeHtml => {
    const children = ctx.sections.filter((s) => s.parent === parent);
    if (!children.length) return html``;
    return html`<ul>${children.map((s) => html`<li><a href="${sectionPath(lang, s.slug)}">${localized(s.name, lang)}</a>${tree(s.slug)}</li>`)}</ul>`;
  };
  const main = html`<h1>${m.sitemapPage.title}</h1>
<h2>${m.sitemapPage.sections}</h2>${tree(null)}
<h2>${m.sitemapPage.contentTypes}</h2><ul>${types.map((t) => html`<li><a href="${sectionPath(lang, t)}">${m.typesPlural[t]}</a></li>`)}</ul>
<p><a href="${homePath(lang)}feeds">${m.footer.feeds}</a> · <a href="/sitemap.xml">sitemap.xml</a></p>`;
  const crumbs = [homeCrumb(ctx), { label: m.sitemapPage.title }];
  const alternates = sameInEveryLanguage(ctx, '/sitemap');
  const body = page(ctx, { title: m.sitemapPage.title, canonical: alternates[lang]!, alternates, crumbs, main, structuredData: [breadcrumbData(ctx, crumbs)] });
  return htmlResponse(200, body, [K.portal(portal.slug)]);
}

// ---------------------------------------------------------------- errors

export function renderError(ctx: SiteContext, status: 400 | 404 | 410 | 500, keys: string[] = []): Rendered {
  const e = ctx.m.errors;
  const [title, text] =
    status === 404 ? [e.notFoundTitle, e.notFoundText] : status === 410 ? [e.goneTitle, e.goneText] : status === 400 ? [e.badRequestTitle, e.badRequestText] : [e.serverErrorTitle, e.serverErrorText];
  const main = html`<h1>${title}</h1><p>${text}</p>
<ul><li><a href="${homePath(ctx.lang)}">${e.goHome}</a></li>${ctx.kind === 'portal' ? html`<li><a href="${ctx.networkUrl}${homePath(ctx.lang)}">${e.goNetwork}</a></li>` : ''}</ul>`;
  const home = `${ctx.base}${homePath(ctx.lang)}`;
  const body = page(ctx, { title, canonical: home, alternates: {}, main, noindex: true });
  // a 410 stays cached (the item names it); unknown paths are not kept, so junk requests cannot crowd the cache
  return htmlResponse(status, body, keys, status === 410);
}
