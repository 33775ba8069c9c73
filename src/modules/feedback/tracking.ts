import type { Selectable } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { iso } from '../../lib/time.ts';
import type { CaseRow, FeedbackCore } from './core.ts';
import type { Kind, RemoteState, Status, TrackedCase } from './model.ts';
import { normalizePhone } from './privacy.ts';
import { queueUpdate } from './remote.ts';
import type { FeedbackLinkTable } from './tables.ts';

// Tracking: the submitter's own view of a case, opened with the tracking code
// and the contact they gave, and their reply when information is asked for.

export async function track(core: FeedbackCore, trackingCode: string, contact: string): Promise<TrackedCase> {
  const row = await core.db.selectFrom('feedback_cases').selectAll().where('tracking_code', '=', String(trackingCode).trim().toUpperCase()).executeTakeFirst();
  const keys = core.contactKeys(contact.includes('@') ? contact.trim().toLowerCase() : null, contact.includes('@') ? null : normalizePhone(contact));
  if (!row || !(JSON.parse(row.contact_keys) as string[]).some((k) => keys.includes(k))) throw new NotFoundError('No submission with this code and contact.');
  return tracked(core, row, 0);
}

async function tracked(core: FeedbackCore, row: CaseRow, depth: number): Promise<TrackedCase> {
  const portal = await core.deps.portals.byId(row.portal_id);
  const events = await core.db.selectFrom('feedback_events').selectAll().where('case_id', '=', row.id).where('public', '=', 1).orderBy('id').execute();
  let forwardedTo: TrackedCase | null = null;
  const away = row.status === 'forwarded' ? await core.link(row.id, 'outgoing') : undefined;
  if (away) forwardedTo = remoteTracked(row, away);
  else if (row.forwarded_to && depth < 5) {
    const next = await core.db.selectFrom('feedback_cases').selectAll().where('tracking_code', '=', row.forwarded_to).executeTakeFirst();
    if (next) forwardedTo = await tracked(core, next, depth + 1);
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
export async function reply(core: FeedbackCore, trackingCode: string, contact: string, text: string): Promise<TrackedCase> {
  const tracked = await track(core, trackingCode, contact);
  const body = String(text ?? '')
    .normalize('NFC')
    .trim();
  if (body.length < 2 || body.length > 20_000) throw new ValidationError([{ path: '/text', message: 'write 2 to 20,000 characters' }]);
  if (tracked.status !== 'info-requested') throw new ConflictError('No information was asked for.', { state: tracked.status });
  const row = await core.db.selectFrom('feedback_cases').selectAll().where('tracking_code', '=', tracked.trackingCode).executeTakeFirstOrThrow();
  const now = iso(core.clock());
  await core.db.transaction().execute(async (trx) => {
    await trx.updateTable('feedback_cases').set({ status: 'in-progress', updated_at: now }).where('id', '=', row.id).execute();
    await trx.insertInto('feedback_events').values({ case_id: row.id, at: now, actor_id: null, action: 'reply', from_status: 'info-requested', to_status: 'in-progress', note: body, public: 1 }).execute();
    await queueUpdate(core, trx, row.id, now);
  });
  return track(core, trackingCode, contact);
}

/** The case as the submitter sees it where it went on, in another deployment: from that portal's last report. */
function remoteTracked(row: CaseRow, link: Selectable<FeedbackLinkTable>): TrackedCase | null {
  if (!link.remote) return null;
  const r = JSON.parse(link.remote) as RemoteState;
  return {
    trackingCode: r.trackingCode,
    portal: link.peer_slug,
    portalName: JSON.parse(link.peer_name) as Record<string, string>,
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
