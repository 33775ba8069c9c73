import { seededRandom } from '../src/lib/random.ts';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DEADLINES, KNOWN_LUNAR_YEARS, WorkingCalendar, toLocalIsoDate, vietnamHolidays } from '../src/modules/feedback/calendar.ts';

// Expected dates below are written out by hand (weekdays checked against a
// calendar), not derived from the module, so a change in the rules shows up here.

const cal = new WorkingCalendar();
const dates = (year: number) => vietnamHolidays(year).map((h) => h.date);

describe('defaults from the portal rules', () => {
  it('answer within 15 working days, forward within 5', () => {
    assert.deepEqual({ ...DEFAULT_DEADLINES }, { answerWorkingDays: 15, forwardWorkingDays: 5 });
  });
});

describe('vietnamHolidays', () => {
  it('2026 in full: Tết 16–20 Feb, Hùng Kings on a Sunday with Monday off', () => {
    assert.deepEqual(dates(2026), ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']);
    const inLieu = vietnamHolidays(2026).find((h) => h.date === '2026-04-27');
    assert.equal(inLieu?.name, 'Nghỉ bù Giỗ Tổ Hùng Vương');
    assert.match(inLieu?.nameEn ?? '', /Compensatory day off for Hùng Kings/);
  });

  it('2027: Tết starting on Saturday gives two days off after the span, 1 May on Saturday gives Monday', () => {
    assert.deepEqual(dates(2027), ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-04-16', '2027-04-30', '2027-05-01', '2027-05-03', '2027-09-01', '2027-09-02']);
  });

  it('2028: New Year on Saturday; 30 Apr on Sunday skips the 1 May holiday to Tuesday', () => {
    const d = dates(2028);
    for (const day of ['2028-01-01', '2028-01-03', '2028-04-30', '2028-05-01', '2028-05-02']) assert.ok(d.includes(day), day);
    // Tết 2028: 25–29 Jan, the 29th a Saturday, day in lieu on Monday 31 Jan
    for (const day of ['2028-01-25', '2028-01-29', '2028-01-31']) assert.ok(d.includes(day), day);
    assert.ok(!d.includes('2028-01-30'));
  });

  it('2029: 1 and 2 Sep on a weekend give 3 and 4 Sep off', () => {
    const d = dates(2029);
    for (const day of ['2029-09-01', '2029-09-02', '2029-09-03', '2029-09-04']) assert.ok(d.includes(day), day);
  });

  it('Tết 2030 is 2 Feb in Vietnam (new moon before midnight at UTC+7)', () => {
    const d = dates(2030);
    for (const day of ['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07']) {
      assert.ok(d.includes(day), day);
    }
    assert.equal(vietnamHolidays(2030).find((h) => h.date === '2030-02-02')?.nameEn, 'Lunar New Year (day 1)');
  });

  it('every known year has a 5-day Tết span and a Hùng Kings day; lunar tables cover 2024–2030', () => {
    assert.deepEqual([...KNOWN_LUNAR_YEARS], [2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    const newYear: Record<number, string> = {
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2029: '2029-02-13',
      2030: '2030-02-02',
    };
    const hung: Record<number, string> = {
      2024: '2024-04-18',
      2025: '2025-04-07',
      2026: '2026-04-26',
      2027: '2027-04-16',
      2028: '2028-04-04',
      2029: '2029-04-23',
      2030: '2030-04-12',
    };
    for (const year of KNOWN_LUNAR_YEARS) {
      const list = vietnamHolidays(year);
      const tet = list.filter((h) => h.name.startsWith('Tết Nguyên Đán'));
      assert.equal(tet.length, 5, `Tết ${year}`);
      assert.equal(tet[1].date, newYear[year], `lunar new year ${year}`);
      assert.ok(
        list.some((h) => h.date === hung[year] && h.name === 'Giỗ Tổ Hùng Vương'),
        `Hùng Kings ${year}`,
      );
      for (const h of list) assert.ok(h.date.startsWith(`${year}-`) && h.name && h.nameEn);
    }
  });

  it('outside the lunar tables, only the solar holidays (and their days in lieu)', () => {
    const list = vietnamHolidays(2031);
    assert.ok(!list.some((h) => /Tết Nguyên Đán|Hùng/.test(h.name)));
    assert.deepEqual(
      list.filter((h) => !h.name.startsWith('Nghỉ bù')).map((h) => h.date),
      ['2031-01-01', '2031-04-30', '2031-05-01', '2031-09-01', '2031-09-02'],
    );
    assert.throws(() => vietnamHolidays(2026.5), RangeError);
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('receipt on a Friday: day 1 is Monday', () => {
    assert.equal(cal.addWorkingDays('2026-03-06', 1), '2026-03-09');
    assert.equal(cal.addWorkingDays('2026-03-06', 5), '2026-03-13');
    assert.equal(cal.addWorkingDays('2026-03-06', DEFAULT_DEADLINES.answerWorkingDays), '2026-03-27');
    assert.equal(cal.addWorkingDays('2026-03-06', 0), '2026-03-06');
  });

  it('receipt on a Saturday or Sunday counts from the next working day', () => {
    for (const received of ['2026-03-07', '2026-03-08']) {
      assert.equal(cal.addWorkingDays(received, 1), '2026-03-09');
      assert.equal(cal.addWorkingDays(received, 15), '2026-03-27');
    }
  });

  it('crossing Tết 2026 skips the whole span 16–20 Feb', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      assert.equal(cal.isWorkingDay(day), false, day);
      assert.equal(cal.isHoliday(day), true, day);
    }
    assert.equal(cal.addWorkingDays('2026-02-12', 5), '2026-02-26');
    assert.equal(cal.addWorkingDays('2026-02-13', 1), '2026-02-23');
    assert.equal(cal.addWorkingDays('2026-02-13', 15), '2026-03-13');
    // receipt in the middle of Tết counts from the first day back
    assert.equal(cal.addWorkingDays('2026-02-18', 1), '2026-02-23');
  });

  it('crossing 30 Apr – 1 May, and the Hùng Kings day in lieu', () => {
    assert.equal(cal.addWorkingDays('2026-04-28', 3), '2026-05-05');
    assert.equal(cal.addWorkingDays('2026-04-24', 1), '2026-04-28'); // Mon 27 Apr is the day in lieu
    assert.equal(cal.addWorkingDays('2026-04-24', 3), '2026-05-04');
  });

  it('crossing National Day 2026 (1–2 Sep)', () => {
    assert.equal(cal.addWorkingDays('2026-08-31', 1), '2026-09-03');
    assert.equal(cal.addWorkingDays('2026-08-31', 2), '2026-09-04');
    assert.equal(cal.addWorkingDays('2026-08-28', 5), '2026-09-08'); // 31 Aug, 3, 4, 7, 8 Sep
  });

  it('crossing the year end 2026 → 2027, skipping 1 Jan', () => {
    assert.equal(cal.addWorkingDays('2026-12-30', 3), '2027-01-05');
    assert.equal(cal.addWorkingDays('2026-12-30', 15), '2027-01-21');
    assert.equal(cal.addWorkingDays('2026-12-31', 1), '2027-01-04');
    assert.equal(cal.workingDaysBetween('2026-12-30', '2027-01-05'), 3);
    assert.equal(cal.workingDaysBetween('2027-01-05', '2026-12-30'), -3);
  });

  it('an instant is read as a date in Vietnam time (UTC+7)', () => {
    assert.equal(toLocalIsoDate(new Date('2026-01-01T18:00:00Z')), '2026-01-02');
    assert.equal(toLocalIsoDate(new Date('2026-01-01T16:59:59Z')), '2026-01-01');
    // 01:00 on Friday 2 Jan in Hà Nội: counting starts on Monday
    assert.equal(cal.addWorkingDays(new Date('2026-01-01T18:00:00Z'), 1), '2026-01-05');
    // 23:59 on New Year's Day (a holiday): Friday 2 Jan is day 1
    assert.equal(cal.addWorkingDays(new Date('2026-01-01T16:59:59Z'), 1), '2026-01-02');
    // another zone can be asked for explicitly
    assert.equal(cal.addWorkingDays(new Date('2026-01-01T18:00:00Z'), 1, 'UTC'), '2026-01-02');
    assert.equal(cal.isWorkingDay(new Date('2026-01-01T18:00:00Z')), true);
  });

  it('rejects bad input rather than guessing', () => {
    assert.throws(() => cal.addWorkingDays('2026-02-30', 1), RangeError);
    assert.throws(() => cal.addWorkingDays('2026/03/06', 1), RangeError);
    assert.throws(() => cal.addWorkingDays('2026-03-06T10:00:00Z', 1), RangeError);
    assert.throws(() => cal.addWorkingDays(new Date('nonsense'), 1), RangeError);
    assert.throws(() => cal.addWorkingDays('2026-03-06', -1), RangeError);
    assert.throws(() => cal.addWorkingDays('2026-03-06', 1.5), RangeError);
    assert.throws(() => cal.addWorkingDays('2026-03-06', 1, 'Mars/Olympus_Mons'), RangeError);
  });
});

describe('WorkingCalendar helpers', () => {
  it('nextWorkingDay is strictly after the date', () => {
    assert.equal(cal.nextWorkingDay('2026-03-09'), '2026-03-10');
    assert.equal(cal.nextWorkingDay('2026-03-06'), '2026-03-09');
    assert.equal(cal.nextWorkingDay('2026-02-14'), '2026-02-23');
  });

  it('workingDaysBetween counts after a, up to and including b', () => {
    assert.equal(cal.workingDaysBetween('2026-03-06', '2026-03-06'), 0);
    assert.equal(cal.workingDaysBetween('2026-03-06', '2026-03-08'), 0);
    assert.equal(cal.workingDaysBetween('2026-03-06', '2026-03-09'), 1);
    assert.equal(cal.workingDaysBetween('2026-02-13', '2026-02-23'), 1);
    assert.equal(cal.workingDaysBetween('2026-02-23', '2026-02-13'), -1);
  });

  it('reminderDate steps back over weekends and Tết', () => {
    assert.equal(cal.reminderDate('2026-02-26'), '2026-02-24');
    assert.equal(cal.reminderDate('2026-02-23'), '2026-02-12');
    assert.equal(cal.reminderDate('2026-03-09', 1), '2026-03-06');
    assert.equal(cal.reminderDate('2026-03-09', 0), '2026-03-09');
    assert.throws(() => cal.reminderDate('2026-03-09', -2), RangeError);
  });

  it('holidays(year) lists the statutory days', () => {
    assert.deepEqual(
      cal.holidays(2026).map((h) => h.date),
      dates(2026),
    );
  });
});

describe('per-deployment extra holidays and working days', () => {
  it('an extra day off and a make-up Saturday', () => {
    const c = new WorkingCalendar({ extraHolidays: ['2026-03-09'], extraWorkingDays: ['2026-03-14'] });
    assert.equal(c.isWorkingDay('2026-03-09'), false);
    assert.equal(c.isHoliday('2026-03-09'), true);
    assert.equal(c.isWorkingDay('2026-03-14'), true);
    assert.equal(c.addWorkingDays('2026-03-06', 5), '2026-03-14');
    assert.equal(c.addWorkingDays('2026-03-06', 6), '2026-03-16');
    assert.equal(c.workingDaysBetween('2026-03-06', '2026-03-16'), 6);
    assert.ok(c.holidays(2026).some((h) => h.date === '2026-03-09' && h.name === 'Ngày nghỉ theo quyết định'));
    // the defaults are untouched
    assert.equal(cal.addWorkingDays('2026-03-06', 5), '2026-03-13');
  });

  it('moving the National Day neighbour from 1 Sep to 3 Sep', () => {
    const c = new WorkingCalendar({ extraHolidays: ['2026-09-03'], extraWorkingDays: ['2026-09-01'] });
    assert.equal(c.isWorkingDay('2026-09-01'), true);
    assert.equal(c.isHoliday('2026-09-01'), false);
    assert.equal(c.isWorkingDay('2026-09-03'), false);
    assert.equal(c.addWorkingDays('2026-08-31', 1), '2026-09-01');
    assert.equal(c.addWorkingDays('2026-08-31', 2), '2026-09-04');
    const sep = c
      .holidays(2026)
      .filter((h) => h.date.startsWith('2026-09'))
      .map((h) => h.date);
    assert.deepEqual(sep, ['2026-09-02', '2026-09-03']);
  });

  it('refuses a date in both lists and malformed dates', () => {
    assert.throws(() => new WorkingCalendar({ extraHolidays: ['2026-03-09'], extraWorkingDays: ['2026-03-09'] }), RangeError);
    assert.throws(() => new WorkingCalendar({ extraHolidays: ['9/3/2026'] }), RangeError);
  });
});

// ---------------------------------------------------------------------------
// Properties over random receipts, with a seeded generator so a failure is
// reproducible. Weekends and local dates are worked out here independently of
// the module (plain UTC arithmetic, +7 h for Vietnam).

const mulberry32 = seededRandom;

const HOUR = 3_600_000;
const vnDate = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);
const isWeekendIso = (iso: string) => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());

describe('properties (2,000 seeded random receipts, 2024–2030, n in 0..40)', () => {
  const listed = new Set<string>();
  for (let y = 2024; y <= 2031; y++) for (const h of vietnamHolidays(y)) listed.add(h.date);

  function check(calendar: WorkingCalendar, extraOff: ReadonlySet<string>, seed: number) {
    const rand = mulberry32(seed);
    const from = Date.UTC(2024, 0, 1) - 7 * HOUR;
    const to = Date.UTC(2031, 0, 1) - 7 * HOUR;
    for (let i = 0; i < 2000; i++) {
      const ms = from + Math.floor(rand() * (to - from));
      const local = vnDate(ms);
      const start = rand() < 0.5 ? new Date(ms) : local;
      const n = Math.floor(rand() * 41);
      const due = calendar.addWorkingDays(start, n);
      const ctx = `start=${start instanceof Date ? start.toISOString() : start} n=${n} due=${due}`;

      assert.match(due, /^\d{4}-\d{2}-\d{2}$/, ctx);
      assert.equal(calendar.workingDaysBetween(local, due), n, ctx);
      assert.equal(calendar.workingDaysBetween(due, local), 0 - n, ctx);
      if (n === 0) {
        assert.equal(due, local, ctx);
      } else {
        assert.ok(due > local, `strictly after: ${ctx}`);
        assert.ok(calendar.isWorkingDay(due), `working day: ${ctx}`);
        assert.ok(!isWeekendIso(due), `weekend: ${ctx}`);
        assert.ok(!listed.has(due) && !extraOff.has(due), `holiday: ${ctx}`);
        // the day before the due date is never past the count
        assert.equal(calendar.reminderDate(due, 1) < due, true, ctx);
        assert.equal(calendar.workingDaysBetween(calendar.reminderDate(due, Math.min(n, 3)), due), Math.min(n, 3), ctx);
      }
      // monotonic: one more working day is strictly later; fewer is never later
      assert.ok(calendar.addWorkingDays(start, n + 1) > due, `monotonic: ${ctx}`);
      const m = Math.floor(rand() * (n + 1));
      assert.ok(calendar.addWorkingDays(start, m) <= due, `monotonic m=${m}: ${ctx}`);
    }
  }

  it('statutory calendar', () => {
    check(cal, new Set(), 20260217);
  });

  it('with extra days off', () => {
    const rand = mulberry32(42);
    const extra = new Set<string>();
    for (let i = 0; i < 60; i++) extra.add(vnDate(Date.UTC(2024, 0, 1) + Math.floor(rand() * 7 * 365) * 24 * HOUR));
    check(new WorkingCalendar({ extraHolidays: [...extra] }), extra, 7);
  });
});

// ---------------------------------------------------------------------------
// Due dates against an independent oracle, where deadlines go wrong most:
// around weekends, across each tabulated Tết, and across year ends. The
// oracle walks the calendar one day at a time with its own weekday rule and
// the holiday list (which the hand-written years above pin down), so the
// module's day arithmetic, its receipt-date rule (a receipt on a day off
// counts from the next working day) and its Vietnam-time reading are all
// checked from outside.

function oracleDue(receivedLocal: string, n: number, offDays: ReadonlySet<string>): string {
  let day = receivedLocal;
  const next = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
  for (let counted = 0; counted < n;) {
    day = next(day);
    if (!isWeekendIso(day) && !offDays.has(day)) counted++;
  }
  return day;
}

describe('due dates against a day-by-day oracle (weekends, Tết, year ends)', () => {
  const off = new Set<string>();
  for (let y = 2023; y <= 2031; y++) for (const h of vietnamHolidays(y)) off.add(h.date);
  const localMidnightUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`) - 7 * HOUR;
  const addDays = (iso: string, d: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + d * 24 * HOUR).toISOString().slice(0, 10);

  function checkWindow(from: string, days: number, seed: number, label: string) {
    const rand = mulberry32(seed);
    for (let i = 0; i < days; i++) {
      const local = addDays(from, i);
      // three instants of that local day: just after midnight, midday, just before midnight (Vietnam time)
      for (const offsetMs of [0, 12 * HOUR, 24 * HOUR - 1000]) {
        const instant = new Date(localMidnightUtc(local) + offsetMs);
        assert.equal(toLocalIsoDate(instant), local, `${label}: ${instant.toISOString()} is ${local} in Vietnam`);
        const n = Math.floor(rand() * 26);
        const due = cal.addWorkingDays(instant, n);
        assert.equal(due, oracleDue(local, n, off), `${label}: received ${instant.toISOString()} (${local}), n=${n}`);
      }
      assert.equal(cal.addWorkingDays(local, DEFAULT_DEADLINES.answerWorkingDays), oracleDue(local, DEFAULT_DEADLINES.answerWorkingDays, off), `${label}: ${local} + 15`);
      assert.equal(cal.addWorkingDays(local, DEFAULT_DEADLINES.forwardWorkingDays), oracleDue(local, DEFAULT_DEADLINES.forwardWorkingDays, off), `${label}: ${local} + 5`);
    }
  }

  it('every receipt day of each tabulated Tết, from two weeks before to a week after', () => {
    for (const year of KNOWN_LUNAR_YEARS) {
      const tet = vietnamHolidays(year)
        .filter((h) => h.name.startsWith('Tết Nguyên Đán'))
        .map((h) => h.date)
        .sort();
      assert.equal(tet.length, 5, `${year}: five days of Tết`);
      checkWindow(addDays(tet[0], -14), 14 + 5 + 7, year, `Tết ${year}`);
      // a deadline that starts before Tết and ends after it is longer, in calendar days, by at least the Tết days on weekdays
      const before = addDays(tet[0], -1);
      const weekdaysOff = tet.filter((d) => !isWeekendIso(d)).length;
      const plain = (Date.parse(`${cal.addWorkingDays(before, 10)}T00:00:00Z`) - Date.parse(`${before}T00:00:00Z`)) / (24 * HOUR);
      assert.ok(plain >= 14 + weekdaysOff, `Tết ${year}: 10 working days from ${before} span ${plain} calendar days`);
    }
  });

  it('every receipt day across each year end from 2023/24 to 2030/31, at midnight edges in Vietnam time', () => {
    for (let y = 2023; y <= 2030; y++) {
      checkWindow(`${y}-12-15`, 31, y * 7, `year end ${y}`);
      // 31 Dec 23:59:59 in Hà Nội is still the old year; one second later is 1 Jan, a holiday
      const lastSecond = new Date(localMidnightUtc(`${y + 1}-01-01`) - 1000);
      const firstSecond = new Date(localMidnightUtc(`${y + 1}-01-01`));
      assert.equal(toLocalIsoDate(lastSecond), `${y}-12-31`);
      assert.equal(toLocalIsoDate(firstSecond), `${y + 1}-01-01`);
      assert.equal(cal.isWorkingDay(`${y + 1}-01-01`), false, `1 Jan ${y + 1} is a day off`);
      assert.equal(cal.addWorkingDays(firstSecond, 1), oracleDue(`${y + 1}-01-01`, 1, off));
      assert.ok(cal.addWorkingDays(firstSecond, 1) !== `${y + 1}-01-01`);
    }
  });

  it('weekends: a receipt on Friday evening, Saturday or Sunday gives the same due date as Monday morning’s, less nothing', () => {
    const rand = mulberry32(99);
    for (let i = 0; i < 300; i++) {
      // a random Monday between 2024 and 2030
      let monday = addDays('2024-01-01', Math.floor(rand() * 7 * 360));
      while (new Date(`${monday}T00:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
      const n = 1 + Math.floor(rand() * 20);
      const sat = cal.addWorkingDays(addDays(monday, -2), n);
      const sun = cal.addWorkingDays(new Date(localMidnightUtc(addDays(monday, -1)) + 23 * HOUR), n);
      assert.equal(sat, sun, `weekend days count alike (${monday}, n=${n})`);
      // from the weekend, day 1 is the first working day from Monday on
      assert.equal(sat, oracleDue(addDays(monday, -2), n, off), `Saturday before ${monday}, n=${n}`);
      // Friday's receipt counts Friday as day 0: its due date is never later than the weekend's
      const fri = cal.addWorkingDays(addDays(monday, -3), n);
      assert.ok(fri <= sat, `Friday ${addDays(monday, -3)} → ${fri}, weekend → ${sat}`);
      assert.ok(!isWeekendIso(sat) && !off.has(sat));
    }
  });
});
