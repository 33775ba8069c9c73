import { Type, type Static } from '@sinclair/typebox';
import type { Store } from '../../store/index.ts';
import { createAjv, toFieldErrors } from '../../lib/validate.ts';
import type { OutboundPolicy } from '../../lib/outbound.ts';
import { iso, type Clock } from '../../lib/time.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import { request, OutgoingHttpError } from './http.ts';
import { isEndorsedBy, type KeyRing, type PublishedKey } from './keys.ts';
import { sealingKeyStatement } from './sealing.ts';
import { signEd25519 } from './signatures.ts';
import { type FedDB, type FedExecutor } from './tables.ts';

// Other portals: their identity documents, and the keys this deployment has
// pinned for them. A key is pinned when an operator creates a relationship
// (a subscription, a join request, an accepted subscriber) — the moment the
// operator vouches for the URL — and afterwards only through a rotation that
// a pinned key endorsed. Nothing else read from the network adds trust.

export const WELL_KNOWN = '/.well-known/lantoa/portal.json';
export const INBOX_PATH = '/federation/v1/inbox';
export const LOG_PATH = '/federation/v1/log';

const KeyS = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 500 }),
  alg: Type.Literal('ed25519'),
  publicKey: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  endorsement: Type.Union([Type.Object({ keyId: Type.String(), signature: Type.String() }), Type.Null()]),
});

/** The portal's key for sealed boxes (sealing.ts), signed by one of its Ed25519 keys over sealingKeyStatement. */
const SealingKeyS = Type.Object({
  alg: Type.Literal('x25519'),
  publicKey: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
  keyId: Type.String({ minLength: 1, maxLength: 500 }),
  signature: Type.String({ maxLength: 200 }),
});

export const IdentityS = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 100 }),
  name: Type.Object({ vi: Type.String() }, { additionalProperties: Type.String() }),
  kind: Type.String({ maxLength: 50 }),
  url: Type.String({ format: 'uri', maxLength: 500 }),
  languages: Type.Array(Type.String()),
  keyId: Type.String(),
  keys: Type.Array(KeyS, { minItems: 1, maxItems: 20 }),
  endpoints: Type.Object({ inbox: Type.String({ format: 'uri' }), log: Type.String({ format: 'uri' }), identity: Type.String({ format: 'uri' }) }),
  directory: Type.Boolean(),
  // optional: portals from before sealed boxes still federate, they only cannot take sealed messages
  sealingKey: Type.Optional(SealingKeyS),
});
export type RemoteIdentity = Static<typeof IdentityS>;

const validateIdentity = createAjv().compile(IdentityS);

export class PeerError extends Error {}

