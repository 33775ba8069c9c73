import type { FederationSettings } from './settings.ts';
import type { Logger } from 'pino';
import type { Store } from '../../store/index.ts';
import type { Clock } from '../../lib/time.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { DomainError, ValidationError } from '../../lib/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { type ContentService, EVENTS } from '../content/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import type { OutboundPolicy } from '../../lib/outbound.ts';
import { InboxRejection, verifyInbox, type InboxRequest, type MessageType, type VerifiedMessage } from './inbox.ts';
import { KeyRing } from './keys.ts';
import { PublicationLog, PUSH_TOPIC } from './log.ts';
import { Messenger, type FederationDeps } from './messenger.ts';
import { Network, PROPOSE_TOPIC, SEND_TOPIC } from './network.ts';
import { PeerError, Peers, portalOrigin, type RemoteIdentity } from './peers.ts';
import { open as openSealed, seal, sealingKeyStatement } from './sealing.ts';
import { verifyEd25519 } from './signatures.ts';
import { WindowLimiter } from './limits.ts';
import { signResponse } from './signatures.ts';
import { CATCH_UP_TOPIC } from './received-entries.ts';
import { SUBSCRIBE_TOPIC, Subscriptions } from './subscriptions.ts';
import { Deliverer } from './delivery.ts';

// Federation's public surface: what the web layer, the CLI and the worker
// call. The parts live next door: keys (identity), log (what a portal
// shares), subscriptions (who follows whom, push and pull), network
// (directory and upward proposals), inbox (verifying what arrives).

export type { FederationSettings } from './settings.ts';

export interface FederationOptions {
  store: Store;
  content: ContentService;
  portals: PortalService;
  outbox: Outbox;
  audit: AuditService;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  /** the deployment secret (lib/secrets.ts), which seals this node's private keys */
  secret: () => Buffer;
  settings: FederationSettings;
  /** where requests to peers may go */
  outbound: OutboundPolicy;
}

export interface ReceiveContext {
  ip: string;
  userAgent: string;
}

/**
 * A message type another module handles (citizen feedback's forwarded cases
 * and reports): who may send it, and what to do with it once verified.
 */
export interface MessageHandler {
  related(portal: Portal, from: string): Promise<boolean>;
  handle(v: VerifiedMessage): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** A connected portal of another deployment, as far as this deployment knows it. */
export interface ConnectedPortal {
  url: string;
  slug: string | null;
  name: Record<string, string> | null;
}

/** A connected portal whose identity was read and whose sealing key is vouched for by a key we pinned. */
export interface DirectPeer {
  url: string;
  slug: string;
  name: Record<string, string>;
  inbox: string;
  /** seals to this portal's X25519 key (sealing.ts) */
  seal(plain: Buffer | string, context: string): string;
}

export interface LogPage {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class FederationService {
  readonly settings: FederationSettings;
  readonly keys: KeyRing;
  readonly peers: Peers;
  readonly log: PublicationLog;
  readonly subscriptions: Subscriptions;
  readonly network: Network;
  /** Pushes the log to subscribers; runs in the worker role. */
  readonly deliverer: Deliverer;
  private readonly deps: FederationDeps;
  private readonly handlers = new Map<MessageType, MessageHandler>();
  private readonly firstContactsByAddress: WindowLimiter;
  private readonly firstContactsInAll: WindowLimiter;

  constructor(opts: FederationOptions) {
    this.settings = opts.settings;
    this.firstContactsByAddress = new WindowLimiter(this.settings.firstContactsPerMinute, 60_000, opts.clock);
    this.firstContactsInAll = new WindowLimiter(this.settings.firstContactsPerMinute * 6, 60_000, opts.clock);
    let secret: Buffer | undefined;
    this.keys = new KeyRing(opts.store, () => (secret ??= opts.secret()), opts.clock);
    const outbound = opts.outbound;
    this.peers = new Peers(opts.store, this.keys, opts.portals, opts.clock, outbound);
    this.log = new PublicationLog(opts.store, opts.content, opts.portals, this.keys, opts.outbox, opts.clock);
    const messenger = new Messenger(this.keys, opts.clock, outbound);
    this.deps = { ...opts, keys: this.keys, peers: this.peers, log: this.log, messenger, outbound };
    this.subscriptions = new Subscriptions(this.deps);
    this.subscriptions.pendingRecheckMs = this.settings.pollSeconds * 1000;
    this.network = new Network(this.deps);
    this.deliverer = new Deliverer(this.deps, this.subscriptions);
    this.registerJobs(opts.outbox);
  }

