/**
 * The policy's people, wards and parties, indexed once per resolved policy and shared by every
 * check under it: a council's whole staff directory (tens of thousands of names) costs a check
 * no more than a directory of ten.
 *
 * Names are found in text by their words, never by a regular expression built from them: a
 * phrase is filed under its first two words (letters and digits, folded); at each place in the
 * text where a word starts, the same two words are read and only the phrases filed under them
 * are compared, character by character. The work per word of text is a hash look-up, whatever
 * the size of the directory, and a phrase of any length is just a longer comparison.
 *
 * Matching ignores diacritics (Zoë = Zoe, and a decomposed é = é), straightens curly quotes and
 * dashes as `normaliseChars` does, takes any run of white space for a space, and ignores case
 * unless asked not to. A phrase is found only where it is a whole word: not inside another word,
 * and (with the `strict` boundary) not joined to one by a hyphen either.
 */
import type { CouncillorEntry, CouncillorRole, OfficerEntry, OfficerRole, PartyEntry, ResolvedPolicy } from './policy.ts';
import type { Span } from './text.ts';

// ---- Folding characters ----

const MARKS = /\p{M}/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const foldCache = new Map<number, string>();
const foldCaseCache = new Map<number, string>();

/** One character as matching compares it: straightened, without diacritics, lower case unless `keepCase`. */
function foldChar(code: number, keepCase: boolean): string {
  if (code < 128) {
    if (!keepCase && code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return code === 13 ? '\n' : String.fromCharCode(code);
  }
  const cache = keepCase ? foldCaseCache : foldCache;
  const cached = cache.get(code);
  if (cached !== undefined) return cached;
  let c = String.fromCharCode(code);
  // The same one-for-one replacements as normaliseChars (text.ts).
  if (code === 0x2018 || code === 0x2019 || code === 0x201b || code === 0x2032 || code === 0x02bc) c = "'";
  else if (code === 0x201c || code === 0x201d || code === 0x201f || code === 0x2033) c = '"';
  else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) c = '-';
  else if (isSpaceCode(code)) c = ' ';
  else {
    if (!keepCase) c = c.toLowerCase();
    // Diacritics: "é" and "e" + U+0301 both become "e"; a lone combining mark becomes nothing.
    c = c.normalize('NFD').replace(MARKS, '');
  }
  if (cache.size < 4096) cache.set(code, c);
  return c;
}

/** White space as `\s` reads it. */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A character that belongs to a word: a letter, a digit, a combining mark or an underscore (as `\w`, but for every alphabet). */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  if (isSpaceCode(c)) return false;
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

/** Hyphens and dashes (which normaliseChars turns into "-"). */
function isHyphenCode(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
}

// ---- The phrase index ----

export interface PhraseIndexOptions {
  /**
   * `word` (the default): a phrase is not part of a longer word, as `\b` either side.
   * `strict`: nor joined to one by a hyphen ("Castle" is not found in "Castle-Street").
   */
  boundary?: 'word' | 'strict';
  /** Compare case as well (diacritics are still ignored). Default: any case. */
  matchCase?: boolean;
}

export interface PhraseMatch<T> extends Span {
  /** Everything filed under the phrase found (two directory entries may share a name). */
  values: readonly T[];
  /** The phrase as it was indexed (trimmed). */
  phrase: string;
}

interface Candidate<T> {
  /** The phrase folded one unit per character; " " stands for any run of white space. */
  units: string[];
  phrase: string;
  values: T[];
}

/**
 * @summary Phrases (names, wards, topics) found in text by word look-up, never by a regular expression built from them.
 * @example new PhraseIndex([['Jane Smith', 1]]).find('Dear JANE  Smith,') // [{ start: 5, end: 16, values: [1], phrase: 'Jane Smith' }]
 */
export class PhraseIndex<T> {
  private readonly byKey = new Map<string, Candidate<T>[]>();
  private readonly byUnits = new Map<string, Candidate<T>>();
  private readonly strict: boolean;
  private readonly keepCase: boolean;

