import type { Services } from '../services.ts';
import { ContentService } from '../modules/content/index.ts';
import { AuditService } from '../modules/audit/index.ts';
import type { RequestContext } from '../lib/request-context.ts';
import type { Role } from '../modules/accounts/index.ts';
import type { DemoItem, DemoPortal } from './types.ts';
import { COVERED_TYPES, coverKey, demoPictures, placeDemoPdfs, placeDemoPicture, placeWaitingPicture, withPlacedAssets, type DemoPicture, type PlacedAsset, type PlacedPicture } from './assets.ts';
import { DemoPictureCache } from './picture-cache.ts';
import type { PictureRef } from '../modules/media/index.ts';
import type { Portal } from '../modules/portals/index.ts';
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
  /**
   * Settles when every demo picture is drawn and attached to its items: at
   * once with `pictures: 'wait'`; with 'background', after the pictures the
   * cache did not keep have been drawn (minutes on a fresh machine).
   */
  pictures: Promise<PicturesReport>;
  /** how many pictures were left for the background when the load returned */
  picturesPending: number;
}

export interface PicturesReport {
  /** pictures drawn and encoded by this load */
  drawn: number;
  /** pictures read back from the drawing cache */
  kept: number;
  /** items whose pictures were attached after they were written (background drawing) */
  attached: number;
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
  return !(await services.portals.any());
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
  /**
   * When the pictures the cache does not keep are drawn (about 1–2 s each,
   * 150-odd for the whole network). 'wait' (the default): before the items
   * are written, so every item has its pictures when the load returns.
   * 'background': the items are written at once with the pictures the cache
   * keeps; the others are drawn afterwards, newest items' first, and each is
   * attached to its items as it is done (their cached pages dropped), so a
   * fresh `lantoa start` serves within seconds. `DemoSummary.pictures` says
   * when all are attached.
   */
  pictures?: 'wait' | 'background';
  /** Stops background drawing after the picture under way (shutdown). */
  signal?: AbortSignal;
}

