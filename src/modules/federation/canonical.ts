import { createHash, timingSafeEqual } from 'node:crypto';

// Canonical JSON and digests. A log entry is signed over its canonical JSON
// (RFC 8785, JCS: object keys sorted by UTF-16 code units, no whitespace,
// ECMAScript string and number forms), so any two implementations that agree
// on the values agree on the bytes. HTTP bodies carry RFC 9530 Content-Digest.

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no form for NaN or Infinity');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for ${typeof value}`);
  }
}

/** A digest in the RFC 9530 dictionary form, e.g. `sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:`. */
export function sha256Field(data: string | Buffer): string {
  return `sha-256=:${createHash('sha256').update(data).digest('base64')}:`;
}

const ALGORITHMS: Record<string, string> = { 'sha-256': 'sha256', 'sha-512': 'sha512' };

export type DigestCheck = 'ok' | 'missing' | 'mismatch' | 'unsupported';

/**
 * Checks a Content-Digest header against the body. Every algorithm we know
 * must match; at least one must be known. Unknown ones are ignored (RFC 9530 §2).
 */
export function checkContentDigest(header: string | undefined, body: Buffer): DigestCheck {
  if (!header || !header.trim()) return 'missing';
  let known = 0;
  for (const member of header.split(',')) {
    const m = /^\s*([a-z0-9-]+)\s*=\s*:([A-Za-z0-9+/=]*):\s*$/.exec(member);
    if (!m) return 'mismatch';
    const algorithm = ALGORITHMS[m[1]];
    if (!algorithm) continue;
    known++;
    const expected = createHash(algorithm).update(body).digest();
    const given = Buffer.from(m[2], 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'mismatch';
  }
  return known > 0 ? 'ok' : 'unsupported';
}
