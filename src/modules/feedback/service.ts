import { createHmac } from 'node:crypto';
import type { Selectable } from 'kysely';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { isLang, type Lang } from '../../lib/lang.ts';
import type { Sealer } from '../../lib/secrets.ts';
import { fold as foldDiacritics } from '../../lib/text.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { Store } from '../../store/index.ts';
import type { Role } from '../accounts/service.ts';
import { detectType } from '../media/service.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { Portal, PortalService } from '../portals/service.ts';
import { DEFAULT_DEADLINES, toLocalIsoDate, WorkingCalendar, type IsoDate } from './calendar.ts';
import { replayKey, type ProofOfWork } from './pow.ts';
import { feedbackDb, type FeedbackCaseTable, type FeedbackDB, type FeedbackExecutor } from './tables.ts';

// Citizen feedback: questions (hỏi đáp), feedback (phản ánh) and petitions
// (kiến nghị) sent to a portal, handled by its officers within legal
// deadlines counted in working days, and answered — publicly, with personal
// data removed, when the submitter agreed.
//
// Personal data (name, email, phone, address) is sealed at rest and opened
// only for the portal's officers, each time written to the audit log by the
// caller. The submitter proves who they are on the tracking page with the
// email or phone they gave: the store keeps keyed hashes of those, so a
// match needs no decryption and a dump of the table reveals no contact.

export const KINDS = ['question', 'feedback', 'petition'] as const;
export type Kind = (typeof KINDS)[number];
export const SUBMITTER_TYPES = ['citizen', 'business', 'organisation'] as const;
export const STATUSES = ['received', 'in-progress', 'info-requested', 'answered', 'published', 'rejected', 'forwarded'] as const;
export type Status = (typeof STATUSES)[number];
/** A case in one of these needs nothing more from the portal. */
export const CLOSED: Status[] = ['answered', 'published', 'rejected', 'forwarded'];
export const ACTIONS = ['assign', 'register', 'forward', 'request-info', 'answer', 'reject', 'send-back', 'publish', 'note'] as const;
export type Action = (typeof ACTIONS)[number];

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Submissions with one contact per hour before 429. */
export const PER_CONTACT_PER_HOUR = 3;

type CaseRow = Selectable<FeedbackCaseTable>;

export interface Personal {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface AttachmentInput {
  filename?: unknown;
  contentType?: unknown;
  /** base64 */
  data?: unknown;
}

export interface Submission {
  kind?: unknown;
  field?: unknown;
  title?: unknown;
  content?: unknown;
  submitterType?: unknown;
  name?: unknown;
  email?: unknown;
  phone?: unknown;
  address?: unknown;
  consentToPublish?: unknown;
  altcha?: unknown;
  lang?: unknown;
  attachments?: unknown;
}

export interface FeedbackSettings {
  /** working days to answer, per kind */
  answerWorkingDays: Record<Kind, number>;
  /** working days to forward what is outside the portal's competence */
  forwardWorkingDays: number;
  /** days after closing before the submitter's personal data is erased */
  retentionDays: number;
  /** days off decreed beyond the public holidays, and make-up working days */
  extraHolidays: IsoDate[];
  extraWorkingDays: IsoDate[];
  /** fields (lĩnh vực) offered on the form */
  fields: string[];
}

export const DEFAULT_FIELDS = ['Hành chính', 'Đất đai, xây dựng', 'Thuế, tài chính', 'Giáo dục', 'Y tế', 'Giao thông', 'Môi trường', 'Lao động, việc làm', 'Doanh nghiệp, đầu tư', 'Khác'];

export function defaultSettings(): FeedbackSettings {
  return {
    answerWorkingDays: { question: DEFAULT_DEADLINES.answerWorkingDays, feedback: DEFAULT_DEADLINES.answerWorkingDays, petition: DEFAULT_DEADLINES.answerWorkingDays },
    forwardWorkingDays: DEFAULT_DEADLINES.forwardWorkingDays,
    retentionDays: 5 * 365,
    extraHolidays: [],
    extraWorkingDays: [],
    fields: DEFAULT_FIELDS,
  };
}

export interface HistoryEntry {
  at: string;
  action: string;
  status: Status;
  note: string | null;
}

/** What the submitter sees with the right contact. */
export interface TrackedCase {
  trackingCode: string;
  portal: string;
  kind: Kind;
  field: string;
  title: string;
  status: Status;
  receivedAt: string;
  dueDate: IsoDate;
  answer: string | null;
  answeredAt: string | null;
  published: boolean;
  history: HistoryEntry[];
  /** where a forwarded case went on, and how it stands there */
  forwardedTo: TrackedCase | null;
}

/** An inbox row: no personal data beyond initials. */
export interface CaseSummary {
  id: number;
  trackingCode: string;
  portal: string;
  kind: Kind;
  field: string;
  title: string;
  initials: string;
  status: Status;
  assigneeId: number | null;
  receivedAt: string;
  dueDate: IsoDate;
  classifyDueDate: IsoDate;
  overdue: boolean;
  answeredAt: string | null;
  publishedAt: string | null;
}

export interface CaseDetail extends CaseSummary {
  content: string;
  lang: Lang;
  submitterType: string;
  /** null once erased after the retention period */
  personal: Personal | null;
  consentToPublish: boolean;
  answer: string | null;
  forwardedTo: string | null;
  forwardedFrom: string | null;
  attachments: { id: number; role: string; filename: string; mime: string; size: number }[];
  history: (HistoryEntry & { actorId: number | null; internal: boolean })[];
}

export interface PublicAnswer {
  trackingCode: string;
  kind: Kind;
  field: string;
  title: string;
  question: string;
  askedBy: string;
  answer: string;
  receivedAt: string;
  answeredAt: string;
  publishedAt: string;
}

export interface Stats {
  received: number;
  open: number;
  answered: number;
  answeredInTime: number;
  overdue: number;
  rejected: number;
  forwarded: number;
  averageWorkingDaysToAnswer: number | null;
  byKind: Record<string, { received: number; answered: number; overdue: number }>;
  byField: Record<string, { received: number; answered: number; overdue: number }>;
}

export interface Actor {
  accountId: number | null;
  roles: readonly Role[];
}

export interface ActionInput {
  action?: unknown;
  note?: unknown;
  assigneeId?: unknown;
  toPortal?: unknown;
  answer?: unknown;
  attachments?: unknown;
}

export interface FeedbackDeps {
  store: Store;
  portals: PortalService;
  outbox: Outbox;
  sealer: Sealer;
  /** key for the contact and content hashes (derived from the deployment secret) */
  hashKey: () => Buffer;
  pow: ProofOfWork;
  clock?: Clock;
  /** emails the submitter and officers; false when mail is not set up */
  mail?: (to: string, subject: string, text: string) => Promise<boolean>;
}

export class TooManyRequestsError extends DomainError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'Too many requests', detail, { retryAfter: retryAfterSeconds });
  }
}

