import { slugify } from '../../lib/text.ts';

// Surrogate keys: the names of what a cached page shows. A page carries one
// key per item it shows (`item-42`) and one per list it is a view of
// (`section-chinhphu-tin-tuc-vi`). Invalidating an item drops every page that
// shows it; invalidating a list drops the pages where a new item may now
// appear. The same names go out in the Surrogate-Key header, so a CDN can
// purge exactly what this process drops. Keys are ASCII without spaces.

export const surrogateKeys = {
  item: (id: number) => `item-${id}`,
  home: (portal: string, lang: string) => `home-${portal}-${lang}`,
  /** Every page of a portal in one language that shows its breaking-news banner (tin nóng): all of them. */
  banner: (portal: string, lang: string) => `banner-${portal}-${lang}`,
  section: (portal: string, section: string, lang: string) => `section-${portal}-${section}-${lang}`,
  type: (portal: string, type: string, lang: string) => `type-${portal}-${type}-${lang}`,
  tag: (portal: string, tag: string, lang: string) => `tag-${portal}-${tagKey(tag)}-${lang}`,
  /** Items whose own field (meta.field of legal documents, procedures) is this: for pages listing items by field. */
  field: (portal: string, field: string, lang: string) => `field-${portal}-${tagKey(field)}-${lang}`,
  /** Published citizen answers (hỏi đáp) on one field: on every page that lists them (articles tagged with, or of, that field). */
  answers: (portal: string, field: string) => `answers-${portal}-${tagKey(field)}`,
  sitemap: (portal: string) => `sitemap-${portal}`,
  /** Every page of a portal: for changes to the portal itself (name, sections, contact). */
  portal: (portal: string) => `portal-${portal}`,
  network: () => 'network',
  /** Any publication in a portal: for API lists, whose filters can combine in too many ways to key each. */
  publications: (portal: string) => `publications-${portal}`,
};

/** Tags are free text in any script; the key uses their folded slug, or a hash when nothing Latin is left. */
function tagKey(tag: string): string {
  // every article view names the keys of its topics, and folding text is not cheap: remembered, within bounds
  let key = tagKeys.get(tag);
  if (key === undefined) {
    if (tagKeys.size >= 10_000) tagKeys.clear();
    tagKeys.set(tag, (key = computeTagKey(tag)));
  }
  return key;
}
const tagKeys = new Map<string, string>();

function computeTagKey(tag: string): string {
  const slug = slugify(tag, 60);
  if (slug) return slug;
  let h = 2166136261;
  for (const ch of tag.normalize('NFC')) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return `h${h.toString(36)}`;
}
