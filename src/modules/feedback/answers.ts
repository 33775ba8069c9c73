import type { Portal } from '../portals/index.ts';
import type { CaseRow, FeedbackCore } from './core.ts';
import { TRACKING_CODE, fold, type Kind, type Personal, type PublicAnswer } from './model.ts';
import { redactPersonal } from './privacy.ts';

// Public answers: what a published case shows — initials for a name, and no
// email, telephone, address or word of the name, even typed into the text.

export async function answers(core: FeedbackCore, portal: Portal, opts: { q?: string; field?: string; limit?: number; offset?: number } = {}): Promise<PublicAnswer[]> {
  let q = core.db.selectFrom('feedback_cases').selectAll().where('portal_id', '=', portal.id).where('status', '=', 'published');
  if (opts.field) q = q.where('field', '=', opts.field);
  const rows = await q
    .orderBy('published_at', 'desc')
    .limit(Math.min(opts.limit ?? 20, 100))
    .offset(opts.offset ?? 0)
    .execute();
  const needle = opts.q ? fold(opts.q) : '';
  return rows.map((r) => publicAnswer(core, r)).filter((a) => !needle || fold(`${a.title} ${a.question} ${a.answer}`).includes(needle));
}

/** One published answer by its code, or undefined (unknown, not published, another portal's). */
export async function answer(core: FeedbackCore, portal: Portal, trackingCode: string): Promise<PublicAnswer | undefined> {
  const code = String(trackingCode).trim().toUpperCase();
  if (!TRACKING_CODE.test(code)) return undefined;
  const row = await core.db.selectFrom('feedback_cases').selectAll().where('portal_id', '=', portal.id).where('tracking_code', '=', code).where('status', '=', 'published').executeTakeFirst();
  return row ? publicAnswer(core, row) : undefined;
}

/**
 * Published answers whose field (lĩnh vực) is one of `topics` — an article's
 * tags and its own field — newest first. The match is on the exact name
 * (Unicode-normalised, trimmed): officers pick the field from the portal's
 * list, editors tag with the same names.
 */
export async function answersOnTopics(core: FeedbackCore, portal: Portal, topics: string[], limit = 5): Promise<PublicAnswer[]> {
  const names = [...new Set(topics.map((t) => t.normalize('NFC').trim()).filter((t) => t && t.length <= 100))].slice(0, 50);
  if (names.length === 0) return [];
  const rows = await core.db
    .selectFrom('feedback_cases')
    .selectAll()
    .where('portal_id', '=', portal.id)
    .where('status', '=', 'published')
    .where('field', 'in', names)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(1, limit), 20))
    .execute();
  return rows.map((r) => publicAnswer(core, r));
}

/** The public version of a case's text: emails, telephone numbers and the submitter's own name and address taken out. */
export function redactedText(core: FeedbackCore, r: CaseRow, answer: string): { title: string; question: string; answer: string } {
  return redacted(core, r, { title: r.title, question: r.content, answer });
}

function redacted(core: FeedbackCore, r: CaseRow, text: { title: string; question: string; answer: string }): { title: string; question: string; answer: string } {
  let personal: Personal | null = null;
  try {
    personal = core.personalOf(r);
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
export function publicText(core: FeedbackCore, r: CaseRow): { title: string; question: string; answer: string } {
  let frozen: { title: string; question: string; answer: string } | undefined;
  if (r.public_text) {
    try {
      frozen = JSON.parse(r.public_text) as typeof frozen;
    } catch {
      frozen = undefined;
    }
  }
  if (!frozen || typeof frozen.title !== 'string' || typeof frozen.question !== 'string' || typeof frozen.answer !== 'string') return redactedText(core, r, r.answer ?? '');
  return r.personal ? redacted(core, r, frozen) : frozen;
}

/** A published answer with personal data taken out: initials only, no email, phone, address or word of the name, even where the submitter typed them into the text. */
function publicAnswer(core: FeedbackCore, r: CaseRow): PublicAnswer {
  const text = publicText(core, r);
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
