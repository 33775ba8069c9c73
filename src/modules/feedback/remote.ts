import { DomainError } from '../../lib/errors.ts';
import type { Lang } from '../../lib/lang.ts';
import { iso } from '../../lib/time.ts';
import type { IsoDate } from './calendar.ts';
import type { CaseRow, FeedbackCore } from './core.ts';
import { checkAttachments, checkSubmission, mailReceipt, registerCase } from './intake.ts';
import { FORWARDS_PER_PEER_PER_HOUR, REMOTE_FILES_BUDGET, STATUSES, TRACKING_CODE, TooManyRequestsError, UPDATE_TOPIC, type PeerHandler, type PeerMessage, type RemoteState, type Status } from './model.ts';
import type { FeedbackExecutor } from './tables.ts';

// Across deployments (federation forwarding): a case sent to a portal of
// another deployment and received from one, sealed to the receiving portal,
// and the reports on its progress that travel back, numbered.

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

/** Inside a step's transaction: when the case came from another deployment, count a new report and queue it for the origin. */
export async function queueUpdate(core: FeedbackCore, trx: FeedbackExecutor, caseId: number, at: string): Promise<void> {
  const res = await trx
    .updateTable('feedback_links')
    .set((eb) => ({ sequence: eb('sequence', '+', 1), updated_at: at }))
    .where('case_id', '=', caseId)
    .where('direction', '=', 'incoming')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) await core.deps.outbox.enqueue(trx, UPDATE_TOPIC, { caseId }, { maxAttempts: 12 });
}

/** The inbox handlers this module contributes to federation (registered by the composition root). */
export function peerHandlers(core: FeedbackCore): Record<'feedback-forward' | 'feedback-update', PeerHandler> {
  return {
    'feedback-forward': { related: (portal, from) => core.deps.peers?.isConnected(portal, from) ?? Promise.resolve(false), handle: (v) => receiveForward(core, v) },
    // only a portal we forwarded a case to reports on it
    'feedback-update': {
      related: async (portal, from) =>
        !!(await core.db
          .selectFrom('feedback_links as l')
          .innerJoin('feedback_cases as c', 'c.id', 'l.case_id')
          .select('l.id')
          .where('c.portal_id', '=', portal.id)
          .where('l.direction', '=', 'outgoing')
          .where('l.peer_url', '=', from)
          .limit(1)
          .executeTakeFirst()),
      handle: (v) => receiveUpdate(core, v),
    },
  };
}

/**
 * The outbox job that sends a case to a portal of another deployment. The
 * case — personal data, text and files — travels inside a box sealed to
 * that portal's key, bound to both portals and the case's code; the
 * outbox row holds only the case's id, so nothing personal waits in it.
 */
