// Where the server may send a browser. A `Location` (or a `next` a form
// carries) is a path on this host: one leading slash, never two (`//other.host`
// is another host to a browser), never a backslash (browsers read `/\` as `//`),
// no control characters, and no dot segments that climb out of where they
// started (`/admin/../..//other.host` resolves to `//other.host`). Anything else
// is refused here, whatever the path it came from (issue 16, item 7).

const BASE = 'http://same-host.invalid';
// eslint-disable-next-line no-control-regex -- a redirect target with a control character is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The same-host path `target` names, resolved (dot segments applied, as a browser
 * would) and in its normal form, or undefined when it could leave this host.
 */
export function sameHostPath(target: unknown): string | undefined {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\') || CONTROL.test(target)) return undefined;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE || url.pathname.startsWith('//')) return undefined;
  return url.pathname + url.search + url.hash;
}

/** `target` when it is a same-host path under `prefix` (e.g. `/admin`), else `fallback`. */
export function localRedirect(target: unknown, prefix: string, fallback: string): string {
  const path = sameHostPath(target);
  if (path === undefined) return fallback;
  return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`) || path.startsWith(`${prefix}#`) ? path : fallback;
}
