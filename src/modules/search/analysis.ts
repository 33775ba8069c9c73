// Text analysis shared by indexing and querying, so a word is cut and
// normalised the same way on both sides and on both store engines.
//
// Every word yields two forms:
//  - `folded`: lower case, every diacritic removed and đ→d ("Bản" → "ban"),
//    then a light English stemmer. It is what matching runs on, so a query
//    typed without diacritics finds every spelling.
//  - `exact`: lower case with the vowel marks kept and the tone moved to a
//    digit at the end ("bản" → "ban3", "bán" → "ban1", "ban" → "ban0").
//    Moving the tone out makes the old and new tone placements ("hoà" and
//    "hòa") one word, and the trailing digit keeps exact forms apart from
//    folded ones even when a word has no diacritics at all. A query typed
//    with diacritics ranks exact matches above folded ones.
// Vietnamese is written one syllable per space-separated token, so a word of
// several syllables ("công nghệ thông tin") is a phrase of adjacent tokens:
// positions are kept for phrase matching. Chinese has no spaces: a run of Han
// characters becomes overlapping bigrams plus its last character alone.

export interface Token {
  /** Matching form: folded and stemmed. */
  folded: string;
  /** Diacritic-exact form with the tone as a trailing digit; null for numbers and CJK. */
  exact: string | null;
  /** Offsets into the NFC text the token came from (for highlighting). */
  start: number;
  end: number;
  kind: 'word' | 'number' | 'cjk';
}

/** Tone marks (combining): sắc, huyền, hỏi, ngã, nặng → tone digits 1–5. */
const TONE_DIGIT: Record<string, string> = { '\u0301': '1', '\u0300': '2', '\u0309': '3', '\u0303': '4', '\u0323': '5' };

/** Longest token kept; longer runs are junk (hashes, base64) and would bloat the index. */
export const MAX_TOKEN_LENGTH = 60;

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_SPLIT = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/u;
const DIGITS = /^\p{N}+$/u;
const ASCII_WORD = /^[a-z]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** NFC, control characters replaced by spaces: the text every offset refers to. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(CONTROL, ' ');
}

/** Lower case, every diacritic removed and đ→d: "Chính phủ" → "chinh phu". */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}

/** True when the text carries any diacritic (or đ), i.e. it was typed with them. */
export function hasDiacritics(text: string): boolean {
  // eslint-disable-next-line no-misleading-character-class -- ranges of combining marks on purpose: the text is NFD, each mark stands alone
  return /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2fđĐ]/.test(text.normalize('NFD'));
}

/** "bản" → "ban3", "hoà"/"hòa" → "hoa2", "đường" → "đương2", "ban" → "ban0". Input in lower case. */
export function exactWord(lower: string): string {
  let tone = '0';
  let rest = '';
  for (const ch of lower.normalize('NFD')) {
    const digit = TONE_DIGIT[ch];
    if (digit) tone = digit;
    else rest += ch;
  }
  return rest.normalize('NFC') + tone;
}

/**
 * A light English stemmer (plurals and -ed/-ing), applied to every folded
 * ASCII word whatever the language: no Vietnamese syllable ends in -s, -ed or
 * -ing, so Vietnamese words pass through untouched.
 */
export function stemEnglish(word: string): string {
  if (word.length < 4 || !ASCII_WORD.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4 && !/[ae]ies$/.test(w)) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 5 && w.endsWith('eed')) w = w.slice(0, -1);
  else if (w.length >= 5 && w.endsWith('ied')) w = w.slice(0, -3) + 'y';
  else if (w.length >= 5 && w.endsWith('ed') && /[aeiouy].*[^aeiouy]ed$/.test(w)) w = undouble(w.slice(0, -2));
  else if (w.length >= 6 && w.endsWith('ing') && /[aeiouy].*[^aeiouy]ing$/.test(w)) w = undouble(w.slice(0, -3));
  return w;
}

