import { facebookEmulator } from './facebook.ts';
import { SocialEmulator } from './server.ts';
import { viberEmulator } from './viber.ts';
import { xEmulator } from './x.ts';
import { youtubeEmulator } from './youtube.ts';
import { zaloEmulator } from './zalo.ts';

export { SocialEmulator } from './server.ts';
export type { Fault, FaultKind } from './server.ts';

/** All five platforms on one local server (`lantoa emulate social`). */
export function createSocialEmulator(): SocialEmulator {
  return new SocialEmulator([facebookEmulator, youtubeEmulator, xEmulator, zaloEmulator, viberEmulator]);
}
