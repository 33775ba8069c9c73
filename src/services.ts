import type { PublishFlow } from './modules/content/index.ts';
import type { Logger } from 'pino';
import type { Config, Settings } from './config.ts';
import type { Store } from './store/index.ts';
import type { Clock } from './lib/time.ts';
import type { PortalService } from './modules/portals/index.ts';
import type { AccountService } from './modules/accounts/index.ts';
import type { ContentService } from './modules/content/index.ts';
import type { SearchService } from './modules/search/index.ts';
import type { Outbox } from './modules/outbox/index.ts';
import type { PageCacheService } from './modules/pagecache/index.ts';
import type { SessionModules } from './modules/sessions/index.ts';
import type { AuditService } from './modules/audit/index.ts';
import type { MediaService } from './modules/media/index.ts';
import type { EditorialQueries } from './modules/content/index.ts';
import type { FederationService } from './modules/federation/index.ts';
import type { SocialService } from './modules/social/index.ts';
import type { FeedbackService } from './modules/feedback/index.ts';
import type { UptimeService } from './modules/uptime/index.ts';
import type { AnalyticsService } from './modules/analytics/index.ts';
import type { NetworkView } from './modules/network/index.ts';
import type { HomeService } from './modules/home/index.ts';

// What the composition root (app.ts) builds and hands to the web layer, the
// CLI and the tests: every module's service, wired. A type of its own so those
// who use the services need not import the root that builds them.

export interface Services {
  config: Config;
  /** The modules' settings as loadSettings read them when the services were built. */
  settings: Settings;
  store: Store;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  portals: PortalService;
  accounts: AccountService;
  content: ContentService;
  search: SearchService;
  pagecache: PageCacheService;
  /** Admin sign-in: sessions, throttling, second factors, password resets, mail. */
  sessions: SessionModules;
  audit: AuditService;
  media: MediaService;
  /** The newsroom's read models over content (dashboard, history). */
  editorial: EditorialQueries;
  /** Keys, publication log, subscriptions, inbox, directory and proposals between portals. */
  federation: FederationService;
  social: SocialService;
  feedback: FeedbackService;
  /** The central portal's watch over every portal of the network (EMC): probes, availability, alerts. */
  uptime: UptimeService;
  /** Beacon ingestion, rollups and dashboards; `close()` it before the store (it flushes its buffer). */
  analytics: AnalyticsService;
  /** The network view: members' signed daily reports, totals and the league table at the central portal. */
  network: NetworkView;
  /** Curated homes: pinned top stories and the breaking-news banner of each portal and language. */
  home: HomeService;
  /** The admin's publish: a workflow step, then the chosen social channels, audited as one command. */
  publishing: PublishFlow;
}
