/**
 * Dates as British releases write them (2027-04-01, 1/4/2027, 1 April 2027, April 1, 2027), and
 * dates written the GOV.UK way for messages. Used by the embargo reader and the election rules.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * @summary A date written the GOV.UK way.
 * @example formatLongDate('2027-05-06') // '6 May 2027'
 */
export function formatLongDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** Whole days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const MONTH_ALT = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// The date forms British releases use: 2027-04-01, 1/4/2027 (day first), 1 April 2027, 1st of April, April 1, 2027.
const DATE_FORMS = new RegExp(
  [
    '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b',
    '\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b',
    `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_ALT}\\.?(?:,?\\s+(\\d{4}))?\\b`,
    `\\b${MONTH_ALT}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`,
  ].join('|'),
  'i',
);

const pad = (n: number) => String(n).padStart(2, '0');

function validIso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const back = new Date(`${iso}T00:00:00Z`);
  return back.getUTCDate() === d ? iso : undefined;
}

const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/**
 * @summary The first date written in `text`, as an ISO date. A date without a year takes the year
 * that puts it nearest after `reference` (a release dated December embargoed to "2 January").
 * @example parseFirstDate('until 00:01 on Thursday 1 April 2027', '2027-03-09') // '2027-04-01'
 */
export function parseFirstDate(text: string, reference: string): { isoDate: string; index: number; length: number } | undefined {
  const m = DATE_FORMS.exec(text);
  if (!m) return undefined;
  const refYear = Number(reference.slice(0, 4));
  let y: number | undefined;
  let mo: number;
  let d: number;
  if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (m[4]) {
    const year = Number(m[6]);
    [y, mo, d] = [year < 100 ? 2000 + year : year, Number(m[5]), Number(m[4])];
  } else if (m[7]) [d, mo, y] = [Number(m[7]), monthIndex(m[8]!), m[9] ? Number(m[9]) : undefined];
  else [mo, d, y] = [monthIndex(m[10]!), Number(m[11]), m[12] ? Number(m[12]) : undefined];
  let iso = validIso(y ?? refYear, mo, d);
  if (iso && y === undefined && daysBetween(reference, iso) < -60) iso = validIso(refYear + 1, mo, d);
  return iso ? { isoDate: iso, index: m.index, length: m[0].length } : undefined;
}
