import type { ContentType } from '../content/index.ts';
import type { Lang } from '../../lib/lang.ts';
import type { OutboundPolicy } from '../../lib/outbound.ts';

// The shapes every social connector shares. A connector speaks one platform's
// real HTTP API (Facebook Page, YouTube, X, Zalo OA, Viber channel); the
// delivery service (./service.ts) decides what to post where and keeps the
// record, so a connector only formats, sends and classifies.

export const PLATFORMS = ['facebook', 'youtube', 'x', 'zalo', 'viber'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const isPlatform = (v: unknown): v is Platform => typeof v === 'string' && (PLATFORMS as readonly string[]).includes(v);

/**
 * What to do about a failed call, from the platform's own codes:
 * - retry-later: throttled, a server error or a lost connection; try again (after `retryAfterMs` when the platform said)
 * - refresh-token: the access token expired; refresh it and try again
 * - bad-content: the platform refuses this post as it is; retrying the same post will not help
 * - disconnected: the channel lost its authorisation (revoked, password changed); an admin must reconnect it
 */
export type ErrorClass = 'retry-later' | 'refresh-token' | 'bad-content' | 'disconnected';

export class ConnectorError extends Error {
  constructor(
    readonly errorClass: ErrorClass,
    message: string,
    readonly details: {
      /** the platform asked to wait this long (Retry-After, x-rate-limit-reset, a daily cap) */
      retryAfterMs?: number;
      /** HTTP status, when there was a response */
      status?: number;
      /** the platform's own error code */
      code?: string | number;
      /** the request may have been carried out although no answer came back (timeout, dropped connection) */
      ambiguous?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

/** One item as every platform needs it; each connector cuts it to its own limits. */
export interface SocialPost {
  itemId: number;
  type: ContentType;
  lang: Lang;
  title: string;
  summary: string;
  /** sanitized HTML of the body */
  bodyHtml: string;
  /** the item's public address */
  url: string;
  tags: string[];
  /** absolute URL of the cover picture (JPEG/PNG/WebP), when the item has one */
  imageUrl?: string;
  /** absolute URL of the video file, for video items that have one */
  videoUrl?: string;
  /** the portal's name in the item's language: author line, Zalo's author field */
  portalName: string;
  /** the editor's own text for social posts (at most 280 characters); when set, posts use it instead of the title and summary */
  socialText?: string;
}

/** A channel as a connector sees it: where to call and with what (credentials already decrypted). */
export interface ChannelRuntime {
  id: number;
  platform: Platform;
  /** the platform's documented base URL, or what replaces it (an emulator, a regional proxy) */
  apiBaseUrl: string;
  credentials: Record<string, string>;
  /** where this deployment lets requests go (the channel's base URL is an admin's choice, links are editors') */
  outbound?: OutboundPolicy;
  /** how long the platform may take to answer (LANTOA_SOCIAL_TIMEOUT_MS; 15 s when absent) */
  timeoutMs?: number;
}

export interface PublishResult {
  remoteId: string;
  remoteUrl?: string;
}

/** Progress a connector keeps between attempts (a YouTube upload session, a Zalo article token). */
export type DeliveryState = Record<string, unknown>;

export interface PostMetrics {
  views?: number;
  reach?: number;
  likes?: number;
  shares?: number;
  comments?: number;
}

export interface CredentialField {
  name: string;
  required: boolean;
  description: string;
}

export interface Connector {
  platform: Platform;
  /** the documented base URL, version segment included */
  defaultBaseUrl: string;
  /** what `credentials` must hold; required ones are checked when a channel is saved */
  credentialFields: CredentialField[];
  /** content types this platform can carry (YouTube: videos with a file only) */
  accepts(post: SocialPost): boolean;
  /**
   * Posts the item. `state` is saved by the caller after every call, also a
   * failed one, so a connector can resume (an upload session) or recognise
   * its own earlier attempt. `checkpoint` saves `state` at once: call it
   * right after learning something a crash must not lose (an upload
   * session's address, an article token).
   */
  publish(channel: ChannelRuntime, post: SocialPost, state: DeliveryState, checkpoint?: () => Promise<void>): Promise<PublishResult>;
  /** Edits the remote post after a correction, where the platform allows. */
  update?(channel: ChannelRuntime, remoteId: string, post: SocialPost): Promise<void>;
  /** Deletes or hides the remote post, where the platform allows. */
  remove?(channel: ChannelRuntime, remoteId: string): Promise<void>;
  /** New credentials after a token refresh (the caller stores them at once: Zalo's refresh tokens are single-use). */
  refresh?(channel: ChannelRuntime): Promise<Record<string, string>>;
  /** After an ambiguous failure: the post already made for this item, if the API lets one look. */
  findExisting?(channel: ChannelRuntime, post: SocialPost, state: DeliveryState): Promise<PublishResult | undefined>;
  channelMetrics?(channel: ChannelRuntime): Promise<{ followers: number }>;
  postMetrics?(channel: ChannelRuntime, remoteId: string): Promise<PostMetrics>;
}
