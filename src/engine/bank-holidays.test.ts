import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, bankHolidaysOf, generateBankHolidaysSource } from '../../scripts/gen-bank-holidays.ts';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, NORTHERN_IRELAND_BANK_HOLIDAYS, SCOTLAND_BANK_HOLIDAYS } from './bank-holidays.generated.ts';

describe('England and Wales bank holidays', () => {
  it('the committed file is what the generator writes today', () => {
    // If this fails after updating date-holidays, run: npx tsx scripts/gen-bank-holidays.ts
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(generateBankHolidaysSource());
  });
  it('England and Wales share one list', () => {
    expect(bankHolidaysOf('WLS')).toEqual(bankHolidaysOf('ENG'));
  });
  it('includes substitute days and one-off holidays', () => {
    for (const day of ['2022-06-03', '2022-09-19', '2023-05-08', '2027-12-27', '2027-12-28', '2027-03-29']) {
      expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toContain(day);
    }
  });
  it('leaves out holidays of Scotland and Northern Ireland only', () => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).not.toContain('2027-03-17'); // St Patrick's Day
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).not.toContain('2027-08-02'); // Scottish summer holiday
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).not.toContain('2027-11-30'); // St Andrew's Day
  });
  it('is sorted and covers 2020 to 2040', () => {
    expect([...ENGLAND_AND_WALES_BANK_HOLIDAYS].sort()).toEqual(ENGLAND_AND_WALES_BANK_HOLIDAYS);
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS[0]).toBe('2020-01-01');
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS.at(-1)?.slice(0, 4)).toBe('2040');
  });
});

describe('Scottish and Northern Irish bank holidays', () => {
  it('Scotland has 2 January, the first Monday in August and St Andrew\'s Day, and no Easter Monday', () => {
    for (const day of ['2027-01-04', '2027-08-02', '2027-11-30']) expect(SCOTLAND_BANK_HOLIDAYS).toContain(day);
    expect(SCOTLAND_BANK_HOLIDAYS).not.toContain('2027-03-29'); // Easter Monday
    expect(SCOTLAND_BANK_HOLIDAYS).not.toContain('2027-08-30'); // the English summer bank holiday
  });
  it('Scotland has the one-off day announced for 15 June 2026, which date-holidays does not list yet', () => {
    expect(SCOTLAND_BANK_HOLIDAYS).toContain('2026-06-15');
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).not.toContain('2026-06-15');
  });
  it('Northern Ireland has St Patrick\'s Day, the Battle of the Boyne and Easter Monday', () => {
    for (const day of ['2027-03-17', '2027-07-12', '2027-03-29']) expect(NORTHERN_IRELAND_BANK_HOLIDAYS).toContain(day);
    expect(NORTHERN_IRELAND_BANK_HOLIDAYS).toContain('2026-07-13'); // substitute for the Boyne on a Sunday
  });
  it('each list is sorted and covers 2020 to 2040', () => {
    for (const list of [SCOTLAND_BANK_HOLIDAYS, NORTHERN_IRELAND_BANK_HOLIDAYS]) {
      expect([...list].sort()).toEqual(list);
      expect(list[0]?.slice(0, 4)).toBe('2020');
      expect(list.at(-1)?.slice(0, 4)).toBe('2040');
    }
  });
});
