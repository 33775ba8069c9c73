import { createHash, createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Selectable } from 'kysely';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { isLang, type Lang } from '../../lib/lang.ts';
import type { Sealer } from '../../lib/secrets.ts';
import { fold as foldDiacritics } from '../../lib/text.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import type { Store } from '../../store/index.ts';
import type { AccountService, Role } from '../accounts/index.ts';
import { detectType } from '../media/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { AuditService } from '../audit/index.ts';
import { DEFAULT_DEADLINES, toLocalIsoDate, WorkingCalendar, type IsoDate } from './calendar.ts';
import { replayKey, type ProofOfWork } from './pow.ts';
import { type FeedbackCaseTable, type FeedbackDB, type FeedbackExecutor, type FeedbackLinkTable } from './tables.ts';

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

/** Outbox jobs: send a case to a portal of another deployment; report a case's progress back to the portal it came from. */
export const FORWARD_TOPIC = 'feedback.forward-remote';
export const UPDATE_TOPIC = 'feedback.remote-update';
/** Outbox event and `changes` event when an answer becomes public (caches drop the pages that list answers on its field). */
export const ANSWER_PUBLISHED = 'feedback.answer-published';
/** Files travel with a case sent to another deployment up to this many bytes in all (the peer's inbox takes 5 MB of sealed, encoded message). */
export const REMOTE_FILES_BUDGET = 2 * 1024 * 1024;

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Submissions with one contact per hour before 429. */
export const PER_CONTACT_PER_HOUR = 3;
/** Cases one portal of another deployment may forward to a portal here per hour before 429 (LANTOA_FEEDBACK_FORWARDS_PER_PEER_HOUR). */
export const FORWARDS_PER_PEER_PER_HOUR = 60;

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

/**
 * A portal of another deployment, as federation vouches for it: connected to
 * ours (network, subscription), its identity read, and its sealing key signed
 * by a key we pinned. Seal what it alone may read with `seal`.
 */
export interface RemotePortal {
  url: string;
  slug: string;
  name: Record<string, string>;
  inbox: string;
  seal(plain: Buffer | string, context: string): string;
}

/** What citizen feedback needs from federation (a port; the composition root wires it). */
export interface FeedbackPeers {
  /** portals elsewhere this portal is connected to: where its officers may forward */
  connected(portal: Portal): Promise<{ url: string; slug: string | null; name: Record<string, string> | null }[]>;
  isConnected(portal: Portal, url: string): Promise<boolean>;
  /** throws, with a reason an officer can act on, when the portal is not connected, unreachable or not vouched for */
  resolve(from: Portal, url: string): Promise<RemotePortal>;
  /** opens a box sealed to this portal; throws when it was sealed for another portal or context */
  open(portal: Portal, box: string, context: string): Buffer;
  /** a signed POST to a peer's inbox; the answer's status and parsed JSON body */
  send(from: Portal, inbox: string, message: Record<string, unknown>): Promise<{ status: number; body: any }>;
}

/** A verified message from another portal, as the inbox hands it over. */
export interface PeerMessage {
  portal: Portal;
  from: string;
  message: Record<string, unknown>;
}

export interface PeerHandler {
  /** whether `from` may send this kind of message to `portal` at all */
  related(portal: Portal, from: string): Promise<boolean>;
  handle(v: PeerMessage): Promise<{ status: number; body: Record<string, unknown> }>;
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
  /** the portal's name, per language */
  portalName: Record<string, string>;
  /** for a case at a portal of another deployment: its tracking page there */
  trackUrl: string | null;
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
  /** null once erased after the retention period, or withheld from this viewer */
  personal: Personal | null;
  /** true when the viewer may not read personal data (mayReadPersonalData): texts come redacted, the submitter's files are left out */
  personalWithheld: boolean;
  consentToPublish: boolean;
  answer: string | null;
  forwardedTo: string | null;
  forwardedFrom: string | null;
  /** the thread with a portal of another deployment, when there is one */
  remote: RemoteThread | null;
  attachments: { id: number; role: string; filename: string; mime: string; size: number }[];
  history: (HistoryEntry & { actorId: number | null; internal: boolean })[];
}

export interface RemoteThread {
  /** outgoing: we forwarded the case there; incoming: it came from there */
  direction: 'outgoing' | 'incoming';
  peerUrl: string;
  peerName: Record<string, string>;
  /** the case's code at that portal (outgoing: once delivered) */
  peerCode: string | null;
  /** outgoing: sending | delivered | failed; incoming: received */
  state: string;
  /** outgoing: how the case stands there, as that portal last reported */
  status: Status | null;
  lastError: string | null;
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
  /** publish: the digest of the publication preview the officer confirmed (409 when the text changed since) */
  previewDigest?: unknown;
  note?: unknown;
  assigneeId?: unknown;
  toPortal?: unknown;
  answer?: unknown;
  attachments?: unknown;
}

export interface FeedbackDeps {
  store: Store;
  portals: PortalService;
  /** who holds the officer roles a case may be assigned to or reminded to */
  accounts: Pick<AccountService, 'holdersOf' | 'holdsAnyOf'>;
  outbox: Outbox;
  sealer: Sealer;
  /** key for the contact and content hashes (derived from the deployment secret) */
  hashKey: () => Buffer;
  pow: ProofOfWork;
  clock?: Clock;
  /** officers' steps and settings changes write their audit row in their own transaction */
  audit: AuditService;
  /** emails the submitter and officers; false when mail is not set up */
  mail?: (to: string, subject: string, text: string) => Promise<boolean>;
  /** portals of other deployments (federation); without it, cases are forwarded within this deployment only */
  peers?: FeedbackPeers;
  /** cases a portal of another deployment may forward here per hour (default FORWARDS_PER_PEER_PER_HOUR) */
  forwardsPerPeerPerHour?: number;
}

export class TooManyRequestsError extends DomainError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
    /** what was counted: submissions from one contact, or from one network address */
    readonly per: 'contact' | 'address' = 'contact',
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

/**
 * The one rule on a case's personal data (name, email, telephone, address,
 * the submitter's own files and words as they wrote them): only the portal's
 * feedback officers and admins see it. Editors-in-chief approve answers for
 * publication and see a case as the public would, redacted. The API and the
 * admin desk both ask this function.
 */
export const PERSONAL_DATA_ROLES: readonly Role[] = OFFICER_ROLES;
export function mayReadPersonalData(roles: readonly Role[]): boolean {
  return roles.some((r) => PERSONAL_DATA_ROLES.includes(r));
}

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

/** What a new case is made of: a submission, or a case forwarded from another portal. */
interface NewCase {
  kind: Kind;
  field: string;
  title: string;
  content: string;
  lang: Lang;
  submitterType: string;
  consent: boolean;
  personal: Personal;
  contentKey: string;
  forwardedFrom: string | null;
  files: { role: string; filename: string; mime: string; data: Buffer }[];
  /** the first step of its history (submit, received-by-forward) */
  event: { action: string; note: string | null };
}

export class FeedbackService {
  private readonly db: FeedbackDB;
  private readonly clock: Clock;
  /** `answer-published` {portal, field}: in this process, at once (the page cache listens) */
  readonly changes = new EventEmitter();

