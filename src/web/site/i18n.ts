import type { Lang } from '../../lib/lang.ts';
import type { Messages } from './i18n/messages.ts';
import { vi } from './i18n/vi.ts';
import { en } from './i18n/en.ts';
import { zh } from './i18n/zh.ts';

// The public site's message catalogue. Every piece of UI text lives in
// i18n/<lang>.ts, in Vietnamese, English and Chinese; templates only ever say
// `m.someKey`. The shape is one interface (i18n/messages.ts), so a key missing
// from any language is a type error rather than a blank on the page.

export type { EffectStatus, Messages } from './i18n/messages.ts';

export const MESSAGES: Record<Lang, Messages> = { vi, en, zh };

export const messages = (lang: Lang): Messages => MESSAGES[lang];

// Formatters are costly to build, so one per language is kept.
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

// formatToParts is slow and list pages show the same moments over and over; remember recent answers.
const formattedMoments = new Map<string, string>();
const MAX_FORMATTED = 20_000;

/** A moment, in the language's style, in Vietnam's time zone: "14:05, 28/11/2026" / "28 November 2026, 14:05" / "2026年11月28日 14:05". */
export function formatDateTime(lang: Lang, isoTime: string): string {
  const memoKey = lang + isoTime;
  const known = formattedMoments.get(memoKey);
  if (known !== undefined) return known;
  const text = formatMoment(lang, isoTime);
  if (formattedMoments.size >= MAX_FORMATTED) formattedMoments.clear();
  formattedMoments.set(memoKey, text);
  return text;
}

function formatMoment(lang: Lang, isoTime: string): string {
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(MESSAGES[lang].locale, {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: lang === 'vi' ? '2-digit' : lang === 'zh' ? 'numeric' : 'long',
      day: lang === 'vi' ? '2-digit' : 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(lang, f);
  }
  const d = new Date(isoTime);
  if (Number.isNaN(d.getTime())) return isoTime;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(d)) parts[p.type] = p.value;
  // Vietnamese news style puts the time first: "14:05, 28/11/2026"
  if (lang === 'vi') return `${parts.hour}:${parts.minute}, ${parts.day}/${parts.month}/${parts.year}`;
  if (lang === 'en') return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/** A calendar date (YYYY-MM-DD, as legal documents carry them) in the language's style; no time-zone shift. */
export function formatDate(lang: Lang, day: string): string {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(MESSAGES[lang].locale, lang === 'vi' ? { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' } : { timeZone: 'UTC', dateStyle: 'long' });
    dateFormats.set(lang, f);
  }
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day);
  if (Number.isNaN(d.getTime())) return day;
  // Vietnamese documents write dates as dd/MM/yyyy
  return f.format(d);
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function formatBytes(lang: Lang, bytes: number): string {
  const nf = new Intl.NumberFormat(MESSAGES[lang].locale, { maximumFractionDigits: 1 });
  if (bytes >= 1_000_000) return `${nf.format(bytes / 1_000_000)} MB`;
  if (bytes >= 1000) return `${nf.format(bytes / 1000)} KB`;
  return `${nf.format(bytes)} B`;
}
