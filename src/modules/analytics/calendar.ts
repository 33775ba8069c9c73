// Time buckets of the analytics. Days are Vietnamese days (Asia/Ho_Chi_Minh,
// UTC+7 all year, no daylight saving): a portal's "today" and the visitor
// salt both turn over at midnight in Hà Nội, not at midnight UTC. Hours and
// minutes are plain UTC buckets, which line up with Vietnamese hours because
// the offset is a whole number of hours.

export const VN_OFFSET_MS = 7 * 3600_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3600_000;
export const DAY_MS = 86_400_000;

let lastDay = { from: 0, to: -1, day: '' };

/** The Vietnamese calendar day of an instant, as YYYY-MM-DD. */
export function vnDay(ms: number): string {
  // asked several times for every event, nearly always about the same day
  if (ms >= lastDay.from && ms < lastDay.to) return lastDay.day;
  const day = new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
  const from = Date.parse(`${day}T00:00:00.000Z`) - VN_OFFSET_MS;
  lastDay = { from, to: from + DAY_MS, day };
  return day;
}

/** The instant a Vietnamese day starts (00:00 in Hà Nội). */
export function vnDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - VN_OFFSET_MS;
}

export const addDays = (day: string, n: number): string => vnDay(vnDayStart(day) + n * DAY_MS);

/** Whole days from `from` to `to` (0 when equal). */
export const daysBetween = (from: string, to: string): number => Math.round((vnDayStart(to) - vnDayStart(from)) / DAY_MS);

export const minuteOf = (ms: number): number => ms - (ms % MINUTE_MS);
export const hourOf = (ms: number): number => ms - (ms % HOUR_MS);

/** Bucket keys as stored: ISO 8601 UTC text, like every timestamp of the store. */
export const bucketKey = (ms: number): string => new Date(ms).toISOString();

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not). */
export function isDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