export class UnsupportedMediaError extends DomainError {
  constructor(detail: string, errors: FieldError[]) {
    super(415, 'Unsupported media type', detail, { errors });
  }
}

export class BadChallengeError extends DomainError {
  constructor(detail: string) {
    super(400, 'Proof of work not accepted', detail);
  }
}

const OFFICER_ROLES: Role[] = ['feedback-officer', 'admin'];
const APPROVER_ROLES: Role[] = ['admin', 'editor-in-chief'];

/** Which status each action leads to, from which statuses, and who may take it. */
const RULES: Record<Action, { from: Status[]; to?: Status; roles: Role[] }> = {
  assign: { from: ['received', 'in-progress', 'info-requested'], roles: OFFICER_ROLES },
  register: { from: ['received'], to: 'in-progress', roles: OFFICER_ROLES },
  forward: { from: ['received', 'in-progress', 'info-requested'], to: 'forwarded', roles: OFFICER_ROLES },
  'request-info': { from: ['received', 'in-progress'], to: 'info-requested', roles: OFFICER_ROLES },
  answer: { from: ['received', 'in-progress', 'info-requested'], to: 'answered', roles: OFFICER_ROLES },
  reject: { from: ['received', 'in-progress', 'info-requested'], to: 'rejected', roles: OFFICER_ROLES },
  'send-back': { from: ['answered'], to: 'in-progress', roles: APPROVER_ROLES },
  publish: { from: ['answered'], to: 'published', roles: [...APPROVER_ROLES, 'feedback-officer'] },
  note: { from: [...STATUSES], roles: [...OFFICER_ROLES, 'editor-in-chief'] },
};

export class FeedbackService {
  private readonly db: FeedbackDB;
  private readonly clock: Clock;

