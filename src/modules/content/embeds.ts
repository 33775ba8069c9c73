// Videos an item's body may embed: YouTube (through its no-cookie host, so a
// reader is not tracked until they press play), Vimeo's player, and video
// files of the portal's own media library. Everything an editor pastes is
// turned into one canonical address or refused; the sanitizer and the
// editor's script (bundled for the browser: no Node imports here) share it.

/** Hosts an <iframe> in a body may load, and the only ones the pages' CSP lets frames come from. */
export const EMBED_HOSTS = ['www.youtube-nocookie.com', 'player.vimeo.com'] as const;

export type Embed = { kind: 'iframe'; src: string } | { kind: 'video'; src: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const OWN_VIDEO = /^\/media\/[A-Za-z0-9][A-Za-z0-9._/-]{0,300}\.(?:mp4|webm)$/;

/** The embeddable form of a video address, or undefined when it is not one we allow. */
export function embedFor(input: string): Embed | undefined {
  const text = (input ?? '').trim();
  if (OWN_VIDEO.test(text) && !text.includes('..')) return { kind: 'video', src: text };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (u.username || u.password || (u.port && u.port !== '443' && u.port !== '80')) return undefined;
  const host = u.hostname.toLowerCase();
  const parts = u.pathname.split('/').filter(Boolean);
  let youtube: string | undefined;
  if (host === 'youtu.be' && parts.length === 1) youtube = parts[0];
  else if (['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com'].includes(host)) {
    if (parts[0] === 'watch' && parts.length === 1) youtube = u.searchParams.get('v') ?? undefined;
    else if ((parts[0] === 'embed' || parts[0] === 'shorts' || parts[0] === 'live') && parts.length === 2) youtube = parts[1];
  }
  if (youtube !== undefined) {
    if (!YOUTUBE_ID.test(youtube)) return undefined;
    // a start time is the one option worth keeping ("?t=90", "?start=90")
    const start = Number(u.searchParams.get('start') ?? u.searchParams.get('t')?.replace(/s$/, '') ?? '');
    return { kind: 'iframe', src: `https://www.youtube-nocookie.com/embed/${youtube}${Number.isInteger(start) && start > 0 ? `?start=${start}` : ''}` };
  }
  if ((host === 'vimeo.com' || host === 'www.vimeo.com') && parts.length === 1 && VIMEO_ID.test(parts[0])) return { kind: 'iframe', src: `https://player.vimeo.com/video/${parts[0]}` };
  if (host === 'player.vimeo.com' && parts.length === 2 && parts[0] === 'video' && VIMEO_ID.test(parts[1])) return { kind: 'iframe', src: `https://player.vimeo.com/video/${parts[1]}` };
  return undefined;
}

/** What every embedded frame gets, whatever the pasted markup said: no more than a video player needs. */
export const IFRAME_ATTRIBUTES = {
  allow: 'accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen',
  allowfullscreen: '',
  loading: 'lazy',
  referrerpolicy: 'strict-origin-when-cross-origin',
  sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups',
} as const;
