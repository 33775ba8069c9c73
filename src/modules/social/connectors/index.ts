import type { Connector, Platform } from '../types.ts';
import { facebookConnector } from './facebook.ts';
import { viberConnector } from './viber.ts';
import { xConnector } from './x.ts';
import { youtubeConnector } from './youtube.ts';
import { zaloConnector } from './zalo.ts';

/** One connector per platform: adding a platform means adding a file here. */
export const CONNECTORS: Record<Platform, Connector> = {
  facebook: facebookConnector,
  youtube: youtubeConnector,
  x: xConnector,
  zalo: zaloConnector,
  viber: viberConnector,
};
