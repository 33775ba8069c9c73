import type { Services } from '../../services.ts';
import { createSocialEmulator } from '../../dev/social-emulator/index.ts';
import { PLATFORMS, type Platform } from './types.ts';
import { systemContext } from '../../lib/request-context.ts';

// The demo's social channels. `npm start` runs the five platform emulators in
// the same process and points the central portal's channels at them, so a
// publication in the demo admin can be watched reaching Facebook, YouTube,
// X, Zalo and Viber without any real account. The emulators keep nothing
// between runs, so each start hands the channels fresh credentials.

const NAMES: Record<Platform, string> = {
  facebook: 'Fanpage Cổng TTĐT Chính phủ',
  youtube: 'Kênh YouTube Chính phủ',
  x: 'X @ChinhPhuVN',
  zalo: 'Zalo OA Chính phủ',
  viber: 'Kênh Viber Chính phủ',
};

export interface DemoSocial {
  url: string;
  close(): Promise<void>;
}

export async function startDemoSocial(services: Services, port: number): Promise<DemoSocial | undefined> {
  const portal = await services.portals.bySlug('chinhphu');
  if (!portal) return undefined;
  const emulator = createSocialEmulator();
  const url = await emulator.listen(port);
  const existing = await services.social.channels.list(portal);
  for (const platform of PLATFORMS) {
    const { apiBaseUrl, credentials } = emulator.account(platform);
    const channel = existing.find((c) => c.platform === platform && c.apiBaseUrl?.startsWith('http://127.0.0.1:'));
    if (channel) {
      await services.social.channels.update(systemContext(portal.id, 'cli'), portal, channel.id, { apiBaseUrl, credentials });
      continue;
    }
    await services.social.channels.create(systemContext(portal.id, 'cli'), portal, {
      platform,
      name: NAMES[platform],
      apiBaseUrl,
      credentials,
      languages: platform === 'x' ? ['vi', 'en'] : ['vi'],
      contentTypes: platform === 'youtube' ? ['video'] : ['news', 'directive', 'press-release', 'video', 'gallery'],
      autoPublish: true,
    });
  }
  return { url, close: () => emulator.close() };
}