/** The item's meta with a cover (and a video's poster) when it has none of its own. */
function coverFor(item: DemoItem, meta: Record<string, unknown> | undefined, design: PictureRef | undefined, standIn?: string): Record<string, unknown> | undefined {
  if (meta?.cover) return meta;
  if (item.type === 'gallery') {
    const first = Array.isArray(meta?.images) ? (meta.images as { src: string; srcset?: string; caption?: string; alt?: string; width?: number; height?: number }[])[0] : undefined;
    // a picture still being drawn makes no cover
    if (!first || !first.src.startsWith('/media/') || first.src === standIn) return meta;
    return { ...meta, cover: { src: first.src, alt: first.alt ?? first.caption ?? '', ...(first.srcset ? { srcset: first.srcset } : {}), ...(first.width ? { width: first.width, height: first.height } : {}) } };
  }
  if (!COVERED_TYPES.has(item.type) || !design) return meta;
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
  // the demo's own clock walks back through the items' dates, for their audit rows too
  const demoClock = () => new Date(now);
  const content = new ContentService(services.store, portals, services.outbox, new AuditService(services.store, demoClock), demoClock);

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

  const cache = new DemoPictureCache(opts.pictureCacheDir);
  const withAssets = opts.assets !== false;
  const waitForPictures = opts.pictures !== 'background';
  const report: PicturesReport = { drawn: 0, kept: 0, attached: 0 };
  /** What each portal's pictures are, which are placed, and the items written so far (to attach late pictures to). */
  const states: PortalPictures[] = [];
  const portalsOut: DemoSummary['portals'] = [];
  for (const p of demo) {
    const portal = await portals.require(p.slug);
    const state: PortalPictures = { portal, demo: p, pdfs: new Map(), pictures: new Map(), pending: [], written: [] };
    states.push(state);
    if (withAssets) {
      state.pdfs = await placeDemoPdfs(services.media, { id: portal.id, slug: portal.slug, name: p.names.vi }, p);
      await pool(demoPictures(p.slug, p, KIND_COLOURS[p.kind] ?? '#334155'), 2, async (picture) => {
        const kept = await cache.ready(picture.inputs);
        if (!kept && !waitForPictures) return void state.pending.push(picture);
        const data = kept ?? (await cache.drawn(picture.inputs, picture.draw));
        if (kept) report.kept++;
        else report.drawn++;
        state.pictures.set(picture.key, await placeDemoPicture(services.media, portal, picture, data, cache));
      });
      if (state.pending.some((picture) => !picture.key.startsWith('cover:'))) state.waiting = await placeWaitingPicture(services.media, portal, KIND_COLOURS[p.kind] ?? '#334155');
    }
    // the portal's editor-in-chief writes and publishes its demo items, by way of the command line
    const chiefAccount = accountList.find((a) => a.portal === p.slug && a.role === 'editor-in-chief')!;
    const chief: RequestContext = { account: { id: ids.get(`${p.slug}:editor-in-chief`)!, email: chiefAccount.email }, portalId: portal.id, roles: ['editor-in-chief'], ip: 'cli', userAgent: 'cli' };
    // oldest first, so ids grow with publication time as they would in real life
    const items = [...p.items.entries()].sort(([, a], [, b]) => b.daysAgo - a.daysAgo);
    let count = 0;
    for (const [index, it] of items) {
      now = loadStart - Math.round(it.daysAgo * 86_400_000);
      const original = await content.create(portal, chief, { type: it.type, lang: 'vi', title: it.title, summary: it.summary, body: it.body, section: it.section, tags: it.tags, meta: itemMeta(state, index, 'vi') });
      await content.act(original, chief, { action: 'publish' });
      state.written.push({ id: original.id, index, lang: 'vi' });
      count++;
      for (const lang of ['en', 'zh'] as const) {
        const t = it.translations?.[lang];
        if (!t || !portal.languages.includes(lang)) continue;
        now = Math.min(now + 60 * 60 * 1000, loadStart); // translated an hour later
        const tr = await content.create(portal, chief, { type: it.type, lang, title: t.title, summary: t.summary, body: t.body, section: it.section, tags: [], meta: itemMeta(state, index, lang), translationOf: original.id });
        await content.act(tr, chief, { action: 'publish' });
        state.written.push({ id: tr.id, index, lang });
        count++;
      }
    }
    portalsOut.push({ slug: p.slug, url: portal.url, items: count });
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
  const pending = states.reduce((n, s) => n + s.pending.length, 0);
  // started last, so nothing is attached before the load returns
  const pictures = pending ? drawLate(services, cache, states, report, opts.signal) : Promise.resolve(report);
  return { password: DEMO_PASSWORD, portals: portalsOut, accounts: accountList, pictures, picturesPending: pending };
}

interface PortalPictures {
  portal: Portal;
  demo: DemoPortal;
  pdfs: Map<string, PlacedAsset>;
  /** placed pictures by DemoPicture.key */
  pictures: Map<string, PlacedPicture>;
  /** stands in for gallery pictures still being drawn */
  waiting?: PlacedAsset;
  /** pictures left for the background, newest items' first */
  pending: DemoPicture[];
  written: { id: number; index: number; lang: 'vi' | 'en' | 'zh' }[];
}

/**
 * An item's meta (or a translation's) with every file placed so far: a cover
 * not drawn yet is left out (the card shows none), a gallery picture not drawn
 * yet is the portal's plain stand-in.
 */
function itemMeta(state: PortalPictures, index: number, lang: 'vi' | 'en' | 'zh'): Record<string, unknown> | undefined {
  const it = state.demo.items[index];
  const placed = new Map(state.pdfs);
  for (const picture of state.pending) if (state.waiting && !picture.key.startsWith('cover:')) placed.set(picture.key, state.waiting);
  for (const [key, p] of state.pictures) if (!key.startsWith('cover:')) placed.set(key, p.asset);
  const original = coverFor(it, withPlacedAssets(it.meta, placed), state.pictures.get(coverKey(index))?.ref, state.waiting?.url);
  if (lang === 'vi') return original;
  const t = it.translations?.[lang];
  return { ...withPlacedAssets({ ...(it.meta ?? {}), ...(t?.meta ?? {}) }, placed), ...pictureFields(original) };
}

/**
 * Draws the pictures the load left for later, one at a time (the other core
 * serves readers), newest items' first, and attaches each to the items that
 * show it: their stored meta and revision are rewritten in place (the demo
 * writing its own content, not an editor's change: no new revision, no new
 * date) and the content service's change notice drops their cached pages and
 * API answers. The search index is brought up to date at the end.
 */
async function drawLate(services: Services, cache: DemoPictureCache, states: PortalPictures[], report: PicturesReport, signal?: AbortSignal): Promise<PicturesReport> {
  const queue = states.flatMap((state) => state.pending.map((picture) => ({ state, picture }))).sort((a, b) => a.picture.age - b.picture.age);
  for (const { state, picture } of queue) {
    if (signal?.aborted) return report;
    const data = await cache.drawn(picture.inputs, picture.draw);
    report.drawn++;
    state.pictures.set(picture.key, await placeDemoPicture(services.media, state.portal, picture, data, cache));
    const index = picture.key.startsWith('cover:') ? Number(picture.key.slice('cover:'.length)) : -1;
    const touched = state.written.filter((w) => (index >= 0 ? w.index === index : wantedBy(state.demo.items[w.index], picture.key)));
    for (const w of touched) {
      if (await services.content.replaceMetaInPlace(w.id, itemMeta(state, w.index, w.lang) ?? {})) report.attached++;
    }
  }
  await services.search.reindex();
  await services.pagecache.settled();
  return report;
}

/** Whether the item (or one of its translations) names the placeholder picture. */
function wantedBy(item: DemoItem, path: string): boolean {
  const metas = [item.meta, item.translations?.en?.meta, item.translations?.zh?.meta];
  return metas.some((m) => Array.isArray(m?.images) && (m.images as { src?: unknown }[]).some((img) => img.src === path));
}

/** Runs `work` over `inputs`, `width` at a time (sharp's threads are few on a 2-core machine). */
async function pool<T>(inputs: T[], width: number, work: (input: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, inputs.length) }, async () => {
      while (next < inputs.length) await work(inputs[next++]);
    }),
  );
}
