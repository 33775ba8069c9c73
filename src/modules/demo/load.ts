import type { Services } from '../../app.ts';
import { ContentService } from '../content/service.ts';
import type { Actor } from '../workflow/rules.ts';
import type { Role } from '../accounts/service.ts';
import type { DemoItem, DemoPortal } from './types.ts';
import { placeDemoAssets, placeDemoCovers, withPlacedAssets, type PlacedAsset } from './assets.ts';
import { DemoPictureCache } from './picture-cache.ts';
import type { PictureRef } from '../media/service.ts';
import { writeDemoTraffic } from './traffic.ts';

// Loads the demo network through the same services the API uses, so a demo
// item went through validation, sanitizing, slugs, revisions and the
// workflow like any other. Publication times are spread over past days by
// giving the loader its own clock.

export const DEMO_PASSWORD = 'lantoa-demo-2026';

export interface DemoAccount {
  email: string;
  portal: string;
  role: Role;
}

export interface DemoSummary {
  /** the demo accounts' password, printed for the newcomer */
  password: string;
  portals: { slug: string; url: string; items: number }[];
  accounts: DemoAccount[];
}

/** Accounts the demo creates: every role at the central portal, an admin and an editor-in-chief everywhere. */
export function demoAccounts(network: DemoPortal[]): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  for (const p of network) {
    accounts.push({ email: `admin@${p.slug}.demo`, portal: p.slug, role: 'admin' });
    accounts.push({ email: `tongbientap@${p.slug}.demo`, portal: p.slug, role: 'editor-in-chief' });
  }
  for (const role of ['editor', 'writer', 'feedback-officer', 'analyst'] as const) {
    accounts.push({ email: `${role}@chinhphu.demo`, portal: 'chinhphu', role });
  }
  return accounts;
}

