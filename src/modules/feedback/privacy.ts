import { createHash } from 'node:crypto';
import type { Role } from '../accounts/index.ts';
import { fold as foldDiacritics } from '../../lib/text.ts';
import type { Personal } from './model.ts';

// Privacy: who may read a case's personal data, and how personal data is
// taken out of text meant for the public.

export const OFFICER_ROLES: Role[] = ['feedback-officer', 'admin'];

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
    while (start > floor && !NOT_IN_EMAIL.test(text[start - 1])) {
      start--;
      work.steps++;
    }
    let domainEnd = at + 1;
    while (domainEnd < text.length && !NOT_IN_EMAIL.test(text[domainEnd])) {
      domainEnd++;
      work.steps++;
    }
    // the last dot of the domain with two letters after it, and not its first character
    let end = -1;
    for (let dot = domainEnd - 1; dot > at + 1 && end === -1; dot--) {
      work.steps++;
      if (text[dot] !== '.') continue;
      let letters = dot + 1;
      while (letters < domainEnd && /[A-Za-z]/.test(text[letters])) {
        letters++;
        work.steps++;
      }
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
export const REDACTED_MARK_GLOBAL = /\[…\]/g;
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
export function previewDigest(text: { title: string; question: string; answer: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([text.title, text.question, text.answer]))
    .digest('hex');
}
