import { createHash, createPrivateKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import { iso, type Clock } from '../../lib/time.ts';
import type { Portal } from '../portals/index.ts';
import { type FedDB, type FedExecutor } from './tables.ts';
import { signEd25519, verifyEd25519, type SigningKey } from './signatures.ts';
import { sealingKeyFromSeed, type SealingKeyPair } from './sealing.ts';

// Each portal's Ed25519 keys. The private key is stored encrypted
// (AES-256-GCM) under a key derived with HKDF from a deployment secret:
// LANTOA_SECRET when set (required when several machines share one
// PostgreSQL database), otherwise a random secret kept in DATA_DIR/secret.key,
// created on first use with owner-only permissions. A database dump alone
// therefore signs nothing.
//
// Rotation makes a new key current and lets the old one keep verifying for a
// grace period. The new key is endorsed — signed — by the old one, so a peer
// that pinned the old key can accept the new one without trusting anything
// else it reads from the network.

export interface PublishedKey {
  id: string;
  alg: 'ed25519';
  publicKey: string;
  createdAt: string;
  /** set on a superseded key: it verifies until then */
  expiresAt: string | null;
  /** the previous key's signature over this one (see endorsementText) */
  endorsement: { keyId: string; signature: string } | null;
}

export interface LocalKey {
  keyId: string;
  portalId: number;
  publicKey: string;
  expiresAt: string | null;
}

const CURRENT_TTL_MS = 5_000;

export const endorsementText = (keyId: string, publicKey: string) => `lantoa-key-endorsement:v1\n${keyId}\n${publicKey}`;

export { SecretUnavailableError, loadSecret } from '../../lib/secrets.ts';
import { Sealer } from '../../lib/secrets.ts';

export class KeyRing {
  private readonly sealer: Sealer;
  private readonly privateKeys = new Map<string, KeyObject>();
  private readonly current = new Map<number, { at: number; key: SigningKey & { publicKey: string } }>();
  private readonly loading = new Map<number, Promise<SigningKey & { publicKey: string }>>();
  private readonly db: FedDB;
  private readonly sealingKeys = new Map<number, SealingKeyPair>();

  constructor(
    store: Store,
    private readonly secret: () => Buffer,
    private readonly clock: Clock,
  ) {
    this.db = store.db;
    this.sealer = new Sealer(secret, 'federation private keys v1');
  }

  private seal(keyId: string, der: Buffer): string {
    // the key id is authenticated data: a ciphertext moved to another row does not open
    return this.sealer.seal(der, keyId);
  }

  private open(keyId: string, sealed: string): KeyObject {
    const cached = this.privateKeys.get(keyId);
    if (cached) return cached;
    let der: Buffer;
    try {
      der = this.sealer.open(sealed, keyId);
    } catch (err) {
      throw new Error(`private key ${keyId} does not decrypt: ${(err as Error).message}`);
    }
    const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    this.privateKeys.set(keyId, key);
    return key;
  }

  /**
   * Whether the deployment secret opens the private keys in the store: undefined when it
   * does (or there are none yet), else the reason. A store restored without its secret,
   * or a changed LANTOA_SECRET, leaves keys nobody can use: federation and every other
   * sealed value (social credentials, second factors) fail until the secret is put back.
   */
  async sealedKeysProblem(): Promise<string | undefined> {
    const row = await this.db.selectFrom('federation_keys').select(['key_id', 'private_key']).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    if (!row) return undefined;
    try {
      this.sealer.open(row.private_key, row.key_id);
      return undefined;
    } catch (err) {
      return `the sealed keys in the store do not open with this deployment's secret (${(err as Error).message})`;
    }
  }

  private async insertKey(portal: Portal, endorser?: { keyId: string; privateKey: KeyObject }, db: FedExecutor = this.db): Promise<SigningKey & { publicKey: string }> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'jwk' }).x as string;
    const fingerprint = createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex').slice(0, 16);
    // a URL-shaped key id says whose key it is, as ActivityPub's do
    const keyId = `${portal.url}#ed25519-${fingerprint}`;
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
    await db
      .insertInto('federation_keys')
      .values({
        key_id: keyId,
        portal_id: portal.id,
        public_key: raw,
        private_key: this.seal(keyId, der),
        created_at: iso(this.clock()),
        expires_at: null,
        endorsed_by: endorser?.keyId ?? null,
        endorsement: endorser ? signEd25519(endorser.privateKey, endorsementText(keyId, raw)) : null,
      })
      .execute();
    this.privateKeys.set(keyId, privateKey);
    return { keyId, privateKey, publicKey: raw };
  }

  /** The key a portal signs with now; made on first use. */
  async signingKey(portal: Portal): Promise<SigningKey & { publicKey: string }> {
    const hit = this.current.get(portal.id);
    if (hit && Date.now() - hit.at < CURRENT_TTL_MS) return hit.key;
    let loading = this.loading.get(portal.id);
    if (!loading) {
      loading = this.loadCurrent(portal).finally(() => this.loading.delete(portal.id));
      this.loading.set(portal.id, loading);
    }
    return loading;
  }

  private async loadCurrent(portal: Portal): Promise<SigningKey & { publicKey: string }> {
    const read = () => this.db.selectFrom('federation_keys').selectAll().where('portal_id', '=', portal.id).where('expires_at', 'is', null).executeTakeFirst();
    let row = await read();
    let key: SigningKey & { publicKey: string };
    if (row) key = { keyId: row.key_id, privateKey: this.open(row.key_id, row.private_key), publicKey: row.public_key };
    else {
      try {
        key = await this.insertKey(portal);
      } catch (err) {
        // another process made it first (the unique index on the current key): use theirs
        row = await read();
        if (!row) throw err;
        key = { keyId: row.key_id, privateKey: this.open(row.key_id, row.private_key), publicKey: row.public_key };
      }
    }
    this.current.set(portal.id, { at: Date.now(), key });
    return key;
  }

  /** Keys a portal publishes: the current one and those still in their grace period. */
  async published(portal: Portal): Promise<PublishedKey[]> {
    await this.signingKey(portal);
    const now = iso(this.clock());
    const rows = await this.db
      .selectFrom('federation_keys')
      .select(['key_id', 'public_key', 'created_at', 'expires_at', 'endorsed_by', 'endorsement'])
      .where('portal_id', '=', portal.id)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.key_id,
      alg: 'ed25519' as const,
      publicKey: r.public_key,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      endorsement: r.endorsed_by && r.endorsement ? { keyId: r.endorsed_by, signature: r.endorsement } : null,
    }));
  }

  /**
   * Makes a new key current. The old one verifies for `graceSeconds` more, and
   * signs the new one so that peers which pinned it can follow.
   */
  async rotate(portal: Portal, graceSeconds: number): Promise<{ keyId: string; previous: { keyId: string; expiresAt: string } | null }> {
    this.current.delete(portal.id);
    const old = await this.signingKey(portal);
    const expiresAt = iso(new Date(this.clock().getTime() + graceSeconds * 1000));
    const next = await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('federation_keys').set({ expires_at: expiresAt }).where('portal_id', '=', portal.id).where('expires_at', 'is', null).execute();
      return this.insertKey(portal, old, trx);
    });
    this.current.set(portal.id, { at: Date.now(), key: next });
    return { keyId: next.keyId, previous: { keyId: old.keyId, expiresAt } };
  }

  /**
   * The portal's X25519 key for sealed boxes (sealing.ts), derived from the
   * deployment secret and the portal's id: nothing to store, the same in every
   * process of the deployment, and a database dump alone opens nothing.
   */
  sealingKey(portal: Portal): SealingKeyPair {
    let pair = this.sealingKeys.get(portal.id);
    if (!pair) {
      pair = sealingKeyFromSeed(Buffer.from(hkdfSync('sha256', this.secret(), Buffer.from('lantoa'), Buffer.from(`federation sealing key v1\n${portal.id}`), 32)));
      this.sealingKeys.set(portal.id, pair);
    }
    return pair;
  }

  /** A key of one of this deployment's own portals (portals of one deployment trust each other). */
  async localKey(keyId: string): Promise<LocalKey | undefined> {
    const row = await this.db.selectFrom('federation_keys').select(['key_id', 'portal_id', 'public_key', 'expires_at']).where('key_id', '=', keyId).executeTakeFirst();
    return row ? { keyId: row.key_id, portalId: row.portal_id, publicKey: row.public_key, expiresAt: row.expires_at } : undefined;
  }

  /** For tests and operators: the private key behind a key id (decrypted). */
  async privateKey(keyId: string): Promise<KeyObject | undefined> {
    const row = await this.db.selectFrom('federation_keys').select(['key_id', 'private_key']).where('key_id', '=', keyId).executeTakeFirst();
    return row ? this.open(row.key_id, row.private_key) : undefined;
  }
}

/** Checks that `key` is endorsed by `by` (a key the caller already trusts). */
export function isEndorsedBy(key: PublishedKey, byPublicKey: string): boolean {
  if (!key.endorsement) return false;
  return verifyEd25519(byPublicKey, endorsementText(key.id, key.publicKey), Buffer.from(key.endorsement.signature, 'base64url'));
}
