import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { compressOnce } from '../compression.ts';

// The admin's stylesheet and its two small script islands, served from
// /admin/assets/ under names that carry their content hash (cached for a
// year). The rich-text editor (Tiptap, on ProseMirror) is bundled from
// node_modules with esbuild the first time a browser asks for it, and kept
// in memory: no CDN, no build step to forget, nothing written to disk.

export const ADMIN_CSS = `
:root{--ink:#1b1f24;--muted:#4a5560;--line:#c8ced6;--bg:#f5f6f8;--card:#fff;--brand:#a3151b;--brand-ink:#fff;--link:#0b4f9c;--ok:#1d6b35;--warn:#8a4b00;--err:#a0141e;--focus:#ffbf47}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:16px;line-height:1.5;color:var(--ink);background:var(--bg)}
body{margin:0}
a{color:var(--link)}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus,[contenteditable]:focus{outline:3px solid var(--focus);outline-offset:1px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
.top{background:var(--brand);color:var(--brand-ink);display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding:.5rem 1rem}
.top a,.top button.linkish{color:var(--brand-ink)}
.top .portal{font-weight:700;font-size:1.1rem;text-decoration:none}
.top .user{margin-left:auto;display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.top form{display:inline}
.top select{max-width:14rem}
nav.side{background:#fff;border-bottom:1px solid var(--line);padding:.25rem 1rem}
nav.side ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.side a{display:inline-block;padding:.4rem 0;text-decoration:none}
nav.side a[aria-current=page]{font-weight:700;border-bottom:3px solid var(--brand)}
main{max-width:76rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.25rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1rem;margin:0 0 1rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}
.notice{border-left:5px solid var(--ok);background:#eaf5ee;padding:.75rem 1rem;margin:0 0 1rem}
.alert{border-left:5px solid var(--err);background:#fbeaea;padding:.75rem 1rem;margin:0 0 1rem}
.technical{font-size:.85em;color:var(--muted,#555)}.technical code{display:block;white-space:pre-wrap;overflow-wrap:anywhere}
.prewrap{white-space:pre-wrap}
.badge{background:var(--err);color:#fff;padding:0 .35rem;border-radius:3px;font-size:.85em}
.field{margin:0 0 1rem}
.field label,.field legend{display:block;font-weight:600;margin:0 0 .25rem}
.field label.check-label{display:inline}
.field .hint{display:block;color:var(--muted);font-size:.9rem;margin:0 0 .25rem}
.field .error{display:block;color:var(--err);font-weight:600;margin:0 0 .25rem}
.field.invalid input,.field.invalid textarea,.field.invalid select{border-color:var(--err);border-width:2px}
input[type=text],input[type=email],input[type=password],input[type=url],input[type=number],input[type=date],input[type=datetime-local],input[type=search],select,textarea{font:inherit;width:100%;max-width:100%;padding:.45rem .5rem;border:1px solid #6b7580;border-radius:4px;background:#fff;color:var(--ink)}
textarea{min-height:6rem}
textarea.body{min-height:22rem;font-family:ui-monospace,monospace;font-size:.9rem}
fieldset{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
button,.button{font:inherit;display:inline-block;padding:.45rem 1rem;border-radius:4px;border:1px solid var(--brand);background:var(--brand);color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:var(--brand)}
button.linkish{background:none;border:none;padding:0;text-decoration:underline;color:var(--link)}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#eef0f3}
.state{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.85rem;border:1px solid #6b7580;background:#fff}
.state-published{border-color:var(--ok);color:var(--ok)}
.state-submitted,.state-approved{border-color:var(--warn);color:var(--warn)}
.counts{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0;margin:0}
.counts li{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem}
.counts strong{display:block;font-size:1.4rem}
.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.inline .field{margin:0}
.actions{display:flex;flex-wrap:wrap;gap:.75rem}
.actions details{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;background:#fff}
.actions summary{cursor:pointer;font-weight:600}
.editor-layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,1fr);gap:1rem}
@media (max-width:60rem){.editor-layout{grid-template-columns:1fr}}
.diff ins{background:#d7f5dd;text-decoration:none}
.diff del{background:#fbd9dc}
.diff{white-space:pre-wrap;background:#fff;border:1px solid var(--line);padding:.75rem}
.codes{font-family:ui-monospace,monospace;font-size:1.1rem;columns:2}
.qr svg{width:14rem;height:14rem}
.token{font-family:ui-monospace,monospace;word-break:break-all;background:#fff;border:1px dashed var(--ink);padding:.5rem}
.media-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:1rem;list-style:none;padding:0}
.media-grid img{max-width:100%;height:auto;display:block}
.muted{color:var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.rich-toolbar{display:flex;flex-wrap:wrap;gap:.25rem;padding:.25rem;border:1px solid #6b7580;border-bottom:none;border-radius:4px 4px 0 0;background:#eef0f3}
.rich-toolbar button{padding:.2rem .5rem;background:#fff;color:var(--ink);border-color:#6b7580}
.rich-toolbar button[aria-pressed=true]{background:var(--ink);color:#fff}
.rich-editor{border:1px solid #6b7580;border-radius:0 0 4px 4px;background:#fff;min-height:22rem;padding:.5rem 1rem}
.rich-editor .ProseMirror{min-height:21rem;outline:none;position:relative;word-wrap:break-word;white-space:pre-wrap;white-space:break-spaces;font-variant-ligatures:none}
.ProseMirror [contenteditable=false]{white-space:normal}
.ProseMirror pre{white-space:pre-wrap}
.ProseMirror-hideselection *::selection{background:transparent}
.ProseMirror-hideselection{caret-color:transparent}
img.ProseMirror-separator{display:inline!important;border:none!important;margin:0!important}
.ProseMirror-gapcursor{display:none;pointer-events:none;position:absolute}
.ProseMirror-focused .ProseMirror-gapcursor{display:block}
.ProseMirror-selectednode{outline:3px solid var(--focus)}
.rich-editor .tableWrapper{overflow-x:auto}
.rich-editor table{border:1px solid var(--line)}
.rich-editor td,.rich-editor th{border:1px solid var(--line);min-width:3rem}
.rich-editor img{max-width:100%;height:auto}
.rich-editor iframe,.rich-editor video{display:block;max-width:100%;width:560px;aspect-ratio:16/9;height:auto;border:0;background:#000}
.cover-field select{margin-bottom:.25rem}.cover-preview{display:block;max-width:160px;height:auto;margin:.25rem 0 1rem}.logo-preview{vertical-align:middle;background:#fff}
.autosave-status{margin-left:.75rem}
dialog{max-width:48rem;width:90vw}
.picker{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(8rem,1fr));gap:.5rem}
.picker img{max-width:100%}
`;

