export const LANGUAGES = ['vi', 'en', 'zh'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Localized = Partial<Record<Lang, string>> & { vi: string };

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

/** Path prefix of a language on the public site: vi has none. */
export const langPrefix = (lang: Lang): string => (lang === 'vi' ? '' : `/${lang}`);