  constructor(private readonly deps: FeedbackDeps) {
    this.db = deps.store.db;
    this.clock = deps.clock ?? systemClock;
    deps.outbox.handle(FORWARD_TOPIC, (payload: { caseId: number }) => this.sendForward(payload.caseId));
    deps.outbox.handle(UPDATE_TOPIC, (payload: { caseId: number }) => this.sendUpdate(payload.caseId));
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
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('feedback_settings')
        .values({ portal_id: portal.id, settings: JSON.stringify(next), updated_at: iso(this.clock()) })
        .onConflict((oc) => oc.column('portal_id').doUpdateSet({ settings: JSON.stringify(next), updated_at: iso(this.clock()) }))
        .execute();
      await this.deps.audit.recordFor(ctx, 'feedback', `feedback-settings:${portal.slug}`, { changed: Object.keys(patch ?? {}) }, trx as never);
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
    const receivedAt = iso(now);

    const { code: trackingCode, dueDate } = await this.db.transaction().execute(async (trx) => {
      const dayAgo = iso(new Date(now.getTime() - 86_400_000));
      const repeat = await trx.selectFrom('feedback_cases').select('tracking_code').where('portal_id', '=', portal.id).where('content_key', '=', contentKey).where('received_at', '>=', dayAgo).executeTakeFirst();
      if (repeat) throw new ConflictError(`This submission was received already (${repeat.tracking_code}).`, { trackingCode: repeat.tracking_code });
      // the challenge is spent in the same transaction: a replay, even a concurrent one, fails on the key
      try {
        await trx.insertInto('feedback_pow_used').values({ key: replayKey(pow.challenge), expires_at: iso(new Date(now.getTime() + 86_400_000)) }).execute();
      } catch {
        throw new BadChallengeError('This proof of work was used already; ask for a new challenge.');
      }
      return this.registerCase(trx, portal, { ...checked, contentKey, forwardedFrom: null, files: files.map((f) => ({ ...f, role: 'submission' })), event: { action: 'submit', note: null } }, now, settings);
    });
    await this.mailReceipt(portal, checked.personal.email, { code: trackingCode, dueDate, kind: checked.kind, title: checked.title, lang: checked.lang });
    return { trackingCode, dueDate, receivedAt };
  }

  /** The submitter's receipt: code, due date and where to track (also from a portal a case was forwarded to). */
  private async mailReceipt(portal: Portal, email: string | null, c: { code: string; dueDate: IsoDate; kind: Kind; title: string; lang: Lang }) {
    if (!email) return;
    const portalName = portal.name[c.lang] ?? portal.name.vi;
    await this.deps.mail?.(
      email,
      `[${portalName}] Đã nhận ${kindLabel(c.kind)} ${c.code}`,
      `${portalName} đã nhận ${kindLabel(c.kind)} "${c.title}" của bạn.\nMã số: ${c.code}\nHạn trả lời: ${c.dueDate}\nTra cứu: ${portal.url}/phan-anh/tra-cuu?ma=${encodeURIComponent(c.code)}\n\nWe received your ${c.kind} "${c.title}". Tracking code ${c.code}; answer due by ${c.dueDate}.\n`,
    );
  }

