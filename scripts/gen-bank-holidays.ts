/**
 * Writes src/engine/bank-holidays.generated.ts: the bank holidays of England and Wales, from the
 * maintained `date-holidays` package (country GB, regions ENG and WLS).
 *
 * Why a generated file: date-holidays is about 230 KB gzipped and the engine runs in Outlook's
 * send-time runtime, so only this short list of dates ships. Why in the engine: the election
 * timetable (calendar.ts, periodStartFor) counts bank holidays out whatever the policy says,
 * and the engine imports nothing from src/policy; the policy's default `nonWorkingDays` take
 * the same list from there. Regenerate after updating
 * date-holidays (new one-off holidays are announced a year or so ahead):
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

/** Public (bank) holidays of one GB region, as sorted ISO dates. Observances (Mother's Day) are left out. */
export function bankHolidaysOf(region: 'ENG' | 'WLS', first = FIRST_YEAR, last = LAST_YEAR): string[] {
  const hd = new Holidays('GB', region);
  const dates = new Set<string>();
  for (let year = first; year <= last; year++) {
    for (const h of hd.getHolidays(year)) {
      if (h.type === 'public') dates.add(h.date.slice(0, 10));
    }
  }
  return [...dates].sort();
}

/** The text of the generated module. England and Wales share one list; this throws if they ever differ. */
export function generateBankHolidaysSource(): string {
  const england = bankHolidaysOf('ENG');
  const wales = bankHolidaysOf('WLS');
  if (england.join() !== wales.join()) {
    const onlyOne = [...england.filter((d) => !wales.includes(d)), ...wales.filter((d) => !england.includes(d))];
    throw new Error(`England and Wales bank holidays differ on ${onlyOne.join(', ')}: the calendar assumes one shared list`);
  }
  const byYear = new Map<string, string[]>();
  for (const d of england) {
    const y = d.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), d]);
  }
  const lines = [...byYear.values()].map((dates) => `  ${dates.map((d) => `'${d}'`).join(', ')},`);
  return [
    '// GENERATED FILE: do not edit. Run `npx tsx scripts/gen-bank-holidays.ts` to regenerate.',
    `// England and Wales bank holidays ${FIRST_YEAR}–${LAST_YEAR}, from the date-holidays package`,
    '// (country GB, regions ENG and WLS, which give the same list; holidays of type "public",',
    '// including substitute days and one-off holidays already announced). Future years are',
    '// projected from the usual pattern: a newly announced one-off day needs a regeneration.',
    '',
    'export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [',
    ...lines,
    '];',
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
