import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Selectable } from 'kysely';
import { NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { Portal } from '../portals/index.ts';
import { WorkingCalendar, type IsoDate } from './calendar.ts';
import { CLOSED, KINDS, defaultSettings, localDate, type CaseSummary, type FeedbackDeps, type FeedbackSettings, type Kind, type Personal, type Status } from './model.ts';
import { normalizePhone } from './privacy.ts';
import type { FeedbackCaseTable, FeedbackDB, FeedbackExecutor } from './tables.ts';

export type CaseRow = Selectable<FeedbackCaseTable>;

/**
 * What every part of the feedback module works with: the store, the clock,
 * the module's dependencies, each portal's settings and working calendar,
 * and the few readings of a case they all need (its personal data, its
 * contact keys, its inbox row, its thread with another deployment).
 */
export class FeedbackCore {
  readonly db: FeedbackDB;
  readonly clock: Clock;
  /** `answer-published` {portal, field}: in this process, at once (the page cache listens) */
  readonly changes = new EventEmitter();

  constructor(readonly deps: FeedbackDeps) {
    this.db = deps.store.db;
    this.clock = deps.clock ?? systemClock;
  }

  // ---------- settings and calendar ----------

  async settings(portalId: number): Promise<FeedbackSettings> {
    const row = await this.db.selectFrom('feedback_settings').select('settings').where('portal_id', '=', portalId).executeTakeFirst();
    const base = defaultSettings();
    if (!row) return base;
    const stored = JSON.parse(row.settings) as Partial<FeedbackSettings>;
    return { ...base, ...stored, answerWorkingDays: { ...base.answerWorkingDays, ...(stored.answerWorkingDays ?? {}) } };
  }

  async updateSettings(ctx: RequestContext, portal: Portal, patch: Partial<FeedbackSettings>): Promise<FeedbackSettings> {
    const errors: FieldError[] = [];
    const current = await this.settings(portal.id);
    const next: FeedbackSettings = { ...current, ...patch, answerWorkingDays: { ...current.answerWorkingDays, ...(patch.answerWorkingDays ?? {}) } };
    for (const k of KINDS)
      if (!Number.isInteger(next.answerWorkingDays[k]) || next.answerWorkingDays[k] < 1 || next.answerWorkingDays[k] > 90) errors.push({ path: `/answerWorkingDays/${k}`, message: 'must be a whole number of working days from 1 to 90' });
    if (!Number.isInteger(next.forwardWorkingDays) || next.forwardWorkingDays < 1 || next.forwardWorkingDays > 30) errors.push({ path: '/forwardWorkingDays', message: 'must be 1 to 30 working days' });
    if (!Number.isInteger(next.retentionDays) || next.retentionDays < 30 || next.retentionDays > 36500) errors.push({ path: '/retentionDays', message: 'must be 30 to 36500 days' });
    for (const key of ['extraHolidays', 'extraWorkingDays'] as const) {
      if (!Array.isArray(next[key]) || next[key].some((d) => typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)))) errors.push({ path: `/${key}`, message: 'must be a list of dates YYYY-MM-DD' });
    }
    if (!errors.some((e) => e.path === '/extraHolidays' || e.path === '/extraWorkingDays')) {
      // the calendar refuses impossible dates (30 February) and a day listed both ways
      try {
        this.calendar(next);
      } catch (err) {
        errors.push({ path: '/extraHolidays', message: (err as Error).message });
      }
    }
    if (!Array.isArray(next.fields) || next.fields.length === 0 || next.fields.some((f) => typeof f !== 'string' || !f.trim() || f.length > 100)) errors.push({ path: '/fields', message: 'must be a non-empty list of field names' });
    if (errors.length) throw new ValidationError(errors);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('feedback_settings')
        .values({ portal_id: portal.id, settings: JSON.stringify(next), updated_at: iso(this.clock()) })
        .onConflict((oc) => oc.column('portal_id').doUpdateSet({ settings: JSON.stringify(next), updated_at: iso(this.clock()) }))
        .execute();
      await this.deps.audit.recordFor(ctx, 'feedback', `feedback-settings:${portal.slug}`, { changed: Object.keys(patch ?? {}) }, trx);
    });
    return next;
  }

  calendar(settings: FeedbackSettings): WorkingCalendar {
    return new WorkingCalendar({ extraHolidays: settings.extraHolidays, extraWorkingDays: settings.extraWorkingDays });
  }

  /** Today in Vietnam, as a date. */
  today(): IsoDate {
    return localDate(this.clock());
  }

  // ---------- readings of a case ----------

  async caseIn(portal: Portal, id: number): Promise<CaseRow> {
    const row = await this.db.selectFrom('feedback_cases').selectAll().where('id', '=', id).where('portal_id', '=', portal.id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No case ${id} in ${portal.slug}.`);
    return row;
  }

  personalOf(row: { personal: string | null; tracking_code: string }): Personal | null {
    return row.personal ? (JSON.parse(this.deps.sealer.open(row.personal, `feedback-case:${row.tracking_code}`).toString('utf8')) as Personal) : null;
  }

  async link(caseId: number, direction: 'outgoing' | 'incoming', db: FeedbackExecutor = this.db) {
    return db.selectFrom('feedback_links').selectAll().where('case_id', '=', caseId).where('direction', '=', direction).executeTakeFirst();
  }

  summary(r: CaseRow, portal: Portal): CaseSummary {
    return {
      id: r.id,
      trackingCode: r.tracking_code,
      portal: portal.slug,
      kind: r.kind as Kind,
      field: r.field,
      title: r.title,
      initials: r.initials,
      status: r.status as Status,
      assigneeId: r.assignee_id,
      receivedAt: r.received_at,
      dueDate: r.due_date,
      classifyDueDate: r.classify_due_date,
      overdue: !CLOSED.includes(r.status as Status) && r.due_date < this.today(),
      answeredAt: r.answered_at,
      publishedAt: r.published_at,
    };
  }

  hash(text: string): string {
    return createHmac('sha256', this.deps.hashKey()).update(text).digest('hex');
  }

  contactKeys(email: string | null, phone: string | null): string[] {
    const keys: string[] = [];
    if (email) keys.push(this.hash(`email\n${email.trim().toLowerCase()}`));
    if (phone) keys.push(this.hash(`phone\n${normalizePhone(phone)}`));
    return keys;
  }
}
