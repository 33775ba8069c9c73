import { COPY_JS_PATH } from './assets.ts';
import type { Item, PublicListing } from '../../modules/content/index.ts';
import { type ContentType, coverOf, type CoverT } from '../../modules/content/index.ts';
import { surrogateKeys as K } from '../../modules/pagecache/index.ts';
import { type Lang } from '../../lib/lang.ts';
import { cards, day, effectStatus, fact, time } from './components.ts';
import { localized, sectionPath, subsiteOf, tagPath, withSubsiteTheme, type PortalContext, type Rendered } from './context.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { formatBytes, formatDateTime, formatDuration, MESSAGES } from './i18n.ts';
import { breadcrumbData, page, relative, type Crumb } from './layout.ts';
import { answerPath, answersPath } from './feedback-pages.ts';
import { renderError, type PageDeps, homeCrumb, htmlResponse, itemKeys, organization, topicsOf } from './page-common.ts';

// An item's own page: article, directive, legal document, procedure, video or
// gallery, with its structured data, share links and translation notice; and
// the page a withdrawn item leaves behind.

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
  return body.replace(/<table\b/g, `<div class="table-scroll" role="region" tabindex="0" aria-label="${label.replace(/[&<>"]/g, '')}"><table`).replace(/<\/table>/g, '</table></div>');
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
  const str = (k: string) => (typeof meta[k] === 'string' && meta[k] ? meta[k] : undefined);
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
${
  attachments.length ? html`<ul>${attachments.map((a) => html`<li><a href="${a.url}" download>${a.name}</a>${a.size ? html` <span class="meta">(${formatBytes(ctx.lang, a.size)})</span>` : ''}</li>`)}</ul>` : html`<p>${m.noAttachments}</p>`
}`;
}

function procedureBlock(ctx: PortalContext, meta: Record<string, unknown>): SafeHtml {
  const m = ctx.m.procedure;
  const str = (k: string) => (typeof meta[k] === 'string' && meta[k] ? meta[k] : undefined);
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
${
  docs.length
    ? html`<h2>${m.requiredDocuments}</h2><div class="table-scroll" role="region" tabindex="0" aria-label="${m.requiredDocuments}"><table class="facts facts-list"><thead><tr><th scope="col">${m.requiredDocuments}</th><th scope="col">${m.quantity}</th><th scope="col">${m.template}</th></tr></thead><tbody>
${docs.map((d) => html`<tr><td>${d.name}</td><td>${d.quantity ?? ''}</td><td>${d.template ? html`<a href="${d.template}">${m.template}</a>` : ''}</td></tr>`)}</tbody></table></div>`
    : ''
}
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
    (
      img,
      n,
    ) => html`<figure>${img.srcset ? html`<picture><source type="image/webp" srcset="${img.srcset}" sizes="${GALLERY_SIZES}">` : ''}<img src="${img.src}" alt="${img.alt ?? img.caption ?? ''}"${n === 0 ? raw(' fetchpriority="high"') : raw(' loading="lazy"')} width="${img.width ?? 800}" height="${img.height ?? 533}">${img.srcset ? html`</picture>` : ''}
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
  const [translations, related] = await Promise.all([loaded.translations ?? (translationIds.length ? content.publishedByIds(translationIds) : Promise.resolve([])), content.relatedPublished(portal, item, sectionIds, 5, relatedLists)]);
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
