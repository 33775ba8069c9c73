import sanitizeHtml from 'sanitize-html';
import { EMBED_HOSTS, embedFor, IFRAME_ATTRIBUTES } from './embeds.ts';

// Rich text is sanitized when it is stored, so every reader (pages, API,
// feeds, federation) gets the same safe HTML. Allow-list only. Embedded
// videos are the one kind of active content: an <iframe> only from the
// players in embeds.ts, rewritten to their canonical address with fixed,
// minimal attributes; a <video> only of the portal's own media files.

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'mark',
    'small',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'blockquote',
    'q',
    'cite',
    'code',
    'pre',
    'abbr',
    'time',
    'a',
    'figure',
    'figcaption',
    'img',
    'picture',
    'source',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'colgroup',
    'col',
    'iframe',
    'video',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target', 'hreflang'],
    img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading'],
    source: ['srcset', 'sizes', 'media', 'type'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed', 'type'],
    abbr: ['title'],
    time: ['datetime'],
    iframe: ['src', 'title', 'width', 'height', ...Object.keys(IFRAME_ATTRIBUTES)],
    video: ['src', 'controls', 'preload', 'width', 'height', 'title'],
    '*': ['lang', 'dir'],
  },
  allowedIframeHostnames: [...EMBED_HOSTS],
  allowIframeRelativeUrls: false,
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  transformTags: {
    // a link that opens a new tab must not hand the opener to the other site
    a: (tagName, attribs) => (attribs.target ? { tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } } : { tagName, attribs }),
    // only what embeds.ts recognises survives, at its canonical address; the rest of the pasted attributes go
    iframe: (tagName, attribs) => {
      const embed = embedFor(attribs.src ?? '');
      if (embed?.kind !== 'iframe') return { tagName, attribs: {} };
      return { tagName, attribs: { src: embed.src, ...IFRAME_ATTRIBUTES, ...size(attribs), ...(attribs.title ? { title: attribs.title } : {}) } };
    },
    video: (tagName, attribs) => {
      const embed = embedFor(attribs.src ?? '');
      if (embed?.kind !== 'video') return { tagName, attribs: {} };
      return { tagName, attribs: { src: embed.src, controls: '', preload: 'metadata', ...size(attribs), ...(attribs.title ? { title: attribs.title } : {}) } };
    },
  },
  // an embed whose address was refused is removed whole, with anything inside it
  exclusiveFilter: (frame) => (frame.tag === 'iframe' || frame.tag === 'video') && !frame.attribs.src,
};

/** Width and height when they are plain numbers (the page's CSS scales the player to the column). */
function size(attribs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['width', 'height']) if (/^\d{1,4}$/.test(attribs[k] ?? '')) out[k] = attribs[k];
  return out;
}

// A browser shows nothing of what sits inside a player's tags (it is fallback text at most):
// keep them empty, so the stored body holds no text a reader can never see.
const PLAYER_CONTENT = /(<(iframe|video)\b[^>]*>)[\s\S]*?(<\/\2>)/g;

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).replace(PLAYER_CONTENT, '$1$3').trim();
}
