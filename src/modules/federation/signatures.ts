import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sha256Field } from './canonical.ts';

// HTTP Message Signatures (RFC 9421) with Ed25519, the subset federation
// needs. A request is signed over its method, target URI and Content-Digest
// (RFC 9530) with a `created` time; a response (the publication log) over its
// status and Content-Digest. The signature base is built exactly as §2.5
// describes, so other implementations of the RFC can verify ours.

export const LABEL = 'sig1';
export const REQUEST_COMPONENTS = ['@method', '@target-uri', 'content-digest'] as const;
export const RESPONSE_COMPONENTS = ['@status', 'content-digest'] as const;

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
}

export interface SignatureParams {
  created?: number;
  expires?: number;
  keyid?: string;
  alg?: string;
  nonce?: string;
}

export interface ParsedSignature {
  label: string;
  components: string[];
  params: SignatureParams;
  /** `@signature-params` as it goes into the base: the inner list with its parameters. */
  paramsText: string;
  signature: Buffer;
}

export class SignatureError extends Error {}

const sfString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function serializeParams(components: readonly string[], params: SignatureParams): string {
  let out = `(${components.map(sfString).join(' ')})`;
  for (const [name, value] of Object.entries(params) as [string, SignatureParams[keyof SignatureParams]][]) {
    if (value === undefined) continue;
    out += `;${name}=${typeof value === 'number' ? String(value) : sfString(value)}`;
  }
  return out;
}

/** The signature base of RFC 9421 §2.5: one line per covered component, then `@signature-params`. */
export function signatureBase(components: readonly string[], valueOf: (component: string) => string | undefined, paramsText: string): string {
  const lines: string[] = [];
  for (const c of components) {
    const v = valueOf(c);
    if (v === undefined) throw new SignatureError(`the signature covers ${c}, which the message lacks`);
    lines.push(`${sfString(c)}: ${v}`);
  }
  lines.push(`"@signature-params": ${paramsText}`);
  return lines.join('\n');
}

const b64 = (buf: Buffer) => buf.toString('base64');

function headersFor(key: SigningKey, components: readonly string[], valueOf: (c: string) => string | undefined, created: number): Record<string, string> {
  const params: SignatureParams = { created, keyid: key.keyId, alg: 'ed25519' };
  const paramsText = serializeParams(components, params);
  const base = signatureBase(components, valueOf, paramsText);
  const signature = sign(null, Buffer.from(base, 'utf8'), key.privateKey);
  return { 'signature-input': `${LABEL}=${paramsText}`, signature: `${LABEL}=:${b64(signature)}:` };
}

export interface SignedHeaders {
  'content-digest': string;
  'signature-input': string;
  signature: string;
}

/** Headers that sign a request: Content-Digest, Signature-Input and Signature. */
export function signRequest(key: SigningKey, req: { method: string; url: string; body: Buffer | string }, now: Date): SignedHeaders {
  const digest = sha256Field(req.body);
  const values: Record<string, string> = { '@method': req.method.toUpperCase(), '@target-uri': req.url, 'content-digest': digest };
  return { 'content-digest': digest, ...headersFor(key, REQUEST_COMPONENTS, (c) => values[c], Math.floor(now.getTime() / 1000)) } as SignedHeaders;
}

/** Headers that sign a response (RFC 9421 §2.2.9 `@status`). */
export function signResponse(key: SigningKey, res: { status: number; body: Buffer | string }, now: Date): SignedHeaders {
  const digest = sha256Field(res.body);
  const values: Record<string, string> = { '@status': String(res.status), 'content-digest': digest };
  return { 'content-digest': digest, ...headersFor(key, RESPONSE_COMPONENTS, (c) => values[c], Math.floor(now.getTime() / 1000)) } as SignedHeaders;
}

// ---------- parsing (RFC 8941 structured fields, the parts signatures use) ----------

