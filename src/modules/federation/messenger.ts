import { Type, type Static } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { Store } from '../../store/index.ts';
import type { Clock } from '../../lib/time.ts';
import type { OutboundPolicy } from '../../lib/outbound.ts';
import { createAjv, toFieldErrors } from '../../lib/validate.ts';
import { jsonShapeExcess, META_LIMITS } from '../../lib/json-limits.ts';
import type { AuditService } from '../audit/index.ts';
import type { ContentService } from '../content/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import { canonicalJson } from './canonical.ts';
import { request, type OutgoingResponse } from './http.ts';
import { InboxRejection } from './inbox.ts';
import type { KeyRing } from './keys.ts';
import { itemDigest, type LogEntry, type PublicationLog } from './log.ts';
import type { Peers } from './peers.ts';
import { signRequest, verifyEd25519 } from './signatures.ts';

// Sending signed messages, checking received log entries, and the
// dependencies every part of federation shares.

export interface FederationDeps {
  store: Store;
  content: ContentService;
  portals: PortalService;
  outbox: Outbox;
  audit: AuditService;
  clock: Clock;
  logger: Logger;
  keys: KeyRing;
  peers: Peers;
  log: PublicationLog;
  messenger: Messenger;
  /** where requests to peers' addresses may go (the deployment's OUTBOUND_ALLOW and PUBLIC_URL) */
  outbound: OutboundPolicy;
}

export class Messenger {
  constructor(
    private readonly keys: KeyRing,
    private readonly clock: Clock,
    private readonly outbound: OutboundPolicy,
  ) {}

  /** POSTs a message to another portal's inbox, signed with the sending portal's current key. */
  async send(from: Portal, inboxUrl: string, message: Record<string, unknown> | string, timeoutMs = 10_000): Promise<OutgoingResponse> {
    const body = typeof message === 'string' ? message : JSON.stringify(message);
    const key = await this.keys.signingKey(from);
    const signed = signRequest(key, { method: 'POST', url: inboxUrl, body }, this.clock());
    return request({ method: 'POST', url: inboxUrl, body, timeoutMs, policy: this.outbound, headers: { 'content-type': 'application/json', ...signed } });
  }
}

/** The origin of a URL a peer sent, or '' when it is not one. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** A failed answer from a peer, in one line for logs and `last_error`. */
export function describeFailure(res: OutgoingResponse): string {
  let detail = '';
  try {
    const p = res.json<{ detail?: string }>();
    detail = p?.detail ?? '';
  } catch {
    detail = res.body.toString('utf8').slice(0, 200);
  }
  return `${res.status}${detail ? `: ${detail}` : ''}`;
}

/** The problem type's last segment (`…/federation/replayed` → `replayed`). */
export function problemReason(res: OutgoingResponse): string | undefined {
  try {
    const p = res.json<{ type?: string; reason?: string }>();
    return p?.reason ?? p?.type?.split('/').pop();
  } catch {
    return undefined;
  }
}

// Bounds a store can hold (ids are PostgreSQL integers, sequences bigints within JavaScript's
// exact range) and timestamps the pages can format: a peer's number or date must not become our 500.
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const Sequence = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const Timestamp = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z$', maxLength: 40 });
const HttpUrl = Type.String({ pattern: '^https?://', maxLength: 2000 });

const HeaderS = Type.Object({
  v: Type.Integer({ minimum: 1, maximum: 1000 }),
  portal: Type.String({ maxLength: 500 }),
  sequence: Sequence,
  action: Type.Union([Type.Literal('publish'), Type.Literal('update'), Type.Literal('unpublish')]),
  at: Timestamp,
  item: Id,
  version: Id,
  type: Type.String({ maxLength: 50 }),
  lang: Type.String({ maxLength: 10 }),
  section: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  digest: Type.String({ maxLength: 200 }),
  changeNote: Type.Optional(Type.Object({ note: Type.String({ maxLength: 2000 }), minor: Type.Boolean() })),
  unpublished: Type.Optional(Type.Object({ kind: Type.Union([Type.Literal('withdrawn'), Type.Literal('gone')]), reason: Type.String({ maxLength: 4000 }) })),
});

