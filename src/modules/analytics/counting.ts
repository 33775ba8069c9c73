import { bucketKey, hourOf, minuteOf, vnDay } from './calendar.ts';

// Turns a batch of accepted events into raw rows and rollup increments,
// given what is remembered of each visitor for the day. Pure: the caller
// loads the visitor states, and writes the rows and the changed states in
// one transaction, so a failed write can simply run the batch again.
//
// Definitions (as in Plausible, but counted at ingestion so that dashboards
// read small rollups instead of raw events):
// - a visitor is one salted hash for one Vietnamese day: the same person on
//   two days is two visitors, and a period's visitors are the sum of its days';
// - a visit ends after 30 minutes without a page view;
// - a bounce is a visit of a single page view;
// - a visitor counts once per day for each page, source, language and event
//   it was seen with.

export const VISIT_GAP_MS = 30 * 60_000;
/** Pages, sources and events a visitor is remembered for in a day; past this, further ones count it again. */
const MAX_SEEN = 400;

export interface CountedEvent {
  ts: number;
  portalId: number;
  visitor: string;
  name: string;
  path: string;
  lang: string;
  /** source key; undefined: a step inside the portal (keeps the visit's source) */
  source: string | undefined;
  referrer: string | null;
  device: string;
  browser: string;
  width: number | null;
  props: string | null;
  /** the link or file of an outbound or download event */
  target: string | null;
}

export interface VisitorState {
  day: string;
  visitor: string;
  portalId: number;
  /** ms of the last page view; 0 before the first one */
  lastView: number;
  visitStart: number;
  visitViews: number;
  visitSource: string;
  views: number;
  seen: Set<string>;
}

export interface Increment {
  pageviews: number;
  visitors: number;
  visits: number;
  bounces: number;
  events: number;
}

export interface RollupKey {
  portalId: number;
  dim: string;
  /** ISO minute or hour, or a YYYY-MM-DD day */
  bucket: string;
  value: string;
}

export interface Counted {
  raw: Array<{ day: string; ts: string; portal_id: number; name: string; path: string; visitor: string; source: string; referrer: string | null; device: string; browser: string; lang: string; width: number | null; props: string | null }>;
  minute: Map<string, RollupKey & Increment>;
  hourly: Map<string, RollupKey & Increment>;
  daily: Map<string, RollupKey & Increment>;
  /** states changed by the batch, to be saved */
  changed: Map<string, VisitorState>;
  pageviews: number;
}

export const stateKey = (day: string, visitor: string) => `${day}|${visitor}`;

/** 32-bit FNV-1a of a dimension value, in base 36: what a visitor's "seen" list remembers. */
export function seenHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function newState(day: string, visitor: string, portalId: number): VisitorState {
  return { day, visitor, portalId, lastView: 0, visitStart: 0, visitViews: 0, visitSource: 'direct', views: 0, seen: new Set() };
}

const zero = (): Increment => ({ pageviews: 0, visitors: 0, visits: 0, bounces: 0, events: 0 });

function bump(map: Map<string, RollupKey & Increment>, portalId: number, dim: string, bucket: string, value: string, inc: Partial<Increment>) {
  const key = `${portalId}\u0000${dim}\u0000${bucket}\u0000${value}`;
  let row = map.get(key);
  if (!row) map.set(key, (row = { portalId, dim, bucket, value, ...zero() }));
  if (inc.pageviews) row.pageviews += inc.pageviews;
  if (inc.visitors) row.visitors += inc.visitors;
  if (inc.visits) row.visits += inc.visits;
  if (inc.bounces) row.bounces += inc.bounces;
  if (inc.events) row.events += inc.events;
}

export const emptyCounted = (): Counted => ({ raw: [], minute: new Map(), hourly: new Map(), daily: new Map(), changed: new Map(), pageviews: 0 });

/**
 * Counts `events` (in the order they were accepted) against `states`
 * (keyed by stateKey; missing visitors are new today). States are updated in place.
 * Adds to `out` when given, so a large batch can be counted a slice at a time
 * (the event loop answers requests between slices) with the same result.
 */
