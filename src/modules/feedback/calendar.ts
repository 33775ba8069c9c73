// Legal deadlines for citizen feedback, counted in *ngày làm việc* (working
// days). Pure: no I/O, no clock, no database. Callers pass the receipt instant
// and get back a calendar date in Vietnam time.
//
// Why a hand-written calendar: the deadlines that the rules set are stated in
// working days, and Vietnam's public holidays partly follow the lunar calendar
// and partly depend on yearly government decisions. So the lunar holidays are
// tabulated per year, the rest of the statutory rules are encoded, and each
// deployment can correct the result with its own extra days off and make-up
// working days.

export type IsoDate = string;

export interface HolidayCalendar {
  isHoliday(date: IsoDate): boolean;
  holidays(year: number): { date: IsoDate; name: string }[];
}

export interface Holiday {
  date: IsoDate;
  /** Vietnamese name, as shown to citizens and officers */
  name: string;
  nameEn: string;
}

/**
 * Default deadlines from the portal rules (see the shared reference notes):
 * - a question sent to the portal gets an answer, or at least a progress
 *   report, within 15 working days of receipt (ND 43/2011, Art. 17);
 * - a *phản ánh, kiến nghị* (petition about administrative regulations) that
 *   the receiving agency has no competence over is passed on to the competent
 *   one within 5 working days (ND 20/2008 as amended; QĐ 31/2021/QĐ-TTg).
 * The rules ask for these to stay configurable per agency and per kind, so
 * they are only defaults.
 */
export const DEFAULT_DEADLINES: Readonly<{ answerWorkingDays: number; forwardWorkingDays: number }> = Object.freeze({
  answerWorkingDays: 15,
  forwardWorkingDays: 5,
});

/** Vietnam has used UTC+7 without daylight saving since 1975. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// ---------------------------------------------------------------------------
// Calendar-date arithmetic on whole days since 1970-01-01 (UTC). Integers
// can't drift with time zones or DST, and ordering and distance become plain
// number comparisons.

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayOf(date: IsoDate): number {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC quietly rolls 2026-02-30 over into March, and maps years 0–99
  // to the 1900s; a round trip catches both instead of computing a wrong due date.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`no such calendar date: ${date}`);
  }
  return ms / MS_PER_DAY;
}

function isoOf(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

// The civil service works Monday to Friday.
function isWeekend(day: number): boolean {
  const wd = weekdayOf(day);
  return wd === 0 || wd === 6;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of an instant in a time zone, or a date string checked and
 * returned as is. A feedback form submitted at 01:00 in Hà Nội on the 2nd is
 * still 18:00 UTC on the 1st, and the law counts from the local date.
 */
export function toLocalIsoDate(value: Date | IsoDate, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
  // The zone is checked even when a date string makes it unnecessary, so a
  // misspelt zone in a portal's settings fails on the first call, not on the
  // first call that happens to pass a Date.
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    // throws RangeError for an unknown zone
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, fmt);
  }
  if (typeof value === 'string') {
    dayOf(value);
    return value;
  }
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError('not a valid Date');
  }
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(value)) parts[p.type] = p.value;
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
}

// ---------------------------------------------------------------------------
// Public holidays (Labour Code 2019, Art. 112, and Art. 111 for days off in lieu)

/**
 * Lunar new year's day (mùng 1 Tết) as a Gregorian date. The Vietnamese lunar
 * calendar is reckoned at UTC+7, so it can differ from China's by a day: in
 * 2030 the new moon falls at about 23:08 Vietnam time on 2 February, which is
 * already 3 February in Beijing. Vietnam's Tết that year is 2 February.
 */
const LUNAR_NEW_YEAR: Readonly<Record<number, IsoDate>> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
};

/** 10th day of the 3rd lunar month. */
const HUNG_KINGS_DAY: Readonly<Record<number, IsoDate>> = {
  2024: '2024-04-18',
  2025: '2025-04-07',
  2026: '2026-04-26',
  2027: '2027-04-16',
  2028: '2028-04-04',
  2029: '2029-04-23',
  2030: '2030-04-12',
};

/**
 * Years whose lunar holidays are in the tables above. For other years
 * `vietnamHolidays` returns only the fixed solar-calendar holidays. A deadline
 * that crosses Tết in such a year comes out too early unless the deployment
 * lists those days in `extraHolidays`. Extend the tables rather than guess.
 */
