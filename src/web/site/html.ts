// A tiny escape-by-default template layer. `html` is a tagged template: every
// interpolated value is HTML-escaped unless it already is SafeHtml (the
// result of another `html` call, or of `raw()` for text that was sanitized
// before it was stored, such as an item's body). Arrays are joined, and
// null/undefined/false render as nothing, so conditionals read naturally:
//   html`<ul>${items.map((i) => html`<li>${i.title}</li>`)}</ul>`

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const NEEDS_ESCAPE = /[&<>"']/;

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) {
    let out = '';
    for (const v of value as Interpolation[]) out += render(v);
    return out;
  }
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Marks text as trusted HTML. Only for markup that was sanitized or built here. */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

/** Serializes data for a <script type="application/ld+json"> block; `<` is escaped so no text can close the element. */
export function jsonLd(data: unknown): SafeHtml {
  // one pass over the JSON instead of five: it runs twice on every article
  const json = JSON.stringify(data).replace(JSON_LD_UNSAFE, (c) => JSON_LD_ESCAPES[c]);
  return new SafeHtml(`<script type="application/ld+json">${json}</script>`);
}
const JSON_LD_UNSAFE = /[<>&\u2028\u2029]/g;
const JSON_LD_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** Escapes text for XML (feeds, sitemaps); also drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
}

/** `xml` is `html` with XML escaping, for feeds and sitemaps. */
export function xml(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  const renderXml = (value: Interpolation): string => {
    if (value === null || value === undefined || value === false) return '';
    if (value instanceof SafeHtml) return value.value;
    if (Array.isArray(value)) return value.map(renderXml).join('');
    return escapeXml(String(value));
  };
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += renderXml(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}
