import type { ContentService, PublicListing, Tombstone } from '../../modules/content/index.ts';
import type { Section } from '../../modules/portals/index.ts';
import { surrogateKeys as K } from '../../modules/pagecache/index.ts';
import { langPrefix } from '../../lib/lang.ts';
import { localized, type PortalContext, type Rendered } from './context.ts';
import { xml } from './html.ts';

// Syndication per portal, per section and per language, in three formats:
// RSS 2.0, Atom (RFC 4287, with RFC 6721 tombstones for withdrawn items so
// readers and aggregators drop them) and JSON Feed 1.1. Entry ids are the
// items' public URLs, which never change once an item has been published.

export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FILES: Record<string, FeedFormat> = { 'feed.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };
const FEED_SIZE = 30;

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const rfc822 = (isoTime: string) => new Date(isoTime).toUTCString();

export async function renderFeed(ctx: PortalContext, section: Section | undefined, format: FeedFormat, content: ContentService): Promise<Rendered> {
  const { portal, lang, m } = ctx;
  const sectionIds = section ? [section.id, ...ctx.sections.filter((s) => s.parent === section.slug).map((s) => s.id)] : undefined;
  const [items, tombstones] = await Promise.all([
    content.listPublished(portal, { lang, sectionIds }, { limit: FEED_SIZE }),
    format === 'atom' ? content.recentlyUnpublished(portal, { lang, sectionIds }, FEED_SIZE) : Promise.resolve([] as Tombstone[]),
  ]);
  const portalName = localized(portal.name, lang);
  const title = section ? `${portalName} – ${localized(section.name, lang)}` : portalName;
  const description = (section?.description[lang] ?? (section ? localized(section.name, lang) : m.network.intro)) || title;
  const prefix = `${ctx.base}${langPrefix(lang)}`;
  const home = section ? `${prefix}/${section.slug}` : `${prefix}/`;
  const selfBase = section ? `${prefix}/${section.slug}` : prefix;
  const self = `${selfBase}/${format === 'rss' ? 'feed.xml' : format === 'atom' ? 'atom.xml' : 'feed.json'}`;
  const updated = [...items.map((i) => i.publicUpdatedAt), ...tombstones.map((t) => t.unpublishedAt)].sort().pop() ?? new Date(0).toISOString();
  const keys = [section ? K.section(portal.slug, section.slug, lang) : K.home(portal.slug, lang), K.portal(portal.slug), ...items.map((i) => K.item(i.id)), ...tombstones.map((t) => K.item(t.id))];

  let body: string;
  if (format === 'rss') body = rss({ title, description, home, self, lang, updated, items });
  else if (format === 'atom') body = atom({ title, description, home, self, lang, updated, items, tombstones, author: portalName, email: portal.contact.email, withdrawnText: m.feeds.withdrawnEntry });
  else body = jsonFeed({ title, description, home, self, lang, items, author: portalName });
  return { status: 200, contentType: CONTENT_TYPES[format], body, keys: [...new Set(keys)], cacheable: true };
}

interface FeedSpec {
  title: string;
  description: string;
  home: string;
  self: string;
  lang: string;
  updated: string;
  items: PublicListing[];
}

function rss(f: FeedSpec): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${
    xml`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${f.title}</title>
<link>${f.home}</link>
<description>${f.description}</description>
<language>${f.lang}</language>
<lastBuildDate>${rfc822(f.updated)}</lastBuildDate>
<generator>Lantoa</generator>
<atom:link href="${f.self}" rel="self" type="application/rss+xml"/>
${f.items.map(
  (i) => xml`<item>
<title>${i.title}</title>
<link>${i.url}</link>
<description>${i.summary || i.title}</description>
<guid isPermaLink="true">${i.url}</guid>
<pubDate>${rfc822(i.firstPublishedAt)}</pubDate>
${i.tags.map((t) => xml`<category>${t}</category>`)}
</item>
`,
)}</channel>
</rss>
`.value
  }`;
}

function atom(f: FeedSpec & { tombstones: Tombstone[]; author: string; email: string; withdrawnText: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${
    xml`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0" xml:lang="${f.lang}">
<id>${f.self}</id>
<title>${f.title}</title>
<subtitle>${f.description}</subtitle>
<updated>${f.updated}</updated>
<link rel="self" type="application/atom+xml" href="${f.self}"/>
<link rel="alternate" type="text/html" href="${f.home}"/>
<author><name>${f.author}</name><email>${f.email}</email></author>
<generator>Lantoa</generator>
${f.items.map(
  (i) => xml`<entry>
<id>${i.url}</id>
<title>${i.title}</title>
<link rel="alternate" type="text/html" href="${i.url}"/>
<published>${i.firstPublishedAt}</published>
<updated>${i.publicUpdatedAt}</updated>
<summary>${i.summary || i.title}</summary>
${i.tags.map((t) => xml`<category term="${t}"/>`)}
</entry>
`,
)}${f.tombstones.map(
      (t) => xml`<at:deleted-entry ref="${t.url}" when="${t.unpublishedAt}"><at:comment>${f.withdrawnText}</at:comment></at:deleted-entry>
`,
    )}</feed>
`.value
  }`;
}

function jsonFeed(f: Omit<FeedSpec, 'updated'> & { author: string }): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: f.title,
    home_page_url: f.home,
    feed_url: f.self,
    description: f.description,
    language: f.lang,
    authors: [{ name: f.author }],
    items: f.items.map((i) => ({
      id: i.url,
      url: i.url,
      title: i.title,
      content_text: i.summary || i.title,
      summary: i.summary || undefined,
      date_published: i.firstPublishedAt,
      date_modified: i.publicUpdatedAt,
      tags: i.tags.length ? i.tags : undefined,
      language: i.lang,
    })),
  });
}
