// A platform's JSON answer is an untrusted shape: a field we rely on may be
// missing, null or of another type after any change on their side. These read
// it field by field into the types the connectors use, never trusting a cast.

export type Answer = Readonly<Record<string, unknown>>;

/** The answer as an object; anything else (array, text, null) reads as an empty one. */
export function asAnswer(json: unknown): Answer {
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Answer) : {};
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** A string or a number given as an id, as text (platforms send ids both ways). */
export const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** The value down a path of fields (`at(node, 'reactions', 'summary', 'total_count')`), undefined where one is missing. */
export function at(json: unknown, ...path: string[]): unknown {
  let v = json;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined;
    v = (v as Answer)[key];
  }
  return v;
}

/** What a refresh takes from an OAuth token endpoint's answer. */
export interface TokenAnswer {
  accessToken: string;
  /** absent when the platform keeps the old one good */
  refreshToken?: string;
}

/** The token answer, or undefined when it carries no access token (a refusal, an error page). */
export function readTokenAnswer(json: unknown): TokenAnswer | undefined {
  const answer = asAnswer(json);
  const accessToken = str(answer.access_token);
  if (!accessToken) return undefined;
  const refreshToken = str(answer.refresh_token);
  return refreshToken ? { accessToken, refreshToken } : { accessToken };
}

/** A value as text for a message: what String() gives for the scalars JSON carries, JSON for objects and lists. */
export function shown(v: unknown): string {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}