const NullableTime = Type.Union([Timestamp, Type.Null()]);
export const SharedItemS = Type.Object({
  id: Id,
  type: Type.String({ maxLength: 50 }),
  lang: Type.String({ maxLength: 10 }),
  slug: Type.String({ maxLength: 200 }),
  title: Type.String(),
  summary: Type.String(),
  body: Type.String(),
  section: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  tags: Type.Array(Type.String()),
  meta: Type.Record(Type.String(), Type.Unknown()),
  url: HttpUrl,
  publishedAt: NullableTime,
  firstPublishedAt: NullableTime,
  publicUpdatedAt: NullableTime,
  translations: Type.Record(Type.String({ maxLength: 10 }), Id),
  media: Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 1000 }),
  changeNotes: Type.Array(Type.Object({ at: Timestamp, note: Type.String({ maxLength: 2000 }) }), { maxItems: 1000 }),
});

const EntryS = Type.Object({ header: HeaderS, item: SharedItemS, signature: Type.String({ maxLength: 200 }), keyId: Type.String({ maxLength: 500 }) });
const ajv = createAjv();
const validateEntry = ajv.compile<Static<typeof EntryS>>(EntryS);
export const validateSharedItem = ajv.compile<Static<typeof SharedItemS>>(SharedItemS);

/**
 * Refuses an item whose meta is nested or sized past what the content module
 * accepts, before the digest walks it: canonical JSON recurses, and meta
 * nested a few thousand levels would overflow the stack there.
 */
export function checkItemShape(item: { meta?: unknown }): void {
  const excess = jsonShapeExcess(item.meta, META_LIMITS);
  if (excess) throw new InboxRejection(422, 'invalid-item', `The received item is not valid: /meta ${excess}`, { errors: [{ path: '/meta', message: excess }] });
}

/**
 * Checks a log entry received from `from` (pushed or pulled): its shape, that
 * it is `from`'s, that the item matches the signed digest, and the entry's own
 * signature with a key of `from` — it is kept as evidence and so must hold on
 * its own, not only through the message's. A key we cannot resolve, or one
 * of another portal, is a refusal: an unverifiable entry is not evidence.
 */
export async function checkEntry(raw: unknown, from: string, peers: Peers): Promise<LogEntry> {
  if (!validateEntry(raw)) {
    const errors = toFieldErrors(validateEntry.errors, '/entry');
    throw new InboxRejection(
      422,
      'malformed-entry',
      `The log entry is malformed: ${errors
        .slice(0, 5)
        .map((e) => `${e.path} ${e.message}`)
        .join('; ')}`,
      { errors },
    );
  }
  const entry = raw;
  const { header, item } = entry;
  if (header.portal.replace(/\/$/, '') !== from) throw new InboxRejection(422, 'wrong-origin', `The entry is ${header.portal}'s, but came from ${from}.`);
  if (header.item !== item.id || header.type !== item.type || header.lang !== item.lang) throw new InboxRejection(422, 'malformed-entry', 'The entry header does not describe its item.');
  if (originOf(item.url) !== from) throw new InboxRejection(422, 'wrong-origin', `The item's address ${item.url} is not on ${from}.`);
  checkItemShape(item);
  if (itemDigest(item) !== header.digest) throw new InboxRejection(422, 'entry-digest-mismatch', `The item does not match the entry's digest ${header.digest}: it was changed after signing.`);
  let key = await peers.resolve(entry.keyId);
  if (!key) key = await peers.followRotation(from, entry.keyId);
  if (!key) throw new InboxRejection(401, 'unknown-entry-key', `The entry is signed with ${entry.keyId}, which is not a key pinned for ${from} nor endorsed by one.`);
  if (key.peerUrl !== from) throw new InboxRejection(401, 'unknown-entry-key', `The entry is signed with ${entry.keyId}, a key of ${key.peerUrl}, not of ${from}.`);
  if (!verifyEd25519(key.publicKey, canonicalJson(header), Buffer.from(entry.signature, 'base64url'))) {
    throw new InboxRejection(401, 'bad-entry-signature', `The entry's signature does not verify with ${entry.keyId}.`);
  }
  return entry;
}
