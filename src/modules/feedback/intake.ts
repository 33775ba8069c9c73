import { ConflictError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { isLang, type Lang } from '../../lib/lang.ts';
import { iso } from '../../lib/time.ts';
import { detectType } from '../media/index.ts';
import type { Portal } from '../portals/index.ts';
import type { IsoDate } from './calendar.ts';
import type { FeedbackCore } from './core.ts';
import {
  BadChallengeError,
  KINDS,
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  PER_CONTACT_PER_HOUR,
  SUBMITTER_TYPES,
  TooManyRequestsError,
  UnsupportedMediaError,
  fold,
  kindLabel,
  localDate,
  type AttachmentInput,
  type FeedbackSettings,
  type Kind,
  type NewCase,
  type Submission,
} from './model.ts';
import { replayKey } from './pow.ts';
import { initials, normalizePhone } from './privacy.ts';
import type { FeedbackExecutor } from './tables.ts';

// Intake: a citizen's submission checked, paced, stored and acknowledged —
// and the one way any new case is registered, forwarded ones included.

export function challenge(core: FeedbackCore) {
  return core.deps.pow.createChallenge();
}

/**
 * Receives a submission: fields checked (422 naming each), attachments'
 * types proved by their bytes (415), the proof of work checked and spent
 * (400), the submitter's pace checked (429), repeats refused (409). Nothing
 * is stored unless all of it passes, and then everything in one transaction.
 */
export async function submit(core: FeedbackCore, portal: Portal, input: Submission): Promise<{ trackingCode: string; dueDate: IsoDate; receivedAt: string }> {
  const checked = checkSubmission(portal, input);
  const files = checkAttachments(input.attachments);
  const pow = core.deps.pow.verify(String(input.altcha));
  if (!pow.ok) throw new BadChallengeError(`The proof of work was not accepted (${pow.reason}); ask for a new challenge at /api/v1/feedback/challenge.`);
  const contactKeys = core.contactKeys(checked.personal.email, checked.personal.phone);
  const now = core.clock();
  const hourAgo = iso(new Date(now.getTime() - 3600_000));
  const recent = await core.db.selectFrom('feedback_cases').select(['contact_keys', 'received_at']).where('portal_id', '=', portal.id).where('received_at', '>=', hourAgo).execute();
  const mine = recent.filter((r) => (JSON.parse(r.contact_keys) as string[]).some((k) => contactKeys.includes(k)));
  if (mine.length >= PER_CONTACT_PER_HOUR) {
    const oldest = mine.map((r) => Date.parse(r.received_at)).sort((a, b) => a - b)[0];
    throw new TooManyRequestsError(`At most ${PER_CONTACT_PER_HOUR} submissions an hour from one contact.`, Math.max(1, Math.ceil((oldest + 3600_000 - now.getTime()) / 1000)));
  }
  const contentKey = core.hash(`content\n${portal.id}\n${fold(checked.title)}\n${fold(checked.content)}\n${contactKeys.sort().join(',')}`);
  const settings = await core.settings(portal.id);
  const receivedAt = iso(now);

  const { code: trackingCode, dueDate } = await core.db.transaction().execute(async (trx) => {
    const dayAgo = iso(new Date(now.getTime() - 86_400_000));
    const repeat = await trx.selectFrom('feedback_cases').select('tracking_code').where('portal_id', '=', portal.id).where('content_key', '=', contentKey).where('received_at', '>=', dayAgo).executeTakeFirst();
    if (repeat) throw new ConflictError(`This submission was received already (${repeat.tracking_code}).`, { trackingCode: repeat.tracking_code });
    // the challenge is spent in the same transaction: a replay, even a concurrent one, fails on the key
    try {
      await trx
        .insertInto('feedback_pow_used')
        .values({ key: replayKey(pow.challenge), expires_at: iso(new Date(now.getTime() + 86_400_000)) })
        .execute();
    } catch {
      throw new BadChallengeError('This proof of work was used already; ask for a new challenge.');
    }
    return registerCase(core, trx, portal, { ...checked, contentKey, forwardedFrom: null, files: files.map((f) => ({ ...f, role: 'submission' })), event: { action: 'submit', note: null } }, now, settings);
  });
  await mailReceipt(core, portal, checked.personal.email, { code: trackingCode, dueDate, kind: checked.kind, title: checked.title, lang: checked.lang });
  return { trackingCode, dueDate, receivedAt };
}

/** The submitter's receipt: code, due date and where to track (also from a portal a case was forwarded to). */
export async function mailReceipt(core: FeedbackCore, portal: Portal, email: string | null, c: { code: string; dueDate: IsoDate; kind: Kind; title: string; lang: Lang }) {
  if (!email) return;
  const portalName = portal.name[c.lang] ?? portal.name.vi;
  await core.deps.mail?.(
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
export async function registerCase(core: FeedbackCore, trx: FeedbackExecutor, portal: Portal, c: NewCase, now: Date, settings: FeedbackSettings): Promise<{ id: number; code: string; dueDate: IsoDate }> {
  const cal = core.calendar(settings);
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
      personal: core.deps.sealer.seal(JSON.stringify(c.personal), `feedback-case:${code}`),
      initials: initials(c.personal.name),
      contact_keys: JSON.stringify(core.contactKeys(c.personal.email, c.personal.phone)),
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

export function checkSubmission(portal: Portal, input: Submission) {
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

export function checkAttachments(input: unknown): { filename: string; mime: string; data: Buffer }[] {
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
    const filename = a.filename
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are what a stored filename must not carry
      .replace(/[\\/\u0000-\u001f]/g, '_')
      .trim()
      .slice(0, 200);
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

/** The day's next code, PAKN.YYYYMMDD.NNNN (Vietnam's date), inside the storing transaction; the unique column settles a race. */
async function nextTrackingCode(trx: FeedbackExecutor, now: Date): Promise<string> {
  const day = localDate(now).replace(/-/g, '');
  const todays = await trx
    .selectFrom('feedback_cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tracking_code', 'like', `PAKN.${day}.%`)
    .executeTakeFirstOrThrow();
  return `PAKN.${day}.${String(Number(todays.n) + 1).padStart(4, '0')}`;
}
