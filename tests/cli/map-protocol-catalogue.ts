/**
 * The measure of `policy map-protocol`: which paragraphs of each of the five packs the product
 * brief's rule catalogue cites for each rule, read from its citations column, and where those
 * numbers are printed in the pack texts as the map-protocol reader numbers them. Facts about the
 * packs' numbering only: no sentence of theirs.
 */
import { PACK_IDS } from '../../src/engine/types.ts';

export interface CataloguePair {
  rule: string;
  pack: string;
  /** The paragraph numbers the catalogue cites, as printed in the pack text. */
  paragraphs: string[];
}

/**
 * Where a cited number sits in the text as read. Tower Hamlets' tracked changes run old and new
 * numbers together ("103.16" is 13.16); Surrey Heath's amended §4 does too ("4.76" is 4.7); a
 * few cited paragraphs are unnumbered in the text and read as part of the paragraph before them;
 * the town council's §3 is an unnumbered section printed inside 2.6, and the list of 2.4.2 is
 * printed after the number 2.5.
 */
export const PRINTED: Record<string, Record<string, string[]>> = {
  'tower-hamlets': {
    '8.4': ['8.43.16'],
    '9.2': ['9.28.3'],
    '9.3': ['9.38.4'],
    '9.4': ['9.48.5'],
    '9.5': ['8.9.55'],
    '11.1': ['11.18.7'],
    '13.12': ['103.12'],
    '13.13': ['103.13'],
    '13.14': ['103.14'],
    '13.15': ['103.15'],
    '13.16': ['103.16'],
    '14.2': ['10.2'],
  },
  'surrey-heath': { '4.7': ['4.76'], '4.8': ['4.78'], '4.11': ['4.110'], '4.12': ['4.124'], '4.13': ['4.132'], '4.14': ['4.143'], '4.15': ['4.145'] },
  'district-model': { '6.3': ['6'], '3.4': ['3.3'] },
  'town-council': { '3': ['2.6'], '2.4.2': ['2.4.2', '2.5'] },
};

function expandRange(from: string, to: string): string[] {
  const a = from.split('.');
  const b = to.split('.');
  if (a.length !== b.length || a.slice(0, -1).join('.') !== b.slice(0, -1).join('.')) return [from, to];
  const out: string[] = [];
  for (let n = Number(a.at(-1)); n <= Number(b.at(-1)); n++) out.push([...a.slice(0, -1), String(n)].join('.'));
  return out;
}

/** Every (rule, pack) pair the catalogue cites, with the numbers as the text prints them. */
export function cataloguePairs(productMd: string): CataloguePair[] {
  const pairs: CataloguePair[] = [];
  for (const line of productMd.split('\n')) {
    const m = line.match(/^\| `([a-z-]+)` \|/);
    if (!m) continue;
    const cells = line.split('|');
    let citations = cells[4] ?? '';
    while (/\([^()]*\)/.test(citations)) citations = citations.replace(/\([^()]*\)/g, '');
    for (const part of citations.split(';')) {
      const pack = PACK_IDS.find((p) => new RegExp(`(^|\\s)${p}(\\s|$)`).test(part.trim().split(/\s+/)[0] ?? ''));
      if (!pack) continue;
      const rest = part.trim().slice(pack.length);
      const numbers: string[] = [];
      for (const r of rest.matchAll(/§?(\d+(?:\.\d+)*)(?:\s*[–-]\s*(\d+(?:\.\d+)*))?/g)) {
        numbers.push(...(r[2] ? expandRange(r[1]!, r[2]) : [r[1]!]));
      }
      const printed = [...new Set(numbers.flatMap((n) => PRINTED[pack]?.[n] ?? [n]))];
      const existing = pairs.find((p) => p.rule === m[1] && p.pack === pack);
      if (existing) existing.paragraphs.push(...printed.filter((n) => !existing.paragraphs.includes(n)));
      else if (printed.length) pairs.push({ rule: m[1]!, pack, paragraphs: printed });
    }
  }
  return pairs;
}
