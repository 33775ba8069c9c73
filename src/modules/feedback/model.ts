import type { Role } from '../accounts/index.ts';
import { DomainError, type FieldError } from '../../lib/errors.ts';
import type { Lang } from '../../lib/lang.ts';
import type { Sealer } from '../../lib/secrets.ts';
import { fold as foldDiacritics } from '../../lib/text.ts';
import type { Clock } from '../../lib/time.ts';
import type { Store } from '../../store/index.ts';
import type { AccountService } from '../accounts/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import { DEFAULT_DEADLINES, toLocalIsoDate, type IsoDate } from './calendar.ts';
import type { ProofOfWork } from './pow.ts';

// What citizen feedback is made of: its kinds, statuses and steps, the shapes
// it takes in and hands out, its settings and its errors. The parts of the
// module (intake, tracking, desk, remote, answers, jobs) share these.

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
  send(from: Portal, inbox: string, message: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
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

/** What a new case is made of: a submission, or a case forwarded from another portal. */
export interface NewCase {
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

/** How a case stands at the portal of another deployment it was forwarded to, as that portal reports it. */
export type RemoteState = Pick<TrackedCase, 'trackingCode' | 'status' | 'receivedAt' | 'dueDate' | 'answer' | 'answeredAt' | 'published' | 'history'>;

/** Tracking codes as this and other deployments make them (PAKN.YYYYMMDD.NNNN), with room for other agencies' formats. */
export const TRACKING_CODE = /^[A-Z0-9][A-Z0-9._-]{3,39}$/;

/** Diacritics, case and spacing off: for repeat detection and answer search. */
export const fold = (text: string) => foldDiacritics(text).replace(/\s+/g, ' ').trim();

/** A moment's calendar date in Vietnam (UTC+7 all year). */
export const localDate = (d: Date): IsoDate => toLocalIsoDate(d);

export function kindLabel(kind: Kind): string {
  return kind === 'question' ? 'câu hỏi' : kind === 'feedback' ? 'phản ánh' : 'kiến nghị';
}