  private registerJobs(outbox: Outbox): void {
    // one job per change for all of federation: every received copy causes these too, and jobs cost writes
    for (const event of Object.values(EVENTS)) {
      outbox.subscribe(event, 'federation', async (payload: { itemId: number }) => {
        // copies received through a subscription are their origin's to log: skip them without loading the item
        if (await this.subscriptions.isMirror(payload.itemId)) return;
        if (event === EVENTS.published) await this.network.onItemPublished(payload.itemId);
        if (await this.log.record(payload.itemId)) this.deliverer.wake();
      });
    }
    // a new entry: the delivery loops of whichever worker runs this look for work now
    outbox.handle(PUSH_TOPIC, async () => this.deliverer.wake());
    outbox.handle(CATCH_UP_TOPIC, async (payload: { subscriptionId: number }) => {
      await this.subscriptions.pull(payload.subscriptionId);
    });
    outbox.handle(SUBSCRIBE_TOPIC, (payload: { subscriptionId: number }) => this.subscriptions.handshake(payload.subscriptionId));
    outbox.handle(SEND_TOPIC, (payload: Parameters<Network['sendQueued']>[0]) => this.network.sendQueued(payload));
    outbox.handle(PROPOSE_TOPIC, (payload: { proposalId: number }) => this.network.sendProposal(payload));
  }

  /** Lets another module take one type of inbox message (the verification stays here). */
  handle(type: MessageType, handler: MessageHandler): void {
    this.handlers.set(type, handler);
  }

  identity(portal: Portal): Promise<RemoteIdentity> {
    return this.peers.identityOf(portal);
  }

  /** One page of a portal's log, as the body and signed headers of the answer. */
  async logPage(portal: Portal, after: number, limit: number): Promise<LogPage> {
    const [head, page] = await Promise.all([this.log.head(portal.id), this.log.entriesJson(portal.id, after, limit)]);
    const body = `{"portal":${JSON.stringify(portal.url)},"head":${head},"after":${after},"next":${page.last !== null && page.last < head ? page.last : 'null'},"entries":[${page.entries.join(',')}]}`;
    const key = await this.keys.signingKey(portal);
    const signed = signResponse(key, { status: 200, body }, this.deps.clock());
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...signed }, body };
  }

  /**
   * Handles one inbox request: verification, then the handler of its type.
   * Every refusal is written to the recipient portal's audit log and thrown
   * as an InboxRejection (the web layer turns it into a problem document).
   */
  async receive(req: InboxRequest, ctx: ReceiveContext): Promise<{ status: number; body: Record<string, unknown> }> {
    let verified: VerifiedMessage | undefined;
    try {
      const gate = () => {
        const wait = this.firstContactsByAddress.take(ctx.ip) || this.firstContactsInAll.take('*');
        if (wait) throw new InboxRejection(429, 'too-many-first-contacts', `Too many requests from unknown portals; retry in ${wait} s.`, { retryAfter: wait });
      };
      verified = await verifyInbox(req, this.peers, this.deps.clock, (portal, from, type) => this.related(portal, from, type), gate);
      // the directory's "last contact" of a member (entries flow the other way, and are tracked per subscriber)
      if (verified.message.type === 'proposal' || verified.message.type === 'join') await this.network.touchMember(verified.portal, verified.from);
      return await this.dispatch(verified);
    } catch (err) {
      const rejection =
        err instanceof InboxRejection
          ? err
          : err instanceof ValidationError
            ? new InboxRejection(422, 'malformed-message', err.message, { errors: err.errors })
            : err instanceof PeerError
              ? new InboxRejection(422, 'peer-conflict', err.message)
              : // a handler's refusal (another module's domain error) keeps its status and reason
                err instanceof DomainError && err.status >= 400 && err.status < 500
                ? new InboxRejection(
                    err.status,
                    typeof err.extra.reason === 'string' ? err.extra.reason : err.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
                    err.message,
                    Object.fromEntries(Object.entries(err.extra).filter(([k]) => k !== 'reason')),
                  )
                : undefined;
      if (!rejection) throw err;
      await this.auditRejection(req.portal, rejection, { ...ctx, from: verified?.from, type: verified?.message.type, keyId: verified?.key.keyId });
      throw rejection;
    }
  }

