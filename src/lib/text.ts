// Vietnamese-aware text folding, shared by slugs and the simple list filter.

/** Lower case, every diacritic removed and đ→d: "Chính phủ" → "chinh phu". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** A URL slug from a title: "Nghị định 42/2022/NĐ-CP" → "nghi-dinh-42-2022-nd-cp". Empty when nothing Latin is left. */
export function slugify(title: string, maxLength = 80): string {
  const slug = fold(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '');
}
