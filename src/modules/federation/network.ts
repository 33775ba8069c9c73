import { EventEmitter } from 'node:events';
import type { Selectable } from 'kysely';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { iso } from '../../lib/time.ts';
import type { Item } from '../content/index.ts';
import type { Portal } from '../portals/index.ts';
import { type Actor, isPublisher } from '../workflow/index.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { InboxRejection, type VerifiedMessage } from './inbox.ts';
import { itemDigest, sharedItem } from './log.ts';
import { checkItemShape, describeFailure, originOf, validateSharedItem, type FederationDeps } from './messenger.ts';
import { PeerError, portalOrigin } from './peers.ts';
import type { PublishedKey } from './keys.ts';
import { type FedDB, type FedTrx, type MemberTable, type ProposalTable } from './tables.ts';

// The network directory and the upward flow.
//
// Directory: a ministry or province asks to join the network kept by the
// central portal (a signed `join`, carrying its identity). A central admin
// approves it; only then are its keys pinned and may it push to the central
// portal. Portals of one deployment are members of each other's networks
// without asking: one operator runs them, with one store of keys.
//
// Upward flow: a member proposes one of its published items to the central
// portal. It lands there as a submitted item with its provenance, in the
// editors' review queue; accepting publishes it, declining sends it back —
// either way the member hears the decision, with the editor's note.

export const SEND_TOPIC = 'federation.send';
export const PROPOSE_TOPIC = 'federation.propose';

type MemberRow = Selectable<MemberTable>;
type ProposalRow = Selectable<ProposalTable>;

export interface MemberView {
  id: number;
  slug: string;
  name: Record<string, string>;
  kind: string;
  url: string;
  status: 'pending' | 'approved' | 'rejected';
  note: string | null;
  requestedAt: string;
  decidedAt: string | null;
  lastContactAt: string | null;
}

export interface NetworkView {
  id: number;
  directory: string;
  status: 'pending' | 'approved' | 'rejected';
  note: string | null;
  requestedAt: string;
  decidedAt: string | null;
}

export interface NetworkPortal {
  slug: string;
  name: Record<string, string>;
  kind: string;
  url: string;
  /** a portal of this deployment, or a member that joined from elsewhere */
  local: boolean;
  lastContactAt: string | null;
}

export interface ProposalView {
  id: number;
  portal: string;
  direction: 'outgoing' | 'incoming';
  peer: string;
  item: number | null;
  title: string;
  note: string | null;
  status: 'pending' | 'accepted' | 'declined' | 'failed';
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
  lastError: string | null;
}

export class Network {
  private readonly db: FedDB;
  /** 'directory': the register of members changed (a join request was decided), so pages listing the network are stale. */
  readonly changes = new EventEmitter();

  constructor(private readonly d: FederationDeps) {
    this.db = d.store.db;
  }

  private now(): string {
    return iso(this.d.clock());
  }

  private async isLocal(url: string): Promise<boolean> {
    return (await this.d.portals.list()).some((p) => p.url === url);
  }

  /** Whether `from` is an approved member of `portal`'s network (or a portal of this deployment). */
  async isMember(portal: Portal, from: string): Promise<boolean> {
    if (await this.isLocal(from)) return true;
    const row = await this.db.selectFrom('federation_members').select('status').where('portal_id', '=', portal.id).where('member_url', '=', from).executeTakeFirst();
    return row?.status === 'approved';
  }

  async touchMember(portal: Portal, from: string): Promise<void> {
    await this.db.updateTable('federation_members').set({ last_contact_at: this.now() }).where('portal_id', '=', portal.id).where('member_url', '=', from).execute();
  }

  // ---------- directory side ----------