class Cursor {
  i = 0;
  constructor(readonly s: string) {}
  peek() {
    return this.s[this.i];
  }
  eat(ch: string) {
    if (this.s[this.i] !== ch) throw new SignatureError(`expected "${ch}" at ${this.i} in "${this.s.slice(0, 200)}"`);
    this.i++;
  }
  spaces() {
    while (this.s[this.i] === ' ') this.i++;
  }
  ows() {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }
  done() {
    return this.i >= this.s.length;
  }
  key(): string {
    const m = /^[a-z*][a-z0-9_\-.*]*/.exec(this.s.slice(this.i));
    if (!m) throw new SignatureError(`expected a key at ${this.i}`);
    this.i += m[0].length;
    return m[0];
  }
  string(): string {
    this.eat('"');
    let out = '';
    for (;;) {
      const ch = this.s[this.i++];
      if (ch === undefined) throw new SignatureError('unterminated string');
      if (ch === '\\') {
        const next = this.s[this.i++];
        if (next !== '"' && next !== '\\') throw new SignatureError('bad escape in string');
        out += next;
      } else if (ch === '"') return out;
      else if (ch < ' ' || ch > '~') throw new SignatureError('non-ASCII or control character in string');
      else out += ch;
    }
  }
  bare(): string | number | boolean {
    const ch = this.peek();
    if (ch === '"') return this.string();
    if (ch === '?') {
      this.i++;
      const v = this.s[this.i++];
      if (v !== '0' && v !== '1') throw new SignatureError('bad boolean');
      return v === '1';
    }
    const num = /^-?\d{1,15}/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    const token = /^[A-Za-z*][A-Za-z0-9:/!#$%&'*+\-.^_`|~]*/.exec(this.s.slice(this.i));
    if (token) {
      this.i += token[0].length;
      return token[0];
    }
    throw new SignatureError(`unexpected "${ch}" at ${this.i}`);
  }
  params(): Array<[string, string | number | boolean]> {
    const out: Array<[string, string | number | boolean]> = [];
    while (this.peek() === ';') {
      this.i++;
      this.spaces();
      const k = this.key();
      let v: string | number | boolean = true;
      if (this.peek() === '=') {
        this.i++;
        v = this.bare();
      }
      out.push([k, v]);
    }
    return out;
  }
}

/** A dictionary of `label=member`; returns each member's raw text, for the caller to parse. */
function dictionaryMembers(header: string): Map<string, string> {
  const out = new Map<string, string>();
  const c = new Cursor(header.trim());
  while (!c.done()) {
    const key = c.key();
    c.eat('=');
    const start = c.i;
    // skip to the next top-level comma (outside strings, byte sequences and lists)
    let depth = 0;
    let inString = false;
    let inBytes = false;
    while (!c.done()) {
      const ch = c.s[c.i];
      if (inString) {
        if (ch === '\\') c.i++;
        else if (ch === '"') inString = false;
      } else if (inBytes) {
        if (ch === ':') inBytes = false;
      } else if (ch === '"') inString = true;
      else if (ch === ':') inBytes = true;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
      else if (ch === ',' && depth === 0) break;
      c.i++;
    }
    out.set(key, c.s.slice(start, c.i).trim());
    if (!c.done()) {
      c.eat(',');
      c.ows();
    }
  }
  return out;
}

/** Reads Signature-Input and Signature; throws SignatureError when either is missing or malformed. */
export function parseSignatureHeaders(signatureInput: string | undefined, signatureHeader: string | undefined): ParsedSignature {
  if (!signatureInput || !signatureHeader) throw new SignatureError('the request is not signed: Signature-Input and Signature headers are required (RFC 9421)');
  const inputs = dictionaryMembers(signatureInput);
  const signatures = dictionaryMembers(signatureHeader);
  const label = [...inputs.keys()].find((l) => signatures.has(l));
  if (!label) throw new SignatureError('Signature-Input and Signature share no label');
  const c = new Cursor(inputs.get(label)!);
  c.eat('(');
  const components: string[] = [];
  c.spaces();
  while (c.peek() !== ')') {
    if (c.done()) throw new SignatureError('unterminated component list');
    const name = c.string();
    if (c.peek() === ';') throw new SignatureError(`component parameters (${name};…) are not supported`);
    components.push(name);
    c.spaces();
  }
  c.eat(')');
  const raw = c.params();
  if (!c.done()) throw new SignatureError('trailing text after the signature parameters');
  const params: SignatureParams = {};
  for (const [k, v] of raw) {
    if ((k === 'created' || k === 'expires') && typeof v === 'number') params[k] = v;
    else if ((k === 'keyid' || k === 'alg' || k === 'nonce') && typeof v === 'string') params[k] = v;
  }
  const sig = /^:([A-Za-z0-9+/=]+):$/.exec(signatures.get(label)!);
  if (!sig) throw new SignatureError('Signature is not a byte sequence');
  // the base uses the parameters exactly as sent, re-serialized canonically
  const paramsText = serializeParams(components, Object.fromEntries(raw.map(([k, v]) => [k, typeof v === 'boolean' ? undefined : v])));
  return { label, components, params, paramsText, signature: Buffer.from(sig[1], 'base64') };
}

const publicKeys = new Map<string, KeyObject>();

/** An Ed25519 public key from its raw 32 bytes in base64url (the JWK `x`). */
export function publicKeyFrom(raw: string): KeyObject {
  let key = publicKeys.get(raw);
  if (!key) {
    if (!/^[A-Za-z0-9_-]{43}$/.test(raw)) throw new SignatureError('an Ed25519 public key is 32 bytes in base64url');
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
    if (publicKeys.size > 10_000) publicKeys.clear();
    publicKeys.set(raw, key);
  }
  return key;
}

export function verifyEd25519(publicKey: string, data: string | Buffer, signature: Buffer): boolean {
  try {
    return verify(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, publicKeyFrom(publicKey), signature);
  } catch {
    return false;
  }
}

export function signEd25519(privateKey: KeyObject, data: string): string {
  return sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64url');
}