export function count(events: CountedEvent[], states: Map<string, VisitorState>, out: Counted = emptyCounted()): Counted {
  for (const e of events) {
    const day = vnDay(e.ts);
    const key = stateKey(day, e.visitor);
    let s = states.get(key);
    if (!s) states.set(key, (s = newState(day, e.visitor, e.portalId)));
    out.changed.set(key, s);
    const minute = bucketKey(minuteOf(e.ts));
    const hour = bucketKey(hourOf(e.ts));
    const firstFor = (kind: string, value: string): number => {
      const h = seenHash(`${kind}${value}`);
      if (s.seen.has(h)) return 0;
      if (s.seen.size < MAX_SEEN) s.seen.add(h);
      return 1;
    };
    const both = (dim: string, value: string, inc: Partial<Increment>) => {
      bump(out.minute, e.portalId, dim, minute, value, inc);
      bump(out.hourly, e.portalId, dim, hour, value, inc);
      bump(out.daily, e.portalId, dim, day, value, inc);
    };

    if (e.name !== 'pageview') {
      // custom events, outbound links and downloads: counted, but they neither start nor extend a visit
      const dim = e.name === 'outbound' || e.name === 'download' ? e.name : 'event';
      const value = dim === 'event' ? e.name : (e.target ?? '');
      bump(out.minute, e.portalId, 'total', minute, '', { events: 1 });
      bump(out.hourly, e.portalId, 'total', hour, '', { events: 1 });
      bump(out.daily, e.portalId, 'total', day, '', { events: 1 });
      both(dim, value, { events: 1, visitors: firstFor(dim === 'event' ? 'e' : dim[0], value) });
      out.raw.push(rawRow(e, day, s.visitSource));
      continue;
    }

    const firstToday = s.views === 0;
    const newVisit = firstToday || e.ts - s.lastView > VISIT_GAP_MS;
    const newMinute = firstToday || minuteOf(s.lastView) !== minuteOf(e.ts);
    const newHour = firstToday || hourOf(s.lastView) !== hourOf(e.ts);
    // the second view of a visit takes back the bounce its first view counted, where it counted it
    if (!newVisit && s.visitViews === 1) {
      bump(out.minute, e.portalId, 'total', bucketKey(minuteOf(s.visitStart)), '', { bounces: -1 });
      bump(out.hourly, e.portalId, 'total', bucketKey(hourOf(s.visitStart)), '', { bounces: -1 });
      bump(out.daily, e.portalId, 'total', day, '', { bounces: -1 });
    }
    if (newVisit) {
      s.visitStart = e.ts;
      s.visitViews = 0;
      // a visit that starts from inside the portal (a tab left open) has no outside source
      s.visitSource = e.source ?? 'direct';
    }
    s.visitViews++;
    s.views++;
    s.lastView = Math.max(s.lastView, e.ts);
    const visit = newVisit ? 1 : 0;

    bump(out.minute, e.portalId, 'total', minute, '', { pageviews: 1, visitors: newMinute ? 1 : 0, visits: visit, bounces: visit });
    bump(out.hourly, e.portalId, 'total', hour, '', { pageviews: 1, visitors: newHour ? 1 : 0, visits: visit, bounces: visit });
    bump(out.daily, e.portalId, 'total', day, '', { pageviews: 1, visitors: firstToday ? 1 : 0, visits: visit, bounces: visit });
    both('page', e.path, { pageviews: 1, visitors: firstFor('p', e.path) });
    // a visit's page views count for the source it came from
    both('source', s.visitSource, { pageviews: 1, visits: visit, visitors: newVisit ? firstFor('s', s.visitSource) : 0 });
    both('lang', e.lang, { pageviews: 1, visits: visit, visitors: firstFor('l', e.lang) });
    // device and browser come from the User-Agent, which is part of the visitor hash: one per visitor
    both('device', e.device, { pageviews: 1, visits: visit, visitors: firstToday ? 1 : 0 });
    both('browser', e.browser, { pageviews: 1, visits: visit, visitors: firstToday ? 1 : 0 });
    out.pageviews++;
    out.raw.push(rawRow(e, day, s.visitSource));
  }
  return out;
}

function rawRow(e: CountedEvent, day: string, visitSource: string) {
  return {
    day,
    ts: new Date(e.ts).toISOString(),
    portal_id: e.portalId,
    name: e.name,
    path: e.path,
    visitor: e.visitor,
    source: e.source ?? visitSource,
    referrer: e.referrer,
    device: e.device,
    browser: e.browser,
    lang: e.lang,
    width: e.width,
    props: e.props,
  };
}
