import { Sealer } from '../../lib/secrets.ts';
import type { Clock } from '../../lib/time.ts';
import type { OutboundPolicy } from '../../lib/outbound.ts';
import type { Store } from '../../store/index.ts';
import type { AuditService } from '../audit/service.ts';
import type { ContentService } from '../content/service.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { Portal, PortalService } from '../portals/service.ts';
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
    this.channels = new ChannelService(deps.store, deps.portals, { ...CONNECTORS, ...deps.connectors }, sealer, deps.clock, deps.outbound, deps.timeoutMs);
    this.deliveries = new DeliveryService({ ...deps, channels: this.channels });
  }
}

export type { Channel } from './channels.ts';
export type { Delivery } from './delivery.ts';