  constructor(entries: Iterable<readonly [phrase: string, value: T]> = [], options: PhraseIndexOptions = {}) {
    this.strict = options.boundary === 'strict';
    this.keepCase = options.matchCase === true;
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  /** The number of distinct phrases. */
  get size(): number {
    return this.byUnits.size;
  }

  /** File `value` under `phrase`. A phrase with no letter or digit at its start cannot be found and is ignored. */
  add(phrase: string, value: T): void {
    const trimmed = phrase.trim();
    const units: string[] = [];
    for (let i = 0; i < trimmed.length; i++) {
      const code = trimmed.charCodeAt(i);
      if (isSpaceCode(code)) {
        if (units[units.length - 1] !== ' ') units.push(' ');
        continue;
      }
      const f = foldChar(code, this.keepCase);
      if (f !== '') units.push(f);
    }
    if (units.length === 0 || !isWordUnit(units[0]!)) return;
    const id = units.join('\u0001');
    const existing = this.byUnits.get(id);
    if (existing) {
      if (!existing.values.includes(value)) existing.values.push(value);
      return;
    }
    const candidate: Candidate<T> = { units, phrase: trimmed, values: [value] };
    this.byUnits.set(id, candidate);
    const key = keyOfUnits(units);
    const list = this.byKey.get(key);
    if (list) list.push(candidate);
    else this.byKey.set(key, [candidate]);
  }

  /**
   * Every phrase in `text[from, to)`, read left to right: at each place the longest phrase that
   * starts there, then on from its end (as a global regular expression with the alternatives
   * longest first). The slice's ends count as the edges of the text. With `overlapping`, every
   * phrase found at every place, including phrases inside a longer one.
   */
  find(text: string, from = 0, to = text.length, options: { overlapping?: boolean; first?: boolean } = {}): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    if (this.byKey.size === 0) return out;
    let i = from;
    while (i < to) {
      const code = text.charCodeAt(i);
      if (!isWordCode(code) || (i > from && !this.startsWord(text, i))) {
        i += 1;
        continue;
      }
      // The first word, folded, and where it ends.
      let first = '';
      let j = i;
      for (; j < to; j++) {
        const c = text.charCodeAt(j);
        if (!isWordCode(c)) break;
        first += foldChar(c, this.keepCase);
      }
      let best: { end: number; candidate: Candidate<T> } | undefined;
      const consider = (list: Candidate<T>[] | undefined) => {
        for (const candidate of list ?? []) {
          const end = this.matchAt(text, i, to, candidate.units);
          if (end < 0) continue;
          if (options.overlapping) out.push({ start: i, end, values: candidate.values, phrase: candidate.phrase });
          else if (!best || end > best.end) best = { end, candidate };
        }
      };
      consider(this.byKey.get(first));
      // The second word: after the separator (white space, a hyphen, an apostrophe…).
      let k = j;
      while (k < to && !isWordCode(text.charCodeAt(k))) k += 1;
      if (k < to) {
        let second = '';
        for (; k < to; k++) {
          const c = text.charCodeAt(k);
          if (!isWordCode(c)) break;
          second += foldChar(c, this.keepCase);
        }
        consider(this.byKey.get(`${first}\u0000${second}`));
      }
      if (best) {
        out.push({ start: i, end: best.end, values: best.candidate.values, phrase: best.candidate.phrase });
        if (options.first) return out;
        i = best.end;
        continue;
      }
      // No phrase starts anywhere else inside this word.
      i = j;
    }
    if (options.overlapping) out.sort((a, b) => a.start - b.start || b.end - a.end);
    return out;
  }

  /** The first phrase in `text[from, to)`, if any. */
  first(text: string, from = 0, to = text.length): PhraseMatch<T> | undefined {
    return this.find(text, from, to, { first: true })[0];
  }

  /** The phrase that is the whole of `text` (after trimming), if any. */
  whole(text: string): PhraseMatch<T> | undefined {
    let from = 0;
    let to = text.length;
    while (from < to && isSpaceCode(text.charCodeAt(from))) from += 1;
    while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to -= 1;
    const m = this.first(text, from, to);
    return m && m.start === from && m.end === to ? m : undefined;
  }

  /** Whether a word starts at `i` (the character before it is not part of a word, nor a joining hyphen). */
  private startsWord(text: string, i: number): boolean {
    const before = text.charCodeAt(i - 1);
    if (isWordCode(before)) return false;
    // A combining mark after a letter belongs to the letter's word.
    return !(this.strict && isHyphenCode(before));
  }