  constructor(private readonly deps: FeedbackDeps) {
    this.db = feedbackDb(deps.store.db);
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

  async updateSettings(portal: Portal, patch: Partial<FeedbackSettings>): Promise<FeedbackSettings> {
    const errors: FieldError[] = [];
    const current = await this.settings(portal.id);
    const next: FeedbackSettings = { ...current, ...patch, answerWorkingDays: { ...current.answerWorkingDays, ...(patch.answerWorkingDays ?? {}) } };
    for (const k of KINDS) if (!Number.isInteger(next.answerWorkingDays[k]) || next.answerWorkingDays[k] < 1 || next.answerWorkingDays[k] > 90) errors.push({ path: `/answerWorkingDays/${k}`, message: 'must be a whole number of working days from 1 to 90' });
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
    await this.db
      .insertInto('feedback_settings')
      .values({ portal_id: portal.id, settings: JSON.stringify(next), updated_at: iso(this.clock()) })
      .onConflict((oc) => oc.column('portal_id').doUpdateSet({ settings: JSON.stringify(next), updated_at: iso(this.clock()) }))
      .execute();
    return next;
  }

  calendar(settings: FeedbackSettings): WorkingCalendar {
    return new WorkingCalendar({ extraHolidays: settings.extraHolidays, extraWorkingDays: settings.extraWorkingDays });
  }

  /** Today in Vietnam, as a date. */
  today(): IsoDate {
    return localDate(this.clock());
  }

  // ---------- submission ----------

  challenge() {
    return this.deps.pow.createChallenge();
  }

  /**
   * Receives a submission: fields checked (422 naming each), attachments'
   * types proved by their bytes (415), the proof of work checked and spent
   * (400), the submitter's pace checked (429), repeats refused (409). Nothing
   * is stored unless all of it passes, and then everything in one transaction.
   */
  async submit(portal: Portal, input: Submission): Promise<{ trackingCode: string; dueDate: IsoDate; receivedAt: string }> {
    const checked = this.checkSubmission(portal, input);
    const files = this.checkAttachments(input.attachments);
    const pow = this.deps.pow.verify(String(input.altcha));
    if (!pow.ok) throw new BadChallengeError(`The proof of work was not accepted (${pow.reason}); ask for a new challenge at /api/v1/feedback/challenge.`);
    const contactKeys = this.contactKeys(checked.personal.email, checked.personal.phone);
    const now = this.clock();
    const hourAgo = iso(new Date(now.getTime() - 3600_000));
    const recent = await this.db.selectFrom('feedback_cases').select(['contact_keys', 'received_at']).where('portal_id', '=', portal.id).where('received_at', '>=', hourAgo).execute();
    const mine = recent.filter((r) => (JSON.parse(r.contact_keys) as string[]).some((k) => contactKeys.includes(k)));
    if (mine.length >= PER_CONTACT_PER_HOUR) {
      const oldest = mine.map((r) => Date.parse(r.received_at)).sort((a, b) => a - b)[0];
      throw new TooManyRequestsError(`At most ${PER_CONTACT_PER_HOUR} submissions an hour from one contact.`, Math.max(1, Math.ceil((oldest + 3600_000 - now.getTime()) / 1000)));
    }
    const contentKey = this.hash(`content\n${portal.id}\n${fold(checked.title)}\n${fold(checked.content)}\n${contactKeys.sort().join(',')}`);
    const settings = await this.settings(portal.id);
    const cal = this.calendar(settings);
    const dueDate = cal.addWorkingDays(now, settings.answerWorkingDays[checked.kind]);
    const classifyDueDate = cal.addWorkingDays(now, settings.forwardWorkingDays);
    const receivedAt = iso(now);

    const trackingCode = await this.db.transaction().execute(async (trx) => {
      const dayAgo = iso(new Date(now.getTime() - 86_400_000));
      const repeat = await trx.selectFrom('feedback_cases').select('tracking_code').where('portal_id', '=', portal.id).where('content_key', '=', contentKey).where('received_at', '>=', dayAgo).executeTakeFirst();
      if (repeat) throw new ConflictError(`This submission was received already (${repeat.tracking_code}).`, { trackingCode: repeat.tracking_code });
      // the challenge is spent in the same transaction: a replay, even a concurrent one, fails on the key
      try {
        await trx.insertInto('feedback_pow_used').values({ key: replayKey(pow.challenge), expires_at: iso(new Date(now.getTime() + 86_400_000)) }).execute();
      } catch {
        throw new BadChallengeError('This proof of work was used already; ask for a new challenge.');
      }
      const code = await nextTrackingCode(trx, now);
      const row = await trx
        .insertInto('feedback_cases')
        .values({
          portal_id: portal.id,
          tracking_code: code,
          kind: checked.kind,
          field: checked.field,
          title: checked.title,
          content: checked.content,
          lang: checked.lang,
          submitter_type: checked.submitterType,
          personal: this.deps.sealer.seal(JSON.stringify(checked.personal), `feedback-case:${code}`),
          initials: initials(checked.personal.name),
          contact_keys: JSON.stringify(contactKeys),
          content_key: contentKey,
          consent_to_publish: checked.consent ? 1 : 0,
          status: 'received',
          assignee_id: null,
          received_at: receivedAt,
          due_date: dueDate,
          classify_due_date: classifyDueDate,
          answer: null,
          answered_at: null,
          published_at: null,
          forwarded_to: null,
          forwarded_from: null,
          reminded_at: null,
          erased_at: null,
          updated_at: receivedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('feedback_events').values({ case_id: row.id, at: receivedAt, actor_id: null, action: 'submit', from_status: null, to_status: 'received', note: null, public: 1 }).execute();
      for (const f of files) await trx.insertInto('feedback_attachments').values({ case_id: row.id, role: 'submission', filename: f.filename, mime: f.mime, size: f.data.length, data: f.data, created_at: receivedAt }).execute();
      return code;
    });
    if (checked.personal.email) {
      const portalName = portal.name[checked.lang] ?? portal.name.vi;
      await this.deps.mail?.(
        checked.personal.email,
        `[${portalName}] Đã nhận ${kindLabel(checked.kind)} ${trackingCode}`,
        `${portalName} đã nhận ${kindLabel(checked.kind)} "${checked.title}" của bạn.\nMã số: ${trackingCode}\nHạn trả lời: ${dueDate}\nTra cứu: ${portal.url}/phan-anh/tra-cuu?ma=${encodeURIComponent(trackingCode)}\n\nWe received your ${checked.kind} "${checked.title}". Tracking code ${trackingCode}; answer due by ${dueDate}.\n`,
      );
    }
    return { trackingCode, dueDate, receivedAt };
  }

  private checkSubmission(portal: Portal, input: Submission) {
    const errors: FieldError[] = [];
    const text = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').trim() : '');
    const kind = input.kind as Kind;
    if (!KINDS.includes(kind)) errors.push({ path: '/kind', message: `must be one of ${KINDS.join(', ')}` });
    const field = text(input.field);
    if (!field) errors.push({ path: '/field', message: 'choose the field (lĩnh vực) it concerns' });
    else if (field.length > 100) errors.push({ path: '/field', message: 'must be at most 100 characters' });
    const title = text(input.title);
    if (title.length < 5) errors.push({ path: '/title', message: 'give a title of at least 5 characters' });
    else if (title.length > 300) errors.push({ path: '/title', message: 'must be at most 300 characters' });
    const content = text(input.content);
    if (content.length < 20) errors.push({ path: '/content', message: 'describe it in at least 20 characters' });
    else if (content.length > 20_000) errors.push({ path: '/content', message: 'must be at most 20,000 characters' });
    const submitterType = input.submitterType as string;
    if (!(SUBMITTER_TYPES as readonly string[]).includes(submitterType)) errors.push({ path: '/submitterType', message: `must be one of ${SUBMITTER_TYPES.join(', ')}` });
    const name = text(input.name);
    if (!name) errors.push({ path: '/name', message: 'your name (or your organisation’s) is required' });
    else if (name.length > 200) errors.push({ path: '/name', message: 'must be at most 200 characters' });
    const email = text(input.email).toLowerCase() || null;
    if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) errors.push({ path: '/email', message: 'is not an email address' });
    const phone = text(input.phone) || null;
    if (phone && !/^\+?[\d\s().-]{8,20}$/.test(phone)) errors.push({ path: '/phone', message: 'is not a telephone number' });
    if (!email && !phone) errors.push({ path: '/email', message: 'give an email address or a telephone number, so the answer can reach you' });
    const address = text(input.address) || null;
    if (address && address.length > 500) errors.push({ path: '/address', message: 'must be at most 500 characters' });
    // petitions on administrative regulations carry name, address and phone by rule
    if (kind === 'petition') {
      if (!phone) errors.push({ path: '/phone', message: 'a petition needs a telephone number' });
      if (!address) errors.push({ path: '/address', message: 'a petition needs an address' });
    }
    if (typeof input.consentToPublish !== 'boolean') errors.push({ path: '/consentToPublish', message: 'say whether the answer may be published (true or false)' });
    if (typeof input.altcha !== 'string' || !input.altcha) errors.push({ path: '/altcha', message: 'the proof-of-work solution is required (see /api/v1/feedback/challenge)' });
    const lang = input.lang === undefined ? 'vi' : input.lang;
    if (!isLang(lang) || !portal.languages.includes(lang)) errors.push({ path: '/lang', message: `must be one of ${portal.languages.join(', ')}` });
    if (errors.length) throw new ValidationError(errors);
    return { kind, field, title, content, submitterType, lang: lang as Lang, consent: input.consentToPublish === true, personal: { name, email, phone: phone ? normalizePhone(phone) : null, address } as Personal };
  }

  private checkAttachments(input: unknown): { filename: string; mime: string; data: Buffer }[] {
    if (input === undefined || input === null) return [];
    if (!Array.isArray(input)) throw new ValidationError([{ path: '/attachments', message: 'must be a list of {filename, contentType, data (base64)}' }]);
    const errors: FieldError[] = [];
    const unsupported: FieldError[] = [];
    if (input.length > MAX_ATTACHMENTS) errors.push({ path: '/attachments', message: `at most ${MAX_ATTACHMENTS} files` });
    const out: { filename: string; mime: string; data: Buffer }[] = [];
    input.slice(0, MAX_ATTACHMENTS).forEach((a: AttachmentInput, i) => {
      const path = `/attachments/${i}`;
      if (!a || typeof a !== 'object' || typeof a.filename !== 'string' || typeof a.data !== 'string' || typeof a.contentType !== 'string') {
        errors.push({ path, message: 'must be {filename, contentType, data (base64)}' });
        return;
      }
      const filename = a.filename.normalize('NFC').replace(/[\\/\u0000-\u001f]/g, '_').trim().slice(0, 200);
      if (!filename) errors.push({ path: `${path}/filename`, message: 'is required' });
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(a.data.replace(/\s+/g, ''))) {
        errors.push({ path: `${path}/data`, message: 'must be base64' });
        return;
      }
      const data = Buffer.from(a.data, 'base64');
      if (data.length === 0) errors.push({ path: `${path}/data`, message: 'the file is empty' });
      else if (data.length > MAX_ATTACHMENT_BYTES) errors.push({ path: `${path}/data`, message: `must be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` });
      const type = detectType(data);
      const mime = type === 'pdf' ? 'application/pdf' : type ? `image/${type}` : undefined;
      const allowed = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];
      if (!allowed.includes(a.contentType)) unsupported.push({ path: `${path}/contentType`, message: 'only PDF documents and JPEG, PNG or WebP pictures are accepted' });
      else if (data.length && mime !== a.contentType) unsupported.push({ path: `${path}/data`, message: `the file is not a ${a.contentType === 'application/pdf' ? 'PDF' : a.contentType}` });
      else if (mime === 'application/pdf' && !data.subarray(-1024).toString('latin1').includes('%%EOF')) unsupported.push({ path: `${path}/data`, message: 'the PDF is truncated or damaged' });
      out.push({ filename, mime: mime ?? a.contentType, data });
    });
    if (errors.length) throw new ValidationError(errors);
    if (unsupported.length) throw new UnsupportedMediaError('An attachment is not what it claims to be.', unsupported);
    return out;
  }

