import type { Role } from '../accounts/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import type { Lang } from '../../lib/lang.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso } from '../../lib/time.ts';
import type { Portal } from '../portals/index.ts';
import { redactedText } from './answers.ts';
import type { IsoDate } from './calendar.ts';
import type { CaseRow, FeedbackCore } from './core.ts';
import { checkAttachments, mailReceipt, registerCase } from './intake.ts';
import {
  ACTIONS,
  ANSWER_PUBLISHED,
  CLOSED,
  FORWARD_TOPIC,
  STATUSES,
  kindLabel,
  type Action,
  type ActionInput,
  type Actor,
  type CaseDetail,
  type CaseSummary,
  type Kind,
  type Personal,
  type RemotePortal,
  type RemoteState,
  type Status,
} from './model.ts';
import { OFFICER_ROLES, PERSONAL_DATA_ROLES, REDACTED_MARK_GLOBAL, mayReadPersonalData, previewDigest, redactPersonal } from './privacy.ts';
import { queueUpdate } from './remote.ts';

// The desk: the portal's officers at work — the inbox, a case in full or
// redacted, its files, the steps they take on it, and the publication preview.

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

export async function inbox(core: FeedbackCore, portal: Portal, filter: { status?: string; kind?: string; overdue?: boolean; assigneeId?: number; limit?: number; offset?: number } = {}): Promise<CaseSummary[]> {
  let q = core.db.selectFrom('feedback_cases').selectAll().where('portal_id', '=', portal.id);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.assigneeId) q = q.where('assignee_id', '=', filter.assigneeId);
  if (filter.overdue) q = q.where('status', 'not in', CLOSED).where('due_date', '<', core.today());
  const rows = await q
    .orderBy('due_date')
    .orderBy('id')
    .limit(Math.min(filter.limit ?? 50, 200))
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((r) => core.summary(r, portal));
}

