// Limits on the shape of JSON a client or a peer sends. Everything that walks
// such a value afterwards (schema validation, JSON.stringify, canonical forms
// for signatures, diffs) recurses, so a value nested thousands deep overflows
// the stack: measured here first, without recursion, and refused.

export interface JsonShapeLimits {
  /** deepest nesting of arrays and objects (the value itself is level 1 when it is one) */
  maxDepth: number;
  /** most values in all (objects, arrays, strings, numbers, …) */
  maxNodes: number;
}

/** Any JSON request body: far beyond what a route takes (an item with its meta is under 20 levels). */
export const BODY_LIMITS: JsonShapeLimits = { maxDepth: 32, maxNodes: 100_000 };

/** What `meta` of an item may be: ample for the richest type (a gallery of 200 pictures, a procedure's lists). */
export const META_LIMITS: JsonShapeLimits = { maxDepth: 16, maxNodes: 10_000 };

/** How `value` goes past the limits, or undefined when it stays within them. Iterative; stops at the first excess. */
export function jsonShapeExcess(value: unknown, limits: JsonShapeLimits): string | undefined {
  const pending: Array<[unknown, number]> = [[value, 1]];
  let nodes = 1;
  while (pending.length) {
    const [v, level] = pending.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (level > limits.maxDepth) return `must not nest more than ${limits.maxDepth} levels deep`;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    nodes += children.length;
    if (nodes > limits.maxNodes) return `must hold at most ${limits.maxNodes} values`;
    for (const c of children) pending.push([c, level + 1]);
  }
  return undefined;
}
