/**
 * A council's whole staff directory, made up: thousands of officers and councillors whose names,
 * addresses and wards are invented from syllables, so that they appear in no draft of any corpus
 * (tests/directory-scale.test.ts checks that they do not). Used by the directory-scale test and
 * by bench/directory.ts.
 *
 * The same counts always give the same people, in the same order: person number n is the same
 * on every run and every machine.
 */
import type { CouncillorEntry, OfficerEntry, PolicyFile } from '../../src/engine/policy.ts';

// Syllables chosen so that the names they make are not English words or common names.
const FIRST_START = ['Zav', 'Quo', 'Yel', 'Vry', 'Xen', 'Jho', 'Krev', 'Plo', 'Wyz', 'Drau', 'Fnel', 'Gwo', 'Tzi', 'Brev', 'Skoa', 'Hyv'];
const FIRST_END = ['ander', 'ette', 'ilda', 'omir', 'ulka', 'yssa', 'oric', 'enna', 'arth', 'ivo', 'esca', 'undo', 'amys', 'olwe'];
const SURNAME_START = ['Brack', 'Quen', 'Varl', 'Skel', 'Morv', 'Dreg', 'Fald', 'Hask', 'Yelm', 'Zorb', 'Pryn', 'Glav', 'Trusk', 'Wibb', 'Noct', 'Jurv'];
const SURNAME_MIDDLE = ['an', 'ow', 'er', 'il', 'ud', 'eth', 'oz'];
const SURNAME_END = ['bury', 'wick', 'ridge', 'stone', 'holt', 'ford', 'thwaite', 'combe', 'dale', 'hurst', 'mere', 'garth'];
const WARD_START = ['Quarn', 'Velm', 'Drox', 'Skib', 'Yarv', 'Glint', 'Thrum', 'Wozz', 'Prell', 'Kurn', 'Zeff', 'Borv'];
const WARD_END = ['ington Vale', 'ley Marsh', 'stead Common', 'by Heath', 'wold', 'cote Park', 'hithe', 'over Fields'];

const FIRST_NAMES = FIRST_START.flatMap((a) => FIRST_END.map((b) => a + b));
const SURNAMES = SURNAME_START.flatMap((a) => SURNAME_MIDDLE.flatMap((b) => SURNAME_END.map((c) => a + b + c)));
const WARDS = WARD_START.flatMap((a) => WARD_END.map((b) => a + b));

/** Every word the made-up people and wards can contain, lower case (for the test that none is in a draft). */
export const SYNTHETIC_WORDS: readonly string[] = [...new Set([...FIRST_NAMES, ...SURNAMES, ...WARDS.flatMap((w) => w.split(' ')).filter((w) => !/^(?:Vale|Marsh|Common|Heath|Park|Fields)$/.test(w))].map((w) => w.toLowerCase()))];

/**
 * Person number `n` (from 0): a unique full name. Consecutive numbers differ in the surname
 * first, so that a few thousand people share each first name, as a real directory's Johns do.
 */
export function syntheticName(n: number): { first: string; surname: string; full: string } {
  const surname = SURNAMES[n % SURNAMES.length]!;
  const first = FIRST_NAMES[Math.floor(n / SURNAMES.length) % FIRST_NAMES.length]!;
  if (n >= SURNAMES.length * FIRST_NAMES.length) throw new Error(`syntheticName: at most ${SURNAMES.length * FIRST_NAMES.length} people`);
  return { first, surname, full: `${first} ${surname}` };
}

export interface SyntheticDirectory {
  officers: OfficerEntry[];
  councillors: CouncillorEntry[];
}

/**
 * `officers` officers and `councillors` councillors at `domain`. Officers are numbered from 1
 * (officer number 15,000 is `officers[14999]`); councillors come after them in the name sequence,
 * so nobody is both. Some officers are senior; none holds a post a council has one of (chief
 * executive, monitoring officer) or is in communications, and no councillor holds an office, so
 * adding them changes nothing the checker says about a draft that does not name them.
 */
export function syntheticDirectory(officers: number, councillors: number, domain: string, parties: readonly string[] = []): SyntheticDirectory {
  const out: SyntheticDirectory = { officers: [], councillors: [] };
  for (let i = 0; i < officers; i++) {
    const { first, surname, full } = syntheticName(i);
    out.officers.push({ name: full, email: `${first}.${surname}@${domain}`.toLowerCase(), roles: i % 40 === 7 ? ['senior'] : [] });
  }
  for (let i = 0; i < councillors; i++) {
    const { first, surname, full } = syntheticName(officers + i);
    const ward = WARDS[Math.floor(i / 3) % WARDS.length]!;
    const party = parties.length ? parties[i % parties.length] : undefined;
    out.councillors.push({ name: full, email: `cllr.${first}.${surname}@${domain}`.toLowerCase(), ward, ...(party ? { party } : {}), roles: [] });
  }
  return out;
}

/** The policy with the made-up directory added after its own people (its own come first, as a monitoring officer would keep them). */
export function withSyntheticDirectory(policy: PolicyFile, officers: number, councillors: number): PolicyFile {
  const domain = policy.council.domains?.[0] ?? 'council.example.gov.uk';
  const extra = syntheticDirectory(officers, councillors, domain, (policy.parties ?? []).map((p) => p.name));
  return { ...policy, officers: [...(policy.officers ?? []), ...extra.officers], councillors: [...(policy.councillors ?? []), ...extra.councillors] };
}