  /**
   * Registers a new case at `portal` inside the caller's transaction: its code,
   * deadlines from the portal's settings (read by the caller before the
   * transaction), sealed personal data, contact keys, first history step and
   * files. Submissions and forwarded cases (from this deployment or another)
   * all come in through here.
   */
  private async registerCase(trx: FeedbackExecutor, portal: Portal, c: NewCase, now: Date, settings: FeedbackSettings): Promise<{ id: number; code: string; dueDate: IsoDate }> {
    const cal = this.calendar(settings);
    const at = iso(now);
    const code = await nextTrackingCode(trx, now);
    const dueDate = cal.addWorkingDays(now, settings.answerWorkingDays[c.kind]);
    const row = await trx
      .insertInto('feedback_cases')
      .values({
        portal_id: portal.id,
        tracking_code: code,
        kind: c.kind,
        field: c.field,
        title: c.title,
        content: c.content,
        lang: c.lang,
        submitter_type: c.submitterType,
        personal: this.deps.sealer.seal(JSON.stringify(c.personal), `feedback-case:${code}`),
        initials: initials(c.personal.name),
        contact_keys: JSON.stringify(this.contactKeys(c.personal.email, c.personal.phone)),
        content_key: c.contentKey,
        consent_to_publish: c.consent ? 1 : 0,
        status: 'received',
        assignee_id: null,
        received_at: at,
        due_date: dueDate,
        classify_due_date: cal.addWorkingDays(now, settings.forwardWorkingDays),
        answer: null,
        answered_at: null,
        published_at: null,
        forwarded_to: null,
        forwarded_from: c.forwardedFrom,
        reminded_at: null,
        erased_at: null,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('feedback_events').values({ case_id: row.id, at, actor_id: null, action: c.event.action, from_status: null, to_status: 'received', note: c.event.note, public: 1 }).execute();
    for (const f of c.files) await trx.insertInto('feedback_attachments').values({ case_id: row.id, role: f.role, filename: f.filename, mime: f.mime, size: f.data.length, data: f.data, created_at: at }).execute();
    return { id: row.id, code, dueDate };
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
    return { kind, field, title, content, submitterType, lang: lang as Lang, consent: input.consentToPublish === true, personal: { name, email, phone: phone ? normalizePhone(phone) : null, address } };
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
    const away = row.status === 'forwarded' ? await this.link(row.id, 'outgoing') : undefined;
    if (away) forwardedTo = remoteTracked(row, away);
    else if (row.forwarded_to && depth < 5) {
      const next = await this.db.selectFrom('feedback_cases').selectAll().where('tracking_code', '=', row.forwarded_to).executeTakeFirst();
      if (next) forwardedTo = await this.tracked(next, depth + 1);
    }
    return {
      trackingCode: row.tracking_code,
      portal: portal?.slug ?? '',
      portalName: portal?.name ?? {},
      trackUrl: null,
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
      await this.queueUpdate(trx, row.id, now);
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

  /** One case as `viewer` may see it: in full for those mayReadPersonalData allows, else redacted and without the submitter's files. */
  async detail(portal: Portal, id: number, viewer: Pick<Actor, 'roles'>): Promise<CaseDetail> {
    const full = await this.fullDetail(portal, id);
    if (mayReadPersonalData(viewer.roles)) return full;
    const row = await this.caseIn(portal, id);
    const personal = this.personalOf(row);
    const scrub = (text: string) => redactPersonal(text, personal);
    return {
      ...full,
      title: scrub(full.title),
      content: scrub(full.content),
      answer: full.answer === null ? null : scrub(full.answer),
      personal: null,
      personalWithheld: true,
      attachments: full.attachments.filter((f) => f.role !== 'submission'),
      history: full.history.map((h) => ({ ...h, note: h.note === null ? null : scrub(h.note) })),
    };
  }

  private async fullDetail(portal: Portal, id: number): Promise<CaseDetail> {
    const row = await this.caseIn(portal, id);
    const [events, files, links] = await Promise.all([
      this.db.selectFrom('feedback_events').selectAll().where('case_id', '=', row.id).orderBy('id').execute(),
      this.db.selectFrom('feedback_attachments').select(['id', 'role', 'filename', 'mime', 'size']).where('case_id', '=', row.id).orderBy('id').execute(),
      this.db.selectFrom('feedback_links').selectAll().where('case_id', '=', row.id).execute(),
    ]);
    // the thread that matters now: where it went, else where it came from
    const link = links.find((l) => l.direction === 'outgoing' && row.status === 'forwarded') ?? links.find((l) => l.direction === 'incoming');
    return {
      ...this.summary(row, portal),
      content: row.content,
      lang: row.lang as Lang,
      submitterType: row.submitter_type,
      personal: row.personal ? (JSON.parse(this.deps.sealer.open(row.personal, `feedback-case:${row.tracking_code}`).toString('utf8')) as Personal) : null,
      personalWithheld: false,
      consentToPublish: row.consent_to_publish === 1,
      answer: row.answer,
      forwardedTo: row.forwarded_to,
      forwardedFrom: row.forwarded_from,
      remote: link
        ? {
            direction: link.direction,
            peerUrl: link.peer_url,
            peerName: JSON.parse(link.peer_name),
            peerCode: link.peer_code,
            state: link.state,
            status: link.remote ? ((JSON.parse(link.remote) as RemoteState).status ?? null) : null,
            lastError: link.last_error,
          }
        : null,
      attachments: files,
      history: events.map((e) => ({ at: e.at, action: e.action, status: e.to_status as Status, note: e.note, actorId: e.actor_id, internal: e.public !== 1 })),
    };
  }

  /** A file of a case; the submitter's own files only for those mayReadPersonalData allows (403 for others). */
  async attachment(portal: Portal, caseId: number, attachmentId: number, viewer: Pick<Actor, 'roles'>) {
    const row = await this.caseIn(portal, caseId);
    const file = await this.db.selectFrom('feedback_attachments').selectAll().where('id', '=', attachmentId).where('case_id', '=', row.id).executeTakeFirst();
    if (!file) throw new NotFoundError(`No attachment ${attachmentId} on this case.`);
    if (file.role === 'submission' && !mayReadPersonalData(viewer.roles)) throw new ForbiddenError(`The submitter's files are for the role ${PERSONAL_DATA_ROLES.join(' or ')} in ${portal.slug}.`);
    return file;
  }

  /**
   * A case opened by an officer (admin or API): `detail` as the caller's roles
   * allow, and, when it showed the submitter's personal data, the reading
   * written to the audit log — a read of personal data is accounted for by the
   * module that holds it, whichever door it came through.
   */
  async caseForOfficer(ctx: RequestContext, portal: Portal, id: number): Promise<CaseDetail> {
    const c = await this.detail(portal, id, ctx);
    if (!c.personalWithheld) await this.deps.audit.recordFor(ctx, 'feedback', `feedback:${c.trackingCode}`, { read: 'personal data' });
    return c;
  }

  /** A file of a case fetched by an officer, the fetch written to the audit log (refusals are not reads). */
  async attachmentForOfficer(ctx: RequestContext, portal: Portal, caseId: number, attachmentId: number) {
    const file = await this.attachment(portal, caseId, attachmentId, ctx);
    await this.deps.audit.recordFor(ctx, 'feedback', `feedback-case:${caseId}`, { read: `attachment ${file.id}` });
    return file;
  }

  /**
   * What publishing the answer would put on the public pages: title, question
   * and answer with personal data taken out, and a digest of exactly that
   * text. The officer reads it and confirms with the digest (`publish` with
   * `previewDigest`), so what is published is what was seen.
   */
  async publicationPreview(portal: Portal, id: number): Promise<{ title: string; question: string; answer: string; redactions: number; digest: string }> {
    const row = await this.caseIn(portal, id);
    if (row.status !== 'answered') throw new ConflictError(`Only an answered case can be published; this one is ${row.status}.`, { state: row.status });
    if (row.consent_to_publish !== 1) throw new ValidationError([{ path: '/action', message: 'the submitter did not agree to publication; the answer went to them alone' }]);
    const text = this.redactedText(row, row.answer ?? '');
    const redactions = [text.title, text.question, text.answer].reduce((n, t) => n + (t.match(REDACTED_MARK_GLOBAL) ?? []).length, 0);
    return { ...text, redactions, digest: previewDigest(text) };
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
  async act(ctx: RequestContext, portal: Portal, id: number, actor: Actor, input: ActionInput): Promise<CaseDetail> {
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
    // forwarding: to a portal of this deployment (by slug or address), or to one of another deployment this portal is connected to (by address)
    let target: Portal | undefined;
    let remote: RemotePortal | undefined;
    if (action === 'forward') {
      const dest = typeof input.toPortal === 'string' ? input.toPortal.trim() : '';
      target = dest ? ((await this.deps.portals.bySlug(dest)) ?? (await this.localPortalAt(dest))) : undefined;
      if (!target && /^https?:\/\//i.test(dest)) {
        if (!this.deps.peers) errors.push({ path: '/toPortal', message: 'this deployment does not federate: forward to one of its own portals' });
        else {
          try {
            remote = await this.deps.peers.resolve(portal, dest);
          } catch (err) {
            errors.push({ path: '/toPortal', message: (err as Error).message });
          }
        }
      } else if (!target) errors.push({ path: '/toPortal', message: 'the slug of a portal of this deployment, or the address of a portal of another deployment this portal is connected to' });
      else if (target.id === portal.id) errors.push({ path: '/toPortal', message: 'forward to another portal' });
    }
    if (action === 'publish' && row.consent_to_publish !== 1) errors.push({ path: '/action', message: 'the submitter did not agree to publication; the answer went to them alone' });
    if (input.previewDigest !== undefined && (action !== 'publish' || typeof input.previewDigest !== 'string' || !/^[0-9a-f]{64}$/.test(input.previewDigest))) errors.push({ path: '/previewDigest', message: 'only with publish: the digest from the publication preview' });
    const files = action === 'answer' ? this.checkAttachments(input.attachments) : [];
    if (errors.length) throw new ValidationError(errors);
    if (action === 'assign') {
      if (!(await this.deps.accounts.holdsAnyOf(assignee!, portal.id, OFFICER_ROLES))) throw new ValidationError([{ path: '/assigneeId', message: `account ${assignee} is not a feedback officer or admin of ${portal.slug}` }]);
    }

    const now = this.clock();
    const at = iso(now);
    const to: Status = action === 'assign' ? (from === 'received' ? 'in-progress' : from) : (rule.to ?? from);
    const publicStep = action !== 'note' && action !== 'assign' && action !== 'send-back';
    // read before the transaction: on SQLite a read outside it would wait for the connection the transaction holds
    const targetSettings = target ? await this.settings(target.id) : undefined;
    const personal = action === 'forward' && target ? this.personalOf(row) : null;
    const targetName = target ? target.name.vi : remote ? (remote.name.vi ?? remote.url) : '';
    let copy: { code: string; dueDate: IsoDate } | undefined;
    await this.db.transaction().execute(async (trx) => {
      const set: Partial<CaseRow> = { status: to, updated_at: at };
      if (action === 'assign') set.assignee_id = assignee;
      if (action === 'answer') {
        set.answer = answer;
        set.answered_at = at;
      }
      if (action === 'publish') {
        set.published_at = at;
        // the public text is fixed now, redacted while the personal data is still there to find by value
        const publicText = this.redactedText(row, row.answer ?? '');
        if (typeof input.previewDigest === 'string' && input.previewDigest !== previewDigest(publicText)) throw new ConflictError('The text to publish changed since the preview was made; look at the preview again.', { state: from });
        set.public_text = JSON.stringify(publicText);
        await this.deps.outbox.emit(trx as never, ANSWER_PUBLISHED, { portal: portal.slug, field: row.field });
      }
      if (action === 'forward' && target) {
        // the files go with the case: the receiving portal's officers need them
        const stored = await trx.selectFrom('feedback_attachments').select(['role', 'filename', 'mime', 'data']).where('case_id', '=', row.id).execute();
        copy = await this.registerCase(
          trx,
          target,
          {
            kind: row.kind as Kind,
            field: row.field,
            title: row.title,
            content: row.content,
            lang: target.languages.includes(row.lang as Lang) ? (row.lang as Lang) : 'vi',
            submitterType: row.submitter_type,
            consent: row.consent_to_publish === 1,
            personal: personal ?? { name: row.initials, email: null, phone: null, address: null },
            contentKey: row.content_key,
            forwardedFrom: row.tracking_code,
            files: stored.map((f) => ({ role: f.role, filename: f.filename, mime: f.mime, data: Buffer.from(f.data) })),
            event: { action: 'received-by-forward', note: `${portal.slug} → ${target.slug} (${row.tracking_code})` },
          },
          now,
          targetSettings!,
        );
        set.forwarded_to = copy.code;
      }
      if (action === 'forward' && remote) {
        // the case leaves through the outbox: sent, signed and sealed, by a job that retries until the portal answers
        await trx.deleteFrom('feedback_links').where('case_id', '=', row.id).where('direction', '=', 'outgoing').execute();
        await trx
          .insertInto('feedback_links')
          .values({ case_id: row.id, direction: 'outgoing', peer_url: remote.url, peer_slug: remote.slug, peer_name: JSON.stringify(remote.name), peer_code: null, state: 'sending', sequence: 0, remote: null, last_error: null, created_at: at, updated_at: at })
          .execute();
        await this.deps.outbox.enqueue(trx as never, FORWARD_TOPIC, { caseId: row.id }, { maxAttempts: 12 });
        set.forwarded_to = null;
      }
      await trx.updateTable('feedback_cases').set(set).where('id', '=', row.id).execute();
      const eventNote = action === 'forward' ? `${targetName}${note ? `: ${note}` : ''}` : action === 'assign' ? `account ${assignee}` : note || null;
      await trx.insertInto('feedback_events').values({ case_id: row.id, at, actor_id: actor.accountId, action, from_status: from, to_status: to, note: eventNote, public: publicStep ? 1 : 0 }).execute();
      for (const f of files) await trx.insertInto('feedback_attachments').values({ case_id: row.id, role: 'answer', filename: f.filename, mime: f.mime, size: f.data.length, data: f.data, created_at: at }).execute();
      // a case that came from another deployment: its origin hears of every public step
      if (publicStep) await this.queueUpdate(trx, row.id, at);
      await this.deps.audit.recordFor(ctx, 'feedback', `feedback:${row.tracking_code}`, { action }, trx as never);
    });
    if (action === 'publish') this.changes.emit('answer-published', { portal: portal.slug, field: row.field });
    await this.tellSubmitter(portal, row, action, { note, answer, targetName });
    if (copy && target && personal) await this.mailReceipt(target, personal.email, { code: copy.code, dueDate: copy.dueDate, kind: row.kind as Kind, title: row.title, lang: row.lang as Lang });
    return this.detail(portal, id, actor);
  }

  private async tellSubmitter(portal: Portal, row: CaseRow, action: Action, f: { note: string; answer: string; targetName: string }) {
    if (!this.deps.mail || !row.personal || !['answer', 'request-info', 'reject', 'forward'].includes(action)) return;
    const personal = this.personalOf(row);
    if (!personal?.email) return;
    if (row.forwarded_from?.includes('@') && !(await this.contactVouched(row.id))) return;
    const link = `${portal.url}/phan-anh/tra-cuu?ma=${encodeURIComponent(row.tracking_code)}`;
    const lines: Record<string, string> = {
      answer: `Trả lời ${kindLabel(row.kind as Kind)} ${row.tracking_code} "${row.title}":\n\n${f.answer}`,
      'request-info': `Để giải quyết ${row.tracking_code}, cơ quan cần bạn bổ sung: ${f.note}\nTrả lời tại: ${link}`,
      reject: `${row.tracking_code} không được tiếp nhận. Lý do: ${f.note}`,
      forward: `${row.tracking_code} đã được chuyển đến ${f.targetName}, cơ quan có thẩm quyền giải quyết.`,
    };
    await this.deps.mail(personal.email, `[${portal.name.vi}] ${row.tracking_code}`, `${lines[action]}\n\nTra cứu / track: ${link}\n`);
  }

  /** Whether the portal that forwarded this case here vouched for the citizen's address (see receiveForward). */
  private async contactVouched(caseId: number): Promise<boolean> {
    const link = await this.link(caseId, 'incoming');
    if (!link?.remote) return false;
    try {
      return (JSON.parse(link.remote) as { contactVouched?: unknown }).contactVouched === true;
    } catch {
      return false;
    }
  }

  private personalOf(row: { personal: string | null; tracking_code: string }): Personal | null {
    return row.personal ? (JSON.parse(this.deps.sealer.open(row.personal, `feedback-case:${row.tracking_code}`).toString('utf8')) as Personal) : null;
  }

  /** A portal of this deployment named by its address (http://hanoi.localhost:3000/…). */
  private async localPortalAt(address: string): Promise<Portal | undefined> {
    let origin: string;
    try {
      origin = new URL(address).origin;
    } catch {
      return undefined;
    }
    return (await this.deps.portals.list()).find((p) => p.url === origin);
  }

  /** Where a portal's officers may forward: the other portals of this deployment, and the connected portals of others. */
  async forwardTargets(portal: Portal): Promise<{ value: string; label: string; remote: boolean }[]> {
    const local = (await this.deps.portals.list()).filter((p) => p.id !== portal.id).map((p) => ({ value: p.slug, label: p.name.vi ?? p.slug, remote: false }));
    const peers = this.deps.peers ? await this.deps.peers.connected(portal) : [];
    return [...local, ...peers.map((p) => ({ value: p.url, label: `${p.name?.vi ?? p.slug ?? p.url} (${p.url})`, remote: true }))];
  }

  // ---------- across deployments ----------

  private async link(caseId: number, direction: 'outgoing' | 'incoming', db: FeedbackExecutor = this.db) {
    return db.selectFrom('feedback_links').selectAll().where('case_id', '=', caseId).where('direction', '=', direction).executeTakeFirst();
  }

  /** Inside a step's transaction: when the case came from another deployment, count a new report and queue it for the origin. */
  private async queueUpdate(trx: FeedbackExecutor, caseId: number, at: string): Promise<void> {
    const res = await trx
      .updateTable('feedback_links')
      .set((eb) => ({ sequence: eb('sequence', '+', 1), updated_at: at }))
      .where('case_id', '=', caseId)
      .where('direction', '=', 'incoming')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) await this.deps.outbox.enqueue(trx as never, UPDATE_TOPIC, { caseId }, { maxAttempts: 12 });
  }

  /** The inbox handlers this module contributes to federation (registered by the composition root). */
  peerHandlers(): Record<'feedback-forward' | 'feedback-update', PeerHandler> {
    return {
      'feedback-forward': { related: (portal, from) => this.deps.peers?.isConnected(portal, from) ?? Promise.resolve(false), handle: (v) => this.receiveForward(v) },
      // only a portal we forwarded a case to reports on it
      'feedback-update': {
        related: async (portal, from) =>
          !!(await this.db
            .selectFrom('feedback_links as l')
            .innerJoin('feedback_cases as c', 'c.id', 'l.case_id')
            .select('l.id')
            .where('c.portal_id', '=', portal.id)
            .where('l.direction', '=', 'outgoing')
            .where('l.peer_url', '=', from)
            .limit(1)
            .executeTakeFirst()),
        handle: (v) => this.receiveUpdate(v),
      },
    };
  }

  /**
   * The outbox job that sends a case to a portal of another deployment. The
   * case — personal data, text and files — travels inside a box sealed to
   * that portal's key, bound to both portals and the case's code; the
   * outbox row holds only the case's id, so nothing personal waits in it.
   */
  async sendForward(caseId: number): Promise<void> {
    const row = await this.db.selectFrom('feedback_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
    const link = row && (await this.link(row.id, 'outgoing'));
    if (!row || !link || link.state !== 'sending' || !this.deps.peers) return;
    const portal = await this.deps.portals.byId(row.portal_id);
    if (!portal) return;
    // resolved again at sending time: keys may have rotated since the officer's click
    const peer = await this.deps.peers.resolve(portal, link.peer_url);
    const personal = this.personalOf(row);
    if (!personal) return this.forwardFailed(row, link.id, peer.name.vi ?? peer.url, 'the personal data of the case was erased');
    const stored = await this.db.selectFrom('feedback_attachments').select(['filename', 'mime', 'data']).where('case_id', '=', row.id).where('role', '=', 'submission').orderBy('id').execute();
    const attachments: { filename: string; contentType: string; data: string }[] = [];
    let budget = REMOTE_FILES_BUDGET;
    for (const f of stored) {
      const data = Buffer.from(f.data);
      if (data.length > budget) continue;
      budget -= data.length;
      attachments.push({ filename: f.filename, contentType: f.mime, data: data.toString('base64') });
    }
    // the officer's note to the receiving portal: the forward step's note without the portal's name in front
    const forwardEvent = await this.db.selectFrom('feedback_events').select('note').where('case_id', '=', row.id).where('action', '=', 'forward').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const namePrefix = `${JSON.parse(link.peer_name).vi ?? link.peer_url}: `;
    const forwardNote = forwardEvent?.note?.startsWith(namePrefix) ? forwardEvent.note.slice(namePrefix.length) : null;
    const sealedCase = {
      kind: row.kind,
      field: row.field,
      title: row.title,
      content: row.content,
      lang: row.lang,
      submitterType: row.submitter_type,
      consentToPublish: row.consent_to_publish === 1,
      receivedAt: row.received_at,
      ...personal,
      // the citizen gave this address in their own submission here: the receiving portal may write to it
      contactVouched: !row.forwarded_from?.includes('@'),
      note: forwardNote,
      attachments,
      filesLeftBehind: stored.length - attachments.length,
    };
    const message = {
      type: 'feedback-forward',
      from: portal.url,
      to: peer.url,
      portal: { slug: portal.slug, name: portal.name },
      case: { code: row.tracking_code, kind: row.kind },
      sealed: peer.seal(JSON.stringify(sealedCase), forwardContext(portal.url, peer.url, row.tracking_code)),
    };
    const res = await this.deps.peers.send(portal, peer.inbox, message);
    const body = (res.body ?? {}) as { trackingCode?: unknown; dueDate?: unknown; receivedAt?: unknown; reason?: unknown; detail?: unknown };
    // 201: taken; 409 replayed: taken before (our first try's answer was lost)
    if ((res.status === 201 || (res.status === 409 && body.reason === 'replayed')) && typeof body.trackingCode === 'string' && TRACKING_CODE.test(body.trackingCode)) {
      const at = iso(this.clock());
      const first: RemoteState = {
        trackingCode: body.trackingCode,
        status: 'received',
        receivedAt: typeof body.receivedAt === 'string' && ISO_TIME.test(body.receivedAt) ? body.receivedAt : at,
        dueDate: typeof body.dueDate === 'string' && ISO_DAY.test(body.dueDate) ? body.dueDate : row.due_date,
        answer: null,
        answeredAt: null,
        published: false,
        history: [],
      };
      const peerCode = body.trackingCode;
      // one transaction: a reader never sees the link delivered without the case naming where it went
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('feedback_links')
          .set({ state: 'delivered', peer_code: peerCode, remote: JSON.stringify(first), last_error: null, updated_at: at })
          .where('id', '=', link.id)
          .where('state', '=', 'sending')
          .execute();
        await trx.updateTable('feedback_cases').set({ forwarded_to: `${peerCode}@${peer.url}`, updated_at: at }).where('id', '=', row.id).execute();
      });
      return;
    }
    const why = `${res.status}${typeof body.reason === 'string' ? ` ${body.reason}` : ''}${typeof body.detail === 'string' ? `: ${body.detail.slice(0, 300)}` : ''}`;
    // a refusal for cause will not change by retrying: the case comes back to this portal's officers
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return this.forwardFailed(row, link.id, peer.name.vi ?? peer.url, why);
    await this.db.updateTable('feedback_links').set({ last_error: why, updated_at: iso(this.clock()) }).where('id', '=', link.id).execute();
    throw new Error(`forwarding ${row.tracking_code} to ${peer.url}: ${why}`);
  }

  /** The portal refused the case: it is this portal's again, in progress, with the reason in its history (internal) and a public step. */
  private async forwardFailed(row: CaseRow, linkId: number, peerName: string, why: string): Promise<void> {
    const at = iso(this.clock());
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('feedback_links').set({ state: 'failed', last_error: why.slice(0, 1000), updated_at: at }).where('id', '=', linkId).execute();
      const res = await trx.updateTable('feedback_cases').set({ status: 'in-progress', forwarded_to: null, updated_at: at }).where('id', '=', row.id).where('status', '=', 'forwarded').executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return;
      await trx.insertInto('feedback_events').values({ case_id: row.id, at, actor_id: null, action: 'forward-failed', from_status: 'forwarded', to_status: 'in-progress', note: peerName, public: 1 }).execute();
      await trx.insertInto('feedback_events').values({ case_id: row.id, at, actor_id: null, action: 'note', from_status: 'in-progress', to_status: 'in-progress', note: `forwarding refused: ${why.slice(0, 1000)}`, public: 0 }).execute();
    });
  }

  /** A case forwarded from a portal of another deployment arrives (the signature was checked by the inbox). */
  async receiveForward(v: PeerMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const { portal, from, message } = v;
    const head = (message.case ?? {}) as { code?: unknown; kind?: unknown };
    const code = typeof head.code === 'string' ? head.code : '';
    if (!TRACKING_CODE.test(code)) throw new DomainError(422, 'Malformed message', 'A forwarded case carries case.code, its tracking code at the origin.', { reason: 'malformed-message' });
    if (typeof message.sealed !== 'string' || message.sealed.length > 8 * 1024 * 1024) throw new DomainError(422, 'Malformed message', 'A forwarded case travels sealed (`sealed`).', { reason: 'malformed-message' });
    const origin = `${code}@${from}`;
    const seen = await this.db.selectFrom('feedback_links as l').innerJoin('feedback_cases as c', 'c.id', 'l.case_id').select('c.tracking_code').where('l.direction', '=', 'incoming').where('l.peer_url', '=', from).where('l.peer_code', '=', code).executeTakeFirst();
    if (seen) throw replayed(`Case ${code} from ${from} was received already, as ${seen.tracking_code}.`, seen.tracking_code);
    await this.checkForwardPace(from);
    let opened: Record<string, unknown>;
    try {
      opened = JSON.parse(this.deps.peers!.open(portal, message.sealed, forwardContext(from, portal.url, code)).toString('utf8'));
    } catch {
      throw new DomainError(422, 'Unsealable', `The case does not open with ${portal.slug}'s sealing key: it was sealed for another portal or another case, or changed on the way.`, { reason: 'unsealable' });
    }
    if (!opened || typeof opened !== 'object' || Array.isArray(opened)) throw new DomainError(422, 'Malformed message', 'The sealed case is not an object.', { reason: 'malformed-message' });
    // the same checks as a citizen's own submission, the proof of work aside (the origin portal took that)
    const lang = typeof opened.lang === 'string' && portal.languages.includes(opened.lang as Lang) ? opened.lang : portal.languages[0];
    const checked = this.checkSubmission(portal, { ...opened, lang, altcha: 'forwarded' });
    const files = this.checkAttachments(opened.attachments);
    const sender = (message.portal ?? {}) as { slug?: unknown; name?: unknown };
    const senderName = sender.name && typeof sender.name === 'object' && typeof (sender.name as Record<string, unknown>).vi === 'string' ? (sender.name as Record<string, string>) : { vi: from };
    const senderSlug = typeof sender.slug === 'string' && /^[a-z0-9-]{1,100}$/.test(sender.slug) ? sender.slug : from;
    const forwardNote = typeof opened.note === 'string' ? opened.note.slice(0, 2000) : null;
    // mail goes to the citizen only when the origin vouches it had the address from them (else this portal is anyone's mail relay)
    const contactVouched = opened.contactVouched === true;
    const left = Number(opened.filesLeftBehind) > 0 ? Math.min(100, Number(opened.filesLeftBehind)) : 0;
    const settings = await this.settings(portal.id);
    const now = this.clock();
    const at = iso(now);
    let created: { id: number; code: string; dueDate: IsoDate };
    try {
      created = await this.db.transaction().execute(async (trx) => {
        const c = await this.registerCase(
          trx,
          portal,
          {
            ...checked,
            contentKey: this.hash(`forwarded\n${origin}`),
            forwardedFrom: origin,
            files: files.map((f) => ({ ...f, role: 'submission' })),
            event: { action: 'received-by-forward', note: `${senderName.vi ?? senderSlug} (${code})${forwardNote ? `: ${forwardNote}` : ''}` },
          },
          now,
          settings,
        );
        if (left) await trx.insertInto('feedback_events').values({ case_id: c.id, at, actor_id: null, action: 'note', from_status: 'received', to_status: 'received', note: `${left} file(s) were too large to travel; ask ${from} for them (case ${code}).`, public: 0 }).execute();
        // the unique index (direction, peer, code) refuses a second copy, even one arriving at the same moment
        await trx
          .insertInto('feedback_links')
          .values({ case_id: c.id, direction: 'incoming', peer_url: from, peer_slug: senderSlug, peer_name: JSON.stringify(senderName), peer_code: code, state: 'received', sequence: 0, remote: JSON.stringify({ contactVouched }), last_error: null, created_at: at, updated_at: at })
          .execute();
        return c;
      });
    } catch (err) {
      const again = await this.db.selectFrom('feedback_links as l').innerJoin('feedback_cases as c', 'c.id', 'l.case_id').select('c.tracking_code').where('l.direction', '=', 'incoming').where('l.peer_url', '=', from).where('l.peer_code', '=', code).executeTakeFirst();
      if (again) throw replayed(`Case ${code} from ${from} was received already, as ${again.tracking_code}.`, again.tracking_code);
      throw err;
    }
    if (contactVouched) await this.mailReceipt(portal, checked.personal.email, { code: created.code, dueDate: created.dueDate, kind: checked.kind, title: checked.title, lang: checked.lang });
    return { status: 201, body: { trackingCode: created.code, dueDate: created.dueDate, receivedAt: at } };
  }

  /** Cases forwarded by one portal of another deployment in the last hour: past the limit, 429 (the sender's outbox retries later). */
  private async checkForwardPace(from: string): Promise<void> {
    const limit = this.deps.forwardsPerPeerPerHour ?? FORWARDS_PER_PEER_PER_HOUR;
    const now = this.clock().getTime();
    const recent = await this.db
      .selectFrom('feedback_links')
      .select(['created_at'])
      .where('direction', '=', 'incoming')
      .where('peer_url', '=', from)
      .where('created_at', '>', iso(new Date(now - 3600_000)))
      .orderBy('created_at')
      .limit(limit)
      .execute();
    if (recent.length < limit) return;
    const wait = Math.max(1, Math.ceil((Date.parse(recent[0].created_at) + 3600_000 - now) / 1000));
    throw new TooManyRequestsError(`${from} forwarded ${limit} cases here in the last hour, as many as a portal may; retry in ${wait} s.`, wait, 'address');
  }

  /**
   * The outbox job that reports a case's public state back to the portal it
   * came from: sealed to that portal, numbered, the number bound into the
   * seal, so an older report or a replay changes nothing there.
   */
  async sendUpdate(caseId: number): Promise<void> {
    const row = await this.db.selectFrom('feedback_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
    const link = row && (await this.link(row.id, 'incoming'));
    if (!row || !link || !link.peer_code || !this.deps.peers) return;
    const portal = await this.deps.portals.byId(row.portal_id);
    if (!portal) return;
    const peer = await this.deps.peers.resolve(portal, link.peer_url);
    const events = await this.db.selectFrom('feedback_events').select(['at', 'action', 'to_status', 'note']).where('case_id', '=', row.id).where('public', '=', 1).orderBy('id').execute();
    const state: RemoteState = {
      trackingCode: row.tracking_code,
      status: row.status as Status,
      receivedAt: row.received_at,
      dueDate: row.due_date,
      answer: row.answer,
      answeredAt: row.answered_at,
      published: row.published_at !== null,
      history: events.slice(-MAX_REMOTE_HISTORY).map((e) => ({ at: e.at, action: e.action, status: e.to_status as Status, note: e.note })),
    };
    const sequence = link.sequence;
    const message = {
      type: 'feedback-update',
      from: portal.url,
      to: peer.url,
      update: { code: link.peer_code, sequence },
      sealed: peer.seal(JSON.stringify(state), updateContext(portal.url, peer.url, link.peer_code, sequence)),
    };
    const res = await this.deps.peers.send(portal, peer.inbox, message);
    const body = (res.body ?? {}) as { reason?: unknown; detail?: unknown };
    const at = iso(this.clock());
    // 409 replayed: the origin has this report or a newer one already
    if ((res.status >= 200 && res.status < 300) || (res.status === 409 && body.reason === 'replayed')) {
      await this.db.updateTable('feedback_links').set({ last_error: null, updated_at: at }).where('id', '=', link.id).execute();
      return;
    }
    const why = `${res.status}${typeof body.reason === 'string' ? ` ${body.reason}` : ''}${typeof body.detail === 'string' ? `: ${body.detail.slice(0, 300)}` : ''}`;
    await this.db.updateTable('feedback_links').set({ last_error: why.slice(0, 1000), updated_at: at }).where('id', '=', link.id).execute();
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return;
    throw new Error(`reporting ${row.tracking_code} to ${peer.url}: ${why}`);
  }

  /** A portal we forwarded a case to reports how it stands there; the submitter sees it when tracking here. */
  async receiveUpdate(v: PeerMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const { portal, from, message } = v;
    const head = (message.update ?? {}) as { code?: unknown; sequence?: unknown };
    const code = typeof head.code === 'string' ? head.code : '';
    const sequence = Number(head.sequence);
    if (!TRACKING_CODE.test(code) || !Number.isInteger(sequence) || sequence < 1 || sequence > 2_147_483_647 || typeof message.sealed !== 'string' || message.sealed.length > 1024 * 1024) {
      throw new DomainError(422, 'Malformed message', 'A case report carries update.code (our code), update.sequence (1, 2, …) and the sealed state.', { reason: 'malformed-message' });
    }
    const found = await this.db
      .selectFrom('feedback_links as l')
      .innerJoin('feedback_cases as c', 'c.id', 'l.case_id')
      .select(['l.id', 'l.sequence', 'l.peer_code', 'c.id as case_id'])
      .where('c.portal_id', '=', portal.id)
      .where('c.tracking_code', '=', code)
      .where('l.direction', '=', 'outgoing')
      .where('l.peer_url', '=', from)
      .where('l.state', '!=', 'failed')
      .executeTakeFirst();
    if (!found) throw new DomainError(404, 'No such case', `${portal.slug} forwarded no case ${code} to ${from}.`, { reason: 'no-case' });
    let state: RemoteState;
    try {
      state = checkRemoteState(JSON.parse(this.deps.peers!.open(portal, message.sealed, updateContext(from, portal.url, code, sequence)).toString('utf8')));
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw new DomainError(422, 'Unsealable', `The report does not open with ${portal.slug}'s sealing key for case ${code}, report ${sequence}: it was sealed for another portal, case or number, or changed on the way.`, { reason: 'unsealable' });
    }
    if (found.peer_code && state.trackingCode !== found.peer_code) throw new DomainError(422, 'Wrong case', `The report is about ${state.trackingCode}; ${code} went to ${from} as ${found.peer_code}.`, { reason: 'wrong-case' });
    if (sequence <= found.sequence) throw replayed(`Report ${sequence} on ${code} is not newer than the last one applied (${found.sequence}).`);
    const at = iso(this.clock());
    const applied = await this.db.transaction().execute(async (trx) => {
      // the condition on the number makes two reports racing each other apply in order, once each
      const res = await trx
        .updateTable('feedback_links')
        .set({ sequence, remote: JSON.stringify(state), peer_code: state.trackingCode, state: 'delivered', last_error: null, updated_at: at })
        .where('id', '=', found.id)
        .where('sequence', '<', sequence)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      // the retention clock of the case here restarts with news from there
      await trx.updateTable('feedback_cases').set({ updated_at: at, forwarded_to: `${state.trackingCode}@${from}` }).where('id', '=', found.case_id).execute();
      return true;
    });
    if (!applied) throw replayed(`Report ${sequence} on ${code} is not newer than the last one applied.`);
    return { status: 200, body: { status: 'applied', sequence } };
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

  /** One published answer by its code, or undefined (unknown, not published, another portal's). */
  async answer(portal: Portal, trackingCode: string): Promise<PublicAnswer | undefined> {
    const code = String(trackingCode).trim().toUpperCase();
    if (!TRACKING_CODE.test(code)) return undefined;
    const row = await this.db.selectFrom('feedback_cases').selectAll().where('portal_id', '=', portal.id).where('tracking_code', '=', code).where('status', '=', 'published').executeTakeFirst();
    return row ? this.publicAnswer(row) : undefined;
  }

  /**
   * Published answers whose field (lĩnh vực) is one of `topics` — an article's
   * tags and its own field — newest first. The match is on the exact name
   * (Unicode-normalised, trimmed): officers pick the field from the portal's
   * list, editors tag with the same names.
   */
  async answersOnTopics(portal: Portal, topics: string[], limit = 5): Promise<PublicAnswer[]> {
    const names = [...new Set(topics.map((t) => t.normalize('NFC').trim()).filter((t) => t && t.length <= 100))].slice(0, 50);
    if (names.length === 0) return [];
    const rows = await this.db
      .selectFrom('feedback_cases')
      .selectAll()
      .where('portal_id', '=', portal.id)
      .where('status', '=', 'published')
      .where('field', 'in', names)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(1, limit), 20))
      .execute();
    return rows.map((r) => this.publicAnswer(r));
  }

  /** The public version of a case's text: emails, telephone numbers and the submitter's own name and address taken out. */
  private redactedText(r: CaseRow, answer: string): { title: string; question: string; answer: string } {
    return this.redacted(r, { title: r.title, question: r.content, answer });
  }

  private redacted(r: CaseRow, text: { title: string; question: string; answer: string }): { title: string; question: string; answer: string } {
    let personal: Personal | null = null;
    try {
      personal = this.personalOf(r);
    } catch {
      personal = null;
    }
    const scrub = (t: string) => redactPersonal(t, personal);
    return { title: scrub(text.title), question: scrub(text.question), answer: scrub(text.answer) };
  }

  /**
   * The text of a published answer: the one frozen at publication, redacted
   * again while the personal data is still kept — answers frozen before every
   * word of the name was taken out (names under six letters survived) lose
   * them now; the marks already there stay as they are. Answers published
   * before texts were frozen are redacted from the case.
   */
  private publicText(r: CaseRow): { title: string; question: string; answer: string } {
    let frozen: { title: string; question: string; answer: string } | undefined;
    if (r.public_text) {
      try {
        frozen = JSON.parse(r.public_text);
      } catch {
        frozen = undefined;
      }
    }
    if (!frozen || typeof frozen.title !== 'string' || typeof frozen.question !== 'string' || typeof frozen.answer !== 'string') return this.redactedText(r, r.answer ?? '');
    return r.personal ? this.redacted(r, frozen) : frozen;
  }

  /** A published answer with personal data taken out: initials only, no email, phone, address or word of the name, even where the submitter typed them into the text. */
  private publicAnswer(r: CaseRow): PublicAnswer {
    const text = this.publicText(r);
    return {
      trackingCode: r.tracking_code,
      kind: r.kind as Kind,
      field: r.field,
      title: text.title,
      question: text.question,
      askedBy: r.initials,
      answer: text.answer,
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
          await this.deps.accounts.holdersOf(r.portal_id, OFFICER_ROLES),
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
    const rows = await this.db.selectFrom('feedback_cases').selectAll().where('status', 'in', CLOSED).where('erased_at', 'is', null).execute();
    let n = 0;
    const retention = new Map<number, number>();
    for (const r of rows) {
      if (!retention.has(r.portal_id)) retention.set(r.portal_id, (await this.settings(r.portal_id)).retentionDays);
      if (Date.parse(r.updated_at) + retention.get(r.portal_id)! * 86_400_000 > this.clock().getTime()) continue;
      // the published text, redacted once more while the personal data can still be found in it (publicText), is what stays
      const publicText = r.status === 'published' ? JSON.stringify(this.publicText(r)) : r.public_text;
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('feedback_cases').set({ personal: null, contact_keys: '[]', erased_at: iso(this.clock()), public_text: publicText }).where('id', '=', r.id).execute();
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

/** Tracking codes as this and other deployments make them (PAKN.YYYYMMDD.NNNN), with room for other agencies' formats. */
const TRACKING_CODE = /^[A-Z0-9][A-Z0-9._-]{3,39}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_REMOTE_HISTORY = 200;

/** What a sealed box of a forwarded case is bound to: both portals and the case. */
const forwardContext = (from: string, to: string, code: string) => `lantoa feedback-forward v1\n${from}\n${to}\n${code}`;
/** … and a report back: both portals, the origin's code and the report's number. */
const updateContext = (from: string, to: string, code: string, sequence: number) => `lantoa feedback-update v1\n${from}\n${to}\n${code}\n${sequence}`;

/** A repeated message: 409 with the reason the sender recognises as "already done". */
function replayed(detail: string, trackingCode?: string): DomainError {
  return new DomainError(409, 'Replayed', detail, { reason: 'replayed', ...(trackingCode ? { trackingCode } : {}) });
}

/** How a case stands at the portal of another deployment it was forwarded to, as that portal reports it. */
export type RemoteState = Pick<TrackedCase, 'trackingCode' | 'status' | 'receivedAt' | 'dueDate' | 'answer' | 'answeredAt' | 'published' | 'history'>;

/** A report from another portal, checked field by field before anything of it is kept or shown. */
function checkRemoteState(raw: unknown): RemoteState {
  const bad = (what: string) => new DomainError(422, 'Malformed message', `The case report is malformed: ${what}.`, { reason: 'malformed-message' });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('not an object');
  const r = raw as Record<string, unknown>;
  const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
  if (typeof r.trackingCode !== 'string' || !TRACKING_CODE.test(r.trackingCode)) throw bad('trackingCode');
  if (!(STATUSES as readonly unknown[]).includes(r.status)) throw bad('status');
  if (typeof r.receivedAt !== 'string' || !ISO_TIME.test(r.receivedAt)) throw bad('receivedAt');
  if (typeof r.dueDate !== 'string' || !ISO_DAY.test(r.dueDate)) throw bad('dueDate');
  if (r.answer !== null && !text(r.answer, 100_000)) throw bad('answer');
  if (r.answeredAt !== null && (typeof r.answeredAt !== 'string' || !ISO_TIME.test(r.answeredAt))) throw bad('answeredAt');
  if (typeof r.published !== 'boolean') throw bad('published');
  if (!Array.isArray(r.history) || r.history.length > MAX_REMOTE_HISTORY) throw bad('history');
  const history = r.history.map((h: unknown) => {
    const e = (h ?? {}) as Record<string, unknown>;
    if (typeof e.at !== 'string' || !ISO_TIME.test(e.at) || !text(e.action, 50) || !(STATUSES as readonly unknown[]).includes(e.status) || (e.note !== null && !text(e.note, 20_000))) throw bad('history entry');
    return { at: e.at, action: e.action as string, status: e.status as Status, note: (e.note as string | null) ?? null };
  });
  return { trackingCode: r.trackingCode, status: r.status as Status, receivedAt: r.receivedAt, dueDate: r.dueDate, answer: (r.answer as string | null) ?? null, answeredAt: (r.answeredAt) ?? null, published: r.published, history };
}

/** The case as the submitter sees it where it went on, in another deployment: from that portal's last report. */
function remoteTracked(row: CaseRow, link: Selectable<FeedbackLinkTable>): TrackedCase | null {
  if (!link.remote) return null;
  const r = JSON.parse(link.remote) as RemoteState;
  return {
    trackingCode: r.trackingCode,
    portal: link.peer_slug,
    portalName: JSON.parse(link.peer_name),
    trackUrl: `${link.peer_url}/phan-anh/tra-cuu?ma=${encodeURIComponent(r.trackingCode)}`,
    kind: row.kind as Kind,
    field: row.field,
    title: row.title,
    status: r.status,
    receivedAt: r.receivedAt,
    dueDate: r.dueDate,
    answer: r.answer,
    answeredAt: r.answeredAt,
    published: r.published,
    history: r.history,
    forwardedTo: null,
  };
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

/** A character that cannot be part of an email address written in running text. */
const NOT_IN_EMAIL = /[\s@<>()"']/;

/**
 * Email addresses in running text, as [start, end) ranges: a local part, "@",
 * and a domain whose last dot is followed by at least two letters. From each
 * "@" outwards, never past the previous "@" or the next one, so each
 * character is looked at a few times at most (`work.steps` counts them): the
 * regular expression this replaces retried every start position of a long
 * run without "@", quadratic in it.
 */
export function emailsIn(text: string, work: { steps: number } = { steps: 0 }): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let floor = 0; // nothing before this belongs to a later address
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > floor && !NOT_IN_EMAIL.test(text[start - 1])) start--, work.steps++;
    let domainEnd = at + 1;
    while (domainEnd < text.length && !NOT_IN_EMAIL.test(text[domainEnd])) domainEnd++, work.steps++;
    // the last dot of the domain with two letters after it, and not its first character
    let end = -1;
    for (let dot = domainEnd - 1; dot > at + 1 && end === -1; dot--) {
      work.steps++;
      if (text[dot] !== '.') continue;
      let letters = dot + 1;
      while (letters < domainEnd && /[A-Za-z]/.test(text[letters])) letters++, work.steps++;
      if (letters - dot - 1 >= 2) end = letters;
    }
    if (start < at && end !== -1) {
      found.push([start, end]);
      floor = end;
    } else floor = Math.max(floor, at + 1);
  }
  return found;
}

function replaceEmails(text: string, by: string): string {
  let out = '';
  let last = 0;
  for (const [start, end] of emailsIn(text)) {
    out += text.slice(last, start) + by;
    last = end;
  }
  return out + text.slice(last);
}
// 8 to 12 digits with spaces, dots or dashes between, optionally +84: a telephone number
const PHONE_IN_TEXT = /(?:\+?84[\s.-]?|\b0)(?:\d[\s.-]?){7,10}\d\b/g;

/** Takes emails, telephone numbers and the submitter's own name and address out of text meant for the public. */
export function redactPersonal(text: string, personal: Personal | null): string {
  let out = replaceEmails(text, '[…]').replace(PHONE_IN_TEXT, '[…]');
  if (personal) {
    // the address also by its parts ("Số 12 ngõ 34 phố Hàng Bạc" of "…, Hoàn Kiếm, Hà Nội"), in any letter case
    const parts = [personal.email, personal.phone, personal.address, ...(personal.address ?? '').split(/[,;]/).map((p) => p.trim())];
    for (const value of parts.filter((v): v is string => Boolean(v && v.length >= 6)).sort((a, b) => b.length - a.length)) {
      out = out.replace(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), '[…]');
    }
    out = redactName(out, personal.name);
  }
  return out;
}

const REDACTED = '[…]';
const REDACTED_MARK_GLOBAL = /\[…\]/g;
/** A word: letters (with their combining marks) and digits, in any script. */
const WORD_IN_TEXT = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Every word of the name, however short ("Lê Na": "Lê" and "Na"), as a whole
 * word, in any letter case, written with its own diacritics or with none at
 * all ("Le Na", as people type without a Vietnamese keyboard) — but not with
 * other diacritics: "Na" takes out "na" and "NA", not "nà". Neighbouring
 * marks merge, so "Lê Na" becomes one "[…]".
 */
export function redactName(text: string, name: string): string {
  const exact = new Set<string>();
  const bare = new Set<string>();
  for (const w of name.normalize('NFC').match(WORD_IN_TEXT) ?? []) {
    exact.add(w.toLocaleLowerCase('vi'));
    bare.add(foldDiacritics(w));
  }
  if (exact.size === 0) return text;
  const out = text.normalize('NFC').replace(WORD_IN_TEXT, (w) => {
    const lower = w.toLocaleLowerCase('vi');
    if (exact.has(lower)) return REDACTED;
    // a word typed without diacritics matches the name's word stripped of its own
    return bare.has(lower) && foldDiacritics(w) === lower ? REDACTED : w;
  });
  return out.replace(/\[…\](?:[ \t]+\[…\])+/g, REDACTED);
}

/** The digest that ties a publication to the preview the officer saw. */
function previewDigest(text: { title: string; question: string; answer: string }): string {
  return createHash('sha256').update(JSON.stringify([text.title, text.question, text.answer])).digest('hex');
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

