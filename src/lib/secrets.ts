import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// The deployment secret and what is sealed with it. Secrets kept in the store
// (federation private keys, social channel credentials) are encrypted with
// AES-256-GCM under keys derived by HKDF from one deployment secret:
// LANTOA_SECRET when set (required when several machines share one
// PostgreSQL database), otherwise a random secret in DATA_DIR/secret.key,
// created on first use with owner-only permissions. A database dump alone
// therefore opens nothing.

export class SecretUnavailableError extends Error {}

/** The deployment secret: LANTOA_SECRET (`fromEnv`, Config.secret), or DATA_DIR/secret.key (made once, 0600). */
export function loadSecret(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) {
    if (fromEnv.length < 16) throw new SecretUnavailableError('LANTOA_SECRET must be at least 16 characters');
    return Buffer.from(fromEnv, 'utf8');
  }
  const file = path.join(dataDir, 'secret.key');
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    // 'wx' fails when the file exists, so two processes starting together keep one secret
    fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new SecretUnavailableError(`cannot create ${file}: ${(err as Error).message}`);
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < 32) throw new SecretUnavailableError(`${file} is too short to be a secret`);
  return Buffer.from(text, 'utf8');
}

export class UnsealError extends Error {}

/**
 * Seals and opens small secrets for one purpose. The purpose goes into the key
 * derivation, so a value sealed for one use cannot be opened as another; the
 * `context` (say, a row's id) is authenticated data, so a sealed value copied
 * to another row does not open either.
 */
export class Sealer {
  private key: Buffer | undefined;

  constructor(
    private readonly secret: () => Buffer,
    private readonly purpose: string,
  ) {}

  private aesKey(): Buffer {
    this.key ??= Buffer.from(hkdfSync('sha256', this.secret(), Buffer.from('lantoa'), Buffer.from(this.purpose), 32));
    return this.key;
  }

  seal(plain: Buffer | string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.aesKey(), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ct = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  open(sealed: string, context: string): Buffer {
    const [v, iv, tag, ct] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || ct === undefined) throw new UnsealError('the sealed value is in an unknown format');
    const decipher = createDecipheriv('aes-256-gcm', this.aesKey(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
    } catch {
      throw new UnsealError('the sealed value does not open: the deployment secret (LANTOA_SECRET or DATA_DIR/secret.key) is not the one it was sealed with, or it was moved');
    }
  }
}