  /** Where `units` matched at `i` end, or -1. */
  private matchAt(text: string, i: number, to: number, units: readonly string[]): number {
    let p = i;
    for (let u = 0; u < units.length; u++) {
      const unit = units[u]!;
      // A combining mark in the text folds to nothing: skip it.
      let f = '';
      while (p < to && (f = foldChar(text.charCodeAt(p), this.keepCase)) === '') p += 1;
      if (p >= to) return -1;
      if (unit === ' ') {
        if (!isSpaceCode(text.charCodeAt(p))) return -1;
        while (p < to && isSpaceCode(text.charCodeAt(p))) p += 1;
        continue;
      }
      if (f !== unit) return -1;
      p += 1;
    }
    while (p < to && foldChar(text.charCodeAt(p), this.keepCase) === '') p += 1;
    if (p < to) {
      const after = text.charCodeAt(p);
      if (isWordCode(after) && isWordUnit(units[units.length - 1]!)) return -1;
      if (this.strict && isHyphenCode(after)) return -1;
    }
    return p;
  }
}

function isWordUnit(unit: string): boolean {
  return unit.length > 0 && isWordCode(unit.charCodeAt(0));
}

/** A phrase's key: its first word, and its second word when it has one. */
function keyOfUnits(units: readonly string[]): string {
  let u = 0;
  let first = '';
  while (u < units.length && isWordUnit(units[u]!)) first += units[u++];
  while (u < units.length && !isWordUnit(units[u]!)) u += 1;
  if (u >= units.length) return first;
  let second = '';
  while (u < units.length && isWordUnit(units[u]!)) second += units[u++];
  return `${first}\u0000${second}`;
}

/** A phrase folded for `indexOfPhrase`: fold it once when it is looked for often (a policy's letterhead markers). */
export interface FoldedPhrase {
  units: readonly string[];
}

export function foldPhrase(phrase: string): FoldedPhrase {
  const units: string[] = [];
  const trimmed = phrase.trim();
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    if (isSpaceCode(code)) {
      if (units[units.length - 1] !== ' ') units.push(' ');
    } else {
      const f = foldChar(code, false);
      if (f !== '') units.push(f);
    }
  }
  return { units };
}

/**
 * Where `phrase` first occurs in `text[from, to)`, anywhere (not only at a word's start), with the
 * same folding as the index: for a short phrase list checked against a few short lines, such as
 * letterhead markers on a signature's lines.
 */
export function indexOfPhrase(text: string, phrase: string | FoldedPhrase, from = 0, to = text.length): Span | undefined {
  const { units } = typeof phrase === 'string' ? foldPhrase(phrase) : phrase;
  // Every unit takes at least one character of the text.
  if (units.length === 0 || units.length > to - from) return undefined;
  const head = units[0]!;
  for (let i = from; i + units.length <= to; i++) {
    if (head !== ' ' && foldChar(text.charCodeAt(i), false) !== head) continue;
    let p = i;
    let u = 0;
    for (; u < units.length; u++) {
      const unit = units[u]!;
      let f = '';
      while (p < to && (f = foldChar(text.charCodeAt(p), false)) === '') p += 1;
      if (p >= to) break;
      if (unit === ' ') {
        if (!isSpaceCode(text.charCodeAt(p))) break;
        while (p < to && isSpaceCode(text.charCodeAt(p))) p += 1;
        continue;
      }
      if (f !== unit) break;
      p += 1;
    }
    if (u === units.length) return { start: i, end: p };
  }
  return undefined;
}

/** Whether `name` occurs in `text` as a whole word (not joined to another by a hyphen), in any case. */
export function mentionsName(text: string, name: string): boolean {
  let index = NAME_INDEXES.get(name);
  if (!index) {
    // Names come from the directory and the draft's own addresses: a bounded few per policy.
    if (NAME_INDEXES.size >= 1000) NAME_INDEXES.clear();
    NAME_INDEXES.set(name, (index = new PhraseIndex([[name, true]], { boundary: 'strict' })));
  }
  return index.first(text) !== undefined;
}

/** One index per name asked about, kept across checks (rules ask about the same few names for every sentence). */
const NAME_INDEXES = new Map<string, PhraseIndex<true>>();

// ---- Names as the directory and display names write them ----

const TITLE_PREFIX = /^\s*(?:cllr\.?|councillor|mr|mrs|ms|miss|mx|dr|prof)\s+/i;
// The lookbehind starts the match only where the run of separators starts (linear on a long run).
const TITLE_SUFFIX = /(?<![\s,|\u2013\u2014-])[\s,|\u2013\u2014-]+(?:(?:ward|borough|district|county|town|parish|city|elected)\s+)?(?:cllr\.?|councillor)\s*$/i;