export async function sendForward(core: FeedbackCore, caseId: number): Promise<void> {
  const row = await core.db.selectFrom('feedback_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  const link = row && (await core.link(row.id, 'outgoing'));
  if (!row || !link || link.state !== 'sending' || !core.deps.peers) return;
  const portal = await core.deps.portals.byId(row.portal_id);
  if (!portal) return;
  // resolved again at sending time: keys may have rotated since the officer's click
  const peer = await core.deps.peers.resolve(portal, link.peer_url);
  const personal = core.personalOf(row);
  if (!personal) return forwardFailed(core, row, link.id, peer.name.vi ?? peer.url, 'the personal data of the case was erased');
  const stored = await core.db.selectFrom('feedback_attachments').select(['filename', 'mime', 'data']).where('case_id', '=', row.id).where('role', '=', 'submission').orderBy('id').execute();
  const attachments: { filename: string; contentType: string; data: string }[] = [];
  let budget = REMOTE_FILES_BUDGET;
  for (const f of stored) {
    const data = Buffer.from(f.data);
    if (data.length > budget) continue;
    budget -= data.length;
    attachments.push({ filename: f.filename, contentType: f.mime, data: data.toString('base64') });
  }
  // the officer's note to the receiving portal: the forward step's note without the portal's name in front
  const forwardEvent = await core.db.selectFrom('feedback_events').select('note').where('case_id', '=', row.id).where('action', '=', 'forward').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const namePrefix = `${(JSON.parse(link.peer_name) as Record<string, string | undefined>).vi ?? link.peer_url}: `;
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
  const res = await core.deps.peers.send(portal, peer.inbox, message);
  const body = (res.body ?? {}) as { trackingCode?: unknown; dueDate?: unknown; receivedAt?: unknown; reason?: unknown; detail?: unknown };
  // 201: taken; 409 replayed: taken before (our first try's answer was lost)
  if ((res.status === 201 || (res.status === 409 && body.reason === 'replayed')) && typeof body.trackingCode === 'string' && TRACKING_CODE.test(body.trackingCode)) {
    const at = iso(core.clock());
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
    await core.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('feedback_links')
        .set({ state: 'delivered', peer_code: peerCode, remote: JSON.stringify(first), last_error: null, updated_at: at })
        .where('id', '=', link.id)
        .where('state', '=', 'sending')
        .execute();
      await trx
        .updateTable('feedback_cases')
        .set({ forwarded_to: `${peerCode}@${peer.url}`, updated_at: at })
        .where('id', '=', row.id)
        .execute();
    });
    return;
  }
  const why = `${res.status}${typeof body.reason === 'string' ? ` ${body.reason}` : ''}${typeof body.detail === 'string' ? `: ${body.detail.slice(0, 300)}` : ''}`;
  // a refusal for cause will not change by retrying: the case comes back to this portal's officers
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return forwardFailed(core, row, link.id, peer.name.vi ?? peer.url, why);
  await core.db
    .updateTable('feedback_links')
    .set({ last_error: why, updated_at: iso(core.clock()) })
    .where('id', '=', link.id)
    .execute();
  throw new Error(`forwarding ${row.tracking_code} to ${peer.url}: ${why}`);
}

/** The portal refused the case: it is this portal's again, in progress, with the reason in its history (internal) and a public step. */
async function forwardFailed(core: FeedbackCore, row: CaseRow, linkId: number, peerName: string, why: string): Promise<void> {
  const at = iso(core.clock());
  await core.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('feedback_links')
      .set({ state: 'failed', last_error: why.slice(0, 1000), updated_at: at })
      .where('id', '=', linkId)
      .execute();
    const res = await trx.updateTable('feedback_cases').set({ status: 'in-progress', forwarded_to: null, updated_at: at }).where('id', '=', row.id).where('status', '=', 'forwarded').executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return;
    await trx.insertInto('feedback_events').values({ case_id: row.id, at, actor_id: null, action: 'forward-failed', from_status: 'forwarded', to_status: 'in-progress', note: peerName, public: 1 }).execute();
    await trx
      .insertInto('feedback_events')
      .values({ case_id: row.id, at, actor_id: null, action: 'note', from_status: 'in-progress', to_status: 'in-progress', note: `forwarding refused: ${why.slice(0, 1000)}`, public: 0 })
      .execute();
  });
}