  // ---------- tracking ----------

  /** The case as its submitter sees it; NotFound for a wrong contact too, so a code alone reveals nothing. */
  async track(trackingCode: string, contact: string): Promise<TrackedCase> {
    const row = await this.db.selectFrom('feedback_cases').selectAll().where('tracking_code', '=', String(trackingCode).trim().toUpperCase()).executeTakeFirst();
    const keys = this.contactKeys(contact.includes('@') ? contact.trim().toLowerCase() : null, contact.includes('@') ? null : normalizePhone(contact));
    if (!row || !(JSON.parse(row.contact_keys) as string[]).some((k) => keys.includes(k))) throw new NotFoundError('No submission with this code and contact.');
    return this.tracked(row, 0);
  }

  private async tracked(row: CaseRow, depth: number): Promise<TrackedCase> {
    const portal = await this.deps.portals.byId(row.portal_id);
    const events = await this.db.selectFrom('feedback_events').selectAll().where('case_id', '=', row.id).where('public', '=', 1).orderBy('id').execute();
    let forwardedTo: TrackedCase | null = null;
    if (row.forwarded_to && depth < 5) {
      const next = await this.db.selectFrom('feedback_cases').selectAll().where('tracking_code', '=', row.forwarded_to).executeTakeFirst();
      if (next) forwardedTo = await this.tracked(next, depth + 1);
    }
    return {
      trackingCode: row.tracking_code,
      portal: portal?.slug ?? '',
      kind: row.kind as Kind,
      field: row.field,
      title: row.title,
      status: row.status as Status,
      receivedAt: row.received_at,
      dueDate: row.due_date,
      answer: row.answer,
      answeredAt: row.answered_at,
      published: row.published_at !== null,
      history: events.map((e) => ({ at: e.at, action: e.action, status: e.to_status as Status, note: e.note })),
      forwardedTo,
    };
  }