  /** An inbox request refused before it reached `receive` (too large, unreadable): still audited. */
  async auditRejection(portal: Portal, rejection: InboxRejection, ctx: ReceiveContext & { from?: string; type?: string; keyId?: string }): Promise<void> {
    try {
      await this.deps.audit.record({
        portalId: portal.id,
        action: 'federation-rejected',
        actor: ctx.from ?? null,
        target: 'inbox',
        detail: { status: rejection.status, reason: rejection.reason, detail: rejection.message.slice(0, 500), ...(rejection.auditDetail ? { cause: rejection.auditDetail.slice(0, 500) } : {}), type: ctx.type, keyId: ctx.keyId },
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
    } catch (err) {
      this.deps.logger.error({ err }, 'could not audit an inbox rejection');
    }
  }

  private async related(portal: Portal, from: string, type: MessageType): Promise<boolean> {
    switch (type) {
      case 'entry':
      case 'entries':
      case 'verify':
        return this.subscriptions.isSource(portal, from);
      case 'unsubscribe':
      case 'entry-rejected':
        return this.subscriptions.isSubscriber(portal, from);
      case 'proposal':
        return this.network.isMember(portal, from);
      case 'join-decision':
        return this.network.isDirectoryOf(portal, from);
      case 'proposal-decision':
        return this.network.isProposalPeer(portal, from);
      case 'feedback-forward':
      case 'feedback-update':
      case 'analytics-report':
        return (await this.handlers.get(type)?.related(portal, from)) ?? false;
      default:
        return true;
    }
  }

  private async dispatch(v: VerifiedMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    switch (v.message.type) {
      case 'entry':
      case 'entries':
        return this.subscriptions.onEntry(v);
      case 'verify':
        return { status: 200, body: await this.subscriptions.onVerify(v) };
      case 'subscribe': {
        const answer = await this.subscriptions.onSubscribe(v);
        return { status: answer.status === 'pending' ? 202 : 201, body: answer };
      }
      case 'unsubscribe':
        return { status: 200, body: await this.subscriptions.onUnsubscribe(v) };
      case 'entry-rejected':
        return { status: 200, body: await this.subscriptions.onEntryRejected(v) };
      case 'join':
        return { status: 202, body: await this.network.onJoin(v) };
      case 'join-decision':
        return { status: 200, body: await this.network.onJoinDecision(v) };
      case 'proposal':
        return { status: 201, body: await this.network.onProposal(v) };
      case 'proposal-decision':
        return { status: 200, body: await this.network.onProposalDecision(v) };
      case 'feedback-forward':
      case 'feedback-update':
      case 'analytics-report': {
        const handler = this.handlers.get(v.message.type);
        if (!handler) throw new InboxRejection(422, 'unknown-type', `${v.portal.slug} does not take ${v.message.type} messages.`);
        return handler.handle(v);
      }
    }
  }

  // ---------- direct messages between connected portals ----------

  /**
   * The portals of other deployments `portal` is connected to: approved members
   * of its network, the directory that approved it, and sources it subscribes
   * to — each one an operator of this portal chose. A subscriber is not among
   * them: anyone may subscribe, and a subscription carries publications out,
   * never citizens' cases in or out.
   */
  async connectedPortals(portal: Portal): Promise<ConnectedPortal[]> {
    const db = this.deps.store.db;
    const [members, networks, sources, local] = await Promise.all([
      db.selectFrom('federation_members').select(['member_url', 'slug', 'name']).where('portal_id', '=', portal.id).where('status', '=', 'approved').execute(),
      db.selectFrom('federation_networks').select('directory_url').where('portal_id', '=', portal.id).where('status', '=', 'approved').execute(),
      db.selectFrom('federation_subscriptions').select(['source_url', 'source_slug', 'source_name']).where('portal_id', '=', portal.id).where('status', '=', 'active').execute(),
      this.deps.portals.list(),
    ]);
    const out = new Map<string, ConnectedPortal>();
    const add = (url: string, slug: string | null, name: string | null) => {
      const known = out.get(url);
      if (!known || (!known.name && name)) out.set(url, { url, slug: slug ?? known?.slug ?? null, name: name ? (JSON.parse(name) as ConnectedPortal['name']) : (known?.name ?? null) });
    };
    for (const m of members) add(m.member_url, m.slug, m.name);
    for (const n of networks) add(n.directory_url, null, null);
    for (const s of sources) add(s.source_url, s.source_slug, s.source_name);
    for (const p of local) out.delete(p.url);
    return [...out.values()];
  }

  async isConnected(portal: Portal, url: string): Promise<boolean> {
    return (await this.connectedPortals(portal)).some((p) => p.url === url);
  }

  /**
   * A connected portal of another deployment, ready for sealed messages: its
   * identity read, and its sealing key checked against the Ed25519 key we
   * pinned for it (or one that key endorsed). Throws PeerError with a reason
   * an officer can act on.
   */
  async directPeer(from: Portal, url: string): Promise<DirectPeer> {
    const origin = portalOrigin(url);
    if (!(await this.isConnected(from, origin))) {
      throw new PeerError(`${origin} is not connected to ${from.slug}: forward only to an approved member or the directory of its network, or a source it subscribes to`);
    }
    const identity = await this.peers.fetchIdentity(origin);
    const sealing = identity.sealingKey;
    if (!sealing) throw new PeerError(`${origin} publishes no sealing key, so it cannot be sent personal data`);
    let key = await this.peers.resolve(sealing.keyId);
    if (!key) key = await this.peers.followRotation(origin, sealing.keyId);
    if (!key || key.peerUrl !== origin) throw new PeerError(`${origin}'s sealing key is signed with ${sealing.keyId}, which is not a key pinned for ${origin}`);
    if (key.expiresAt && key.expiresAt <= this.deps.clock().toISOString()) throw new PeerError(`${origin}'s sealing key is signed with a retired key (${sealing.keyId})`);
    if (!verifyEd25519(key.publicKey, sealingKeyStatement(origin, sealing.publicKey), Buffer.from(sealing.signature, 'base64url'))) {
      throw new PeerError(`${origin}'s sealing key does not verify with its pinned key ${sealing.keyId}`);
    }
    return { url: origin, slug: identity.slug, name: identity.name, inbox: identity.endpoints.inbox, seal: (plain, context) => seal(sealing.publicKey, plain, context) };
  }

  /** Opens a box sealed to one of this deployment's portals; throws SealedBoxError otherwise. */
  openSealed(portal: Portal, box: string, context: string): Buffer {
    return openSealed(this.keys.sealingKey(portal), box, context);
  }

  /** A signed POST to a peer's inbox; the status and the parsed body (undefined when not JSON). */
  async sendDirect(from: Portal, inbox: string, message: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const res = await this.deps.messenger.send(from, inbox, message, 20_000);
    let body: unknown;
    try {
      body = res.json();
    } catch {
      body = undefined;
    }
    return { status: res.status, body };
  }

  async rotateKey(ctx: RequestContext, portal: Portal, graceSeconds = this.settings.defaultGraceSeconds) {
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > 90 * 24 * 3600) {
      throw new ValidationError([{ path: '/graceSeconds', message: 'must be a whole number of seconds from 0 to 7776000 (90 days)' }]);
    }
    const result = await this.keys.rotate(portal, graceSeconds);
    await this.deps.audit.recordFor(ctx, 'federation-key-rotated', `key:${result.keyId}`, { previous: result.previous });
    return result;
  }

  /**
   * The worker role's share of federation: pushing the log to subscribers, and
   * the catch-up timer that pulls every subscription at start, then every `pollSeconds`.
   */
  poller(intervalMs = this.settings.pollSeconds * 1000): { start(): void; stop(): Promise<void> } {
    const deliverer = this.deliverer;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> | undefined;
    let stopped = true;
    const tick = () => {
      running = this.subscriptions
        .pollAll()
        .then((r) => {
          if (r.taken || r.failed) this.deps.logger.info(r, 'federation catch-up poll');
        })
        .catch((err) => this.deps.logger.error({ err }, 'federation catch-up poll failed'))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, intervalMs);
        });
    };
    return {
      start() {
        if (!stopped) return;
        stopped = false;
        deliverer.start();
        tick();
      },
      async stop() {
        stopped = true;
        if (timer) clearTimeout(timer);
        await Promise.all([running, deliverer.stop()]);
      },
    };
  }
}