/** One case as `viewer` may see it: in full for those mayReadPersonalData allows, else redacted and without the submitter's files. */
export async function detail(core: FeedbackCore, portal: Portal, id: number, viewer: Pick<Actor, 'roles'>): Promise<CaseDetail> {
  const full = await fullDetail(core, portal, id);
  if (mayReadPersonalData(viewer.roles)) return full;
  const row = await core.caseIn(portal, id);
  const personal = core.personalOf(row);
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

async function fullDetail(core: FeedbackCore, portal: Portal, id: number): Promise<CaseDetail> {
  const row = await core.caseIn(portal, id);
  const [events, files, links] = await Promise.all([
    core.db.selectFrom('feedback_events').selectAll().where('case_id', '=', row.id).orderBy('id').execute(),
    core.db.selectFrom('feedback_attachments').select(['id', 'role', 'filename', 'mime', 'size']).where('case_id', '=', row.id).orderBy('id').execute(),
    core.db.selectFrom('feedback_links').selectAll().where('case_id', '=', row.id).execute(),
  ]);
  // the thread that matters now: where it went, else where it came from
  const link = links.find((l) => l.direction === 'outgoing' && row.status === 'forwarded') ?? links.find((l) => l.direction === 'incoming');
  return {
    ...core.summary(row, portal),
    content: row.content,
    lang: row.lang as Lang,
    submitterType: row.submitter_type,
    personal: row.personal ? (JSON.parse(core.deps.sealer.open(row.personal, `feedback-case:${row.tracking_code}`).toString('utf8')) as Personal) : null,
    personalWithheld: false,
    consentToPublish: row.consent_to_publish === 1,
    answer: row.answer,
    forwardedTo: row.forwarded_to,
    forwardedFrom: row.forwarded_from,
    remote: link
      ? {
          direction: link.direction,
          peerUrl: link.peer_url,
          peerName: JSON.parse(link.peer_name) as Record<string, string>,
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
export async function attachment(core: FeedbackCore, portal: Portal, caseId: number, attachmentId: number, viewer: Pick<Actor, 'roles'>) {
  const row = await core.caseIn(portal, caseId);
  const file = await core.db.selectFrom('feedback_attachments').selectAll().where('id', '=', attachmentId).where('case_id', '=', row.id).executeTakeFirst();
  if (!file) throw new NotFoundError(`No attachment ${attachmentId} on this case.`);
  if (file.role === 'submission' && !mayReadPersonalData(viewer.roles)) throw new ForbiddenError(`The submitter's files are for the role ${PERSONAL_DATA_ROLES.join(' or ')} in ${portal.slug}.`);
  return file;
}

/**
 * What publishing the answer would put on the public pages: title, question
 * and answer with personal data taken out, and a digest of exactly that
 * text. The officer reads it and confirms with the digest (`publish` with
 * `previewDigest`), so what is published is what was seen.
 */
export async function publicationPreview(core: FeedbackCore, portal: Portal, id: number): Promise<{ title: string; question: string; answer: string; redactions: number; digest: string }> {
  const row = await core.caseIn(portal, id);
  if (row.status !== 'answered') throw new ConflictError(`Only an answered case can be published; this one is ${row.status}.`, { state: row.status });
  if (row.consent_to_publish !== 1) throw new ValidationError([{ path: '/action', message: 'the submitter did not agree to publication; the answer went to them alone' }]);
  const text = redactedText(core, row, row.answer ?? '');
  const redactions = [text.title, text.question, text.answer].reduce((n, t) => n + (t.match(REDACTED_MARK_GLOBAL) ?? []).length, 0);
  return { ...text, redactions, digest: previewDigest(text) };
}

/** The portal a case belongs to (for the API's role check before anything else). */
export async function portalOf(core: FeedbackCore, id: number): Promise<Portal | undefined> {
  const row = await core.db.selectFrom('feedback_cases').select('portal_id').where('id', '=', id).executeTakeFirst();
  return row ? core.deps.portals.byId(row.portal_id) : undefined;
}

export async function act(core: FeedbackCore, ctx: RequestContext, portal: Portal, id: number, actor: Actor, input: ActionInput): Promise<CaseDetail> {
  const action = input.action as Action;
  if (!ACTIONS.includes(action)) throw new ValidationError([{ path: '/action', message: `must be one of ${ACTIONS.join(', ')}` }]);
  const rule = RULES[action];
  if (!actor.roles.some((r) => rule.roles.includes(r))) throw new ForbiddenError(`${action} needs the role ${rule.roles.join(' or ')} in ${portal.slug}.`);
  const row = await core.caseIn(portal, id);
  const from = row.status as Status;
  if (!rule.from.includes(from))
    throw new ConflictError(`A case that is ${from} cannot be given the action ${action}.`, { state: from, allowedActions: ACTIONS.filter((a) => RULES[a].from.includes(from) && actor.roles.some((r) => RULES[a].roles.includes(r))) });
  const note = typeof input.note === 'string' ? input.note.normalize('NFC').trim() : '';
  const errors: FieldError[] = [];
  if (note.length > 20_000) errors.push({ path: '/note', message: 'must be at most 20,000 characters' });
  if ((action === 'reject' || action === 'send-back' || action === 'request-info' || action === 'note') && !note)
    errors.push({ path: '/note', message: action === 'reject' ? 'give the reason for the rejection' : action === 'request-info' ? 'say what information is needed' : 'write the note' });
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
    target = dest ? ((await core.deps.portals.bySlug(dest)) ?? (await localPortalAt(core, dest))) : undefined;
    if (!target && /^https?:\/\//i.test(dest)) {
      if (!core.deps.peers) errors.push({ path: '/toPortal', message: 'this deployment does not federate: forward to one of its own portals' });
      else {
        try {
          remote = await core.deps.peers.resolve(portal, dest);
        } catch (err) {
          errors.push({ path: '/toPortal', message: (err as Error).message });
        }
      }
    } else if (!target) errors.push({ path: '/toPortal', message: 'the slug of a portal of this deployment, or the address of a portal of another deployment this portal is connected to' });
    else if (target.id === portal.id) errors.push({ path: '/toPortal', message: 'forward to another portal' });
  }
  if (action === 'publish' && row.consent_to_publish !== 1) errors.push({ path: '/action', message: 'the submitter did not agree to publication; the answer went to them alone' });
  if (input.previewDigest !== undefined && (action !== 'publish' || typeof input.previewDigest !== 'string' || !/^[0-9a-f]{64}$/.test(input.previewDigest)))
    errors.push({ path: '/previewDigest', message: 'only with publish: the digest from the publication preview' });
  const files = action === 'answer' ? checkAttachments(input.attachments) : [];
  if (errors.length) throw new ValidationError(errors);
  if (action === 'assign') {
    if (!(await core.deps.accounts.holdsAnyOf(assignee!, portal.id, OFFICER_ROLES))) throw new ValidationError([{ path: '/assigneeId', message: `account ${assignee} is not a feedback officer or admin of ${portal.slug}` }]);
  }

  const now = core.clock();
  const at = iso(now);
  const to: Status = action === 'assign' ? (from === 'received' ? 'in-progress' : from) : (rule.to ?? from);
  const publicStep = action !== 'note' && action !== 'assign' && action !== 'send-back';
  // read before the transaction: on SQLite a read outside it would wait for the connection the transaction holds
  const targetSettings = target ? await core.settings(target.id) : undefined;
  const personal = action === 'forward' && target ? core.personalOf(row) : null;
  const targetName = target ? target.name.vi : remote ? (remote.name.vi ?? remote.url) : '';
  let copy: { code: string; dueDate: IsoDate } | undefined;
  await core.db.transaction().execute(async (trx) => {
    const set: Partial<CaseRow> = { status: to, updated_at: at };
    if (action === 'assign') set.assignee_id = assignee;
    if (action === 'answer') {
      set.answer = answer;
      set.answered_at = at;
    }
    if (action === 'publish') {
      set.published_at = at;
      // the public text is fixed now, redacted while the personal data is still there to find by value
      const publicText = redactedText(core, row, row.answer ?? '');
      if (typeof input.previewDigest === 'string' && input.previewDigest !== previewDigest(publicText)) throw new ConflictError('The text to publish changed since the preview was made; look at the preview again.', { state: from });
      set.public_text = JSON.stringify(publicText);
      await core.deps.outbox.emit(trx, ANSWER_PUBLISHED, { portal: portal.slug, field: row.field });
    }
    if (action === 'forward' && target) {
      // the files go with the case: the receiving portal's officers need them
      const stored = await trx.selectFrom('feedback_attachments').select(['role', 'filename', 'mime', 'data']).where('case_id', '=', row.id).execute();
      copy = await registerCase(
        core,
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
        .values({
          case_id: row.id,
          direction: 'outgoing',
          peer_url: remote.url,
          peer_slug: remote.slug,
          peer_name: JSON.stringify(remote.name),
          peer_code: null,
          state: 'sending',
          sequence: 0,
          remote: null,
          last_error: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await core.deps.outbox.enqueue(trx, FORWARD_TOPIC, { caseId: row.id }, { maxAttempts: 12 });
      set.forwarded_to = null;
    }
    await trx.updateTable('feedback_cases').set(set).where('id', '=', row.id).execute();
    const eventNote = action === 'forward' ? `${targetName}${note ? `: ${note}` : ''}` : action === 'assign' ? `account ${assignee}` : note || null;
    await trx
      .insertInto('feedback_events')
      .values({ case_id: row.id, at, actor_id: actor.accountId, action, from_status: from, to_status: to, note: eventNote, public: publicStep ? 1 : 0 })
      .execute();
    for (const f of files) await trx.insertInto('feedback_attachments').values({ case_id: row.id, role: 'answer', filename: f.filename, mime: f.mime, size: f.data.length, data: f.data, created_at: at }).execute();
    // a case that came from another deployment: its origin hears of every public step
    if (publicStep) await queueUpdate(core, trx, row.id, at);
    await core.deps.audit.recordFor(ctx, 'feedback', `feedback:${row.tracking_code}`, { action }, trx);
  });
  if (action === 'publish') core.changes.emit('answer-published', { portal: portal.slug, field: row.field });
  await tellSubmitter(core, portal, row, action, { note, answer, targetName });
  if (copy && target && personal) await mailReceipt(core, target, personal.email, { code: copy.code, dueDate: copy.dueDate, kind: row.kind as Kind, title: row.title, lang: row.lang as Lang });
  return detail(core, portal, id, actor);
}

async function tellSubmitter(core: FeedbackCore, portal: Portal, row: CaseRow, action: Action, f: { note: string; answer: string; targetName: string }) {
  if (!core.deps.mail || !row.personal || !['answer', 'request-info', 'reject', 'forward'].includes(action)) return;
  const personal = core.personalOf(row);
  if (!personal?.email) return;
  if (row.forwarded_from?.includes('@') && !(await contactVouched(core, row.id))) return;
  const link = `${portal.url}/phan-anh/tra-cuu?ma=${encodeURIComponent(row.tracking_code)}`;
  const lines: Record<string, string> = {
    answer: `Trả lời ${kindLabel(row.kind as Kind)} ${row.tracking_code} "${row.title}":\n\n${f.answer}`,
    'request-info': `Để giải quyết ${row.tracking_code}, cơ quan cần bạn bổ sung: ${f.note}\nTrả lời tại: ${link}`,
    reject: `${row.tracking_code} không được tiếp nhận. Lý do: ${f.note}`,
    forward: `${row.tracking_code} đã được chuyển đến ${f.targetName}, cơ quan có thẩm quyền giải quyết.`,
  };
  await core.deps.mail(personal.email, `[${portal.name.vi}] ${row.tracking_code}`, `${lines[action]}\n\nTra cứu / track: ${link}\n`);
}

/** Whether the portal that forwarded this case here vouched for the citizen's address (see receiveForward). */
async function contactVouched(core: FeedbackCore, caseId: number): Promise<boolean> {
  const link = await core.link(caseId, 'incoming');
  if (!link?.remote) return false;
  try {
    return (JSON.parse(link.remote) as { contactVouched?: unknown }).contactVouched === true;
  } catch {
    return false;
  }
}

async function localPortalAt(core: FeedbackCore, address: string): Promise<Portal | undefined> {
  let origin: string;
  try {
    origin = new URL(address).origin;
  } catch {
    return undefined;
  }
  return (await core.deps.portals.list()).find((p) => p.url === origin);
}

/** Where a portal's officers may forward: the other portals of this deployment, and the connected portals of others. */
export async function forwardTargets(core: FeedbackCore, portal: Portal): Promise<{ value: string; label: string; remote: boolean }[]> {
  const local = (await core.deps.portals.list()).filter((p) => p.id !== portal.id).map((p) => ({ value: p.slug, label: p.name.vi ?? p.slug, remote: false }));
  const peers = core.deps.peers ? await core.deps.peers.connected(portal) : [];
  return [...local, ...peers.map((p) => ({ value: p.url, label: `${p.name?.vi ?? p.slug ?? p.url} (${p.url})`, remote: true }))];
}
