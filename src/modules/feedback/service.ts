import type { EventEmitter } from 'node:events';
import type { RequestContext } from '../../lib/request-context.ts';
import type { Portal } from '../portals/index.ts';
import { answer, answers, answersOnTopics } from './answers.ts';
import type { IsoDate, WorkingCalendar } from './calendar.ts';
import { FeedbackCore } from './core.ts';
import { act, attachment, detail, forwardTargets, inbox, portalOf, publicationPreview } from './desk.ts';
import { networkStats, stats } from './figures.ts';
import { challenge, submit } from './intake.ts';
import { eraseExpired, remind } from './jobs.ts';
import {
  FORWARD_TOPIC,
  UPDATE_TOPIC,
  type ActionInput,
  type Actor,
  type CaseDetail,
  type CaseSummary,
  type FeedbackDeps,
  type FeedbackSettings,
  type PeerHandler,
  type PeerMessage,
  type PublicAnswer,
  type Stats,
  type Submission,
  type TrackedCase,
} from './model.ts';
import { peerHandlers, receiveForward, receiveUpdate, sendForward, sendUpdate } from './remote.ts';
import { reply, track } from './tracking.ts';

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
//
// This class is the module's one door; the work is done in the files named
// after its parts: intake (submissions), tracking (the submitter's page),
// desk (officers' inbox and steps), remote (cases to and from portals of
// other deployments), answers (the public ones), figures, jobs (reminders and
// erasure), privacy (who sees personal data, and redaction).

export class FeedbackService {
  private readonly core: FeedbackCore;
  /** `answer-published` {portal, field}: in this process, at once (the page cache listens) */
  readonly changes: EventEmitter;

  constructor(deps: FeedbackDeps) {
    this.core = new FeedbackCore(deps);
    this.changes = this.core.changes;
    deps.outbox.handle(FORWARD_TOPIC, (payload: { caseId: number }) => this.sendForward(payload.caseId));
    deps.outbox.handle(UPDATE_TOPIC, (payload: { caseId: number }) => this.sendUpdate(payload.caseId));
  }

  // ---------- settings and calendar ----------

  settings(portalId: number): Promise<FeedbackSettings> {
    return this.core.settings(portalId);
  }

  updateSettings(ctx: RequestContext, portal: Portal, patch: Partial<FeedbackSettings>): Promise<FeedbackSettings> {
    return this.core.updateSettings(ctx, portal, patch);
  }

  calendar(settings: FeedbackSettings): WorkingCalendar {
    return this.core.calendar(settings);
  }

  /** Today in Vietnam, as a date. */
  today(): IsoDate {
    return this.core.today();
  }

  // ---------- submission (intake.ts) ----------

  challenge() {
    return challenge(this.core);
  }

  submit(portal: Portal, input: Submission): Promise<{ trackingCode: string; dueDate: IsoDate; receivedAt: string }> {
    return submit(this.core, portal, input);
  }

  // ---------- tracking (tracking.ts) ----------

  track(trackingCode: string, contact: string): Promise<TrackedCase> {
    return track(this.core, trackingCode, contact);
  }

  reply(trackingCode: string, contact: string, text: string): Promise<TrackedCase> {
    return reply(this.core, trackingCode, contact, text);
  }

  // ---------- the back office (desk.ts) ----------

  inbox(portal: Portal, filter: Parameters<typeof inbox>[2] = {}): Promise<CaseSummary[]> {
    return inbox(this.core, portal, filter);
  }

  detail(portal: Portal, id: number, viewer: Pick<Actor, 'roles'>): Promise<CaseDetail> {
    return detail(this.core, portal, id, viewer);
  }

  attachment(portal: Portal, caseId: number, attachmentId: number, viewer: Pick<Actor, 'roles'>) {
    return attachment(this.core, portal, caseId, attachmentId, viewer);
  }

  /**
   * A case opened by an officer (admin or API): `detail` as the caller's roles
   * allow, and, when it showed the submitter's personal data, the reading
   * written to the audit log — a read of personal data is accounted for by the
   * module that holds it, whichever door it came through.
   */
  async caseForOfficer(ctx: RequestContext, portal: Portal, id: number): Promise<CaseDetail> {
    const c = await this.detail(portal, id, ctx);
    if (!c.personalWithheld) await this.core.deps.audit.recordFor(ctx, 'feedback', `feedback:${c.trackingCode}`, { read: 'personal data' });
    return c;
  }

  /** A file of a case fetched by an officer, the fetch written to the audit log (refusals are not reads). */
  async attachmentForOfficer(ctx: RequestContext, portal: Portal, caseId: number, attachmentId: number) {
    const file = await this.attachment(portal, caseId, attachmentId, ctx);
    await this.core.deps.audit.recordFor(ctx, 'feedback', `feedback-case:${caseId}`, { read: `attachment ${file.id}` });
    return file;
  }

  publicationPreview(portal: Portal, id: number): Promise<{ title: string; question: string; answer: string; redactions: number; digest: string }> {
    return publicationPreview(this.core, portal, id);
  }

  portalOf(id: number): Promise<Portal | undefined> {
    return portalOf(this.core, id);
  }

  act(ctx: RequestContext, portal: Portal, id: number, actor: Actor, input: ActionInput): Promise<CaseDetail> {
    return act(this.core, ctx, portal, id, actor, input);
  }

  forwardTargets(portal: Portal): Promise<{ value: string; label: string; remote: boolean }[]> {
    return forwardTargets(this.core, portal);
  }

  // ---------- across deployments (remote.ts) ----------

  peerHandlers(): Record<'feedback-forward' | 'feedback-update', PeerHandler> {
    return peerHandlers(this.core);
  }

  sendForward(caseId: number): Promise<void> {
    return sendForward(this.core, caseId);
  }

  receiveForward(v: PeerMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    return receiveForward(this.core, v);
  }

  sendUpdate(caseId: number): Promise<void> {
    return sendUpdate(this.core, caseId);
  }

  receiveUpdate(v: PeerMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    return receiveUpdate(this.core, v);
  }

  // ---------- public answers (answers.ts) ----------

  answers(portal: Portal, opts: Parameters<typeof answers>[2] = {}): Promise<PublicAnswer[]> {
    return answers(this.core, portal, opts);
  }

  answer(portal: Portal, trackingCode: string): Promise<PublicAnswer | undefined> {
    return answer(this.core, portal, trackingCode);
  }

  answersOnTopics(portal: Portal, topics: string[], limit = 5): Promise<PublicAnswer[]> {
    return answersOnTopics(this.core, portal, topics, limit);
  }

  // ---------- figures (figures.ts) ----------

  stats(portal: Portal, range: { from?: string; to?: string } = {}): Promise<Stats> {
    return stats(this.core, portal, range);
  }

  networkStats(range: { from?: string; to?: string } = {}): Promise<{ totals: Stats; portals: ({ portal: string } & Stats)[] }> {
    return networkStats(this.core, range);
  }

  // ---------- deadlines and retention (jobs.ts) ----------

  remind(days = 2): Promise<number> {
    return remind(this.core, days);
  }

  eraseExpired(): Promise<number> {
    return eraseExpired(this.core);
  }
}
