// What a rich-text body may cost before the sanitizer reads it. Sanitizing is
// fast for ordinary markup but grows with nesting (each closed element hands
// its text to its parent: 100,000 nested <b> tags held the event loop for
// minutes), so a body is measured first by this one linear pass and refused
// past the limits. The pass never undercounts: it takes every `<name` as an
// element, even inside a comment-like construct the parser would skip, and
// closes implicitly only where HTML parsers do (a new <p>, <li>, <dt>/<dd>,
// <tr>, <td>/<th> ends an open one of the same kind on top of the stack).

/** Deepest nesting of elements a body may have (the editor's deepest lists and tables stay under 20). */
export const MAX_BODY_DEPTH = 100;
/**
 * Most elements a body may have: a long decree with its tables stays well
 * under it, and sanitizing the largest body allowed (2 MB) with this many
 * elements, nested to the limit, takes 50–110 ms of one core (twice the
 * elements, twice that).
 */
export const MAX_BODY_ELEMENTS = 10_000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** An opening tag of the key's name ends an open element of one of these names first. */
const CLOSES_OPEN = new Map<string, ReadonlySet<string>>([
  ['p', new Set(['p'])],
  ['li', new Set(['li'])],
  ['dt', new Set(['dt', 'dd'])],
  ['dd', new Set(['dt', 'dd'])],
  ['tr', new Set(['tr', 'td', 'th'])],
  ['td', new Set(['td', 'th'])],
  ['th', new Set(['th'])],
]);

export interface MarkupCost {
  elements: number;
  depth: number;
}

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isNameChar = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;

/**
 * Counts the elements of `html` and its deepest nesting, stopping as soon as
 * either passes its limit (the counts then say which). Linear in the length,
 * with a stack never deeper than `maxDepth + 1`.
 */
export function measureMarkup(html: string, maxDepth = MAX_BODY_DEPTH, maxElements = MAX_BODY_ELEMENTS): MarkupCost {
  const stack: string[] = [];
  let elements = 0;
  let depth = 0;
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    const closing = next === 0x2f; // '/'
    const nameStart = closing ? i + 2 : i + 1;
    if (nameStart < html.length && isLetter(html.charCodeAt(nameStart))) {
      let nameEnd = nameStart + 1;
      while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
      const name = html.slice(nameStart, nameEnd).toLowerCase();
      if (closing) {
        const at = stack.lastIndexOf(name);
        if (at !== -1) stack.length = at;
        // a stray </p> or </br> makes an element of its own in HTML parsers
        else if ((name === 'p' || name === 'br') && ++elements > maxElements) return { elements, depth };
      } else {
        elements++;
        if (elements > maxElements) return { elements, depth };
        const closes = CLOSES_OPEN.get(name);
        if (closes && stack.length && closes.has(stack[stack.length - 1])) stack.pop();
        if (!VOID.has(name)) {
          stack.push(name);
          if (stack.length > depth) depth = stack.length;
          if (depth > maxDepth) return { elements, depth };
        }
      }
      i = nameEnd;
    } else {
      i++;
    }
    i = html.indexOf('<', i);
  }
  return { elements, depth };
}

/** Why `html` costs too much to sanitize, or undefined when it is within the limits. */
export function markupOverLimit(html: string): string | undefined {
  const cost = measureMarkup(html);
  if (cost.depth > MAX_BODY_DEPTH) return `must not nest elements more than ${MAX_BODY_DEPTH} deep`;
  if (cost.elements > MAX_BODY_ELEMENTS) return `must have at most ${MAX_BODY_ELEMENTS} elements`;
  return undefined;
}
