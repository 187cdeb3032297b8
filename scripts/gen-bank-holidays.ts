/**
 * Writes src/engine/bank-holidays.generated.ts: the bank holidays of each UK nation's calendar
 * (England and Wales, which share one; Scotland; Northern Ireland), from the maintained
 * `date-holidays` package (country GB, regions ENG, WLS, SCT and NIR).
 *
 * Why a generated file: date-holidays is about 230 KB gzipped and the engine runs in Outlook's
 * send-time runtime, so only these short lists of dates ship. Why in the engine: the election
 * timetable (calendar.ts, periodStartFor) counts bank holidays out whatever the policy says,
 * and the engine imports nothing from src/policy; the policy's default `nonWorkingDays` take
 * the same lists from there. Regenerate after updating date-holidays (new one-off holidays are
 * announced a year or so ahead):
 *
 *   npx tsx scripts/gen-bank-holidays.ts          (write the file)
 *   npx tsx scripts/gen-bank-holidays.ts --check  (exit 1 if the committed file is out of date)
 *
 * src/engine/bank-holidays.test.ts regenerates the text in memory and compares it with the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';

export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2040;

export const GENERATED_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../src/engine/bank-holidays.generated.ts');

export type Region = 'ENG' | 'WLS' | 'SCT' | 'NIR';

/**
 * One-off bank holidays already announced that date-holidays does not list yet. Each is a fact
 * from GOV.UK's bank holiday list (https://www.gov.uk/bank-holidays.json, also mirrored by
 * Democracy Club's uk-election-timetables): remove an entry once date-holidays has it.
 */
export const ANNOUNCED_ONE_OFF: Readonly<Record<Region, readonly string[]>> = {
  ENG: [],
  WLS: [],
  // Monday 15 June 2026: a one-off Scottish bank holiday (GOV.UK, Scotland).
  SCT: ['2026-06-15'],
  NIR: [],
};

/** Public (bank) holidays of one GB region, as sorted ISO dates. Observances (Mother's Day) are left out. */
export function bankHolidaysOf(region: Region, first = FIRST_YEAR, last = LAST_YEAR): string[] {
  const hd = new Holidays('GB', region);
  const dates = new Set<string>();
  for (let year = first; year <= last; year++) {
    for (const h of hd.getHolidays(year)) {
      if (h.type === 'public') dates.add(h.date.slice(0, 10));
    }
  }
  for (const d of ANNOUNCED_ONE_OFF[region]) {
    const year = Number(d.slice(0, 4));
    if (year >= first && year <= last) dates.add(d);
  }
  return [...dates].sort();
}

function listOf(name: string, dates: readonly string[]): string[] {
  const byYear = new Map<string, string[]>();
  for (const d of dates) {
    const y = d.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), d]);
  }
  return [`export const ${name}: readonly string[] = [`, ...[...byYear.values()].map((ds) => `  ${ds.map((d) => `'${d}'`).join(', ')},`), '];'];
}

/** The text of the generated module. England and Wales share one list; this throws if they ever differ. */
export function generateBankHolidaysSource(): string {
  const england = bankHolidaysOf('ENG');
  const wales = bankHolidaysOf('WLS');
  if (england.join() !== wales.join()) {
    const onlyOne = [...england.filter((d) => !wales.includes(d)), ...wales.filter((d) => !england.includes(d))];
    throw new Error(`England and Wales bank holidays differ on ${onlyOne.join(', ')}: the calendar assumes one shared list`);
  }
  return [
    '// GENERATED FILE: do not edit. Run `npx tsx scripts/gen-bank-holidays.ts` to regenerate.',
    `// Bank holidays ${FIRST_YEAR}–${LAST_YEAR} of each UK calendar, from the date-holidays package (country GB;`,
    '// regions ENG and WLS, which give the same list, SCT and NIR; holidays of type "public", including',
    '// substitute days and one-off holidays already announced, plus announced one-off days the package',
    '// does not list yet: see ANNOUNCED_ONE_OFF in the script). A holiday that falls on a weekend is',
    '// listed with its substitute day. Future years are projected from the usual pattern: a newly',
    '// announced one-off day needs a regeneration.',
    '',
    ...listOf('ENGLAND_AND_WALES_BANK_HOLIDAYS', england),
    '',
    ...listOf('SCOTLAND_BANK_HOLIDAYS', bankHolidaysOf('SCT')),
    '',
    ...listOf('NORTHERN_IRELAND_BANK_HOLIDAYS', bankHolidaysOf('NIR')),
    '',
  ].join('\n');
}

function main(): void {
  const text = generateBankHolidaysSource();
  if (process.argv.includes('--check')) {
    const current = readFileSync(GENERATED_PATH, 'utf8');
    if (current !== text) {
      console.error('src/engine/bank-holidays.generated.ts is out of date: run npx tsx scripts/gen-bank-holidays.ts');
      process.exit(1);
    }
    console.log('src/engine/bank-holidays.generated.ts is up to date');
    return;
  }
  writeFileSync(GENERATED_PATH, text);
  console.log(`Wrote ${GENERATED_PATH}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
