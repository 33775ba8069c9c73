import type { ContentService, PublicListing } from '../../modules/content/index.ts';
import { type ContentType, coverOf } from '../../modules/content/index.ts';
import type { Portal, PortalKind, Section } from '../../modules/portals/index.ts';
import { PORTAL_KINDS } from '../../modules/portals/index.ts';
import { surrogateKeys as K } from '../../modules/pagecache/index.ts';
import { type Lang } from '../../lib/lang.ts';
import { CARD_SIZES, card, cardPicture, cards, pager, time } from './components.ts';
import { homePath, isFallback, localized, pathOf, sectionPath, subsiteOf, tagPath, withSubsiteTheme, type NetworkContext, type PortalContext, type Rendered } from './context.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { formatDateTime, MESSAGES } from './i18n.ts';
import { breadcrumbData, page, relative, type Crumb } from './layout.ts';
import { portalTheme } from './theme.ts';
import { PER_PAGE, type PageDeps, feedLinks, homeCrumb, htmlResponse, itemKeys, listPathFor, organization, sameInEveryLanguage } from './page-common.ts';
// The HTML pages of the public site. Each renderer returns the response and
// the surrogate keys of everything on it (see modules/pagecache/keys.ts), so
// the page cache can drop exactly the pages a publication touches.

export { PER_PAGE, renderError, topicsOf, type PageDeps } from './page-common.ts';
export { renderItem, renderUnpublished, scrollableTables } from './item-page.ts';

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
        itemListElement: [...ctx.portals.map((p) => ({ url: `${p.url}/`, name: localized(p.name, ctx.lang) })), ...remote.map((r) => ({ url: `${r.url}/`, name: r.name[ctx.lang] ?? r.name.vi ?? r.slug }))].map((e, i) => ({
          '@type': 'ListItem',
          position: i + 1,
          ...e,
        })),
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
  const latest = await list(
    ['news', 'directive', 'press-release'],
    8,
    [...top, ...directives, ...press].map((i) => i.id),
  );
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
${
  top.length
    ? html`<section aria-labelledby="top-stories"><h2 id="top-stories">${m.portalHome.topStories}</h2>
${lead ? html`<ul class="cards"><li class="card top-story">${cardPicture(lead.meta, { eager: true, sizes: CARD_SIZES.lead })}<span class="kicker">${m.types[lead.type]}</span><h3><a href="${pathOf(lead.url)}">${lead.title}</a></h3><p>${lead.summary}</p><p class="meta">${time(lang, lead.publishedAt)}</p></li></ul>` : ''}
${secondary.length ? html`<ul class="cards three">${secondary.map((i, n) => card(ctx, i, { summary: false, picture: { sizes: CARD_SIZES.column, eager: n === eagerSecondary } }))}</ul>` : ''}
</section>`
    : html`<p>${m.list.empty}</p>`
}
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