/** A portal's base URL in one spelling: scheme, host and port, lower-case, no path. */
export function portalOrigin(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PeerError(`not a URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new PeerError(`a portal URL is http or https, not ${u.protocol}`);
  return u.origin;
}

export interface ResolvedKey {
  keyId: string;
  peerUrl: string;
  publicKey: string;
  expiresAt: string | null;
  /** a key of one of this deployment's own portals */
  local: boolean;
}

export class Peers {
  private readonly db: FedDB;

  constructor(
    store: Store,
    private readonly keys: KeyRing,
    private readonly portals: PortalService,
    private readonly clock: Clock,
    private readonly outbound: OutboundPolicy,
  ) {
    this.db = store.db;
  }

  /** This portal's identity document (`/.well-known/lantoa/portal.json`). */
  async identityOf(portal: Portal): Promise<RemoteIdentity> {
    const keys = await this.keys.published(portal);
    const current = await this.keys.signingKey(portal);
    return {
      slug: portal.slug,
      name: portal.name,
      kind: portal.kind,
      url: portal.url,
      languages: portal.languages,
      keyId: current.keyId,
      keys: keys,
      endpoints: { inbox: portal.url + INBOX_PATH, log: portal.url + LOG_PATH, identity: portal.url + WELL_KNOWN },
      directory: portal.kind === 'central',
      sealingKey: this.sealingKeyOf(portal, current),
    };
  }

  private sealingKeyOf(portal: Portal, signer: { keyId: string; privateKey: import('node:crypto').KeyObject }): NonNullable<RemoteIdentity['sealingKey']> {
    const { publicKey } = this.keys.sealingKey(portal);
    return { alg: 'x25519', publicKey, keyId: signer.keyId, signature: signEd25519(signer.privateKey, sealingKeyStatement(portal.url, publicKey)) };
  }

  /** Fetches and checks another portal's identity document. */
  async fetchIdentity(url: string): Promise<RemoteIdentity> {
    const origin = portalOrigin(url);
    let doc: unknown;
    try {
      const res = await request({ url: origin + WELL_KNOWN, timeoutMs: 5_000, maxBytes: 256 * 1024, policy: this.outbound });
      if (res.status !== 200) throw new PeerError(`${origin}${WELL_KNOWN} answered ${res.status}; is ${origin} a Lantoa portal?`);
      doc = res.json();
    } catch (err) {
      if (err instanceof PeerError) throw err;
      if (err instanceof OutgoingHttpError) throw new PeerError(`cannot reach ${origin}: ${err.message}`);
      throw new PeerError(`${origin}${WELL_KNOWN} is not JSON`);
    }
    if (!validateIdentity(doc)) {
      const errors = toFieldErrors(validateIdentity.errors);
      throw new PeerError(`${origin}${WELL_KNOWN} is not a portal identity: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    }
    const identity = doc as RemoteIdentity;
    // a portal speaks for its own origin only, and its endpoints live there
    if (portalOrigin(identity.url) !== origin) throw new PeerError(`${origin} claims to be ${identity.url}`);
    for (const e of Object.values(identity.endpoints)) if (portalOrigin(e) !== origin) throw new PeerError(`${origin} names an endpoint on another host (${e})`);
    if (!identity.keys.some((k) => k.id === identity.keyId)) throw new PeerError(`${origin} does not list its current key ${identity.keyId}`);
    return identity;
  }

  /** Pins a peer's keys (those not already pinned; expiry dates are refreshed). */
  async pin(db: FedExecutor, peerUrl: string, keys: PublishedKey[] | RemoteIdentity['keys'], via: string): Promise<void> {
    const now = iso(this.clock());
    for (const k of keys) {
      if (k.expiresAt && k.expiresAt <= now) continue;
      const existing = await db.selectFrom('federation_peer_keys').select(['peer_url', 'expires_at']).where('key_id', '=', k.id).executeTakeFirst();
      if (existing) {
        if (existing.peer_url !== peerUrl) throw new PeerError(`key ${k.id} is already pinned for ${existing.peer_url}`);
        if (k.expiresAt !== existing.expires_at && k.expiresAt) await db.updateTable('federation_peer_keys').set({ expires_at: k.expiresAt }).where('key_id', '=', k.id).execute();
        continue;
      }
      await db.insertInto('federation_peer_keys').values({ key_id: k.id, peer_url: peerUrl, public_key: k.publicKey, expires_at: k.expiresAt, pinned_via: via, pinned_at: now }).execute();
    }
  }

  async isPinned(peerUrl: string): Promise<boolean> {
    return !!(await this.db.selectFrom('federation_peer_keys').select('key_id').where('peer_url', '=', peerUrl).limit(1).executeTakeFirst());
  }

  /** A key by id: pinned for a peer, or one of this deployment's own portals' keys. */
  async resolve(keyId: string): Promise<ResolvedKey | undefined> {
    const pinned = await this.db.selectFrom('federation_peer_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
    if (pinned) return { keyId, peerUrl: pinned.peer_url, publicKey: pinned.public_key, expiresAt: pinned.expires_at, local: false };
    const local = await this.keys.localKey(keyId);
    if (local) {
      const portal = await this.portals.byId(local.portalId);
      if (portal) return { keyId, peerUrl: portal.url, publicKey: local.publicKey, expiresAt: local.expiresAt, local: true };
    }
    return undefined;
  }

  /**
   * A peer signs with a key we have not pinned: look at its identity document,
   * and pin the key if one of the keys pinned for it (still valid) endorsed it.
   */
  async followRotation(peerUrl: string, keyId: string): Promise<ResolvedKey | undefined> {
    const now = iso(this.clock());
    const trusted = await this.db
      .selectFrom('federation_peer_keys')
      .select(['key_id', 'public_key'])
      .where('peer_url', '=', peerUrl)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
    if (trusted.length === 0) return undefined;
    let identity: RemoteIdentity;
    try {
      identity = await this.fetchIdentity(peerUrl);
    } catch {
      return undefined;
    }
    const byId = new Map(identity.keys.map((k) => [k.id, k]));
    // walk the chain back from the new key to a pinned one (a few rotations within one grace period)
    const chain: RemoteIdentity['keys'] = [];
    let key = byId.get(keyId);
    for (let depth = 0; key && depth < 5; depth++) {
      chain.push(key);
      const endorser = key.endorsement?.keyId;
      const pinned = trusted.find((t) => t.key_id === endorser);
      if (pinned) {
        // verify each link from the pinned key forward
        let signerKey = pinned.public_key;
        for (const link of chain.reverse()) {
          if (!isEndorsedBy(link, signerKey)) return undefined;
          signerKey = link.publicKey;
        }
        await this.pin(
          this.db,
          peerUrl,
          identity.keys.filter((k) => chain.some((c) => c.id === k.id) || trusted.some((t) => t.key_id === k.id)),
          'endorsement',
        );
        // a pinned key the peer no longer lists has outlived its grace period there: retire it here too
        const listed = new Set(identity.keys.map((k) => k.id));
        const retired = trusted.filter((t) => !listed.has(t.key_id)).map((t) => t.key_id);
        if (retired.length) await this.db.updateTable('federation_peer_keys').set({ expires_at: now }).where('key_id', 'in', retired).execute();
        return this.resolve(keyId);
      }
      key = endorser ? byId.get(endorser) : undefined;
    }
    return undefined;
  }
}
