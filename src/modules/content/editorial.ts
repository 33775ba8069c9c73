import { sql } from 'kysely';
import { type Store, contains } from '../../store/index.ts';
import { fold } from '../../lib/text.ts';
import type { Lang } from '../../lib/lang.ts';
import type { State } from '../workflow/index.ts';
import type { AccountService } from '../accounts/index.ts';

// Read models of the newsroom (the admin's dashboard, lists, history), kept
// beside the content tables they read so no other module reaches into them.
// Lean rows, one query per list: the dashboard is opened all day long.

export interface EditorialRow {
  id: number;
  groupId: number;
  type: string;
  lang: Lang;
  title: string;
  status: State;
  version: number;
  authorId: number | null;
  authorEmail: string | null;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
}

export interface EditorialFilter {
  statuses?: State[];
  authorId?: number;
  type?: string;
  lang?: string;
  /** words of the title or summary, diacritics ignored */
  q?: string;
  order?: 'updated' | 'published' | 'scheduled';
  limit?: number;
  offset?: number;
}

export interface SentBack extends EditorialRow {
  note: string | null;
  sentBackAt: string;
}

export interface TranslationGap {
  sourceId: number;
  sourceLang: Lang;
  title: string;
  /** languages with no version at all */
  missing: Lang[];
  /** languages whose version predates the source's last major change */
  outdated: { lang: Lang; id: number }[];
}

export interface RevisionRow {
  version: number;
  title: string;
  summary: string;
  body: string;
  meta: Record<string, unknown>;
  tags: string[];
  sectionId: number | null;
  authorId: number | null;
  authorEmail: string | null;
  note: string | null;
  createdAt: string;
}

export class EditorialQueries {
  constructor(
    private readonly store: Store,
    /** the emails of authors and actors, one query a list (accounts owns them) */
    private readonly accounts: Pick<AccountService, 'emailsOf'>,
  ) {}

  private base(portalId: number) {
    return this.store.db
      .selectFrom('content_items as ci')
      .select(['ci.id', 'ci.group_id', 'ci.type', 'ci.lang', 'ci.title', 'ci.status', 'ci.version', 'ci.author_id', 'ci.updated_at', 'ci.published_at', 'ci.scheduled_at'])
      .where('ci.portal_id', '=', portalId);
  }

  /** `rows` with the email of the account each names in `key` (null: none, or an account since gone). */
  private async withEmails<K extends string, R extends Record<K, number | null>>(rows: R[], key: K): Promise<(R & { email: string | null })[]> {
    const emails = await this.accounts.emailsOf(rows.flatMap((r) => (r[key] === null ? [] : [r[key]])));
    return rows.map((r) => ({ ...r, email: r[key] === null ? null : (emails.get(r[key]) ?? null) }));
  }

  async list(portalId: number, filter: EditorialFilter = {}): Promise<EditorialRow[]> {
    let q = this.base(portalId);
    if (filter.statuses) q = filter.statuses.length ? q.where('ci.status', 'in', filter.statuses) : q.where(sql<boolean>`1 = 0`);
    if (filter.authorId !== undefined) q = q.where('ci.author_id', '=', filter.authorId);
    if (filter.type) q = q.where('ci.type', '=', filter.type);
    if (filter.lang) q = q.where('ci.lang', '=', filter.lang);
    if (filter.q?.trim()) {
      for (const word of fold(filter.q).split(/\s+/).filter(Boolean).slice(0, 8)) {
        q = q.where(contains(this.store, sql.ref('ci.search_text'), word));
      }
    }
    const order = filter.order === 'published' ? 'ci.published_at' : filter.order === 'scheduled' ? 'ci.scheduled_at' : 'ci.updated_at';
    const rows = await q
      .orderBy(order, filter.order === 'scheduled' ? 'asc' : 'desc')
      .orderBy('ci.id', 'desc')
      .limit(Math.min(Math.max(filter.limit ?? 20, 1), 200))
      .offset(filter.offset ?? 0)
      .execute();
    return (await this.withEmails(rows, 'author_id')).map((r) => toRow({ ...r, author_email: r.email }));
  }

  async countsByStatus(portalId: number): Promise<Record<State, number>> {
    const rows = await this.store.db
      .selectFrom('content_items')
      .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('portal_id', '=', portalId)
      .groupBy('status')
      .execute();
    const out: Record<State, number> = { draft: 0, submitted: 0, approved: 0, scheduled: 0, published: 0, unpublished: 0 };
    for (const r of rows) if (r.status in out) out[r.status as State] = Number(r.n);
    return out;
  }

  /** Drafts of `authorId` whose last transition sent them back, with the note saying why. */
  async sentBackTo(portalId: number, authorId: number, limit = 10): Promise<SentBack[]> {
    const drafts = await this.list(portalId, { statuses: ['draft'], authorId, limit: 100 });
    if (drafts.length === 0) return [];
    const transitions = await this.store.db
      .selectFrom('workflow_transitions')
      .select(['item_id', 'action', 'note', 'at', 'id'])
      .where(
        'item_id',
        'in',
        drafts.map((d) => d.id),
      )
      .orderBy('id', 'desc')
      .execute();
    const last = new Map<number, (typeof transitions)[number]>();
    for (const t of transitions) if (!last.has(t.item_id)) last.set(t.item_id, t);
    const out: SentBack[] = [];
    for (const d of drafts) {
      const t = last.get(d.id);
      if (t?.action === 'reject') out.push({ ...d, note: t.note, sentBackAt: t.at });
    }
    return out.slice(0, limit);
  }

