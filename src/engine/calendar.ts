/**
 * Calendar arithmetic for the policy's working hours and for election periods.
 *
 * Pure: it uses only `Intl` for time zones, so it runs in Outlook's JavaScript-only runtime.
 * Dates are ISO strings (YYYY-MM-DD) so that they compare as strings and never carry a time zone;
 * instants are `Date`s. Every wall-clock question ("is it 08:00 yet in London?") goes through
 * `zonedParts`, so British Summer Time needs no special cases.
 */
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, NORTHERN_IRELAND_BANK_HOLIDAYS, SCOTLAND_BANK_HOLIDAYS } from './bank-holidays.generated.ts';
import type { ElectionType, Nation, ResolvedPolicy } from './policy.ts';

/** Shared between callers (zonedParts keeps recent answers): read-only. */
export interface ZonedParts {
  /** YYYY-MM-DD in the time zone. */
  readonly isoDate: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

export type WorkingCalendar = Pick<ResolvedPolicy, 'workingHours' | 'nonWorkingDays'>;

const DAY_MS = 86_400_000;

// ---- Plain dates ----

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoFromUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utcFromIso(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`expected a date as YYYY-MM-DD, got "${isoDate}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** True for a real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return isoFromUtc(utcFromIso(text)) === text;
}

/**
 * @summary Add (or, with a negative count, subtract) calendar days to an ISO date.
 * @example addDays('2027-03-31', 1) // '2027-04-01'
 */
export function addDays(isoDate: string, days: number): string {
  return isoFromUtc(utcFromIso(isoDate) + days * DAY_MS);
}

/** ISO weekday of an ISO date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(isoDate: string): number {
  const js = new Date(utcFromIso(isoDate)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// ---- Time zones ----

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `Intl` knows the IANA time zone name ("Europe/London"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * @summary The wall-clock date and time of an instant in a time zone.
 * @example zonedParts(new Date('2027-07-01T09:30:00Z'), 'Europe/London') // { isoDate: '2027-07-01', hour: 10, minute: 30, weekday: 4, … }
 */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  // A check asks about the same instant several times (working hours, the period, bank holidays).
  const key = `${timeZone} ${instant.getTime()}`;
  const known = recentParts.get(key);
  if (known) return known;
  if (recentParts.size >= 64) recentParts.clear();
  const parts = computeZonedParts(instant, timeZone);
  recentParts.set(key, parts);
  return parts;
}

const recentParts = new Map<string, ZonedParts>();

function computeZonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    isoDate: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    year,
    month,
    day,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? weekdayOf(`${pad(year, 4)}-${pad(month)}-${pad(day)}`),
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (London in summer: +3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  // Compared to the minute: every zone in use today is offset by whole minutes.
  const p = zonedParts(new Date(ms), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000;
}

/**
 * @summary The instant at which the wall clock in `timeZone` shows `isoDate` `hh:mm`.
 * Clock changes are handled like Temporal's "compatible" choice: a time the clocks skip
 * (01:30 on the day London springs forward) is read with the offset before the change, so it
 * lands as far after the gap as it was into it (02:30 BST); a repeated time maps to its first
 * occurrence.
 */
export function zonedTimeToInstant(isoDate: string, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const wall = utcFromIso(isoDate) + (h * 60 + m) * 60_000;
  // The offsets a day either side bracket any clock change on this date.
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const shows = (ms: number) => {
    const p = zonedParts(new Date(ms), timeZone);
    return p.isoDate === isoDate && p.hour === h && p.minute === m;
  };
  const valid = [before, after].filter(shows);
  return new Date(valid.length ? Math.min(...valid) : before);
}

/** The calendar date in London of an instant: the date English election law counts in. */
export function londonDate(instant: Date): string {
  return zonedParts(instant, 'Europe/London').isoDate;
}

// ---- Working days and hours ----

const nonWorkingSets = new WeakMap<readonly string[], Set<string>>();

function nonWorkingSet(days: readonly string[]): Set<string> {
  let set = nonWorkingSets.get(days);
  if (!set) {
    set = new Set(days);
    nonWorkingSets.set(days, set);
  }
  return set;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** True when the date is one of the policy's working days and not a bank holiday or other non-working day. */
export function isWorkingDay(isoDate: string, policy: WorkingCalendar): boolean {
  return policy.workingHours.days.includes(weekdayOf(isoDate)) && !nonWorkingSet(policy.nonWorkingDays).has(isoDate);
}

/** True when the instant falls on a working day, at or after the start time and before the end time, in the policy's zone. */
export function isWithinWorkingHours(instant: Date, policy: WorkingCalendar): boolean {
  const { workingHours } = policy;
  const p = zonedParts(instant, workingHours.timeZone);
  if (!isWorkingDay(p.isoDate, policy)) return false;
  const minute = p.hour * 60 + p.minute;
  return minute >= minutesOf(workingHours.start) && minute < minutesOf(workingHours.end);
}

/**
 * @summary The next moment working hours start, strictly after `instant` unless `instant` is that moment.
 * Weekends and non-working days are skipped; the start time is read on the wall clock of the
 * policy's zone, so 08:00 stays 08:00 across a clock change.
 * @example nextWorkingStart(new Date('2027-03-27T10:00:00Z'), policy) // Monday 2027-03-29 is Easter Monday, so 2027-03-30T07:00:00Z (08:00 BST)
 */
export function nextWorkingStart(instant: Date, policy: WorkingCalendar): Date {
  const { workingHours } = policy;
  let date = zonedParts(instant, workingHours.timeZone).isoDate;
  // A policy with no working days would loop for ever: give up after ten years.
  for (let i = 0; i < 3660; i++, date = addDays(date, 1)) {
    if (!isWorkingDay(date, policy)) continue;
    const start = zonedTimeToInstant(date, workingHours.start, workingHours.timeZone);
    if (start.getTime() >= instant.getTime()) return start;
  }
  throw new RangeError('the working hours name no working day');
}

// ---- Election periods ----

/** The bank holidays of a nation's calendar (England and Wales share one). */
export function bankHolidaysFor(nation: Nation): readonly string[] {
  switch (nation) {
    case 'scotland':
      return SCOTLAND_BANK_HOLIDAYS;
    case 'northern-ireland':
      return NORTHERN_IRELAND_BANK_HOLIDAYS;
    default:
      return ENGLAND_AND_WALES_BANK_HOLIDAYS;
  }
}

const HOLIDAY_SETS = new Map<Nation, ReadonlySet<string>>();

function holidaySet(nation: Nation): ReadonlySet<string> {
  let set = HOLIDAY_SETS.get(nation);
  if (!set) {
    set = new Set(bankHolidaysFor(nation));
    HOLIDAY_SETS.set(nation, set);
  }
  return set;
}

/**
 * How the latest day for the notice of election is counted back from polling day, which is
 * when the pre-election period starts at the latest.
 */
export interface NoticeRule {
  /** Working days before polling day. */
  workingDays: number;
  /** Whose bank holidays are not counted. */
  calendar: Nation;
  /** Easter Monday is not counted either (Scottish rules: it is no Scottish bank holiday). */
  easterMonday: boolean;
}

/**
 * The nations where each kind of election is held. Local elections and the two national polls
 * are held everywhere; the rest only where that body or office exists.
 */
export const ELECTION_NATIONS: Readonly<Record<ElectionType, readonly Nation[]>> = {
  local: ['england', 'wales', 'scotland', 'northern-ireland'],
  pcc: ['england', 'wales'],
  mayoral: ['england', 'wales'],
  senedd: ['wales'],
  'scottish-parliament': ['scotland'],
  'northern-ireland-assembly': ['northern-ireland'],
  gla: ['england'],
  'uk-parliament': ['england', 'wales', 'scotland', 'northern-ireland'],
  referendum: ['england', 'wales', 'scotland', 'northern-ireland'],
};

/**
 * @summary The notice-of-election rule for an election, or undefined where the law gives no
 * start that can be computed from polling day.
 * Facts as set out in the election rules and implemented by Democracy Club's
 * uk-election-timetables (the reference this is tested against): a local election's notice is
 * due 25 working days before the poll in England, Wales and Northern Ireland and 28 in Scotland
 * (Scottish Local Government Elections Order 2011), where Easter Monday is not counted either;
 * PCC, mayoral, Senedd and Northern Ireland Assembly elections: 25; Scottish Parliament: 28,
 * Easter Monday not counted; Greater London Assembly and Mayor of London: 30. A UK Parliament
 * election's period starts at dissolution, and a national referendum's is set for each
 * referendum: neither can be computed, so the policy gives `periodStart`.
 */
export function noticeRuleFor(type: ElectionType, nation: Nation): NoticeRule | undefined {
  switch (type) {
    case 'local':
      return nation === 'scotland' ? { workingDays: 28, calendar: 'scotland', easterMonday: true } : { workingDays: 25, calendar: nation, easterMonday: false };
    case 'pcc':
    case 'mayoral':
      return { workingDays: 25, calendar: nation === 'wales' ? 'wales' : 'england', easterMonday: false };
    case 'senedd':
      return { workingDays: 25, calendar: 'wales', easterMonday: false };
    case 'northern-ireland-assembly':
      return { workingDays: 25, calendar: 'northern-ireland', easterMonday: false };
    case 'scottish-parliament':
      return { workingDays: 28, calendar: 'scotland', easterMonday: true };
    case 'gla':
      return { workingDays: 30, calendar: 'england', easterMonday: false };
    default:
      return undefined;
  }
}

/**
 * Whether a date counts as a working day under an election timetable: not a Saturday or Sunday,
 * Christmas Eve, Christmas Day, Good Friday or a bank holiday of the rule's calendar (England and
 * Wales unless a rule says otherwise), not Easter Monday where the rule says so, and not one of
 * the given extra days (a day of public thanksgiving or mourning, for example).
 */
export function isElectionWorkingDay(
  isoDate: string,
  extraNonWorkingDays: ReadonlySet<string> = new Set(),
  rule: Pick<NoticeRule, 'calendar' | 'easterMonday'> = { calendar: 'england', easterMonday: false },
): boolean {
  if (weekdayOf(isoDate) >= 6) return false;
  const monthDay = isoDate.slice(5);
  if (monthDay === '12-24' || monthDay === '12-25') return false;
  // Good Friday (and Easter Monday where it counts out) are computed so that years outside the
  // generated lists still count them out.
  const easter = easterSunday(Number(isoDate.slice(0, 4)));
  if (addDays(easter, -2) === isoDate) return false;
  if (rule.easterMonday && addDays(easter, 1) === isoDate) return false;
  return !holidaySet(rule.calendar).has(isoDate) && !extraNonWorkingDays.has(isoDate);
}

/** The date `count` election working days before `pollingDay`, counting back from the day before. */
export function workingDaysBefore(pollingDay: string, count: number, rule: Pick<NoticeRule, 'calendar' | 'easterMonday'>, nonWorkingDays: readonly string[] = []): string {
  const extra = new Set(nonWorkingDays);
  let date = pollingDay;
  for (let counted = 0; counted < count; ) {
    date = addDays(date, -1);
    if (isElectionWorkingDay(date, extra, rule)) counted++;
  }
  return date;
}

/**
 * @summary The start of the pre-election period: the latest day the notice of election may be
 * published, counted back from polling day by the rule for the election's type and the council's
 * nation (see `noticeRuleFor`); only working days (see `isElectionWorkingDay`) count.
 * Throws a RangeError for an election whose start cannot be computed (a UK Parliament election,
 * a referendum): the policy must give its `periodStart`.
 * @example periodStartFor('2027-05-06', []) // '2027-03-31' (England, local: 25 working days)
 * @example periodStartFor('2022-05-05', [], { nation: 'scotland' }) // '2022-03-23' (28 working days)
 */
export function periodStartFor(pollingDay: string, nonWorkingDays: readonly string[], election: { nation?: Nation; type?: ElectionType } = {}): string {
  const type = election.type ?? 'local';
  const rule = noticeRuleFor(type, election.nation ?? 'england');
  if (!rule) throw new RangeError(`the pre-election period of a ${type} election cannot be computed from polling day: give periodStart`);
  return workingDaysBefore(pollingDay, rule.workingDays, rule, nonWorkingDays);
}
