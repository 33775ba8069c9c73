import type { Store } from '../../store/index.ts';
import { langPrefix, type Lang } from '../../lib/lang.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import type { State } from '../workflow/index.ts';
import type { Item, ItemSummary, PublicListing, Row } from './model.ts';
import type { ContentType } from './types.ts';

// Stored rows to the items and list entries the API and the site show.

/** Where the mapping looks up what a row holds only by id: its section's slug, its portal, its translations. */
export interface ItemSources {
  store: Store;
  portals: PortalService;
}

/** The public URL of an item: portal base, language prefix, section (or type), slug. */
export function itemUrl(portal: Portal, lang: Lang, sectionSlug: string | null, type: string, slug: string): string {
  return `${portal.url}${langPrefix(lang)}/${sectionSlug ?? type}/${slug}`;
}

/** The columns of a PublicListing as a query reads them. */
export interface ListingRow {
  id: number;
  type: string;
  lang: string;
  slug: string;
  title: string;
  summary: string;
  tags: string;
  meta: string;
  published_at: string | null;
  first_published_at: string | null;
  public_updated_at: string | null;
  section_slug: string | null;
}

/** A list row as the public site shows it. */
export function toListing(portal: Portal, r: ListingRow): PublicListing {
  return {
    id: r.id,
    portal: portal.slug,
    type: r.type as ContentType,
    lang: r.lang as Lang,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    url: itemUrl(portal, r.lang as Lang, r.section_slug, r.type, r.slug),
    section: r.section_slug,
    tags: JSON.parse(r.tags) as string[],
    meta: JSON.parse(r.meta) as Record<string, unknown>,
    publishedAt: r.published_at ?? '',
    firstPublishedAt: r.first_published_at ?? r.published_at ?? '',
    publicUpdatedAt: r.public_updated_at ?? r.published_at ?? '',
  };
}

export async function toItem(from: ItemSources, row: Row, publicView: boolean, withNotes = true): Promise<Item> {
  return (await toItems(from, [row], publicView, withNotes))[0];
}

/** Rows to API items with a fixed number of queries however many rows: sections, translations and notes in one go each. */
export async function toItems(from: ItemSources, rows: Row[], publicView: boolean, withNotes: boolean): Promise<Item[]> {
  if (rows.length === 0) return [];
  const { db } = from.store;
  const sectionIds = [...new Set(rows.map((r) => r.section_id).filter((id): id is number => id !== null))];
  const groupIds = [...new Set(rows.map((r) => r.group_id))];
  const [sections, siblings, notes] = await Promise.all([
    sectionIds.length ? db.selectFrom('sections').select(['id', 'slug']).where('id', 'in', sectionIds).execute() : [],
    db.selectFrom('content_items').select(['id', 'group_id', 'lang', 'status']).where('group_id', 'in', groupIds).execute(),
    withNotes
      ? db
          .selectFrom('change_notes')
          .select(['item_id', 'created_at', 'note', 'kind'])
          .where(
            'item_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('id', 'desc')
          .execute()
      : [],
  ]);
  const sectionSlug = new Map(sections.map((x) => [x.id, x.slug]));
  const items: Item[] = [];
  for (const row of rows) {
    const portal = (await from.portals.byId(row.portal_id))!;
    const translations: Partial<Record<Lang, number>> = {};
    for (const s of siblings) if (s.group_id === row.group_id && s.id !== row.id && (!publicView || s.status === 'published')) translations[s.lang as Lang] = s.id;
    const section = row.section_id === null ? null : (sectionSlug.get(row.section_id) ?? null);
    items.push({
      id: row.id,
      portal: portal.slug,
      type: row.type as ContentType,
      lang: row.lang as Lang,
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      body: row.body,
      url: itemUrl(portal, row.lang as Lang, section, row.type, row.slug),
      section,
      tags: JSON.parse(row.tags) as string[],
      status: row.status as State,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      firstPublishedAt: row.first_published_at,
      publicUpdatedAt: row.public_updated_at,
      scheduledAt: row.scheduled_at,
      translations,
      meta: JSON.parse(row.meta) as Record<string, unknown>,
      changeNotes: notes.filter((n) => n.item_id === row.id && (!publicView || n.kind === 'major')).map((n) => ({ at: n.created_at, note: n.note, kind: n.kind as 'major' | 'minor' })),
      unpublished: row.unpublish_kind ? { kind: row.unpublish_kind as 'withdrawn' | 'gone', reason: row.unpublish_reason ?? '' } : null,
      origin: row.origin ? (JSON.parse(row.origin) as unknown) : null,
    });
  }
  return items;
}

/** An item as lists give it: without its body and change notes. */
export function summaryOf(item: Item): ItemSummary {
  // the two fields are named to leave them out
  const { body: _body, changeNotes: _changeNotes, ...rest } = item;
  return rest;
}
