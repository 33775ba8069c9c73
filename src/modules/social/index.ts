import { Sealer } from '../../lib/secrets.ts';
import type { Clock } from '../../lib/time.ts';
import type { OutboundPolicy } from '../../lib/outbound.ts';
import type { Store } from '../../store/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { ContentService } from '../content/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import { ChannelService } from './channels.ts';
import { CONNECTORS } from './connectors/index.ts';
import { DeliveryService, type DeliveryDeps } from './delivery.ts';
import type { Connector, Platform } from './types.ts';

// Social channels: a portal's accounts on Facebook, YouTube, X, Zalo and
// Viber (channels.ts) and the carrying of its publications to them
// (delivery.ts), through one connector per platform (connectors/).

export interface SocialDeps {
  store: Store;
  content: ContentService;
  portals: PortalService;
  outbox: Outbox;
  audit: AuditService;
  clock: Clock;
  dataDir: string;
  logger?: DeliveryDeps['logger'];
  notifyAdmins?: (portal: Portal, subject: string, text: string) => Promise<void>;
  /** replaces connectors (tests of the delivery machinery) */
  connectors?: Partial<Record<Platform, Connector>>;
  metricsEveryMinutes?: number;
  /** where calls to channels' addresses and linked files may go */
  outbound: OutboundPolicy;
  /** LANTOA_SOCIAL_TIMEOUT_MS: how long a platform may take to answer */
  timeoutMs: number;
  /** the deployment secret (lib/secrets.ts), which seals channel credentials */
  secret: () => Buffer;
}

export class SocialService {
  readonly channels: ChannelService;
  readonly deliveries: DeliveryService;

  constructor(deps: SocialDeps) {
    const sealer = new Sealer(deps.secret, 'social channel credentials v1');
    // a channel reconnected by an admin resumes its waiting deliveries in the same transaction
    this.channels = new ChannelService(deps.store, deps.portals, { ...CONNECTORS, ...deps.connectors }, sealer, deps.audit, deps.clock, deps.outbound, deps.timeoutMs, (channelId, trx) => this.deliveries.resumeChannel(channelId, trx));
    this.deliveries = new DeliveryService({ ...deps, channels: this.channels });
  }
}

export type { Channel } from './channels.ts';
export type { Delivery } from './delivery.ts';

// the rest of the module's public surface
export { type ChannelInput } from './channels.ts';
export { CONNECTORS } from './connectors/index.ts';
export { METRICS_TOPIC } from './delivery.ts';
export { PLATFORMS, type Platform } from './types.ts';
export { asAnswer, at, idOf, list, num, readTokenAnswer, shown, str, type Answer } from './answer.ts';
