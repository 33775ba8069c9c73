import { exactWord, foldWord } from './analysis.ts';
import type { ParsedQuery } from './query.ts';

// Question and function words (hư từ) of Vietnamese queries typed as
// sentences: "thủ tục cấp lại hộ chiếu như thế nào", "làm sao để đăng ký
// kết hôn". They are kept when a query finds enough as typed; when it finds
// too little they are the first words to let go of. Typed with diacritics a
// word is compared in its exact form — "thẻ" (card) is not "thế" (so) —
// typed without, in its folded form.

const WORDS = [
  'làm',
  'sao',
  'như',
  'thế',
  'nào',
  'ở',
  'đâu',
  'khi',
  'bao giờ',
  'bao nhiêu',
  'là',
  'gì',
  'để',
  'cho',
  'của',
  'và',
  'với',
  'thì',
  'mà',
  'những',
  'các',
  'một',
  'được',
  'bị',
  'tại',
  'từ',
  'đến',
  'về',
  'trong',
  'cần',
  'phải',
  'muốn',
  'tôi',
  'mình',
  'em',
  'anh',
  'chị',
  'ạ',
  'nhé',
  'vậy',
  'hả',
  'có',
  'không',
  'hay',
  'hoặc',
  'ai',
  'gì',
  'đã',
  'sẽ',
  'đang',
  'thủ tục',
  'hướng dẫn',
  'cách',
].flatMap((w) => w.split(' '));

const EXACT = new Set(WORDS.map((w) => exactWord(w)));
const FOLDED = new Set(WORDS.map((w) => foldWord(w)));

/** The query without its single-word clauses that are question or function words. */
export function withoutFunctionWords(query: ParsedQuery): ParsedQuery {
  const isFunction = (c: ParsedQuery['required'][number]) => !c.phrase && !c.quoted && (query.withDiacritics ? c.terms[0].exact !== null && EXACT.has(c.terms[0].exact) : FOLDED.has(c.terms[0].folded));
  const required = query.required.filter((c) => !isFunction(c));
  return { ...query, required, terms: required.flatMap((c) => c.terms), empty: required.length === 0 };
}
