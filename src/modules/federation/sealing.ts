import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

// Sealed boxes between portals: what one portal sends another that nobody
// in between may read — a citizen's case forwarded to the competent agency,
// and the answer coming back. Signatures (RFC 9421) already say who sent a
// message; sealing says who can open it.
//
// Each portal has an X25519 key derived from the deployment secret (so it
// needs no storage and survives restarts), published in its identity
// document and signed there with the portal's Ed25519 key, which peers have
// pinned. A box is ECDH between a fresh ephemeral key and the recipient's
// key, HKDF-SHA256 over both public keys, then AES-256-GCM with the caller's
// context (sender, recipient, case) as authenticated data: a box lifted into
// another message, or aimed at another recipient, does not open.

const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const BOX_VERSION = 'x25519v1';

export class SealedBoxError extends Error {}

export interface SealingKeyPair {
  /** base64url of the raw 32-byte X25519 public key */
  publicKey: string;
  privateKey: KeyObject;
}

/** The portal's X25519 key pair from 32 secret bytes (X25519 clamps them itself). */
export function sealingKeyFromSeed(seed: Buffer): SealingKeyPair {
  if (seed.length !== 32) throw new RangeError('an X25519 seed is 32 bytes');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey).export({ format: 'jwk' }).x as string;
  return { publicKey, privateKey };
}

/** The text a portal signs with its Ed25519 key to vouch for its sealing key. */
export const sealingKeyStatement = (portalUrl: string, publicKey: string) => `lantoa-sealing-key:v1\n${portalUrl}\n${publicKey}`;

function publicKeyFromRaw(raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length !== 32) throw new SealedBoxError('an X25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, bytes]), format: 'der', type: 'spki' });
}

function boxKey(shared: Buffer, ephemeral: string, recipient: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${ephemeral}.${recipient}`), Buffer.from('lantoa sealed box v1'), 32));
}

/** Seals `plain` so that only the holder of `recipientPublicKey`'s private key opens it, and only with the same `context`. */
export function seal(recipientPublicKey: string, plain: Buffer | string, context: string): string {
  const recipient = publicKeyFromRaw(recipientPublicKey);
  const eph = generateKeyPairSync('x25519');
  const ephPublic = eph.publicKey.export({ format: 'jwk' }).x as string;
  const key = boxKey(diffieHellman({ privateKey: eph.privateKey, publicKey: recipient }), ephPublic, recipientPublicKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
  return [BOX_VERSION, ephPublic, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** Opens a box sealed to `own`; throws SealedBoxError when it is malformed, for someone else, or for another context. */
export function open(own: SealingKeyPair, box: string, context: string): Buffer {
  const parts = typeof box === 'string' ? box.split('.') : [];
  if (parts.length !== 5 || parts[0] !== BOX_VERSION) throw new SealedBoxError(`a sealed box is ${BOX_VERSION}.<key>.<iv>.<tag>.<ciphertext>`);
  const [, ephPublic, iv, tag, ct] = parts;
  let key: Buffer;
  try {
    key = boxKey(diffieHellman({ privateKey: own.privateKey, publicKey: publicKeyFromRaw(ephPublic) }), ephPublic, own.publicKey);
  } catch {
    throw new SealedBoxError('the sealed box names an unusable key');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
  } catch {
    throw new SealedBoxError('the sealed box does not open: it was sealed for another portal or another message, or changed on the way');
  }
}