export async function isStoreEmpty(services: Services): Promise<boolean> {
  const row = await services.store.db.selectFrom('portals').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** Picture colours by kind of portal, close to the public site's own. */
const KIND_COLOURS: Record<string, string> = { central: '#a3161d', ministry: '#0b4f8a', province: '#17663a', agency: '#5b2a86', commune: '#8a4b0b' };

export interface LoadOptions {
  /**
   * Draw and upload the pictures and PDFs the demo content names (default
   * true). Tests that only read text turn it off to save the image encoding.
   */
  assets?: boolean;
  /** Write 30 days of sample readership into the analytics rollups (default true). */
  traffic?: boolean;
  /** Where drawn pictures and their variants are kept between loads (default: LANTOA_DEMO_CACHE_DIR or a directory under the system's temporary directory). */
  pictureCacheDir?: string;
}

/** Types whose demo items get a drawn cover; a gallery's cover is its first picture. */
const COVERED = new Set(['news', 'directive', 'press-release', 'video']);

/** The item's meta with a cover (and a video's poster) when it has none of its own. */
function coverFor(item: DemoItem, meta: Record<string, unknown> | undefined, design: PictureRef): Record<string, unknown> | undefined {
  if (meta?.cover) return meta;
  if (item.type === 'gallery') {
    const first = Array.isArray(meta?.images) ? (meta.images as { src: string; srcset?: string; caption?: string; alt?: string; width?: number; height?: number }[])[0] : undefined;
    if (!first || !first.src.startsWith('/media/')) return meta;
    return { ...meta, cover: { src: first.src, alt: first.alt ?? first.caption ?? '', ...(first.srcset ? { srcset: first.srcset } : {}), ...(first.width ? { width: first.width, height: first.height } : {}) } };
  }
  if (!COVERED.has(item.type)) return meta;
  const { mediaId, src, srcset, alt, width, height } = design;
  const cover = { mediaId, src, alt, ...(srcset ? { srcset } : {}), ...(width && height ? { width, height } : {}) };
  return { ...(meta ?? {}), cover, ...(item.type === 'video' && !meta?.poster ? { poster: src } : {}) };
}

/** The picture fields a translation shares with its original. */
function pictureFields(meta: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (meta?.cover) out.cover = meta.cover;
  if (meta?.poster) out.poster = meta.poster;
  return out;
}

export async function loadDemo(services: Services, network?: DemoPortal[], opts: LoadOptions = {}): Promise<DemoSummary> {
  const demo = network ?? (await import('./content/index.ts')).demoNetwork;
  const { portals, accounts } = services;
  const loadStart = services.clock().getTime();
  let now = loadStart;
  const content = new ContentService(services.store, portals, services.outbox, () => new Date(now));

  // parents first
  const ordered = [...demo].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
  for (const p of ordered) {
    const portal = await portals.create({ slug: p.slug, kind: p.kind, parent: p.parent, names: p.names, languages: p.languages, contact: p.contact });
    // a sub-site's own sections come after it
    const sections = [...p.sections].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
    for (const [position, s] of sections.entries()) {
      await portals.createSection(portal, {
        slug: s.slug,
        kind: s.kind,
        parent: s.parent,
        names: s.names,
        description: s.description,
        themeColor: s.themeColor,
        position,
        menu: s.kind === 'subsite' ? sections.filter((c) => c.parent === s.slug).map((c) => ({ label: c.names, href: `/${c.slug}` })) : [],
      });
    }
  }

  const accountList = demoAccounts(demo);
  const ids = new Map<string, number>();
  for (const a of accountList) {
    const portal = await portals.require(a.portal);
    const acc = await accounts.addUser({ email: a.email, portalId: portal.id, role: a.role, password: DEMO_PASSWORD });
    ids.set(`${a.portal}:${a.role}`, acc.id);
  }

  const summary: DemoSummary = { password: DEMO_PASSWORD, portals: [], accounts: accountList };
  const cache = new DemoPictureCache(opts.pictureCacheDir);
  for (const p of demo) {
    const portal = await portals.require(p.slug);
    const placed: Map<string, PlacedAsset> = opts.assets === false ? new Map() : await placeDemoAssets(services.media, { id: portal.id, slug: portal.slug, name: p.names.vi }, p, KIND_COLOURS[p.kind] ?? '#334155', cache);
    const designs = opts.assets === false ? [] : await placeDemoCovers(services.media, portal, cache, 'Hình minh hoạ trừu tượng (ảnh trình diễn)');
    let nextDesign = 0;
    const chief: Actor = { accountId: ids.get(`${p.slug}:editor-in-chief`)!, roles: ['editor-in-chief'] };
    // oldest first, so ids grow with publication time as they would in real life
    const items = [...p.items].sort((a, b) => b.daysAgo - a.daysAgo);
    let count = 0;
    for (const it of items) {
      now = loadStart - Math.round(it.daysAgo * 86_400_000);
      const withCover = designs.length ? coverFor(it, withPlacedAssets(it.meta, placed), designs[(COVERED.has(it.type) ? nextDesign++ : 0) % designs.length]) : withPlacedAssets(it.meta, placed);
      const original = await content.create(portal, chief, { type: it.type, lang: 'vi', title: it.title, summary: it.summary, body: it.body, section: it.section, tags: it.tags, meta: withCover });
      await content.act(original, chief, { action: 'publish' });
      count++;
      for (const lang of ['en', 'zh'] as const) {
        const t = it.translations?.[lang];
        if (!t || !portal.languages.includes(lang)) continue;
        now = Math.min(now + 60 * 60 * 1000, loadStart); // translated an hour later
        const tr = await content.create(portal, chief, { type: it.type, lang, title: t.title, summary: t.summary, body: t.body, section: it.section, tags: [], meta: { ...withPlacedAssets({ ...(it.meta ?? {}), ...(t.meta ?? {}) }, placed), ...pictureFields(withCover) }, translationOf: original.id });
        await content.act(tr, chief, { action: 'publish' });
        count++;
      }
    }
    summary.portals.push({ slug: p.slug, url: portal.url, items: count });
  }
  if (opts.traffic !== false) {
    // the dashboards and the network view start with a month of made-up readers rather than empty
    const all = await portals.list();
    const withPaths = [];
    for (const portal of all) {
      const items = await content.listPublished(portal, { lang: 'vi' }, { limit: 30 });
      withPaths.push({ portal, paths: items.map((i) => new URL(i.url).pathname) });
    }
    const today = new Date(loadStart + 7 * 3600_000).toISOString().slice(0, 10);
    await writeDemoTraffic(services.store, withPaths, today, { days: 30 });
  }
  return summary;
}