  /**
   * Items lacking a version in some of the portal's languages, or whose
   * version predates the source's last major change. The source of a group
   * is its Vietnamese item (else its oldest); only published sources count:
   * a draft is not yet worth translating.
   */
  async translationGaps(portalId: number, languages: Lang[], limit = 20): Promise<TranslationGap[]> {
    if (languages.length < 2) return [];
    const { db } = this.store;
    const sources = await db
      .selectFrom('content_items')
      .select(['id', 'group_id', 'lang', 'title', 'public_updated_at', 'published_at'])
      .where('portal_id', '=', portalId)
      .where('status', '=', 'published')
      .where('lang', '=', 'vi')
      .orderBy('published_at', 'desc')
      .limit(300)
      .execute();
    if (sources.length === 0) return [];
    const siblings = await db
      .selectFrom('content_items')
      .select(['id', 'group_id', 'lang', 'updated_at', 'created_at'])
      .where(
        'group_id',
        'in',
        sources.map((s) => s.group_id),
      )
      .where('lang', '!=', 'vi')
      .execute();
    const byGroup = new Map<number, typeof siblings>();
    for (const s of siblings) byGroup.set(s.group_id, [...(byGroup.get(s.group_id) ?? []), s]);
    const gaps: TranslationGap[] = [];
    for (const src of sources) {
      const versions = byGroup.get(src.group_id) ?? [];
      const missing = languages.filter((l) => l !== 'vi' && !versions.some((v) => v.lang === l));
      const changed = src.public_updated_at ?? src.published_at ?? '';
      const outdated = versions.filter((v) => v.updated_at < changed).map((v) => ({ lang: v.lang as Lang, id: v.id }));
      if (missing.length || outdated.length) gaps.push({ sourceId: src.id, sourceLang: 'vi', title: src.title, missing, outdated });
      if (gaps.length >= limit) break;
    }
    return gaps;
  }

  /** Every saved version of an item, newest first, with whole contents (for diffs and restore). */
  async revisions(itemId: number): Promise<RevisionRow[]> {
    const rows = await this.store.db
      .selectFrom('revisions as r')
      .select(['r.version', 'r.title', 'r.summary', 'r.body', 'r.meta', 'r.tags', 'r.section_id', 'r.author_id', 'r.note', 'r.created_at'])
      .where('r.item_id', '=', itemId)
      .orderBy('r.version', 'desc')
      .execute();
    return (await this.withEmails(rows, 'author_id')).map((r) => ({
      version: r.version,
      title: r.title,
      summary: r.summary,
      body: r.body,
      meta: JSON.parse(r.meta) as Record<string, unknown>,
      tags: JSON.parse(r.tags) as string[],
      sectionId: r.section_id,
      authorId: r.author_id,
      authorEmail: r.email,
      note: r.note,
      createdAt: r.created_at,
    }));
  }

  /** Who wrote an item (ownership decides what a writer may do with it). */
  async authorOf(itemId: number): Promise<number | null> {
    const row = await this.store.db.selectFrom('content_items').select('author_id').where('id', '=', itemId).executeTakeFirst();
    return row?.author_id ?? null;
  }

  /** Workflow transitions of an item, oldest first, with the actor's email. */
  async transitions(itemId: number) {
    const rows = await this.store.db.selectFrom('workflow_transitions as t').select(['t.action', 't.from_status', 't.to_status', 't.note', 't.at', 't.actor_id']).where('t.item_id', '=', itemId).orderBy('t.id').execute();
    return (await this.withEmails(rows, 'actor_id')).map(({ actor_id: _, email, ...t }) => ({ ...t, actor_email: email }));
  }

  /** The titles of these items, whatever their state (lists of other modules' records that name an item). */
  async titles(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.store.db.selectFrom('content_items').select(['id', 'title']).where('id', 'in', unique).execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** A portal's own published items (none received from the network), newest first: what it may propose to its network. */
  async ownPublished(portalId: number, limit = 40): Promise<{ id: number; title: string; lang: Lang }[]> {
    const rows = await this.store.db
      .selectFrom('content_items')
      .select(['id', 'title', 'lang'])
      .where('portal_id', '=', portalId)
      .where('status', '=', 'published')
      .where('origin', 'is', null)
      .orderBy('published_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, title: r.title, lang: r.lang as Lang }));
  }
}

function toRow(r: {
  id: number;
  group_id: number;
  type: string;
  lang: string;
  title: string;
  status: string;
  version: number;
  author_id: number | null;
  author_email: string | null;
  updated_at: string;
  published_at: string | null;
  scheduled_at: string | null;
}): EditorialRow {
  return {
    id: r.id,
    groupId: r.group_id,
    type: r.type,
    lang: r.lang as Lang,
    title: r.title,
    status: r.status as State,
    version: r.version,
    authorId: r.author_id,
    authorEmail: r.author_email,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    scheduledAt: r.scheduled_at,
  };
}