// What bareName has to take off: brackets, quotes, a comma, a title before or after the name.
const NOT_PLAIN = /[()"',]|cllr|councillor|^\s*(?:mr|mrs|ms|miss|mx|dr|prof)\s/i;

/**
 * Each "(…)" replaced by a space, as `replace(/\([^)]*\)/g, ' ')` would, without rescanning the rest
 * of the text from every "(" that has no ")" after it.
 */
function withoutBrackets(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('(', from);
    const close = open === -1 ? -1 : text.indexOf(')', open + 1);
    if (close === -1) return out + text.slice(from);
    out += `${text.slice(from, open)} `;
    from = close + 1;
  }
}

/** "Cllr Jane Smith (Councillor)" → "jane smith", for matching display names to the directory. */
export function bareName(name: string): string {
  // Most directory names are plain ("Jane Smith"): only spacing and case to fix.
  if (!NOT_PLAIN.test(name)) return name.replace(/\s+/g, ' ').trim().toLowerCase();
  let n = withoutBrackets(name).replace(/["']/g, '').replace(TITLE_SUFFIX, '');
  // "Smith, Jane" → "Jane Smith" (each part starts after its spaces: one way to read a run of them)
  const comma = /^\s*([^,\s][^,]*|\s),\s*([^,\s][^,]*|\s)$/.exec(n);
  if (comma) n = `${comma[2]} ${comma[1]}`;
  while (TITLE_PREFIX.test(n)) n = n.replace(TITLE_PREFIX, '');
  return n.replace(/\s+/g, ' ').trim().toLowerCase();
}

// ---- The index of one policy ----

/** A domain list looked up by the address's domain and each domain it sits under. */
class DomainIndex<T> {
  private readonly byDomain = new Map<string, { order: number; value: T }>();

  add(domain: string, order: number, value: T): void {
    const d = domain.trim().toLowerCase();
    if (d && !this.byDomain.has(d)) this.byDomain.set(d, { order, value });
  }

  /** The value of the earliest entry whose domain is `domain` or one it sits under ("mail.x.org" under "x.org"). */
  lookup(domain: string): T | undefined {
    if (this.byDomain.size === 0) return undefined;
    let d = domain.toLowerCase();
    let best: { order: number; value: T } | undefined;
    for (;;) {
      const hit = this.byDomain.get(d);
      if (hit && (!best || hit.order < best.order)) best = hit;
      const dot = d.indexOf('.');
      if (dot < 0) break;
      d = d.slice(dot + 1);
    }
    return best?.value;
  }
}

export interface PeopleIndex {
  /** Councillors by lower-case address (council, personal and approved personal addresses). */
  councillorByEmail: Map<string, CouncillorEntry>;
  /** Officers by lower-case address (an address a councillor has is the councillor's). */
  officerByEmail: Map<string, OfficerEntry>;
  /** Councillors by bare name (`bareName`): display names resolve through it. */
  councillorsByBareName: Map<string, CouncillorEntry>;
  /** The bare names of the directory's councillors and officers (the officers' made on first use). */
  councillorBareNames: Set<string>;
  readonly officerBareNames: Set<string>;
  /** The communications team's shared addresses, lower case. */
  commsAddresses: Set<string>;
  /** Councillors' full names as written in text, case as the directory writes it (a name is a proper noun). */
  councillorNames: PhraseIndex<CouncillorEntry>;
  /** Councillors by full name, lower case; by surname and by office, `null` where two share it. */
  councillorsByFullName: Map<string, CouncillorEntry>;
  councillorsBySurname: Map<string, CouncillorEntry | null>;
  councillorsByRole: Map<CouncillorRole, CouncillorEntry | null>;
  /** Officers holding each role, in directory order. */
  officersByRole: Map<OfficerRole, OfficerEntry[]>;
  /** Ward names in text (any case; not joined to another word by a hyphen): the ward as the directory writes it. */
  wards: PhraseIndex<string>;
  /** Councillors by ward (trimmed, lower case), in directory order. */
  councillorsByWard: Map<string, CouncillorEntry[]>;
  /** The party at a domain (or one it sits under); the first listed wins. */
  partyForDomain(domain: string): PartyEntry | undefined;
  isMediaDomain(domain: string): boolean;
  /** One of the council's own domains (or under one). */
  isCouncilDomain(domain: string): boolean;
}

const indexes = new WeakMap<ResolvedPolicy, PeopleIndex>();

/**
 * @summary The policy's people index, built on first use and kept for as long as the policy object lives.
 * Everything in it comes from the policy alone; nothing from a draft is kept.
 */
export function peopleIndex(policy: ResolvedPolicy): PeopleIndex {
  let index = indexes.get(policy);
  if (!index) {
    index = buildPeopleIndex(policy);
    indexes.set(policy, index);
  }
  return index;
}

/** Build the index (peopleIndex caches it; the benchmark times this). */
export function buildPeopleIndex(policy: ResolvedPolicy): PeopleIndex {
  const councillorByEmail = new Map<string, CouncillorEntry>();
  const officerByEmail = new Map<string, OfficerEntry>();
  const councillorsByBareName = new Map<string, CouncillorEntry>();
  const councillorsByFullName = new Map<string, CouncillorEntry>();
  const councillorsBySurname = new Map<string, CouncillorEntry | null>();
  const councillorsByRole = new Map<CouncillorRole, CouncillorEntry | null>();
  const councillorsByWard = new Map<string, CouncillorEntry[]>();
  const councillorNames = new PhraseIndex<CouncillorEntry>([], { matchCase: true });
  const wards = new PhraseIndex<string>([], { boundary: 'strict' });
  for (const c of policy.councillors) {
    councillorByEmail.set(c.email.toLowerCase(), c);
    for (const e of c.personalEmails ?? []) councillorByEmail.set(e.toLowerCase(), c);
    for (const e of c.approvedPersonalEmails ?? []) councillorByEmail.set(e.toLowerCase(), c);
    councillorsByBareName.set(bareName(c.name), c);
    const name = c.name.trim();
    councillorsByFullName.set(name.toLowerCase(), c);
    councillorNames.add(name, c);
    const surname = name.split(/\s+/).pop()!.toLowerCase();
    councillorsBySurname.set(surname, councillorsBySurname.has(surname) ? null : c);
    for (const r of c.roles ?? []) councillorsByRole.set(r, councillorsByRole.has(r) ? null : c);
    const ward = c.ward?.trim();
    if (ward) {
      wards.add(ward, c.ward!);
      const key = ward.toLowerCase();
      const list = councillorsByWard.get(key);
      if (list) list.push(c);
      else councillorsByWard.set(key, [c]);
    }
  }
  const officersByRole = new Map<OfficerRole, OfficerEntry[]>();
  for (const o of policy.officers) {
    const key = o.email.toLowerCase();
    if (!councillorByEmail.has(key) && !officerByEmail.has(key)) officerByEmail.set(key, o);
    if (!o.roles?.length) continue;
    for (const r of o.roles) {
      const list = officersByRole.get(r);
      if (list) list.push(o);
      else officersByRole.set(r, [o]);
    }
  }
  const parties = new DomainIndex<PartyEntry>();
  policy.parties.forEach((p, order) => {
    for (const d of p.domains ?? []) parties.add(d, order, p);
  });
  const media = new DomainIndex<true>();
  for (const d of policy.communications.mediaDomains) media.add(d, 0, true);
  const council = new DomainIndex<true>();
  for (const d of policy.council.domains) council.add(d, 0, true);
  let officerBareNames: Set<string> | undefined;
  return {
    councillorByEmail,
    officerByEmail,
    councillorsByBareName,
    councillorBareNames: new Set(councillorsByBareName.keys()),
    // Only personal-email asks, and only for a personal address with a display name.
    get officerBareNames() {
      officerBareNames ??= new Set(policy.officers.map((o) => bareName(o.name)));
      return officerBareNames;
    },
    commsAddresses: new Set(policy.communications.teamAddresses.map((a) => a.toLowerCase())),
    councillorNames,
    councillorsByFullName,
    councillorsBySurname,
    councillorsByRole,
    officersByRole,
    wards,
    councillorsByWard,
    partyForDomain: (domain) => parties.lookup(domain),
    isMediaDomain: (domain) => media.lookup(domain) === true,
    isCouncilDomain: (domain) => council.lookup(domain) === true,
  };
}
