import type { Lang } from '../../lib/lang.ts';
import type { LiveBanner } from '../../modules/home/index.ts';
import { html, raw, type SafeHtml } from './html.ts';

// The breaking-news banner (tin nóng) under the header of every page of a
// portal in one language while an editor's banner runs (src/modules/home).
// Its few style rules travel with it, so pages without a banner carry none.

const LABEL: Record<Lang, string> = { vi: 'Tin nóng', en: 'Breaking news', zh: '突发新闻' };

const STYLE =
  '.breaking{background:#8f1216;color:#fff}.breaking .wrap{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline;padding-top:.5rem;padding-bottom:.5rem}' +
  '.breaking strong{text-transform:uppercase;font-size:.85em;letter-spacing:.04em}.breaking a{color:#fff;font-weight:600;overflow-wrap:anywhere}.breaking a:focus-visible{outline:2px solid #fff;outline-offset:2px}';

export function breakingBanner(lang: Lang, banner: LiveBanner | undefined): SafeHtml | '' {
  if (!banner) return '';
  return html`<style>${raw(STYLE)}</style><aside class="breaking" aria-label="${LABEL[lang]}"><div class="wrap"><strong>${LABEL[lang]}</strong> <a href="${banner.href}">${banner.text}</a></div></aside>`;
}