  async onJoin(v: VerifiedMessage): Promise<{ id: number; status: string }> {
    if (v.portal.kind !== 'central') throw new InboxRejection(422, 'not-a-directory', `${v.portal.slug} keeps no network directory; ask the central portal.`);
    const identity =
      v.identity ??
      (await this.d.peers.fetchIdentity(v.from).catch((err) => {
        throw new InboxRejection(422, 'unknown-sender', (err as Error).message);
      }));
    const now = this.now();
    const existing = await this.db.selectFrom('federation_members').selectAll().where('portal_id', '=', v.portal.id).where('member_url', '=', v.from).executeTakeFirst();
    const values = { slug: identity.slug, name: JSON.stringify(identity.name), kind: identity.kind, inbox_url: identity.endpoints.inbox, keys: JSON.stringify(identity.keys), last_contact_at: now };
    if (existing) {
      // an approved member's keys change only by endorsed rotation; a pending one may re-present them
      await this.db
        .updateTable('federation_members')
        .set(existing.status === 'approved' ? { last_contact_at: now } : { ...values, status: 'pending', requested_at: now })
        .where('id', '=', existing.id)
        .execute();
      return { id: existing.id, status: existing.status === 'approved' ? 'approved' : 'pending' };
    }
    const row = await this.db
      .insertInto('federation_members')
      .values({ portal_id: v.portal.id, member_url: v.from, ...values, status: 'pending', note: null, requested_at: now, decided_at: null, decided_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, status: 'pending' };
  }

  async members(portal: Portal, status?: string): Promise<MemberView[]> {
    let q = this.db.selectFrom('federation_members').selectAll().where('portal_id', '=', portal.id);
    if (status) q = q.where('status', '=', status);
    return (await q.orderBy('id').execute()).map(memberView);
  }

  /** A central admin approves (pins its keys) or rejects a join request; the member is told. */
  async decide(ctx: RequestContext, portal: Portal, actor: Actor, id: number, input: { decision: 'approve' | 'reject'; note?: string }): Promise<MemberView> {
    if (!actor.roles.includes('admin')) throw new ForbiddenError(`Only an admin of ${portal.slug} decides who joins its network.`);
    const row = await this.db.selectFrom('federation_members').selectAll().where('id', '=', id).where('portal_id', '=', portal.id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No join request ${id} at ${portal.slug}.`);
    if (row.status !== 'pending') throw new ConflictError(`Join request ${id} was already ${row.status}.`);
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      if (status === 'approved') await this.d.peers.pin(trx, row.member_url, JSON.parse(row.keys) as PublishedKey[], 'member');
      await trx
        .updateTable('federation_members')
        .set({ status, note: input.note?.trim() || null, decided_at: now, decided_by: actor.accountId })
        .where('id', '=', id)
        .execute();
      await this.d.outbox.enqueue(
        trx,
        SEND_TOPIC,
        { portalId: portal.id, inbox: row.inbox_url, message: { type: 'join-decision', from: portal.url, to: row.member_url, decision: status, note: input.note?.trim() || null } },
        { maxAttempts: 12 },
      );
      await this.d.audit.recordFor(ctx, 'federation-member', `member:${id}`, { url: row.member_url, status }, trx);
    });
    this.changes.emit('directory');
    return memberView(await this.db.selectFrom('federation_members').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }

  /** Every portal of the network: this deployment's, and the approved members of its central portal(s). */
  async networkPortals(): Promise<NetworkPortal[]> {
    const local = await this.d.portals.list();
    const members = await this.db.selectFrom('federation_members').selectAll().where('status', '=', 'approved').orderBy('id').execute();
    // a member is also heard from (or reached) as a subscriber of a local portal
    const pushes = await this.db.selectFrom('federation_subscribers').select(['subscriber_url', 'last_contact_at']).where('last_contact_at', 'is not', null).execute();
    const lastPush = new Map<string, string>();
    for (const p of pushes) if (p.last_contact_at && (lastPush.get(p.subscriber_url) ?? '') < p.last_contact_at) lastPush.set(p.subscriber_url, p.last_contact_at);
    const seen = new Set(local.map((p) => p.url));
    const out: NetworkPortal[] = local.map((p) => ({ slug: p.slug, name: p.name, kind: p.kind, url: p.url, local: true, lastContactAt: null }));
    for (const m of members) {
      if (seen.has(m.member_url)) continue;
      seen.add(m.member_url);
      const heard = [m.last_contact_at, lastPush.get(m.member_url)].filter((t): t is string => !!t).sort();
      out.push({ slug: m.slug, name: JSON.parse(m.name) as Record<string, string>, kind: m.kind, url: m.member_url, local: false, lastContactAt: heard[heard.length - 1] ?? null });
    }
    return out;
  }

  // ---------- member side ----------

  async join(ctx: RequestContext, portal: Portal, directory: unknown): Promise<NetworkView> {
    let url: string;
    try {
      url = portalOrigin(typeof directory === 'string' || typeof directory === 'number' ? String(directory) : '');
    } catch (err) {
      throw new ValidationError([{ path: '/directory', message: (err as Error).message }]);
    }
    if (url === portal.url) throw new ValidationError([{ path: '/directory', message: 'a portal cannot join itself' }]);
    let identity;
    try {
      identity = await this.d.peers.fetchIdentity(url);
    } catch (err) {
      throw new ValidationError([{ path: '/directory', message: (err as PeerError).message }]);
    }
    if (!identity.directory) throw new ValidationError([{ path: '/directory', message: `${url} keeps no network directory (it is a ${identity.kind} portal)` }]);
    const now = this.now();
    const id = await this.db.transaction().execute(async (trx) => {
      await this.d.peers.pin(trx, url, identity.keys, 'directory');
      const existing = await trx.selectFrom('federation_networks').select('id').where('portal_id', '=', portal.id).where('directory_url', '=', url).executeTakeFirst();
      if (existing) {
        await trx.updateTable('federation_networks').set({ inbox_url: identity.endpoints.inbox, status: 'pending', requested_at: now, decided_at: null, note: null }).where('id', '=', existing.id).execute();
        return existing.id;
      }
      return (
        await trx
          .insertInto('federation_networks')
          .values({ portal_id: portal.id, directory_url: url, inbox_url: identity.endpoints.inbox, status: 'pending', note: null, requested_at: now, decided_at: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    let res;
    try {
      res = await this.d.messenger.send(portal, identity.endpoints.inbox, { type: 'join', from: portal.url, to: url }, 15_000);
    } catch (err) {
      throw new ValidationError([{ path: '/directory', message: `cannot reach ${url}: ${(err as Error).message}` }]);
    }
    if (res.status !== 202 && res.status !== 200) throw new ValidationError([{ path: '/directory', message: `${url} refused the request: ${describeFailure(res)}` }]);
    const answer = res.json<{ status?: string }>();
    if (answer.status === 'approved') await this.db.updateTable('federation_networks').set({ status: 'approved', decided_at: now }).where('id', '=', id).execute();
    const view = networkView(await this.db.selectFrom('federation_networks').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    // audited once the central portal took the request: one that could not be sent is a refusal
    await this.d.audit.recordFor(ctx, 'federation-member', `network:${view.id}`, { directory: view.directory, status: view.status });
    return view;
  }

  async networks(portal: Portal): Promise<NetworkView[]> {
    return (await this.db.selectFrom('federation_networks').selectAll().where('portal_id', '=', portal.id).orderBy('id').execute()).map(networkView);
  }

  /** Every portal's approved memberships of a network, with the directory's inbox (for the reports sent there). */
  async approvedMemberships(): Promise<{ portalId: number; directory: string; inbox: string }[]> {
    const rows = await this.db.selectFrom('federation_networks').select(['portal_id', 'directory_url', 'inbox_url']).where('status', '=', 'approved').execute();
    return rows.map((r) => ({ portalId: r.portal_id, directory: r.directory_url, inbox: r.inbox_url }));
  }

  async isDirectoryOf(portal: Portal, from: string): Promise<boolean> {
    return !!(await this.db.selectFrom('federation_networks').select('id').where('portal_id', '=', portal.id).where('directory_url', '=', from).executeTakeFirst());
  }

  async onJoinDecision(v: VerifiedMessage): Promise<{ status: string }> {
    const decision = v.message.decision;
    if (decision !== 'approved' && decision !== 'rejected') throw new InboxRejection(422, 'malformed-message', 'decision must be approved or rejected');
    const note = typeof v.message.note === 'string' ? v.message.note.slice(0, 2000) : null;
    await this.db.updateTable('federation_networks').set({ status: decision, note, decided_at: this.now() }).where('portal_id', '=', v.portal.id).where('directory_url', '=', v.from).execute();
    return { status: decision };
  }

  // ---------- upward proposals ----------

  /** A member proposes one of its published items to a central portal (by default, the network it joined). */
  async propose(ctx: RequestContext, item: Item, actor: Actor, input: { to?: string; note?: string }): Promise<ProposalView> {
    const portal = await this.d.portals.require(item.portal);
    if (!isPublisher(actor)) throw new ForbiddenError(`Only an editor-in-chief or admin of ${portal.slug} may propose its items to another portal.`);
    if (item.origin) throw new ConflictError(`Item ${item.id} came from another portal; only a portal's own items can be proposed.`);
    if (item.status !== 'published') throw new ConflictError(`Item ${item.id} is ${item.status}; publish it before proposing it.`);
    let target: string;
    if (input.to) {
      try {
        target = portalOrigin(input.to);
      } catch (err) {
        throw new ValidationError([{ path: '/to', message: (err as Error).message }]);
      }
    } else {
      const network = await this.db.selectFrom('federation_networks').select('directory_url').where('portal_id', '=', portal.id).where('status', '=', 'approved').orderBy('id').executeTakeFirst();
      if (!network) throw new ValidationError([{ path: '/to', message: `${portal.slug} has joined no network yet; name the portal to propose to` }]);
      target = network.directory_url;
    }
    if (target === portal.url) throw new ValidationError([{ path: '/to', message: 'a portal cannot propose to itself' }]);
    const pending = await this.db
      .selectFrom('federation_proposals')
      .select('id')
      .where('portal_id', '=', portal.id)
      .where('direction', '=', 'outgoing')
      .where('item_id', '=', item.id)
      .where('peer_url', '=', target)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw new ConflictError(`Item ${item.id} is already proposed to ${target} (proposal ${pending.id}).`, { existing: pending.id });
    let inbox: string;
    if (await this.isLocal(target)) inbox = `${target}/federation/v1/inbox`;
    else {
      let identity;
      try {
        identity = await this.d.peers.fetchIdentity(target);
      } catch (err) {
        throw new ValidationError([{ path: '/to', message: (err as PeerError).message }]);
      }
      inbox = identity.endpoints.inbox;
      // the decision will come back signed: trust the keys of the portal we chose to propose to
      if (!(await this.d.peers.isPinned(target))) await this.d.peers.pin(this.db, target, identity.keys, 'directory');
    }
    const shared = sharedItem(item, portal);
    const now = this.now();
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('federation_proposals')
        .values({
          portal_id: portal.id,
          direction: 'outgoing',
          peer_url: target,
          peer_inbox_url: inbox,
          item_id: item.id,
          remote_id: null,
          title: item.title,
          note: input.note?.trim() || null,
          status: 'pending',
          decision_note: null,
          digest: itemDigest(shared),
          created_at: now,
          decided_at: null,
          last_error: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.d.outbox.enqueue(trx, PROPOSE_TOPIC, { proposalId: row.id }, { maxAttempts: 12 });
      await this.d.audit.recordFor(ctx, 'federation-proposal', `item:${item.id}`, { to: target, proposal: row.id }, trx);
      return row.id;
    });
    return this.proposalView(await this.proposalRow(id), portal);
  }

  /** Sends an outgoing proposal (outbox job); safe to repeat, the receiver deduplicates. */
  async sendProposal(payload: { proposalId: number }): Promise<void> {
    const p = await this.db.selectFrom('federation_proposals').selectAll().where('id', '=', payload.proposalId).executeTakeFirst();
    if (!p || p.direction !== 'outgoing' || p.status !== 'pending' || p.remote_id !== null || p.item_id === null) return;
    const portal = await this.d.portals.byId(p.portal_id);
    const item = await this.d.content.find(p.item_id);
    if (!portal || !item) return;
    const shared = sharedItem(item, portal);
    const message = {
      type: 'proposal',
      from: portal.url,
      to: p.peer_url,
      portal: { slug: portal.slug, name: portal.name, kind: portal.kind },
      proposal: { id: p.id, note: p.note },
      item: shared,
      digest: itemDigest(shared),
    };
    const res = await this.d.messenger.send(portal, p.peer_inbox_url, message, 20_000);
    if (res.status === 201 || res.status === 200) {
      const remote = Number(res.json<{ id?: number }>().id);
      await this.db
        .updateTable('federation_proposals')
        .set({ remote_id: Number.isInteger(remote) ? remote : null, last_error: null })
        .where('id', '=', p.id)
        .execute();
      return;
    }
    const error = `proposal refused: ${describeFailure(res)}`;
    // a refusal for cause (not a member, invalid item) will not change by retrying
    if (res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 408) {
      await this.db
        .updateTable('federation_proposals')
        .set({ status: 'failed', last_error: error.slice(0, 1000), decided_at: this.now() })
        .where('id', '=', p.id)
        .execute();
      return;
    }
    await this.db
      .updateTable('federation_proposals')
      .set({ last_error: error.slice(0, 1000) })
      .where('id', '=', p.id)
      .execute();
    throw new Error(error);
  }

  /** A member's proposal arrives: into the review queue, as a submitted item with provenance. */
  async onProposal(v: VerifiedMessage): Promise<{ id: number; status: string; item: number }> {
    const m = v.message;
    const proposal = m.proposal as { id?: unknown; note?: unknown } | undefined;
    const remoteId = Number(proposal?.id);
    if (!Number.isInteger(remoteId) || remoteId < 1 || remoteId > 2_147_483_647) throw new InboxRejection(422, 'malformed-message', 'A proposal carries proposal.id, its number at the proposing portal.');
    if (!validateSharedItem(m.item)) throw new InboxRejection(422, 'malformed-entry', 'The proposed item is malformed.');
    const item = m.item;
    checkItemShape(item);
    if (itemDigest(item) !== m.digest) throw new InboxRejection(422, 'entry-digest-mismatch', 'The proposed item does not match its digest.');
    if (originOf(item.url) !== v.from) throw new InboxRejection(422, 'wrong-origin', `The proposed item's address ${item.url} is not on ${v.from}.`);
    const existing = await this.db
      .selectFrom('federation_proposals')
      .select(['id', 'status', 'item_id'])
      .where('portal_id', '=', v.portal.id)
      .where('direction', '=', 'incoming')
      .where('peer_url', '=', v.from)
      .where('remote_id', '=', remoteId)
      .executeTakeFirst();
    if (existing) return { id: existing.id, status: existing.status, item: existing.item_id ?? 0 };
    const sender = (m.portal ?? {}) as { slug?: unknown; name?: unknown };
    const note = typeof proposal?.note === 'string' ? proposal.note.slice(0, 2000) : null;
    const now = this.now();
    let committed: (() => void) | undefined;
    const result = await this.db.transaction().execute(async (trx) => {
      let written;
      try {
        written = await this.d.content.writeMirror(trx, {
          portal: v.portal,
          itemId: null,
          type: item.type,
          lang: item.lang,
          title: item.title,
          summary: item.summary,
          body: item.body,
          tags: item.tags,
          meta: item.meta,
          section: item.section,
          slug: item.slug,
          origin: {
            via: 'proposal',
            portal: typeof sender.slug === 'string' ? sender.slug : v.from,
            portalName: sender.name && typeof sender.name === 'object' ? sender.name : null,
            portalUrl: v.from,
            url: item.url,
            item: item.id,
            proposal: remoteId,
            proposalNote: note,
            digest: m.digest,
            keyId: v.key.keyId,
            receivedAt: now,
          },
          status: 'submitted',
          note: `proposed by ${typeof sender.slug === 'string' ? sender.slug : v.from}${note ? `: ${note}` : ''}`,
        });
      } catch (err) {
        if (err instanceof ValidationError) throw new InboxRejection(422, 'invalid-item', err.message, { errors: err.errors });
        throw err;
      }
      committed = written.committed;
      const row = await trx
        .insertInto('federation_proposals')
        .values({
          portal_id: v.portal.id,
          direction: 'incoming',
          peer_url: v.from,
          peer_inbox_url: `${v.from}/federation/v1/inbox`,
          item_id: written.id,
          remote_id: remoteId,
          title: item.title,
          note,
          status: 'pending',
          decision_note: null,
          digest: String(m.digest),
          created_at: now,
          decided_at: null,
          last_error: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, item: written.id };
    });
    committed?.();
    return { id: result.id, status: 'pending', item: result.item };
  }

  /** The central editor's decision on an incoming proposal: publish it, or send it back with a note. */
  async decideProposal(ctx: RequestContext, portal: Portal, actor: Actor, id: number, input: { decision: 'accept' | 'decline'; note?: string }): Promise<ProposalView> {
    const p = await this.db.selectFrom('federation_proposals').selectAll().where('id', '=', id).where('portal_id', '=', portal.id).where('direction', '=', 'incoming').executeTakeFirst();
    if (!p) throw new NotFoundError(`No incoming proposal ${id} at ${portal.slug}.`);
    if (p.status !== 'pending') throw new ConflictError(`Proposal ${id} was already ${p.status}.`);
    const note = input.note?.trim() || null;
    if (input.decision === 'decline' && !note) throw new ValidationError([{ path: '/note', message: 'say why the proposal is declined; the proposing portal is told' }]);
    const item = p.item_id === null ? undefined : await this.d.content.find(p.item_id);
    if (item) {
      if (input.decision === 'accept' && item.status !== 'published') await this.d.content.actWithinAuditedCommand(item, actor, { action: 'publish' });
      if (input.decision === 'decline' && ['submitted', 'approved', 'scheduled'].includes(item.status)) await this.d.content.actWithinAuditedCommand(item, actor, { action: 'reject', note: note! });
    } else if (!isPublisher(actor)) throw new ForbiddenError(`Only an editor-in-chief or admin of ${portal.slug} decides on proposals.`);
    const status = input.decision === 'accept' ? 'accepted' : 'declined';
    await this.recordDecision(p, status, note, (trx) => this.d.audit.recordFor(ctx, 'federation-proposal', `proposal:${id}`, { decision: status, note }, trx));
    return this.proposalView(await this.proposalRow(id), portal);
  }

  /** Publishing a proposed item through the ordinary workflow counts as accepting it. */
  async onItemPublished(itemId: number): Promise<void> {
    const p = await this.db.selectFrom('federation_proposals').selectAll().where('item_id', '=', itemId).where('direction', '=', 'incoming').where('status', '=', 'pending').executeTakeFirst();
    if (p) await this.recordDecision(p, 'accepted', null);
  }

  private async recordDecision(p: ProposalRow, status: 'accepted' | 'declined', note: string | null, alsoInTrx?: (trx: FedTrx) => Promise<void>): Promise<void> {
    const portal = await this.d.portals.byId(p.portal_id);
    if (!portal) return;
    const item = p.item_id === null ? undefined : await this.d.content.find(p.item_id);
    await this.db.transaction().execute(async (trx) => {
      const res = await trx.updateTable('federation_proposals').set({ status, decision_note: note, decided_at: this.now() }).where('id', '=', p.id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return;
      await this.d.outbox.enqueue(
        trx,
        SEND_TOPIC,
        { portalId: portal.id, inbox: p.peer_inbox_url, message: { type: 'proposal-decision', from: portal.url, to: p.peer_url, proposal: p.remote_id, decision: status, note, url: status === 'accepted' ? (item?.url ?? null) : null } },
        { maxAttempts: 12 },
      );
      await alsoInTrx?.(trx);
    });
  }

  async isProposalPeer(portal: Portal, from: string): Promise<boolean> {
    return !!(await this.db.selectFrom('federation_proposals').select('id').where('portal_id', '=', portal.id).where('direction', '=', 'outgoing').where('peer_url', '=', from).limit(1).executeTakeFirst());
  }

  async onProposalDecision(v: VerifiedMessage): Promise<{ status: string }> {
    const id = Number(v.message.proposal);
    const decision = v.message.decision;
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647 || (decision !== 'accepted' && decision !== 'declined'))
      throw new InboxRejection(422, 'malformed-message', 'A proposal decision carries proposal (our id) and decision (accepted or declined).');
    const note = typeof v.message.note === 'string' ? v.message.note.slice(0, 2000) : null;
    const res = await this.db
      .updateTable('federation_proposals')
      .set({ status: decision, decision_note: note, decided_at: this.now(), last_error: null })
      .where('id', '=', id)
      .where('portal_id', '=', v.portal.id)
      .where('direction', '=', 'outgoing')
      .where('peer_url', '=', v.from)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new InboxRejection(404, 'no-proposal', `${v.portal.slug} made no proposal ${id} to ${v.from}.`);
    return { status: decision };
  }

  async proposals(portal: Portal, filter: { direction?: string; status?: string } = {}): Promise<ProposalView[]> {
    let q = this.db.selectFrom('federation_proposals').selectAll().where('portal_id', '=', portal.id);
    if (filter.direction) q = q.where('direction', '=', filter.direction);
    if (filter.status) q = q.where('status', '=', filter.status);
    return (await q.orderBy('id', 'desc').limit(500).execute()).map((r) => this.proposalView(r, portal));
  }

  private async proposalRow(id: number): Promise<ProposalRow> {
    return this.db.selectFrom('federation_proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  private proposalView(r: ProposalRow, portal: Portal): ProposalView {
    return {
      id: r.id,
      portal: portal.slug,
      direction: r.direction as ProposalView['direction'],
      peer: r.peer_url,
      item: r.item_id,
      title: r.title,
      note: r.note,
      status: r.status as ProposalView['status'],
      decisionNote: r.decision_note,
      createdAt: r.created_at,
      decidedAt: r.decided_at,
      lastError: r.last_error,
    };
  }

  /** Sends a queued notification (join decision, proposal decision); the outbox retries failures. */
  async sendQueued(payload: { portalId: number; inbox: string; message: Record<string, unknown> }): Promise<void> {
    const portal = await this.d.portals.byId(payload.portalId);
    if (!portal) return;
    const res = await this.d.messenger.send(portal, payload.inbox, payload.message, 15_000);
    if (res.status >= 200 && res.status < 300) return;
    // the peer understood and refused: repeating will not change its mind
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      this.d.logger.warn({ inbox: payload.inbox, type: payload.message.type, answer: describeFailure(res) }, 'federation notice refused by the peer');
      return;
    }
    throw new Error(`${String(payload.message.type)} to ${payload.inbox}: ${describeFailure(res)}`);
  }
}

function memberView(r: MemberRow): MemberView {
  return {
    id: r.id,
    slug: r.slug,
    name: JSON.parse(r.name) as Record<string, string>,
    kind: r.kind,
    url: r.member_url,
    status: r.status as MemberView['status'],
    note: r.note,
    requestedAt: r.requested_at,
    decidedAt: r.decided_at,
    lastContactAt: r.last_contact_at,
  };
}

function networkView(r: Selectable<import('./tables.ts').NetworkTable>): NetworkView {
  return { id: r.id, directory: r.directory_url, status: r.status as NetworkView['status'], note: r.note, requestedAt: r.requested_at, decidedAt: r.decided_at };
}