  /** The submitter answers a request for more information (from the tracking page, with the contact). */
  async reply(trackingCode: string, contact: string, text: string): Promise<TrackedCase> {
    const tracked = await this.track(trackingCode, contact);
    const body = String(text ?? '').normalize('NFC').trim();
    if (body.length < 2 || body.length > 20_000) throw new ValidationError([{ path: '/text', message: 'write 2 to 20,000 characters' }]);
    if (tracked.status !== 'info-requested') throw new ConflictError('No information was asked for.', { state: tracked.status });
    const row = await this.db.selectFrom('feedback_cases').selectAll().where('tracking_code', '=', tracked.trackingCode).executeTakeFirstOrThrow();
    const now = iso(this.clock());
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('feedback_cases').set({ status: 'in-progress', updated_at: now }).where('id', '=', row.id).execute();
      await trx.insertInto('feedback_events').values({ case_id: row.id, at: now, actor_id: null, action: 'reply', from_status: 'info-requested', to_status: 'in-progress', note: body, public: 1 }).execute();
    });
    return this.track(trackingCode, contact);
  }

  // ---------- the back office ----------

  async inbox(portal: Portal, filter: { status?: string; kind?: string; overdue?: boolean; assigneeId?: number; limit?: number; offset?: number } = {}): Promise<CaseSummary[]> {
    let q = this.db.selectFrom('feedback_cases').selectAll().where('portal_id', '=', portal.id);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.assigneeId) q = q.where('assignee_id', '=', filter.assigneeId);
    if (filter.overdue) q = q.where('status', 'not in', CLOSED).where('due_date', '<', this.today());
    const rows = await q.orderBy('due_date').orderBy('id').limit(Math.min(filter.limit ?? 50, 200)).offset(filter.offset ?? 0).execute();
    return rows.map((r) => this.summary(r, portal));
  }

  async detail(portal: Portal, id: number): Promise<CaseDetail> {
    const row = await this.caseIn(portal, id);
    const [events, files] = await Promise.all([
      this.db.selectFrom('feedback_events').selectAll().where('case_id', '=', row.id).orderBy('id').execute(),
      this.db.selectFrom('feedback_attachments').select(['id', 'role', 'filename', 'mime', 'size']).where('case_id', '=', row.id).orderBy('id').execute(),
    ]);
    return {
      ...this.summary(row, portal),
      content: row.content,
      lang: row.lang as Lang,
      submitterType: row.submitter_type,
      personal: row.personal ? (JSON.parse(this.deps.sealer.open(row.personal, `feedback-case:${row.tracking_code}`).toString('utf8')) as Personal) : null,
      consentToPublish: row.consent_to_publish === 1,
      answer: row.answer,
      forwardedTo: row.forwarded_to,
      forwardedFrom: row.forwarded_from,
      attachments: files,
      history: events.map((e) => ({ at: e.at, action: e.action, status: e.to_status as Status, note: e.note, actorId: e.actor_id, internal: e.public !== 1 })),
    };
  }

  async attachment(portal: Portal, caseId: number, attachmentId: number) {
    const row = await this.caseIn(portal, caseId);
    const file = await this.db.selectFrom('feedback_attachments').selectAll().where('id', '=', attachmentId).where('case_id', '=', row.id).executeTakeFirst();
    if (!file) throw new NotFoundError(`No attachment ${attachmentId} on this case.`);
    return file;
  }

  /** The portal a case belongs to (for the API's role check before anything else). */
  async portalOf(id: number): Promise<Portal | undefined> {
    const row = await this.db.selectFrom('feedback_cases').select('portal_id').where('id', '=', id).executeTakeFirst();
    return row ? this.deps.portals.byId(row.portal_id) : undefined;
  }

  private async caseIn(portal: Portal, id: number): Promise<CaseRow> {
    const row = await this.db.selectFrom('feedback_cases').selectAll().where('id', '=', id).where('portal_id', '=', portal.id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No case ${id} in ${portal.slug}.`);
    return row;
  }

  /** Takes one step on a case; who may take which step from which status is in RULES. */
  async act(portal: Portal, id: number, actor: Actor, input: ActionInput): Promise<CaseDetail> {
    const action = input.action as Action;
    if (!ACTIONS.includes(action)) throw new ValidationError([{ path: '/action', message: `must be one of ${ACTIONS.join(', ')}` }]);
    const rule = RULES[action];
    if (!actor.roles.some((r) => rule.roles.includes(r))) throw new ForbiddenError(`${action} needs the role ${rule.roles.join(' or ')} in ${portal.slug}.`);
    const row = await this.caseIn(portal, id);
    const from = row.status as Status;
    if (!rule.from.includes(from)) throw new ConflictError(`A case that is ${from} cannot be given the action ${action}.`, { state: from, allowedActions: ACTIONS.filter((a) => RULES[a].from.includes(from) && actor.roles.some((r) => RULES[a].roles.includes(r))) });
    const note = typeof input.note === 'string' ? input.note.normalize('NFC').trim() : '';
    const errors: FieldError[] = [];
    if (note.length > 20_000) errors.push({ path: '/note', message: 'must be at most 20,000 characters' });
    if ((action === 'reject' || action === 'send-back' || action === 'request-info' || action === 'note') && !note) errors.push({ path: '/note', message: action === 'reject' ? 'give the reason for the rejection' : action === 'request-info' ? 'say what information is needed' : 'write the note' });
    const answer = typeof input.answer === 'string' ? input.answer.normalize('NFC').trim() : '';
    if (action === 'answer' && answer.length < 10) errors.push({ path: '/answer', message: 'write the answer (at least 10 characters)' });
    let assignee: number | null = null;
    if (action === 'assign') {
      assignee = Number(input.assigneeId);
      if (!Number.isInteger(assignee) || assignee < 1) errors.push({ path: '/assigneeId', message: 'the id of an officer of this portal' });
    }
    let target: Portal | undefined;
    if (action === 'forward') {
      target = typeof input.toPortal === 'string' ? await this.deps.portals.bySlug(input.toPortal) : undefined;
      if (!target) errors.push({ path: '/toPortal', message: 'the slug of a portal of this deployment' });
      else if (target.id === portal.id) errors.push({ path: '/toPortal', message: 'forward to another portal' });
    }
    if (action === 'publish' && row.consent_to_publish !== 1) errors.push({ path: '/action', message: 'the submitter did not agree to publication; the answer went to them alone' });
    const files = action === 'answer' ? this.checkAttachments(input.attachments) : [];
    if (errors.length) throw new ValidationError(errors);
    if (action === 'assign') {
      const officer = await this.deps.store.db.selectFrom('account_roles').select('account_id').where('account_id', '=', assignee!).where('portal_id', '=', portal.id).where('role', 'in', OFFICER_ROLES).executeTakeFirst();
      if (!officer) throw new ValidationError([{ path: '/assigneeId', message: `account ${assignee} is not a feedback officer or admin of ${portal.slug}` }]);
    }

    const now = this.clock();
    const at = iso(now);
    const to: Status = action === 'assign' ? (from === 'received' ? 'in-progress' : from) : (rule.to ?? from);
    const publicStep = action !== 'note' && action !== 'assign' && action !== 'send-back';
    // read before the transaction: on SQLite a read outside it would wait for the connection the transaction holds
    const targetSettings = target ? await this.settings(target.id) : undefined;
    await this.db.transaction().execute(async (trx) => {
      const set: Partial<CaseRow> = { status: to, updated_at: at };
      if (action === 'assign') set.assignee_id = assignee;
      if (action === 'answer') {
        set.answer = answer;
        set.answered_at = at;
      }
      if (action === 'publish') set.published_at = at;
      if (action === 'forward') {
        const settings = targetSettings!;
        const cal = this.calendar(settings);
        const code = await nextTrackingCode(trx, now);
        const personal = row.personal ? this.deps.sealer.seal(this.deps.sealer.open(row.personal, `feedback-case:${row.tracking_code}`), `feedback-case:${code}`) : null;
        const copy = await trx
          .insertInto('feedback_cases')
          .values({
            ...omitId(row),
            portal_id: target!.id,
            tracking_code: code,
            personal,
            status: 'received',
            assignee_id: null,
            received_at: at,
            due_date: cal.addWorkingDays(now, settings.answerWorkingDays[row.kind as Kind]),
            classify_due_date: cal.addWorkingDays(now, settings.forwardWorkingDays),
            answer: null,
            answered_at: null,
            published_at: null,
            forwarded_to: null,
            forwarded_from: row.tracking_code,
            reminded_at: null,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('feedback_events').values({ case_id: copy.id, at, actor_id: null, action: 'received-by-forward', from_status: null, to_status: 'received', note: `${portal.slug} → ${target!.slug} (${row.tracking_code})`, public: 1 }).execute();
        // the files go with the case: the receiving portal's officers need them
        const files = await trx.selectFrom('feedback_attachments').selectAll().where('case_id', '=', row.id).execute();
        for (const f of files) await trx.insertInto('feedback_attachments').values({ case_id: copy.id, role: f.role, filename: f.filename, mime: f.mime, size: f.size, data: f.data, created_at: f.created_at }).execute();
        set.forwarded_to = code;
      }
      await trx.updateTable('feedback_cases').set(set).where('id', '=', row.id).execute();
      const eventNote = action === 'forward' ? `${target!.name.vi}${note ? `: ${note}` : ''}` : action === 'assign' ? `account ${assignee}` : note || null;
      await trx.insertInto('feedback_events').values({ case_id: row.id, at, actor_id: actor.accountId, action, from_status: from, to_status: to, note: eventNote, public: publicStep ? 1 : 0 }).execute();
      for (const f of files) await trx.insertInto('feedback_attachments').values({ case_id: row.id, role: 'answer', filename: f.filename, mime: f.mime, size: f.data.length, data: f.data, created_at: at }).execute();
    });
    await this.tellSubmitter(portal, row, action, { note, answer, target });
    return this.detail(portal, id);
  }

  private async tellSubmitter(portal: Portal, row: CaseRow, action: Action, f: { note: string; answer: string; target?: Portal }) {
    if (!this.deps.mail || !row.personal || !['answer', 'request-info', 'reject', 'forward'].includes(action)) return;
    const personal = JSON.parse(this.deps.sealer.open(row.personal, `feedback-case:${row.tracking_code}`).toString('utf8')) as Personal;
    if (!personal.email) return;
    const link = `${portal.url}/phan-anh/tra-cuu?ma=${encodeURIComponent(row.tracking_code)}`;
    const lines: Record<string, string> = {
      answer: `Trả lời ${kindLabel(row.kind as Kind)} ${row.tracking_code} "${row.title}":\n\n${f.answer}`,
      'request-info': `Để giải quyết ${row.tracking_code}, cơ quan cần bạn bổ sung: ${f.note}\nTrả lời tại: ${link}`,
      reject: `${row.tracking_code} không được tiếp nhận. Lý do: ${f.note}`,
      forward: `${row.tracking_code} đã được chuyển đến ${f.target?.name.vi ?? ''}, cơ quan có thẩm quyền giải quyết.`,
    };
    await this.deps.mail(personal.email, `[${portal.name.vi}] ${row.tracking_code}`, `${lines[action]}\n\nTra cứu / track: ${link}\n`);
  }

  // ---------- public answers ----------

  async answers(portal: Portal, opts: { q?: string; field?: string; limit?: number; offset?: number } = {}): Promise<PublicAnswer[]> {
    let q = this.db.selectFrom('feedback_cases').selectAll().where('portal_id', '=', portal.id).where('status', '=', 'published');
    if (opts.field) q = q.where('field', '=', opts.field);
    const rows = await q.orderBy('published_at', 'desc').limit(Math.min(opts.limit ?? 20, 100)).offset(opts.offset ?? 0).execute();
    const needle = opts.q ? fold(opts.q) : '';
    return rows
      .map((r) => this.publicAnswer(r))
      .filter((a) => !needle || fold(`${a.title} ${a.question} ${a.answer}`).includes(needle));
  }

  /** A published answer with personal data taken out: initials only, no email, phone or address even where the submitter typed them into the text. */
  private publicAnswer(r: CaseRow): PublicAnswer {
    let personal: Personal | null = null;
    try {
      personal = r.personal ? (JSON.parse(this.deps.sealer.open(r.personal, `feedback-case:${r.tracking_code}`).toString('utf8')) as Personal) : null;
    } catch {
      personal = null;
    }
    const scrub = (text: string) => redactPersonal(text, personal);
    return {
      trackingCode: r.tracking_code,
      kind: r.kind as Kind,
      field: r.field,
      title: scrub(r.title),
      question: scrub(r.content),
      askedBy: r.initials,
      answer: scrub(r.answer ?? ''),
      receivedAt: r.received_at,
      answeredAt: r.answered_at ?? r.updated_at,
      publishedAt: r.published_at ?? r.updated_at,
    };
  }

  // ---------- figures ----------

  async stats(portal: Portal, range: { from?: string; to?: string } = {}): Promise<Stats> {
    let q = this.db.selectFrom('feedback_cases').select(['kind', 'field', 'status', 'received_at', 'answered_at', 'due_date', 'portal_id']).where('portal_id', '=', portal.id);
    if (range.from) q = q.where('received_at', '>=', range.from);
    if (range.to) q = q.where('received_at', '<', range.to);
    const rows = await q.execute();
    const settings = await this.settings(portal.id);
    return summarize(rows, this.today(), this.calendar(settings));
  }

  /** The whole deployment: totals and one row per portal (the network view at the central portal). */
  async networkStats(range: { from?: string; to?: string } = {}): Promise<{ totals: Stats; portals: ({ portal: string } & Stats)[] }> {
    const all = await this.deps.portals.list();
    const rows: ({ portal: string } & Stats)[] = [];
    for (const p of all) rows.push({ portal: p.slug, ...(await this.stats(p, range)) });
    let q = this.db.selectFrom('feedback_cases').select(['kind', 'field', 'status', 'received_at', 'answered_at', 'due_date', 'portal_id']);
    if (range.from) q = q.where('received_at', '>=', range.from);
    if (range.to) q = q.where('received_at', '<', range.to);
    const totals = summarize(await q.execute(), this.today(), this.calendar(defaultSettings()));
    return { totals, portals: rows };
  }

  // ---------- deadlines and retention (jobs) ----------

  /** Cases due within `days` working days, not yet reminded: their officers are told. Returns how many. */
  async remind(days = 2): Promise<number> {
    const rows = await this.db.selectFrom('feedback_cases').selectAll().where('status', 'not in', CLOSED).where('reminded_at', 'is', null).execute();
    let n = 0;
    // one calendar and one officer list per portal, however many of its cases are due
    const calendars = new Map<number, WorkingCalendar>();
    const officersOf = new Map<number, { id: number; email: string }[]>();
    for (const r of rows) {
      if (!calendars.has(r.portal_id)) calendars.set(r.portal_id, this.calendar(await this.settings(r.portal_id)));
      if (calendars.get(r.portal_id)!.reminderDate(r.due_date, days) > this.today()) continue;
      const portal = await this.deps.portals.byId(r.portal_id);
      if (!portal) continue;
      if (!officersOf.has(r.portal_id)) {
        officersOf.set(
          r.portal_id,
          await this.deps.store.db
            .selectFrom('account_roles as r')
            .innerJoin('accounts as a', 'a.id', 'r.account_id')
            .select(['a.id', 'a.email'])
            .where('r.portal_id', '=', r.portal_id)
            .where('r.role', 'in', OFFICER_ROLES)
            .execute(),
        );
      }
      const officers = officersOf.get(r.portal_id)!;
      const to = r.assignee_id ? officers.filter((o) => o.id === r.assignee_id) : officers;
      const overdue = r.due_date < this.today();
      for (const o of new Map(to.map((x) => [x.email, x])).values()) {
        await this.deps.mail?.(o.email, `[${portal.slug}] ${overdue ? 'Quá hạn' : 'Sắp đến hạn'}: ${r.tracking_code} (${r.due_date})`, `${r.tracking_code} "${r.title}" ${overdue ? 'đã quá hạn' : 'đến hạn'} ngày ${r.due_date}.\n${overdue ? 'Overdue' : 'Due'} on ${r.due_date}.\n`);
      }
      await this.db.updateTable('feedback_cases').set({ reminded_at: iso(this.clock()) }).where('id', '=', r.id).execute();
      n++;
    }
    return n;
  }

  /** Erases the personal data of cases closed longer ago than their portal's retention period; the anonymised case stays. */
  async eraseExpired(): Promise<number> {
    const rows = await this.db.selectFrom('feedback_cases').select(['id', 'portal_id', 'updated_at']).where('status', 'in', CLOSED).where('erased_at', 'is', null).execute();
    let n = 0;
    const retention = new Map<number, number>();
    for (const r of rows) {
      if (!retention.has(r.portal_id)) retention.set(r.portal_id, (await this.settings(r.portal_id)).retentionDays);
      if (Date.parse(r.updated_at) + retention.get(r.portal_id)! * 86_400_000 > this.clock().getTime()) continue;
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('feedback_cases').set({ personal: null, contact_keys: '[]', erased_at: iso(this.clock()) }).where('id', '=', r.id).execute();
        await trx.deleteFrom('feedback_attachments').where('case_id', '=', r.id).where('role', '=', 'submission').execute();
      });
      n++;
    }
    await this.db.deleteFrom('feedback_pow_used').where('expires_at', '<', iso(this.clock())).execute();
    return n;
  }

  // ---------- helpers ----------

  private summary(r: CaseRow, portal: Portal): CaseSummary {
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

  private hash(text: string): string {
    return createHmac('sha256', this.deps.hashKey()).update(text).digest('hex');
  }

  private contactKeys(email: string | null, phone: string | null): string[] {
    const keys: string[] = [];
    if (email) keys.push(this.hash(`email\n${email.trim().toLowerCase()}`));
    if (phone) keys.push(this.hash(`phone\n${normalizePhone(phone)}`));
    return keys;
  }
}

/** The day's next code, PAKN.YYYYMMDD.NNNN (Vietnam's date), inside the storing transaction; the unique column settles a race. */
async function nextTrackingCode(trx: FeedbackExecutor, now: Date): Promise<string> {
  const day = localDate(now).replace(/-/g, '');
  const todays = await trx.selectFrom('feedback_cases').select((eb) => eb.fn.countAll<number>().as('n')).where('tracking_code', 'like', `PAKN.${day}.%`).executeTakeFirstOrThrow();
  return `PAKN.${day}.${String(Number(todays.n) + 1).padStart(4, '0')}`;
}

function omitId(row: CaseRow): Omit<CaseRow, 'id'> {
  const { id: _id, ...rest } = row;
  return rest;
}

/** Vietnamese numbers in one form: digits only, +84 as a leading 0. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.startsWith('+84') ? `0${digits.slice(3)}` : digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits.replace(/\+/g, '');
}

/** "Nguyễn Văn An" → "N. V. A." — the most of a name a public answer shows. */
export function initials(name: string): string {
  return (
    name
      .normalize('NFC')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 5)
      .map((w) => `${[...w][0].toUpperCase()}.`)
      .join(' ') || '—'
  );
}

const EMAIL_IN_TEXT = /[^\s@<>()"']+@[^\s@<>()"']+\.[A-Za-z]{2,}/g;
// 8 to 12 digits with spaces, dots or dashes between, optionally +84: a telephone number
const PHONE_IN_TEXT = /(?:\+?84[\s.-]?|\b0)(?:\d[\s.-]?){7,10}\d\b/g;

/** Takes emails, telephone numbers and the submitter's own name and address out of text meant for the public. */
export function redactPersonal(text: string, personal: Personal | null): string {
  let out = text.replace(EMAIL_IN_TEXT, '[…]').replace(PHONE_IN_TEXT, '[…]');
  if (personal) {
    // the address also by its parts ("Số 12 ngõ 34 phố Hàng Bạc" of "…, Hoàn Kiếm, Hà Nội"), in any letter case
    const parts = [personal.name, personal.email, personal.phone, personal.address, ...(personal.address ?? '').split(/[,;]/).map((p) => p.trim())];
    for (const value of parts.filter((v): v is string => Boolean(v && v.length >= 6)).sort((a, b) => b.length - a.length)) {
      out = out.replace(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), '[…]');
    }
  }
  return out;
}

/** Diacritics, case and spacing off: for repeat detection and answer search. */
const fold = (text: string) => foldDiacritics(text).replace(/\s+/g, ' ').trim();

/** A moment's calendar date in Vietnam (UTC+7 all year). */
export const localDate = (d: Date): IsoDate => toLocalIsoDate(d);

export function kindLabel(kind: Kind): string {
  return kind === 'question' ? 'câu hỏi' : kind === 'feedback' ? 'phản ánh' : 'kiến nghị';
}

/** Counts for the dashboards; `answered in time` compares the answer's local date with the due date. */
export function summarize(rows: { kind: string; field: string; status: string; received_at: string; answered_at: string | null; due_date: string }[], today: IsoDate, cal: WorkingCalendar): Stats {
  const stats: Stats = { received: 0, open: 0, answered: 0, answeredInTime: 0, overdue: 0, rejected: 0, forwarded: 0, averageWorkingDaysToAnswer: null, byKind: {}, byField: {} };
  let days = 0;
  for (const r of rows) {
    const closed = CLOSED.includes(r.status as Status);
    const answered = r.answered_at !== null;
    const overdue = !closed && r.due_date < today;
    stats.received++;
    if (!closed) stats.open++;
    if (answered) {
      stats.answered++;
      if (localDate(new Date(r.answered_at!)) <= r.due_date) stats.answeredInTime++;
      days += Math.max(0, cal.workingDaysBetween(localDate(new Date(r.received_at)), localDate(new Date(r.answered_at!))));
    }
    if (overdue) stats.overdue++;
    if (r.status === 'rejected') stats.rejected++;
    if (r.status === 'forwarded') stats.forwarded++;
    for (const [bucket, key] of [[stats.byKind, r.kind], [stats.byField, r.field]] as const) {
      const b = (bucket[key] ??= { received: 0, answered: 0, overdue: 0 });
      b.received++;
      if (answered) b.answered++;
      if (overdue) b.overdue++;
    }
  }
  stats.averageWorkingDaysToAnswer = stats.answered ? Math.round((days / stats.answered) * 10) / 10 : null;
  return stats;
}

