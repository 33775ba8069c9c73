// Small builders shared by the demo content files. They only fill in the
// repetitive, derivable parts of `meta` (attachment URLs and sizes, video
// URLs); every piece of text is written out in the content files themselves.

export type EffectStatus = 'in-force' | 'partly-expired' | 'expired' | 'not-yet-in-force' | 'suspended' | 'no-longer-applicable';

export interface LegalInput {
  number: string; // số ký hiệu, e.g. '42/2022/NĐ-CP'
  documentType: string; // 'Nghị định', 'Quyết định', 'Thông tư', ...
  issuingBody: string;
  signer: string;
  signerTitle: string;
  issuedDate: string; // YYYY-MM-DD
  effectiveDate: string;
  expiryDate: string | null;
  effectStatus: EffectStatus;
  field: string;
  gazetteDate: string | null;
  abstract: string;
  /** Extra files besides the signed full text (appendices, forms). */
  appendices?: string[];
}

export interface Attachment {
  name: string;
  url: string;
  size: number;
}

const TYPE_PREFIX: Record<string, string> = {
  Luật: 'luat',
  'Nghị định': 'nd',
  'Nghị quyết': 'nq',
  'Quyết định': 'qd',
  'Thông tư': 'tt',
  'Chỉ thị': 'ct',
  'Công điện': 'cd',
  'Kế hoạch': 'kh',
  'Thông báo': 'tb',
};

/** ASCII slug of a Vietnamese string: 'NĐ-CP' → 'nd-cp'. */
export function asciiSlug(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Deterministic pseudo-random integer in [min, max] derived from a string. */
function sizeFrom(seed: string, min: number, max: number): number {
  let h = 2166136261;
  for (const ch of seed) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return min + (h % (max - min + 1));
}

/** `meta` of a legal document, with the signed PDF (and any appendices) as attachments. */
export function legalMeta(input: LegalInput): Record<string, unknown> {
  const { appendices = [], ...rest } = input;
  const prefix = TYPE_PREFIX[input.documentType] ?? 'vb';
  const base = `${prefix}-${asciiSlug(input.number)}`;
  const attachments: Attachment[] = [
    {
      name: `${input.documentType} ${input.number} (bản PDF có chữ ký số)`,
      url: `/files/${base}.pdf`,
      size: sizeFrom(input.number, 180_000, 2_400_000),
    },
    ...appendices.map((name, i) => ({
      name,
      url: `/files/${base}-phu-luc-${i + 1}.pdf`,
      size: sizeFrom(input.number + name, 40_000, 900_000),
    })),
  ];
  return { ...rest, attachments };
}

/** A YouTube watch URL for an 11-character video id. */
export function youtube(id: string): string {
  if (!/^[A-Za-z0-9_-]{11}$/.test(id)) throw new Error(`bad YouTube id: ${id}`);
  return `https://www.youtube.com/watch?v=${id}`;
}