/** The tiny island every admin page loads: confirmations for irreversible actions. */
export const ADMIN_JS = `(function(){
document.addEventListener('submit',function(e){var f=e.target;if(f&&f.dataset&&f.dataset.confirm&&!window.confirm(f.dataset.confirm)){e.preventDefault();}},true);
})();
`;

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
export const ADMIN_CSS_PATH = `/admin/assets/admin-${hash(ADMIN_CSS)}.css`;
export const ADMIN_JS_PATH = `/admin/assets/admin-${hash(ADMIN_JS)}.js`;
/** The editor's old fixed address, still answered (revalidated) for pages rendered before its hashed name existed. */
export const EDITOR_JS_PATH = '/admin/assets/editor.js';

export interface EditorBundle {
  code: string;
  etag: string;
  /** `/admin/assets/editor-<hash>.js`: named by its content, so kept for a year. */
  path: string;
  /** Brotli and gzip variants, made once per process after the build (strongest settings: 458 KB is sent to every editor). */
  compressed: Promise<{ br: Buffer; gzip: Buffer }>;
}

let editorBundle: Promise<EditorBundle> | undefined;

/** Bundles the editor island once per process (about a second), then serves it from memory. */
export function editorScript(): Promise<EditorBundle> {
  editorBundle ??= (async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('./client/editor.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      minify: true,
      target: 'es2020',
      legalComments: 'none',
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    const digest = hash(code);
    const compressed = compressOnce(Buffer.from(code, 'utf8'));
    compressed.catch(() => undefined); // awaited by whoever asks for the file; never an unhandled rejection
    return { code, etag: `"${digest}"`, path: `/admin/assets/editor-${digest}.js`, compressed };
  })();
  editorBundle.catch(() => {
    editorBundle = undefined; // a failed build is retried by the next request, not cached forever
  });
  return editorBundle;
}

/** The editor's hashed address, or none when it cannot be built (the page then keeps its plain textarea). */
export async function editorScriptPath(): Promise<string | undefined> {
  try {
    return (await editorScript()).path;
  } catch {
    return undefined;
  }
}