/** A case forwarded from a portal of another deployment arrives (the signature was checked by the inbox). */
export async function receiveForward(core: FeedbackCore, v: PeerMessage): Promise<{ status: number; body: Record<string, unknown> }> {
  const { portal, from, message } = v;
  const head = (message.case ?? {}) as { code?: unknown; kind?: unknown };
  const code = typeof head.code === 'string' ? head.code : '';
  if (!TRACKING_CODE.test(code)) throw new DomainError(422, 'Malformed message', 'A forwarded case carries case.code, its tracking code at the origin.', { reason: 'malformed-message' });
  if (typeof message.sealed !== 'string' || message.sealed.length > 8 * 1024 * 1024) throw new DomainError(422, 'Malformed message', 'A forwarded case travels sealed (`sealed`).', { reason: 'malformed-message' });
  const origin = `${code}@${from}`;
  const seen = await core.db
    .selectFrom('feedback_links as l')
    .innerJoin('feedback_cases as c', 'c.id', 'l.case_id')
    .select('c.tracking_code')
    .where('l.direction', '=', 'incoming')
    .where('l.peer_url', '=', from)
    .where('l.peer_code', '=', code)
    .executeTakeFirst();
  if (seen) throw replayed(`Case ${code} from ${from} was received already, as ${seen.tracking_code}.`, seen.tracking_code);
  await checkForwardPace(core, from);
  let opened: Record<string, unknown>;
  try {
    opened = JSON.parse(core.deps.peers!.open(portal, message.sealed, forwardContext(from, portal.url, code)).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new DomainError(422, 'Unsealable', `The case does not open with ${portal.slug}'s sealing key: it was sealed for another portal or another case, or changed on the way.`, { reason: 'unsealable' });
  }
  if (!opened || typeof opened !== 'object' || Array.isArray(opened)) throw new DomainError(422, 'Malformed message', 'The sealed case is not an object.', { reason: 'malformed-message' });
  // the same checks as a citizen's own submission, the proof of work aside (the origin portal took that)
  const lang = typeof opened.lang === 'string' && portal.languages.includes(opened.lang as Lang) ? opened.lang : portal.languages[0];
  const checked = checkSubmission(portal, { ...opened, lang, altcha: 'forwarded' });
  const files = checkAttachments(opened.attachments);
  const sender = (message.portal ?? {}) as { slug?: unknown; name?: unknown };
  const senderName = sender.name && typeof sender.name === 'object' && typeof (sender.name as Record<string, unknown>).vi === 'string' ? (sender.name as Record<string, string>) : { vi: from };
  const senderSlug = typeof sender.slug === 'string' && /^[a-z0-9-]{1,100}$/.test(sender.slug) ? sender.slug : from;
  const forwardNote = typeof opened.note === 'string' ? opened.note.slice(0, 2000) : null;
  // mail goes to the citizen only when the origin vouches it had the address from them (else this portal is anyone's mail relay)
  const contactVouched = opened.contactVouched === true;
  const left = Number(opened.filesLeftBehind) > 0 ? Math.min(100, Number(opened.filesLeftBehind)) : 0;
  const settings = await core.settings(portal.id);
  const now = core.clock();
  const at = iso(now);
  let created: { id: number; code: string; dueDate: IsoDate };
  try {
    created = await core.db.transaction().execute(async (trx) => {
      const c = await registerCase(
        core,
        trx,
        portal,
        {
          ...checked,
          contentKey: core.hash(`forwarded\n${origin}`),
          forwardedFrom: origin,
          files: files.map((f) => ({ ...f, role: 'submission' })),
          event: { action: 'received-by-forward', note: `${senderName.vi ?? senderSlug} (${code})${forwardNote ? `: ${forwardNote}` : ''}` },
        },
        now,
        settings,
      );
      if (left)
        await trx
          .insertInto('feedback_events')
          .values({ case_id: c.id, at, actor_id: null, action: 'note', from_status: 'received', to_status: 'received', note: `${left} file(s) were too large to travel; ask ${from} for them (case ${code}).`, public: 0 })
          .execute();
      // the unique index (direction, peer, code) refuses a second copy, even one arriving at the same moment
      await trx
        .insertInto('feedback_links')
        .values({
          case_id: c.id,
          direction: 'incoming',
          peer_url: from,
          peer_slug: senderSlug,
          peer_name: JSON.stringify(senderName),
          peer_code: code,
          state: 'received',
          sequence: 0,
          remote: JSON.stringify({ contactVouched }),
          last_error: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return c;
    });
  } catch (err) {
    const again = await core.db
      .selectFrom('feedback_links as l')
      .innerJoin('feedback_cases as c', 'c.id', 'l.case_id')
      .select('c.tracking_code')
      .where('l.direction', '=', 'incoming')
      .where('l.peer_url', '=', from)
      .where('l.peer_code', '=', code)
      .executeTakeFirst();
    if (again) throw replayed(`Case ${code} from ${from} was received already, as ${again.tracking_code}.`, again.tracking_code);
    throw err;
  }
  if (contactVouched) await mailReceipt(core, portal, checked.personal.email, { code: created.code, dueDate: created.dueDate, kind: checked.kind, title: checked.title, lang: checked.lang });
  return { status: 201, body: { trackingCode: created.code, dueDate: created.dueDate, receivedAt: at } };
}

/** Cases forwarded by one portal of another deployment in the last hour: past the limit, 429 (the sender's outbox retries later). */
async function checkForwardPace(core: FeedbackCore, from: string): Promise<void> {
  const limit = core.deps.forwardsPerPeerPerHour ?? FORWARDS_PER_PEER_PER_HOUR;
  const now = core.clock().getTime();
  const recent = await core.db
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
export async function sendUpdate(core: FeedbackCore, caseId: number): Promise<void> {
  const row = await core.db.selectFrom('feedback_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  const link = row && (await core.link(row.id, 'incoming'));
  if (!row || !link || !link.peer_code || !core.deps.peers) return;
  const portal = await core.deps.portals.byId(row.portal_id);
  if (!portal) return;
  const peer = await core.deps.peers.resolve(portal, link.peer_url);
  const events = await core.db.selectFrom('feedback_events').select(['at', 'action', 'to_status', 'note']).where('case_id', '=', row.id).where('public', '=', 1).orderBy('id').execute();
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
  const res = await core.deps.peers.send(portal, peer.inbox, message);
  const body = (res.body ?? {}) as { reason?: unknown; detail?: unknown };
  const at = iso(core.clock());
  // 409 replayed: the origin has this report or a newer one already
  if ((res.status >= 200 && res.status < 300) || (res.status === 409 && body.reason === 'replayed')) {
    await core.db.updateTable('feedback_links').set({ last_error: null, updated_at: at }).where('id', '=', link.id).execute();
    return;
  }
  const why = `${res.status}${typeof body.reason === 'string' ? ` ${body.reason}` : ''}${typeof body.detail === 'string' ? `: ${body.detail.slice(0, 300)}` : ''}`;
  await core.db
    .updateTable('feedback_links')
    .set({ last_error: why.slice(0, 1000), updated_at: at })
    .where('id', '=', link.id)
    .execute();
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return;
  throw new Error(`reporting ${row.tracking_code} to ${peer.url}: ${why}`);
}

/** A portal we forwarded a case to reports how it stands there; the submitter sees it when tracking here. */
export async function receiveUpdate(core: FeedbackCore, v: PeerMessage): Promise<{ status: number; body: Record<string, unknown> }> {
  const { portal, from, message } = v;
  const head = (message.update ?? {}) as { code?: unknown; sequence?: unknown };
  const code = typeof head.code === 'string' ? head.code : '';
  const sequence = Number(head.sequence);
  if (!TRACKING_CODE.test(code) || !Number.isInteger(sequence) || sequence < 1 || sequence > 2_147_483_647 || typeof message.sealed !== 'string' || message.sealed.length > 1024 * 1024) {
    throw new DomainError(422, 'Malformed message', 'A case report carries update.code (our code), update.sequence (1, 2, …) and the sealed state.', { reason: 'malformed-message' });
  }
  const found = await core.db
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
    state = checkRemoteState(JSON.parse(core.deps.peers!.open(portal, message.sealed, updateContext(from, portal.url, code, sequence)).toString('utf8')));
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError(422, 'Unsealable', `The report does not open with ${portal.slug}'s sealing key for case ${code}, report ${sequence}: it was sealed for another portal, case or number, or changed on the way.`, {
      reason: 'unsealable',
    });
  }
  if (found.peer_code && state.trackingCode !== found.peer_code) throw new DomainError(422, 'Wrong case', `The report is about ${state.trackingCode}; ${code} went to ${from} as ${found.peer_code}.`, { reason: 'wrong-case' });
  if (sequence <= found.sequence) throw replayed(`Report ${sequence} on ${code} is not newer than the last one applied (${found.sequence}).`);
  const at = iso(core.clock());
  const applied = await core.db.transaction().execute(async (trx) => {
    // the condition on the number makes two reports racing each other apply in order, once each
    const res = await trx
      .updateTable('feedback_links')
      .set({ sequence, remote: JSON.stringify(state), peer_code: state.trackingCode, state: 'delivered', last_error: null, updated_at: at })
      .where('id', '=', found.id)
      .where('sequence', '<', sequence)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    // the retention clock of the case here restarts with news from there
    await trx
      .updateTable('feedback_cases')
      .set({ updated_at: at, forwarded_to: `${state.trackingCode}@${from}` })
      .where('id', '=', found.case_id)
      .execute();
    return true;
  });
  if (!applied) throw replayed(`Report ${sequence} on ${code} is not newer than the last one applied.`);
  return { status: 200, body: { status: 'applied', sequence } };
}

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
  return { trackingCode: r.trackingCode, status: r.status as Status, receivedAt: r.receivedAt, dueDate: r.dueDate, answer: (r.answer as string | null) ?? null, answeredAt: r.answeredAt ?? null, published: r.published, history };
}
