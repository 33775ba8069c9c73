import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';

// Row types of the federation tables (created by store/migrations/005_federation.ts).
// They stay inside this module: other modules reach federation through its services.

export interface FederationKeyTable {
  key_id: string;
  portal_id: number;
  /** base64url of the raw 32-byte Ed25519 public key */
  public_key: string;
  /** AES-256-GCM ciphertext of the PKCS#8 private key (see keys.ts) */
  private_key: string;
  created_at: string;
  expires_at: string | null;
  endorsed_by: string | null;
  endorsement: string | null;
}

export interface LogHeadTable {
  portal_id: number;
  last_sequence: number;
}

export interface LogTable {
  id: Generated<number>;
  portal_id: number;
  sequence: number;
  item_id: number;
  item_version: number;
  action: string;
  type: string;
  lang: string;
  section: string | null;
  at: string;
  header: string;
  item: string;
  digest: string;
  signature: string;
  key_id: string;
}

export interface PeerKeyTable {
  key_id: string;
  peer_url: string;
  public_key: string;
  expires_at: string | null;
  pinned_via: string;
  pinned_at: string;
}

export interface SubscriberTable {
  id: Generated<number>;
  portal_id: number;
  subscriber_url: string;
  inbox_url: string;
  filter: string;
  status: string;
  start_sequence: number;
  delivered_sequence: number;
  lease_until: string | null;
  leased_by: string | null;
  retry_at: string | null;
  failures: Generated<number>;
  created_at: string;
  verified_at: string | null;
  ended_at: string | null;
  last_contact_at: string | null;
  last_error: string | null;
}

/** A portal's federation rules (migration 016); no row: the defaults. */
export interface FederationSettingsTable {
  portal_id: number;
  /** 1: a new subscriber waits for an admin's approval before anything is pushed to it */
  subscribers_need_approval: number;
  updated_at: string;
}

export interface SubscriptionTable {
  id: Generated<number>;
  portal_id: number;
  source_url: string;
  source_slug: string;
  source_name: string;
  source_kind: string;
  inbox_url: string;
  log_url: string;
  policy: string;
  status: string;
  cursor: number;
  created_at: string;
  updated_at: string;
  last_contact_at: string | null;
  last_pull_at: string | null;
  last_error: string | null;
}

export interface ReceivedTable {
  id: Generated<number>;
  subscription_id: number;
  sequence: number;
  action: string;
  origin_item_id: number;
  digest: string;
  signature: string;
  key_id: string;
  item_id: number | null;
  outcome: string;
  via: string;
  received_at: string;
}

export interface MirrorTable {
  portal_id: number;
  origin_url: string;
  origin_item_id: number;
  item_id: number;
}

export interface MemberTable {
  id: Generated<number>;
  portal_id: number;
  member_url: string;
  slug: string;
  name: string;
  kind: string;
  inbox_url: string;
  keys: string;
  status: string;
  note: string | null;
  requested_at: string;
  decided_at: string | null;
  decided_by: number | null;
  last_contact_at: string | null;
}

export interface NetworkTable {
  id: Generated<number>;
  portal_id: number;
  directory_url: string;
  inbox_url: string;
  status: string;
  note: string | null;
  requested_at: string;
  decided_at: string | null;
}

export interface ProposalTable {
  id: Generated<number>;
  portal_id: number;
  direction: string;
  peer_url: string;
  peer_inbox_url: string;
  item_id: number | null;
  remote_id: number | null;
  title: string;
  note: string | null;
  status: string;
  decision_note: string | null;
  digest: string | null;
  created_at: string;
  decided_at: string | null;
  last_error: string | null;
}

export interface FederationTables {
  federation_keys: FederationKeyTable;
  federation_log_heads: LogHeadTable;
  federation_log: LogTable;
  federation_peer_keys: PeerKeyTable;
  federation_subscribers: SubscriberTable;
  federation_settings: FederationSettingsTable;
  federation_subscriptions: SubscriptionTable;
  federation_received: ReceivedTable;
  federation_mirrors: MirrorTable;
  federation_members: MemberTable;
  federation_networks: NetworkTable;
  federation_proposals: ProposalTable;
}

export type FedDB = Kysely<Database>;
export type FedTrx = Transaction<Database>;
export type FedExecutor = FedDB | FedTrx;