function undouble(stem: string): string {
  // "planned" → "plann" → "plan"; keep ll, ss, zz ("installed" → "install")
  return /([bdfgkmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

// Vietnamese and English vocabularies are small, so caching what each
// distinct run of letters becomes makes analysing long bodies cheap.
interface WordForms {
  folded: string;
  exact: string | null;
  kind: 'word' | 'number';
}
/** A run that yields no token (too long, or only combining marks). */
const NOTHING: WordForms = { folded: '', exact: null, kind: 'word' };
const wordCache = new Map<string, WordForms>();
const WORD_CACHE_LIMIT = 200_000;

function wordForms(raw: string): WordForms {
  let forms = wordCache.get(raw);
  if (forms) return forms;
  if (raw.length > MAX_TOKEN_LENGTH || /^\p{M}+$/u.test(raw)) forms = NOTHING;
  else if (DIGITS.test(raw)) forms = { folded: raw, exact: null, kind: 'number' };
  else {
    const lower = raw.toLowerCase();
    const folded = stemEnglish(foldWord(lower));
    forms = folded ? { folded, exact: exactWord(lower), kind: 'word' } : NOTHING;
  }
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(raw, forms);
  return forms;
}

// Whether a UTF-16 unit is part of a word (letter, mark, digit), looked up
// once per distinct unit: a regex with Unicode classes per character would
// cost most of the time of analysing a body.
const UNIT_CLASS = new Uint8Array(0x10000); // 0 not yet known, 1 word, 2 other
function isWordUnit(code: number): boolean {
  let c = UNIT_CLASS[code];
  if (c === 0) UNIT_CLASS[code] = c = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return c === 1;
}

/** Runs of word characters with their offsets; astral characters (rare CJK) are tested whole. */
function* runs(text: string): Generator<[string, number]> {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      word = WORD_CHAR.test(text.slice(i, i + 2));
      width = 2;
    } else word = isWordUnit(code);
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      yield [text.slice(start, i), start];
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) yield [text.slice(start), start];
}

/**
 * Cuts NFC text into tokens with offsets. `text` must already be normalised
 * (normalizeText) when the offsets are used against it.
 */
export function tokenize(text: string, opts: { cjkTrailingUnigram?: boolean } = {}): Token[] {
  const trailing = opts.cjkTrailingUnigram ?? true;
  const tokens: Token[] = [];
  for (const [run, at] of runs(text)) {
    const known = wordCache.get(run);
    if (known || !CJK_CHAR.test(run)) {
      pushWord(tokens, run, at, known);
      continue;
    }
    let offset = at;
    for (const part of run.split(CJK_SPLIT)) {
      if (!part) continue;
      if (CJK_CHAR.test(part)) pushCjk(tokens, part, offset, trailing);
      else pushWord(tokens, part, offset);
      offset += part.length;
    }
  }
  return tokens;
}

function pushWord(tokens: Token[], raw: string, start: number, known?: WordForms) {
  const forms = known ?? wordForms(raw);
  if (forms === NOTHING) return;
  tokens.push({ folded: forms.folded, exact: forms.exact, start, end: start + raw.length, kind: forms.kind });
}

function pushCjk(tokens: Token[], run: string, start: number, trailingUnigram: boolean) {
  const chars = [...run];
  let offset = start;
  if (chars.length === 1) {
    tokens.push({ folded: chars[0], exact: null, start, end: start + chars[0].length, kind: 'cjk' });
    return;
  }
  for (let i = 0; i < chars.length - 1; i++) {
    const bigram = chars[i] + chars[i + 1];
    tokens.push({ folded: bigram, exact: null, start: offset, end: offset + bigram.length, kind: 'cjk' });
    offset += chars[i].length;
  }
  // the last character alone, so a one-character query (a prefix search) finds it too
  if (trailingUnigram) {
    const last = chars[chars.length - 1];
    tokens.push({ folded: last, exact: null, start: offset, end: offset + last.length, kind: 'cjk' });
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };

/** Plain text of sanitized HTML: block boundaries become line breaks, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|blockquote|figure|figcaption|br|hr|section|article)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