export const KNOWN_LUNAR_YEARS: readonly number[] = Object.freeze(
  Object.keys(LUNAR_NEW_YEAR)
    .map(Number)
    .filter((y) => y in HUNG_KINGS_DAY)
    .sort((a, b) => a - b),
);

/**
 * Statutory days for one year, before days in lieu. Where the law leaves a
 * choice to a yearly government decision, this takes a fixed default, and
 * the decision of the year goes in through `WorkingCalendar`'s options:
 *
 * - *Tết Nguyên Đán* (Lunar New Year): the law gives 5 days and the
 *   government fixes the span each year. The default is the customary span:
 *   the last day of the old lunar year plus the first four days of the new one.
 * - *Quốc khánh* (National Day): 2 September plus one neighbouring day, before
 *   or after. The default neighbour is 1 September. If it falls on a Sunday
 *   (when 2 September is a Monday), the day-in-lieu rule pushes the day off
 *   to 3 September.
 */
function statutoryHolidays(year: number): Holiday[] {
  const d = (mmdd: string) => `${String(year).padStart(4, '0')}-${mmdd}`;
  const list: Holiday[] = [
    { date: d('01-01'), name: 'Tết Dương lịch', nameEn: "New Year's Day" },
    { date: d('04-30'), name: 'Ngày Giải phóng miền Nam, thống nhất đất nước', nameEn: 'Reunification Day' },
    { date: d('05-01'), name: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day' },
    { date: d('09-01'), name: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)' },
    { date: d('09-02'), name: 'Quốc khánh', nameEn: 'National Day' },
  ];
  const tet = LUNAR_NEW_YEAR[year];
  if (tet) {
    const first = dayOf(tet);
    list.push({
      date: isoOf(first - 1),
      name: 'Tết Nguyên Đán (ngày cuối năm âm lịch)',
      nameEn: 'Lunar New Year (last day of the old year)',
    });
    for (let i = 0; i < 4; i++) {
      list.push({
        date: isoOf(first + i),
        name: `Tết Nguyên Đán (mùng ${i + 1})`,
        nameEn: `Lunar New Year (day ${i + 1})`,
      });
    }
  }
  const hung = HUNG_KINGS_DAY[year];
  if (hung) list.push({ date: hung, name: 'Giỗ Tổ Hùng Vương', nameEn: "Hùng Kings' Commemoration Day" });
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Vietnam's public holidays for a year, with the days in lieu they cause.
 * For years outside `KNOWN_LUNAR_YEARS`, only the solar-calendar holidays
 * (1 Jan, 30 Apr, 1 May, 1–2 Sep) and their days in lieu are returned.
 *
 * Days in lieu (*nghỉ bù*): a holiday that falls on a Saturday or Sunday
 * gives a day off on the next weekday that is not already a holiday or
 * another day in lieu. Holidays are handled in date order, so Tết on a
 * weekend pushes its days in lieu past the end of the Tết span.
 */
export function vietnamHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year out of range: ${year}`);
  }
  const statutory = statutoryHolidays(year);
  const taken = new Set(statutory.map((h) => dayOf(h.date)));
  const inLieu: Holiday[] = [];
  for (const h of statutory) {
    const day = dayOf(h.date);
    if (!isWeekend(day)) continue;
    let off = day + 1;
    while (isWeekend(off) || taken.has(off)) off++;
    taken.add(off);
    inLieu.push({ date: isoOf(off), name: `Nghỉ bù ${h.name}`, nameEn: `Compensatory day off for ${h.nameEn}` });
  }
  return [...statutory, ...inLieu].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// ---------------------------------------------------------------------------

export interface WorkingCalendarOptions {
  /** Extra days off for this deployment, e.g. a day the government declares off for a Tết or National Day arrangement. */
  extraHolidays?: readonly IsoDate[];
  /**
   * Days that are worked although they would otherwise be off. Usually a
   * make-up Saturday. Also a statutory default to cancel, e.g. 1 September
   * in a year when the government picks 3 September instead. These win over
   * everything else.
   */
  extraWorkingDays?: readonly IsoDate[];
}

const EXTRA_HOLIDAY_NAME = 'Ngày nghỉ theo quyết định'; // "day off by decision"

export class WorkingCalendar implements HolidayCalendar {
  private readonly extraHolidays: ReadonlySet<number>;
  private readonly extraWorkingDays: ReadonlySet<number>;
  /** statutory holidays and days in lieu, by day number, filled one year at a time */
  private readonly statutory = new Map<number, string>();
  private readonly loadedYears = new Set<number>();

  constructor(options: WorkingCalendarOptions = {}) {
    this.extraHolidays = new Set((options.extraHolidays ?? []).map(dayOf));
    this.extraWorkingDays = new Set((options.extraWorkingDays ?? []).map(dayOf));
    for (const day of this.extraHolidays) {
      if (this.extraWorkingDays.has(day)) {
        // a date in both lists is a configuration mistake, and any choice would hide it
        throw new RangeError(`${isoOf(day)} is listed both as an extra holiday and as an extra working day`);
      }
    }
  }

  isHoliday(date: IsoDate): boolean {
    return this.isOff(dayOf(date));
  }

  holidays(year: number): { date: IsoDate; name: string }[] {
    const byDay = new Map<number, string>();
    for (const h of vietnamHolidays(year)) byDay.set(dayOf(h.date), h.name);
    for (const day of this.extraHolidays) {
      if (yearOf(day) === year && !byDay.has(day)) byDay.set(day, EXTRA_HOLIDAY_NAME);
    }
    for (const day of this.extraWorkingDays) byDay.delete(day);
    return [...byDay.entries()].sort(([a], [b]) => a - b).map(([day, name]) => ({ date: isoOf(day), name }));
  }

  /** A date string, or an instant read as a calendar date in `timeZone`. */
  isWorkingDay(date: Date | IsoDate, timeZone: string = DEFAULT_TIME_ZONE): boolean {
    return this.isWorking(dayOf(toLocalIsoDate(date, timeZone)));
  }

  /**
   * Due date for something received at `start` that must be handled within
   * `n` working days. The day of receipt does not count. Day 1 is the first
   * working day after it. Receipt on a weekend or holiday therefore counts
   * from the next working day, the same as receipt on the working day before
   * it. `n = 0` returns the receipt date itself.
   */
  addWorkingDays(start: Date | IsoDate, n: number, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
    checkCount(n, 'n');
    let day = dayOf(toLocalIsoDate(start, timeZone));
    for (let left = n; left > 0;) {
      day++;
      if (this.isWorking(day)) left--;
    }
    return isoOf(day);
  }

  /**
   * Working days after `a`, up to and including `b`. This is the inverse of
   * `addWorkingDays`: `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   * Negative when `b` is before `a`.
   */
  workingDaysBetween(a: Date | IsoDate, b: Date | IsoDate, timeZone: string = DEFAULT_TIME_ZONE): number {
    const from = dayOf(toLocalIsoDate(a, timeZone));
    const to = dayOf(toLocalIsoDate(b, timeZone));
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.isWorking(day)) count++;
    return count === 0 ? 0 : sign * count; // never -0
  }

  /** First working day strictly after `date`. */
  nextWorkingDay(date: Date | IsoDate, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
    return this.addWorkingDays(date, 1, timeZone);
  }

  /**
   * The working day that lies `daysBefore` working days before `due`, so
   * that `workingDaysBetween(reminder, due) === daysBefore` when `due` is a
   * working day (as every `addWorkingDays` result with n ≥ 1 is). Counting
   * in working days means a reminder two days before a deadline just after
   * Tết goes out before Tết.
   */
  reminderDate(due: IsoDate, daysBefore = 2): IsoDate {
    checkCount(daysBefore, 'daysBefore');
    let day = dayOf(due);
    for (let left = daysBefore; left > 0;) {
      day--;
      if (this.isWorking(day)) left--;
    }
    return isoOf(day);
  }

  private isWorking(day: number): boolean {
    if (this.extraWorkingDays.has(day)) return true;
    return !isWeekend(day) && !this.isOff(day);
  }

  private isOff(day: number): boolean {
    if (this.extraWorkingDays.has(day)) return false;
    if (this.extraHolidays.has(day)) return true;
    const year = yearOf(day);
    // also the year before, in case a day in lieu ever spills over New Year
    this.load(year - 1);
    this.load(year);
    return this.statutory.has(day);
  }

  private load(year: number): void {
    if (this.loadedYears.has(year) || year < 1000 || year > 9999) return;
    for (const h of vietnamHolidays(year)) this.statutory.set(dayOf(h.date), h.name);
    this.loadedYears.add(year);
  }
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}
