import { foldWord } from './analysis.ts';

// Số ký hiệu (a legal document's number): `sequence[/year]/CODE`, where the
// code names the document type and the issuer — 42/2022/NĐ-CP is Decree
// (Nghị định, NĐ) no. 42 of 2022 by the Government (Chính phủ, CP). Citizens
// type it every which way: "42/2022/NĐ-CP", "42/2022/ND-CP", "nd 42/2022",
// "Nghị định 42/2022", "42/2022". Both sides are reduced to the same parts so
// any of those finds the document.

export interface LegalNumber {
  seq: number;
  year: number | null;
  /** Folded code, e.g. "nd-cp", "qd-ttg", "qh15"; null when not given. */
  code: string | null;
}

export interface NumberQuery extends LegalNumber {
  /** Type abbreviation the user hinted at ("nd" from "nd 42/2022" or "Nghị định 42/2022"). */
  typeCode: string | null;
  /** Where in the (NFC) query text the number was found, so the caller can drop those characters. */
  start: number;
  end: number;
}

/** Type abbreviation at the head of a code ("NĐ" of "NĐ-CP") ← the type's name, in the languages users type. */
const TYPE_NAMES: Array<[string, string[]]> = [
  ['nd', ['nghi dinh', 'decree', '议定']],
  ['qd', ['quyet dinh', 'decision', '决定']],
  ['tt', ['thong tu', 'circular', '通知']],
  ['nq', ['nghi quyet', 'resolution', '决议']],
  ['ct', ['chi thi', 'directive', '指示']],
  ['cd', ['cong dien', 'dispatch', 'official dispatch', '公电']],
  ['qh', ['luat', 'law', '法律']],
  ['tb', ['thong bao', 'notice']],
  ['kh', ['ke hoach', 'plan']],
];
const KNOWN_CODES = new Set(TYPE_NAMES.map(([code]) => code));

/** Legal force, highest first: when one number fits several documents, the weightier one leads. */
const TYPE_ORDER = ['qh', 'nq', 'nd', 'qd', 'ct', 'tt', 'cd', 'kh', 'tb'];

export function typeRank(code: string | null): number {
  const head = code?.split('-')[0].replace(/\d+$/, '') ?? '';
  const i = TYPE_ORDER.indexOf(head);
  return i === -1 ? TYPE_ORDER.length : i;
}

/** Parses a stored number ("42/2022/NĐ-CP", "1234/QĐ-TTg", "148/2025/QH15"); undefined when it is not one. */
export function parseLegalNumber(number: unknown): LegalNumber | undefined {
  if (typeof number !== 'string') return undefined;
  const m = /^\s*(\d{1,5})\s*\/\s*(?:(\d{4})\s*\/\s*)?([\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)\s*$/u.exec(number.normalize('NFC'));
  if (!m) return undefined;
  return { seq: Number(m[1]), year: m[2] ? Number(m[2]) : null, code: foldCode(m[3]) };
}

function foldCode(code: string): string {
  return foldWord(code).replace(/\s+/g, '');
}

// 42/2022/NĐ-CP · 42/2022 · 1234/QĐ-TTg — a slash between digits and a year or code is the mark of a number
const QUERY_NUMBER = /(?<![\p{L}\p{N}/])(\d{1,5})\s*\/\s*(?:(\d{4})(?![\p{L}\p{N}])(?:\s*\/\s*([\p{L}\d]+(?:-[\p{L}\d]+)*))?|([\p{L}][\p{L}\d]*(?:-[\p{L}\d]+)*))/u;

/** Finds a legal number in a query, with a type hint from the words around it. */
export function findNumberInQuery(query: string): NumberQuery | undefined {
  const text = query.normalize('NFC');
  const m = QUERY_NUMBER.exec(text);
  if (!m) return undefined;
  // "tháng 12/2024" (December 2024) is a date, not a number
  if (/(?:^|\s)(?:thang|month)\s*$/.test(foldWord(text.slice(0, m.index)))) return undefined;
  const seq = Number(m[1]);
  const year = m[2] ? Number(m[2]) : null;
  const code = m[3] ? foldCode(m[3]) : m[4] ? foldCode(m[4]) : null;
  // a bare "12/2024" could be a date (month/year): only count it with a type hint or a plausible sequence
  let typeCode = code ? code.split('-')[0].replace(/\d+$/, '') : null;
  const folded = ` ${foldWord(text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  if (!typeCode) {
    for (const [abbr, names] of TYPE_NAMES) {
      if (folded.includes(` ${abbr} `) || names.some((n) => folded.includes(` ${n} `) || (/\p{Script=Han}/u.test(n) && text.includes(n)))) {
        typeCode = abbr;
        break;
      }
    }
  }
  if (typeCode && !KNOWN_CODES.has(typeCode) && !code) typeCode = null;
  return { seq, year, code, typeCode, start: m.index, end: m.index + m[0].length };
}

export type NumberMatch = 'exact' | 'type' | 'partial';

/**
 * How well a stored number answers a query number: `exact` (same sequence,
 * year and code), `type` (same sequence and year, the hinted type), `partial`
 * (same sequence and year, or the code's head), or undefined.
 */
export function matchNumber(query: NumberQuery, stored: LegalNumber): NumberMatch | undefined {
  if (stored.seq !== query.seq) return undefined;
  if (query.year !== null && stored.year !== query.year) return undefined;
  if (query.year === null && query.code === null) return undefined;
  const storedCode = stored.code ?? '';
  if (query.code) {
    if (storedCode === query.code) return 'exact';
    if (storedCode.startsWith(`${query.code}-`) || storedCode.startsWith(query.code)) return query.year !== null ? 'type' : 'partial';
    return undefined;
  }
  if (query.typeCode) return storedCode.split('-')[0].replace(/\d+$/, '') === query.typeCode ? 'type' : 'partial';
  return 'partial';
}
