import type { Clock } from '../../lib/time.ts';
import type { Portal } from '../portals/index.ts';
import { checkContentDigest } from './canonical.ts';
import { PeerError, portalOrigin, type Peers, type RemoteIdentity, type ResolvedKey } from './peers.ts';
import { parseSignatureHeaders, REQUEST_COMPONENTS, signatureBase, SignatureError, verifyEd25519 } from './signatures.ts';

// The first half of the inbox: everything that decides whether a request is
// what it claims to be, before any handler looks at what it says. Each check
// fails with its own status and reason, so a peer's operator can tell a clock
// problem from a key problem; the web layer logs every rejection in the
// audit log.

/** How old a signature may be (its `created`), and how far ahead a peer's clock may run. */
export const FRESHNESS_SECONDS = 300;
export const CLOCK_SKEW_SECONDS = 60;
export const INBOX_BODY_LIMIT = 5 * 1024 * 1024;

// The types after proposal-decision belong to other modules (citizen feedback's forwarded cases and
// their progress coming back, …); the composition root registers their handlers (FederationService.handle).
export const MESSAGE_TYPES = ['subscribe', 'unsubscribe', 'verify', 'entry', 'entries', 'join', 'join-decision', 'proposal', 'proposal-decision', 'feedback-forward', 'feedback-update', 'analytics-report', 'entry-rejected'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Types a stranger may send: the receiver learns the sender's key from its identity document. */
const FIRST_CONTACT: readonly MessageType[] = ['subscribe', 'join'];

export class InboxRejection extends Error {
  constructor(
    readonly status: number,
    /** a stable short code, e.g. `bad-signature`; also the last part of the problem type */
    readonly reason: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
    /** what the audit log keeps but the sender is not told (why a stranger was not verified) */
    readonly auditDetail?: string,
  ) {
    super(detail);
  }
}

/**
 * The one answer to a stranger that could not be verified, whatever the
 * cause: an unreachable or refused address, no identity document, a key it
 * does not list, a signature that does not verify. Telling these apart would
 * let anyone probe which hosts and ports answer behind this portal.
 */
export function unverifiedStranger(cause: string): InboxRejection {
  return new InboxRejection(401, 'unverified-sender', "The sender could not be verified against its portal's identity document.", {}, cause);
}

export interface Envelope {
  type: MessageType;
  from: string;
  to: string;
  [k: string]: unknown;
}

export interface VerifiedMessage {
  portal: Portal;
  message: Envelope;
  from: string;
  key: ResolvedKey;
  /** set on first contact: the sender's identity document, whose keys verified the request */
  identity?: RemoteIdentity;
}

export interface InboxRequest {
  portal: Portal;
  method: string;
  /** the URI the request was sent to, as the receiver sees it */
  targetUri: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Whether `from` may send `type` to `portal` at all (a subscription, a membership, …). */
export type Relationship = (portal: Portal, from: string, type: MessageType) => Promise<boolean>;

/** Called before a stranger's identity is fetched: throws (429) when first contacts come too fast. */
export type FirstContactGate = (portal: Portal, from: string) => void;

const header = (h: InboxRequest['headers'], name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

export async function verifyInbox(req: InboxRequest, peers: Peers, clock: Clock, related: Relationship, gate: FirstContactGate = () => {}): Promise<VerifiedMessage> {
  const contentType = header(req.headers, 'content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) throw new InboxRejection(415, 'unsupported-media-type', 'Send the message as application/json.');

  let sig;
  try {
    sig = parseSignatureHeaders(header(req.headers, 'signature-input'), header(req.headers, 'signature'));
  } catch (err) {
    throw new InboxRejection(401, 'missing-signature', (err as Error).message);
  }
  for (const c of REQUEST_COMPONENTS) {
    if (!sig.components.includes(c)) throw new InboxRejection(401, 'incomplete-signature', `The signature must cover ${REQUEST_COMPONENTS.join(', ')}; it covers ${sig.components.join(', ') || 'nothing'}.`);
  }
  if (sig.params.alg !== undefined && sig.params.alg !== 'ed25519') throw new InboxRejection(401, 'unsupported-algorithm', `Only ed25519 signatures are accepted, not ${sig.params.alg}.`);
  if (!sig.params.keyid) throw new InboxRejection(401, 'missing-signature', 'The signature names no keyid.');
  if (sig.params.created === undefined) throw new InboxRejection(401, 'missing-signature', 'The signature has no created time.');

  const digest = checkContentDigest(header(req.headers, 'content-digest'), req.body);
  if (digest === 'missing') throw new InboxRejection(400, 'missing-digest', 'A Content-Digest header (RFC 9530, sha-256) is required.');
  if (digest === 'unsupported') throw new InboxRejection(400, 'unsupported-digest', 'Content-Digest must include sha-256 or sha-512.');
  if (digest === 'mismatch') throw new InboxRejection(400, 'digest-mismatch', 'The Content-Digest does not match the body.');

  const now = Math.floor(clock().getTime() / 1000);
  if (now - sig.params.created > FRESHNESS_SECONDS)
    throw new InboxRejection(401, 'expired', `The signature was created ${now - sig.params.created} s ago; at most ${FRESHNESS_SECONDS} s is accepted. Check the sender's clock, or whether this is a replay.`);
  if (sig.params.created - now > CLOCK_SKEW_SECONDS) throw new InboxRejection(401, 'from-the-future', `The signature was created ${sig.params.created - now} s in the future; check the sender's clock.`);
  if (sig.params.expires !== undefined && sig.params.expires < now) throw new InboxRejection(401, 'expired', 'The signature has expired.');

  let message: Envelope;
  try {
    message = JSON.parse(req.body.toString('utf8')) as Envelope;
  } catch (err) {
    throw new InboxRejection(400, 'malformed-json', `The body is not valid JSON: ${(err as Error).message}`);
  }
  if (!message || typeof message !== 'object' || Array.isArray(message)) throw new InboxRejection(400, 'malformed-message', 'The body must be a JSON object.');
  if (!(MESSAGE_TYPES as readonly string[]).includes(message.type)) throw new InboxRejection(422, 'unknown-type', `type must be one of ${MESSAGE_TYPES.join(', ')}.`);
  let from: string;
  try {
    from = portalOrigin(String(message.from));
  } catch {
    throw new InboxRejection(422, 'malformed-message', "`from` must be the sending portal's URL.");
  }
  if (typeof message.to !== 'string' || message.to.replace(/\/$/, '') !== req.portal.url) {
    throw new InboxRejection(422, 'wrong-recipient', `This inbox is ${req.portal.url}'s; the message is addressed to ${String(message.to)}.`);
  }
  const firstContact = FIRST_CONTACT.includes(message.type);
  if (!firstContact && !(await related(req.portal, from, message.type))) {
    throw new InboxRejection(403, 'not-a-member', `${from} may not send ${message.type} messages to ${req.portal.slug}: it is neither a source this portal subscribed to nor an approved member of its network.`);
  }

  let key = await peers.resolve(sig.params.keyid);
  let identity: RemoteIdentity | undefined;
  if (key && key.peerUrl !== from) throw new InboxRejection(401, 'key-mismatch', `Key ${sig.params.keyid} belongs to ${key.peerUrl}, not ${from}.`);
  if (!key && !firstContact) key = await peers.followRotation(from, sig.params.keyid);
  if (!key && firstContact) {
    gate(req.portal, from);
    try {
      identity = await peers.fetchIdentity(from);
    } catch (err) {
      throw unverifiedStranger(`cannot read the sender's identity: ${(err as PeerError).message}`);
    }
    const listed = identity.keys.find((k) => k.id === sig.params.keyid);
    if (!listed) throw unverifiedStranger(`${from} does not list key ${sig.params.keyid}`);
    key = { keyId: listed.id, peerUrl: from, publicKey: listed.publicKey, expiresAt: listed.expiresAt, local: false };
  }
  if (!key) throw new InboxRejection(401, 'unknown-key', `Key ${sig.params.keyid} is not pinned for ${from}, and no pinned key of ${from} endorses it.`);
  if (key.expiresAt && key.expiresAt <= clock().toISOString())
    throw identity ? unverifiedStranger(`key ${key.keyId} was retired at ${key.expiresAt}`) : new InboxRejection(401, 'key-expired', `Key ${key.keyId} was retired at ${key.expiresAt}.`);

  let base: string;
  try {
    const values: Record<string, string | undefined> = {
      '@method': req.method.toUpperCase(),
      '@target-uri': req.targetUri,
      '@authority': header(req.headers, 'host')?.toLowerCase(),
      'content-digest': header(req.headers, 'content-digest'),
      'content-type': header(req.headers, 'content-type'),
      date: header(req.headers, 'date'),
    };
    base = signatureBase(sig.components, (c) => values[c], sig.paramsText);
  } catch (err) {
    throw new InboxRejection(401, 'bad-signature', (err as SignatureError).message);
  }
  if (!verifyEd25519(key.publicKey, base, sig.signature)) {
    if (identity) throw unverifiedStranger(`the signature does not verify with ${from}'s key ${key.keyId}`);
    throw new InboxRejection(401, 'bad-signature', `The signature does not verify with key ${key.keyId} over ${sig.components.join(', ')} (target ${req.targetUri}).`);
  }
  return { portal: req.portal, message, from, key, identity };
}
