import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.generated.ts';
import {
  addDays,
  easterSunday,
  isElectionWorkingDay,
  isIsoDate,
  isKnownTimeZone,
  isWithinWorkingHours,
  isWorkingDay,
  londonDate,
  nextWorkingStart,
  noticeRuleFor,
  periodStartFor,
  workingDaysBefore,
  weekdayOf,
  zonedParts,
  zonedTimeToInstant,
} from './calendar.ts';

const london = {
  workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', timeZone: 'Europe/London' },
  nonWorkingDays: [...ENGLAND_AND_WALES_BANK_HOLIDAYS],
};

describe('plain dates', () => {
  it('adds and subtracts days across month and year ends', () => {
    expect(addDays('2027-03-31', 1)).toBe('2027-04-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
  it('knows the weekday of a date', () => {
    expect(weekdayOf('2027-05-06')).toBe(4); // Thursday
    expect(weekdayOf('2027-03-28')).toBe(7); // Sunday
  });
  it('rejects dates that do not exist', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('6 May 2027')).toBe(false);
  });
  it('computes Easter Sunday', () => {
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2045)).toBe('2045-04-09');
  });
});

describe('zonedParts', () => {
  it('reads London time in summer (BST, UTC+1)', () => {
    expect(zonedParts(new Date('2027-07-01T09:30:00Z'), 'Europe/London')).toEqual({
      isoDate: '2027-07-01', year: 2027, month: 7, day: 1, hour: 10, minute: 30, weekday: 4,
    });
  });
  it('reads midnight as hour 0, not 24', () => {
    expect(zonedParts(new Date('2027-01-04T00:00:00Z'), 'Europe/London').hour).toBe(0);
  });
  it('moves the date when the zone is behind UTC', () => {
    const p = zonedParts(new Date('2027-01-04T02:00:00Z'), 'America/New_York');
    expect([p.isoDate, p.hour, p.weekday]).toEqual(['2027-01-03', 21, 7]);
  });
  it('gives the London date of an instant', () => {
    expect(londonDate(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
  });
  it('knows real IANA zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('Europe/Northbridge')).toBe(false);
  });
});

describe('zonedTimeToInstant', () => {
  it('maps London wall time to UTC in winter and summer', () => {
    expect(zonedTimeToInstant('2027-01-04', '08:00', 'Europe/London').toISOString()).toBe('2027-01-04T08:00:00.000Z');
    expect(zonedTimeToInstant('2027-07-05', '08:00', 'Europe/London').toISOString()).toBe('2027-07-05T07:00:00.000Z');
  });
  it('maps the days the clocks change correctly', () => {
    // 2027: BST starts Sunday 28 March 01:00 UTC, ends Sunday 31 October 01:00 UTC.
    expect(zonedTimeToInstant('2027-03-28', '08:00', 'Europe/London').toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(zonedTimeToInstant('2027-10-31', '08:00', 'Europe/London').toISOString()).toBe('2027-10-31T08:00:00.000Z');
  });
  it('maps a time the clocks skip to the same distance after the gap (02:30 BST)', () => {
    expect(zonedTimeToInstant('2027-03-28', '01:30', 'Europe/London').toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });
  it('maps a repeated time to its first occurrence', () => {
    expect(zonedTimeToInstant('2027-10-31', '01:30', 'Europe/London').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });
});

describe('working days and hours', () => {
  it('treats weekends and bank holidays as non-working', () => {
    expect(isWorkingDay('2027-03-27', london)).toBe(false); // Saturday
    expect(isWorkingDay('2027-03-29', london)).toBe(false); // Easter Monday
    expect(isWorkingDay('2027-03-17', london)).toBe(true); // St Patrick's Day: Northern Ireland only
  });
  it('uses the wall clock of the zone, start inclusive and end exclusive', () => {
    expect(isWithinWorkingHours(new Date('2027-06-07T07:00:00Z'), london)).toBe(true); // 08:00 BST
    expect(isWithinWorkingHours(new Date('2027-06-07T06:59:00Z'), london)).toBe(false); // 07:59 BST
    expect(isWithinWorkingHours(new Date('2027-06-07T16:59:00Z'), london)).toBe(true); // 17:59 BST
    expect(isWithinWorkingHours(new Date('2027-06-07T17:00:00Z'), london)).toBe(false); // 18:00 BST
  });
  it('reads a time written with a foreign offset in London time', () => {
    // 06:40 at -04:00 is 10:40 in London.
    expect(isWithinWorkingHours(new Date('2027-04-14T06:40:00-04:00'), london)).toBe(true);
  });
  it('honours a council with other hours and days', () => {
    const town = { workingHours: { days: [1, 2, 3, 4], start: '09:30', end: '15:00', timeZone: 'Europe/London' }, nonWorkingDays: [] };
    expect(isWithinWorkingHours(new Date('2027-01-08T10:00:00Z'), town)).toBe(false); // Friday
    expect(isWithinWorkingHours(new Date('2027-01-07T09:15:00Z'), town)).toBe(false); // before 09:30
    expect(isWithinWorkingHours(new Date('2027-01-07T14:59:00Z'), town)).toBe(true);
  });
});

describe('nextWorkingStart', () => {
  it('returns the same morning when called before the start on a working day', () => {
    expect(nextWorkingStart(new Date('2027-02-09T06:15:00Z'), london).toISOString()).toBe('2027-02-09T08:00:00.000Z');
  });
  it('returns the next morning when called in the evening', () => {
    expect(nextWorkingStart(new Date('2027-02-09T21:40:00Z'), london).toISOString()).toBe('2027-02-10T08:00:00.000Z');
  });
  it('skips the weekend, the Easter Monday bank holiday and the clock change', () => {
    // Saturday 27 March 2027, GMT; clocks go forward on the Sunday; Monday is Easter Monday.
    expect(nextWorkingStart(new Date('2027-03-27T10:00:00Z'), london).toISOString()).toBe('2027-03-30T07:00:00.000Z');
  });
  it('lands on 08:00 GMT after the clocks go back', () => {
    expect(nextWorkingStart(new Date('2027-10-29T19:00:00Z'), london).toISOString()).toBe('2027-11-01T08:00:00.000Z');
  });
  it('skips Christmas and the substitute days', () => {
    expect(nextWorkingStart(new Date('2027-12-24T19:00:00Z'), london).toISOString()).toBe('2027-12-29T08:00:00.000Z');
  });
  it('works during working hours by moving to the next day', () => {
    expect(nextWorkingStart(new Date('2027-02-09T10:00:00Z'), london).toISOString()).toBe('2027-02-10T08:00:00.000Z');
  });
});

describe('periodStartFor', () => {
  it('counts 25 working days back from polling day, skipping Easter and the May bank holiday', () => {
    // The Northbridge corpus README: polling day 6 May 2027 gives 31 March, not Good Friday 26 March.
    expect(periodStartFor('2027-05-06', [])).toBe('2027-03-31');
  });
  it('skips Christmas Eve, Christmas Day and the bank holidays around them', () => {
    // Counting back from Thursday 21 January 2027: 24 and 25 December are out (Christmas Eve,
    // Christmas Day), as are the substitute bank holidays on 27 and 28 December and New Year's Day.
    expect(periodStartFor('2027-01-21', [])).toBe('2026-12-11');
  });
  it('counts out the extra non-working days the policy names', () => {
    // A day of mourning on Friday 23 April 2027 pushes the start back one working day.
    expect(periodStartFor('2027-05-06', ['2027-04-23'])).toBe('2027-03-30');
  });
  it('counts out Christmas Eve even when it is not a bank holiday', () => {
    expect(isElectionWorkingDay('2027-12-24')).toBe(false);
    expect(isElectionWorkingDay('2027-12-23')).toBe(true);
  });
  it('counts out Good Friday beyond the generated bank holiday list', () => {
    expect(isElectionWorkingDay(addDays(easterSunday(2045), -2))).toBe(false);
  });
});

// The notice-of-election deadlines in Democracy Club's uk-election-timetables tests
// (tests/elections/*.py in github.com/DemocracyClub/uk-election-timetables): polling day → the
// latest day for the notice, which is when the pre-election period starts at the latest.
describe('periodStartFor matches uk-election-timetables for each nation and type it covers', () => {
  const cases: [string, Parameters<typeof periodStartFor>[2], string, string][] = [
    ['local, England', { nation: 'england', type: 'local' }, '2026-05-07', '2026-03-30'],
    ['local, Scotland (28 working days; Easter Monday not counted)', { nation: 'scotland', type: 'local' }, '2022-05-05', '2022-03-23'],
    ['local, Northern Ireland', { nation: 'northern-ireland', type: 'local' }, '2026-05-07', '2026-03-30'],
    ['Senedd', { nation: 'wales', type: 'senedd' }, '2026-05-07', '2026-03-30'],
    ['Scottish Parliament', { nation: 'scotland', type: 'scottish-parliament' }, '2026-05-07', '2026-03-25'],
    ['Northern Ireland Assembly', { nation: 'northern-ireland', type: 'northern-ireland-assembly' }, '2022-05-05', '2022-03-28'],
    ['Police and Crime Commissioner', { nation: 'england', type: 'pcc' }, '2024-05-02', '2024-03-26'],
    ['mayoral', { nation: 'england', type: 'mayoral' }, '2025-05-01', '2025-03-25'],
    ['Greater London Authority (30 working days)', { nation: 'england', type: 'gla' }, '2024-05-02', '2024-03-19'],
  ];
  for (const [what, election, pollingDay, expected] of cases) {
    it(`${what}: polling day ${pollingDay} gives ${expected}`, () => {
      expect(periodStartFor(pollingDay, [], election)).toBe(expected);
    });
  }

  it('England stays the default', () => {
    expect(periodStartFor('2026-05-07', [])).toBe('2026-03-30');
  });

  it('counts Scottish bank holidays, not English ones, for a Scottish council', () => {
    // 2 January is a Scottish bank holiday only; 28 working days back from a February poll cross it.
    expect(noticeRuleFor('local', 'scotland')).toEqual({ workingDays: 28, calendar: 'scotland', easterMonday: true });
    expect(isElectionWorkingDay('2026-01-02', new Set(), { calendar: 'scotland', easterMonday: true })).toBe(false);
    expect(isElectionWorkingDay('2026-01-02', new Set(), { calendar: 'england', easterMonday: false })).toBe(true);
    expect(isElectionWorkingDay('2026-04-06', new Set(), { calendar: 'scotland', easterMonday: true })).toBe(false); // Easter Monday
    expect(isElectionWorkingDay('2026-03-17', new Set(), { calendar: 'northern-ireland', easterMonday: false })).toBe(false); // St Patrick's Day
  });

  it('cannot compute the start of a UK Parliament election or a referendum', () => {
    expect(noticeRuleFor('uk-parliament', 'england')).toBeUndefined();
    expect(noticeRuleFor('referendum', 'scotland')).toBeUndefined();
    expect(() => periodStartFor('2029-05-03', [], { type: 'uk-parliament' })).toThrow(/give periodStart/);
  });

  it('counts the notice of a UK Parliament election as uk-election-timetables does, for the hint', () => {
    // UKParliamentElection(2024-07-04).notice_of_election_deadline: 22 working days.
    expect(workingDaysBefore('2024-07-04', 22, { calendar: 'england', easterMonday: false })).toBe('2024-06-04');
  });
});
