/**
 * One compiler for every vocabulary file: entries become token patterns, indexed by the words
 * they can start with, so that one pass over a draft's tokens finds the hits of every entry.
 * No entry can be gated off by hand: the index is derived from the phrases themselves.
 *
 * Nothing here builds a regular expression from data (the policy's party names and vocabulary
 * included): matching compares tokens, so its cost grows with the draft, not with the lists.
 */
import type { PartyEntry } from '../policy.ts';
import { Gap, tokenize, type Token } from '../text-model/tokenize.ts';
import { buildTextModel, refreshWriterSide, type ModelOptions, type Region, type Sentence, type TextModel } from '../text-model/model.ts';
import type { LexiconEntrySpec, LexiconFile, Vocabulary } from './types.ts';

// ---- Patterns ----

type Slot = 'party' | 'party-any' | 'number' | 'money' | 'capital' | 'start';

type Element =
  | { t: 'word'; literals: Set<string>; prefixes: string[]; capital: boolean; optional: boolean }
  | { t: 'gap'; max: number }
  | { t: 'slot'; slot: Slot; optional: boolean }
  | { t: 'ref'; id: string; optional: boolean }
  | { t: 'group'; sequences: Element[][]; optional: boolean };

interface Pattern {
  /** Its place in the lexicon's pattern list. */
  id: number;
  key: string;
  phrase: string;
  elements: Element[];
  /** When the first element is one required word: the words and prefixes the next token must have, to rule a start out before matching. */
  second?: { literals: Set<string>; prefixes: string[] };
  /** The regions its entry reads: a phrase is not looked for where no hit of it could count. */
  regions?: Set<Region>;
  /** The same as bits (REGION_BIT); every region when it has none. */
  regionMask: number;
  /** The tokens a match can start at: words and prefixes, or a class of token. */
  starts?: Starts;
  /** A rarer required word than the first: a sentence without it is skipped. */
  anchor?: Anchor;
}

type StartClass = 'number' | 'capital' | 'party' | 'start' | 'any';

interface Starts {
  literals: Set<string>;
  prefixes: string[];
  /** When the phrase starts with a slot: the class of token it can start at. */
  cls?: StartClass;
  /** Its place in the lexicon's list of distinct start sets (patterns that start alike share one). */
  id?: number;
}

/**
 * Words one of which a sentence must hold for a pattern to match in it: the least common
 * required word of the phrase. A sentence's words switch its patterns on, so a phrase that
 * starts with "we" is tried only in sentences that also hold the rarer word it needs.
 */
interface Anchor {
  literals: Set<string>;
  prefixes: string[];
  /** A party's name (the `<party>` slot). */
  party: boolean;
  /** Its place in the lexicon's list of distinct anchors (patterns with the same anchor share one), set when it is indexed. */
  id?: number;
}

// The commonest words of English letters (function words and the verbs that carry requests):
// a phrase is anchored on one of these only when it has nothing rarer.
const COMMON_WORDS = new Set(
  ('a an the and or but of to in on at by for with from as is are was were be been being am do does did done have has had ' +
    'will would can could shall should may might must not no this that these those it its i me my we us our you your he him his she ' +
    'her they them their there here what which who whom when where why how all any some so if then than up out about please just ' +
    'get got go make made take let now also very more most one new time all').split(' '),
);
/** A phrase that could not be read: names the file, the entry and the phrase. */
export class LexiconError extends Error {}

const VOWELS = /[aeiou]/;

/** English verb forms by the usual spelling rules: base, -s, -ed, -ing. Over-generation is harmless. */
function verbForms(base: string): string[] {
  const out = new Set([base]);
  const last = base.slice(-1);
  const cvc = base.length >= 3 && !VOWELS.test(last) && !/[wxy]/.test(last) && VOWELS.test(base.slice(-2, -1)) && !VOWELS.test(base.slice(-3, -2));
  if (/(?:s|x|z|ch|sh)$/.test(base)) out.add(base + 'es');
  else if (/[^aeiou]y$/.test(base)) out.add(base.slice(0, -1) + 'ies');
  else out.add(base + 's');
  if (last === 'e') out.add(base + 'd');
  else if (/[^aeiou]y$/.test(base)) out.add(base.slice(0, -1) + 'ied');
  else out.add(base + 'ed');
  if (/ie$/.test(base)) out.add(base.slice(0, -2) + 'ying');
  else if (last === 'e' && !/ee$/.test(base)) out.add(base.slice(0, -1) + 'ing');
  else out.add(base + 'ing');
  if (cvc) {
    out.add(base + last + 'ed');
    out.add(base + last + 'ing');
  }
  return [...out];
}

function nounForms(base: string): string[] {
  if (/(?:s|x|z|ch|sh)$/.test(base)) return [base, base + 'es'];
  if (/[^aeiou]y$/.test(base)) return [base, base.slice(0, -1) + 'ies'];
  return [base, base + 's'];
}

/** The literal words one word-element stands for. */
function expandWord(raw: string, where: string): { literals: string[]; prefixes: string[] } {
  const m = /^([^{/*]*)(?:\{([^}]*)\})?(?:\/(v|n|vn|nv))?(\*)?$/.exec(raw);
  if (!m) throw new LexiconError(`${where}: cannot read "${raw}"`);
  const stem = m[1]!;
  if (m[4]) {
    if (stem.length < 3 || m[2] !== undefined || m[3]) throw new LexiconError(`${where}: a "*" needs at least three letters before it and nothing else ("${raw}")`);
    return { literals: [], prefixes: [stem] };
  }
  let words = m[2] !== undefined ? m[2].split(',').map((ending) => stem + ending) : [stem];
  if (m[3]) words = words.flatMap((w) => [...(m[3]!.includes('v') ? verbForms(w) : []), ...(m[3]!.includes('n') ? nounForms(w) : [])]);
  return { literals: words, prefixes: [] };
}

/** White space as `\s` reads it, without a regular expression per character. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32) return true;
  if (c > 32 && c < 0x80) return false;
  return /\s/.test(text[i]!);
}

/** Split a phrase into parts at spaces outside parentheses and brackets. */
function splitTop(phrase: string, where: string): string[] {
  const text = phrase.trim();
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91) depth += 1; // ( [
    else if (c === 41 || c === 93) depth -= 1; // ) ]
    if (depth < 0) throw new LexiconError(`${where}: a bracket closes that never opened`);
    if (depth === 0 && isSpaceAt(text, i)) {
      if (i > from) parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) throw new LexiconError(`${where}: a bracket is not closed`);
  if (text.length > from) parts.push(text.slice(from));
  return parts;
}

/** Split "a b|c" at the bars outside parentheses. */
function splitBars(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91) depth += 1;
    else if (c === 41 || c === 93) depth -= 1;
    else if (c === 124 && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

const PLAIN_WORD = /^[a-z]+$/;

/**
 * Phrases already read, by their text: every policy's lexicon reads the same built-in phrases,
 * and the elements are never changed once made, so a second policy (the preview's, a council's
 * after an edit) shares them. Only phrases that read without error are kept.
 */
const parsedPhrases = new Map<string, Element[]>();

function parsedPhrase(phrase: string, where: string): Element[] {
  let elements = parsedPhrases.get(phrase);
  if (!elements) parsedPhrases.set(phrase, (elements = parsePhrase(phrase, where)));
  return elements;
}

/** Split a phrase into its elements; literal words are tokenized as text is, so "won't" is "will not". */
function parsePhrase(phrase: string, where: string): Element[] {
  const parts = splitTop(phrase, where);
  if (parts.length === 0) throw new LexiconError(`${where}: empty phrase`);
  const out: Element[] = [];
  for (const part of parts) out.push(...parsePart(part, where));
  if (out[0]?.t === 'gap' || out[out.length - 1]?.t === 'gap') throw new LexiconError(`${where}: a phrase cannot start or end with a gap`);
  return out;
}

function parsePart(raw: string, where: string): Element[] {
  let part = raw;
  let optional = false;
  if (part.startsWith('[') && part.endsWith(']')) {
    optional = true;
    part = part.slice(1, -1);
  }
  const gap = /^\.\.(\d)$/.exec(part);
  if (gap) return [{ t: 'gap', max: Number(gap[1]) }];
  if (part.startsWith('..')) throw new LexiconError(`${where}: a gap is ..1 to ..9 words, got "${part}"`);
  const slot = /^<(party|party-any|number|money|capital|start)>$/.exec(part);
  if (slot) return [{ t: 'slot', slot: slot[1] as Slot, optional }];
  if (part.startsWith('<')) throw new LexiconError(`${where}: unknown slot "${part}"`);
  if (part.startsWith('@')) return [{ t: 'ref', id: part.slice(1), optional }];
  const capital = part.startsWith('^');
  if (capital) part = part.slice(1);
  const groupTail = part.startsWith('(') ? part.slice(part.lastIndexOf(')') + 1) : '';
  if (groupTail.startsWith('/') || groupTail.startsWith('{')) {
    throw new LexiconError(`${where}: "${part}": word forms go on each word inside a group ("(jump/v|skip/v)"), not after it`);
  }
  if (groupTail && !/\s/.test(part)) throw new LexiconError(`${where}: "${part}": nothing may follow a group's closing bracket (got "${groupTail}"); an optional group is written in square brackets`);
  const grouped = part.startsWith('(') && part.endsWith(')');
  const alternatives = splitBars(grouped ? part.slice(1, -1) : part);
  // A part that reads as itself again ("a(b)") would be split for ever: say what is wrong instead.
  if (alternatives.length === 1 && alternatives[0] === part && /[([]/.test(part) && !/\s/.test(part)) {
    throw new LexiconError(`${where}: "${part}": a bracket inside a word; put spaces around a group`);
  }
  // Alternatives of several words ("(put out|draft)", "[has been]"): a group of sequences.
  // And alternatives that are slots or references ("(him|<capital>)", "(it|@favours.charge)").
  if (alternatives.some((a) => /\s/.test(a.trim()) || a.includes('(') || a.includes('[') || /^[<@]/.test(a.trim()))) {
    const sequences = alternatives.map((a) => parsePhrase(a, where));
    return [{ t: 'group', sequences, optional }];
  }
  const literals = new Set<string>();
  const prefixes: string[] = [];
  const sequences: string[][] = [];
  for (const alternative of alternatives) {
    const expanded = expandWord(alternative, where);
    prefixes.push(...expanded.prefixes.map((p) => p.toLowerCase()));
    for (const literal of expanded.literals) {
      // Tokenize the literal as text is tokenized: "don't" → do not, "door-knock" → door knock.
      // A clitic on its own ("'s" in "leader 's column") is tokenized after a word, as in text;
      // alone, its apostrophe would read as a quotation mark.
      // Most literals are one word in lower-case letters, which the tokenizer would give back as they are.
      const norms = PLAIN_WORD.test(literal) && literal !== 'cannot' ? [literal] : /^'\p{L}+$/u.test(literal) ? wordsOf(tokenize(`x${literal}`)).slice(1) : wordsOf(tokenize(literal));
      if (norms.length === 1) literals.add(norms[0]!);
      else if (norms.length > 1) sequences.push(norms);
    }
  }
  if (sequences.length) {
    const wordElement = (norm: string): Element => ({ t: 'word', literals: new Set([norm]), prefixes: [], capital: false, optional: false });
    const seqs: Element[][] = sequences.map((seq) => seq.map(wordElement));
    if (literals.size || prefixes.length) seqs.push([{ t: 'word', literals, prefixes, capital, optional: false }]);
    if (seqs.length === 1 && !optional) return seqs[0]!;
    return [{ t: 'group', sequences: seqs, optional }];
  }
  return [{ t: 'word', literals, prefixes, capital, optional }];
}

function wordsOf(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => !t.joiner).map((t) => t.norm);
}

/** @summary Whether a phrase can be read: undefined when it can, else what is wrong (for the policy's `vocabulary`). */
export function phraseProblem(phrase: string): string | undefined {
  try {
    parsePhrase(phrase, 'phrase');
    return undefined;
  } catch (error) {
    return error instanceof LexiconError ? error.message.replace(/^phrase: /, '') : String(error);
  }
}

const NO_ENDS: number[] = [];

// ---- Entries ----

export interface CompiledEntry {
  spec: LexiconEntrySpec;
  family: string;
  off: boolean;
  patterns: Pattern[];
  unless: Pattern[];
  ignore: Pattern[];
  /** Weaker forms (parties: abbreviations and ambiguous words) for `<party-any>`. */
  labels: Pattern[];
  regions: Set<Region>;
  unlessKey: string;
  ignoreKey: string;
}

/** What a lexicon has worked out about one model. */
interface ModelState {
  /** Token positions by word (joiners left out), and of numbers and capitalised words. */
  at: Map<string, number[]>;
  numbers: number[];
  capitals: number[];
  partyStarts?: number[];
  sentenceStarts?: number[];
  /** Per pattern id: 1 when the draft holds a word it can start with. */
  live: Uint8Array;
  /** Per prefix: the position lists of the draft's words that start with it. */
  prefixed: Map<string, number[][]>;
  /** Phrase matches by pattern list (an entry's id, `id#unless`, `id#ignore`). */
  raw: Map<string, Hit[]>;
  /** Counting hits, and the same grouped by sentence, by entry id. */
  hits: Map<string, Hit[]>;
  bySentence: Map<string, Map<number, Hit[]>>;
  /** The same, read as the council's own publication (see `Reading`). */
  published: Map<string, Hit[]>;
  publishedBySentence: Map<string, Map<number, Hit[]>>;
  /** Where an entry's phrases starting at a token end, by entry id and token. */
  refs: Map<string, Map<number, number[]>>;
  /** Per anchor id: the sentences that hold the anchor, in order, once asked for. */
  anchorSentences: Map<number, number[]>;
  /** Per token: the next token that is not a joining hyphen (the token count when there is none). */
  nextWord: Int32Array;
  /** Per sentence: its region as a bit (REGION_BIT), and its end token. */
  sentenceRegion: Uint8Array;
  sentenceLast: Int32Array;
  /** Per start set id: where its patterns can start, once asked for. */
  startLists: Map<number, readonly (readonly number[])[]>;
}



/** An entry with no `unless` or `ignore` phrases reads these instead of looking for none. */
const NO_SENTENCES: ReadonlySet<number> = new Set();
const NO_HITS: readonly Hit[] = [];

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}

/** How hits are read. */
export interface Reading {
  /**
   * The text is the council's own publication (a release, statement, newsletter): the words it
   * quotes are published by the council, so entries that leave out someone else's reported
   * words (`counts.quoted: "unless-reported"`) count them.
   */
  published?: boolean;
}

/** A phrase found in the text. Offsets into the model's text; tokens [first, last). */
export interface Hit {
  entry: string;
  sentence: number;
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface PartySpec {
  name: string;
  /** Forms that name the party wherever they stand, written with capitals. */
  strong: string[];
  /** Abbreviations and ordinary words: a party only in a label position. */
  short: string[];
}

// Single words that are also ordinary English or place names: never a party outside a label position.
const AMBIGUOUS_PARTY_WORDS = new Set(['green', 'reform', 'independent', 'independents', 'alliance', 'liberal', 'residents', 'plaid', 'con', 'lab', 'ind', 'socialist', 'heritage', 'together']);

/**
 * The vocabulary compiled for one policy: the built-in files, the policy's parties and its
 * `vocabulary` additions and ignores.
 */
export class Lexicon {
  readonly entries = new Map<string, CompiledEntry>();
  /** Party patterns by their first word: the `<party>` slot looks up the token, never scans the list. */
  private readonly partyIndex = new Map<string, { pattern: Pattern; strong: boolean; party: string }[]>();
  /** The strong party names written as one word ("libdems", "greenparty"), longest first once built: for hashtags. */
  private readonly joinedParties: { joined: string; party: string }[] = [];

  /**
   * @summary The party a run-together word starts with, by a strong name ("#LabourDelivers",
   * "#VoteLibDem" after "vote"), or undefined. Ambiguous words ("green", "reform") never count alone.
   */
  partyStartingWord(written: string): string | undefined {
    const norm = written.toLowerCase();
    for (const p of this.joinedParties) {
      if (p.joined.length < 3 || !norm.startsWith(p.joined)) continue;
      // The name ends the word or a capital starts the next one ("LabourDelivers"; not "GreenSpaces" for "Greens").
      const next = written.charAt(p.joined.length);
      if (next === '' || /[\p{Lu}\d]/u.test(next)) return p.party;
    }
    return undefined;
  }

  constructor(files: readonly LexiconFile[], parties: readonly PartySpec[] = [], vocabulary: Vocabulary = {}) {
    for (const file of files) {
      for (const spec of file.entries) {
        const where = `lexicon ${file.family}: ${spec.id}`;
        if (this.entries.has(spec.id)) throw new LexiconError(`${where}: the id is used twice`);
        const setting = vocabulary[spec.id];
        const ignored = new Set(setting && setting !== 'off' ? (setting.ignore ?? []).map((p) => p.trim().toLowerCase()) : []);
        const phrases = [...spec.phrases, ...(setting && setting !== 'off' ? (setting.add ?? []) : [])].filter((p) => !ignored.has(p.trim().toLowerCase()));
        const entry: CompiledEntry = {
          spec,
          family: file.family,
          off: setting === 'off',
          patterns: phrases.map((p) => this.pattern(spec.id, p, parsedPhrase(p, `${where}: "${p}"`))),
          unless: (spec.unless ?? []).map((p) => this.pattern(`${spec.id}#unless`, p, parsedPhrase(p, `${where}: unless "${p}"`))),
          ignore: [...ignored].map((p) => this.pattern(`${spec.id}#ignore`, p, parsedPhrase(p, `${where}: ignore "${p}"`))),
          labels: [],
          regions: new Set(spec.regions ?? ['own']),
          unlessKey: `${spec.id}#unless`,
          ignoreKey: `${spec.id}#ignore`,
        };
        this.entries.set(spec.id, entry);
      }
    }
    for (const party of parties) this.addParty(party);
    for (const entry of this.entries.values()) {
      for (const p of [...entry.patterns, ...entry.unless]) {
        for (const e of p.elements) if (e.t === 'ref' && !this.entries.has(e.id)) throw new LexiconError(`lexicon: ${entry.spec.id}: "${p.phrase}" refers to an unknown entry "@${e.id}"`);
      }
    }
    for (const entry of this.entries.values()) {
      for (const p of [...entry.patterns, ...entry.unless, ...entry.ignore]) {
        p.regions = entry.regions;
        p.regionMask = 0;
        for (const r of entry.regions) p.regionMask |= REGION_BIT[r];
        this.index(p);
        this.indexAnchor(p);
      }
    }
  }

  private readonly patterns: Pattern[] = [];

  /** Patterns by their list's key: an entry's id, `id#unless`, `id#ignore`. */
  private readonly byKey = new Map<string, Pattern[]>();

  private pattern(key: string, phrase: string, elements: Element[]): Pattern {
    const p: Pattern = { id: this.patterns.length, key, phrase, elements, regionMask: ALL_REGIONS };
    this.patterns.push(p);
    const list = this.byKey.get(key);
    if (list) list.push(p);
    else this.byKey.set(key, [p]);
    return p;
  }

  private indexAnchor(p: Pattern): void {
    const anchor = this.anchorOf(p.elements, 0);
    if (!anchor || anchorScore(anchor) === 0) return;
    // An anchor that is the first word itself adds nothing: the start positions are its positions.
    const starts = p.starts;
    const same = starts && !starts.cls && !anchor.party && [...anchor.literals].every((l) => starts.literals.has(l)) && anchor.prefixes.every((x) => starts.prefixes.includes(x));
    if (same) return;
    // Patterns with the same anchor share one object, so that where it stands is worked out once per text.
    const key = `${[...anchor.literals].sort().join(' ')}|${[...anchor.prefixes].sort().join(' ')}|${anchor.party}`;
    let shared = this.anchors.get(key);
    if (!shared) this.anchors.set(key, (shared = { ...anchor, id: this.anchors.size }));
    p.anchor = shared;
  }

  /** The distinct anchors, by their words. */
  private readonly anchors = new Map<string, Anchor>();

  /** The rarest required element of a sequence as an anchor; undefined when a match could hold none (all optional, or slots only). */
  private anchorOf(elements: readonly Element[], depth: number): Anchor | undefined {
    if (depth > 6) return undefined;
    let best: Anchor | undefined;
    let bestScore = -1;
    for (const e of elements) {
      if (e.t === 'gap' || ('optional' in e && e.optional)) continue;
      let anchor: Anchor | undefined;
      if (e.t === 'word') anchor = { literals: e.literals, prefixes: e.prefixes, party: false };
      else if (e.t === 'slot') anchor = e.slot === 'party' || e.slot === 'party-any' ? { literals: new Set(), prefixes: [], party: true } : undefined;
      else {
        const sequences = e.t === 'group' ? e.sequences : (this.entries.get(e.id)?.patterns.map((q) => q.elements) ?? []);
        anchor = { literals: new Set(), prefixes: [], party: false };
        for (const seq of sequences) {
          const a = this.anchorOf(seq, depth + 1);
          if (!a) {
            anchor = undefined;
            break;
          }
          for (const l of a.literals) anchor.literals.add(l);
          anchor.prefixes.push(...a.prefixes);
          anchor.party ||= a.party;
        }
        if (sequences.length === 0) anchor = undefined;
      }
      if (!anchor) continue;
      const score = anchorScore(anchor);
      if (score > bestScore) {
        best = anchor;
        bestScore = score;
      }
    }
    return best;
  }

  private addParty(party: PartySpec): void {
    const add = (form: string, strong: boolean) => {
      const norms = wordsOf(tokenize(form));
      if (norms.length === 0) return;
      const elements: Element[] = norms.map((n) => ({ t: 'word', literals: new Set([n]), prefixes: [], capital: true, optional: false }));
      const pattern: Pattern = { id: -1, key: 'party', phrase: form, elements, regionMask: ALL_REGIONS };
      const list = this.partyIndex.get(norms[0]!) ?? [];
      list.push({ pattern, strong, party: party.name });
      this.partyIndex.set(norms[0]!, list);
      if (strong) this.joinedParties.push({ joined: norms.filter((n) => n !== '-').join(''), party: party.name });
    };
    for (const f of party.strong) add(f, true);
    for (const f of party.short) add(f, false);
  }

  private index(p: Pattern): void {
    // Where a match can start, derived from the phrase itself (through optional words, groups
    // and references); a phrase that starts with a slot starts at tokens of its class.
    const e0 = p.elements[0];
    if (e0?.t === 'word' && !e0.optional && p.elements.length > 1) {
      const next = this.firstKeys(p.elements, 1, 0);
      if (next) p.second = next;
    }
    const keys = this.firstKeys(p.elements, 0, 0);
    const slot = e0?.t === 'slot' && !e0.optional ? e0.slot : undefined;
    const starts: Starts = keys ?? (slot === 'money' ? { literals: new Set(['£', '$', '€']), prefixes: [] } : { literals: new Set(), prefixes: [], cls: slot === 'party-any' ? 'party' : (slot ?? 'any') });
    // Patterns that start alike share one start set, so that where they can start is looked up once per text.
    const startsKey = `${[...starts.literals].join(' ')}|${starts.prefixes.join(' ')}|${starts.cls ?? ''}`;
    let shared = this.startSets.get(startsKey);
    if (!shared) this.startSets.set(startsKey, (shared = { ...starts, id: this.startSets.size }));
    p.starts = shared;
    if (p.starts.cls) {
      this.startByClass.push(p);
      return;
    }
    for (const l of p.starts.literals) {
      const list = this.startWord.get(l);
      if (list) list.push(p.id);
      else this.startWord.set(l, [p.id]);
    }
    for (const prefix of p.starts.prefixes) {
      const key = prefix.slice(0, 3);
      const list = this.startPrefix.get(key) ?? [];
      const same = list.find((x) => x.prefix === prefix);
      if (same) same.ids.push(p.id);
      else list.push({ prefix, ids: [p.id] });
      this.startPrefix.set(key, list);
    }
  }

  /** The distinct start sets, by their words. */
  private readonly startSets = new Map<string, Starts>();
  /** Patterns by the words and prefixes they can start with, and those that start with a slot. */
  private readonly startWord = new Map<string, number[]>();
  private readonly startPrefix = new Map<string, { prefix: string; ids: number[] }[]>();
  private readonly startByClass: Pattern[] = [];
  private readonly families = new Map<string, string[]>();

  /** The literal words and prefixes a match of `elements[from..]` can start with; undefined when any token can. */
  private firstKeys(elements: readonly Element[], from: number, depth: number): { literals: Set<string>; prefixes: string[] } | undefined {
    const e = elements[from];
    if (!e || depth > 6) return undefined;
    // A sentence start takes no token: the phrase starts with what follows it.
    if (e.t === 'slot' && e.slot === 'start') return this.firstKeys(elements, from + 1, depth + 1);
    let keys: { literals: Set<string>; prefixes: string[] } | undefined;
    if (e.t === 'word') keys = { literals: new Set(e.literals), prefixes: [...e.prefixes] };
    else if (e.t === 'group' || e.t === 'ref') {
      const seqs = e.t === 'group' ? e.sequences : (this.entries.get(e.id)?.patterns.map((q) => q.elements) ?? []);
      keys = { literals: new Set(), prefixes: [] };
      for (const seq of seqs) {
        const k = this.firstKeys(seq, 0, depth + 1);
        if (!k) return undefined;
        for (const l of k.literals) keys.literals.add(l);
        keys.prefixes.push(...k.prefixes);
      }
    } else return undefined;
    if ('optional' in e && e.optional) {
      const rest = this.firstKeys(elements, from + 1, depth + 1);
      if (!rest) return undefined;
      for (const l of rest.literals) keys.literals.add(l);
      keys.prefixes.push(...rest.prefixes);
    }
    return keys;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  // ---- Matching ----


  /** What this lexicon has worked out about one model: its word index and every result, kept with the model. */
  /** The model read last and its state: most calls in a check ask about the same model. */
  private lastModel: TextModel | undefined;
  private lastState: ModelState | undefined;

  private state(model: TextModel): ModelState {
    if (model === this.lastModel) return this.lastState!;
    let state = model.readers.get(this) as ModelState | undefined;
    if (!state) {
      const at = new Map<string, number[]>();
      const numbers: number[] = [];
      const capitals: number[] = [];
      const { tokens } = model;
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k]!;
        if (t.joiner) continue;
        const list = at.get(t.norm);
        if (list) list.push(k);
        else at.set(t.norm, [k]);
        if (t.kind === 'number') numbers.push(k);
        else if (t.capital) capitals.push(k);
      }
      // Where each pattern can start: from the draft's distinct words, so that the cost follows
      // the draft, not the size of the vocabulary.
      // Which patterns can start somewhere in this draft, from its distinct words: the cost
      // follows the draft, not the size of the vocabulary.
      const live = new Uint8Array(this.patterns.length);
      for (const norm of at.keys()) {
        const ids = this.startWord.get(norm);
        if (ids) for (const id of ids) live[id] = 1;
        if (norm.length >= 3) {
          const prefixed = this.startPrefix.get(norm.slice(0, 3));
          if (prefixed) for (const x of prefixed) if (norm.startsWith(x.prefix)) for (const id of x.ids) live[id] = 1;
        }
      }
      for (const p of this.startByClass) live[p.id] = 1;
      // Flat arrays of what the scan reads at every position, so that it need not visit the token and sentence objects.
      const nextWord = new Int32Array(tokens.length);
      let following = tokens.length;
      for (let k = tokens.length - 1; k >= 0; k--) {
        nextWord[k] = following;
        if (!tokens[k]!.joiner) following = k;
      }
      const sentenceRegion = new Uint8Array(model.sentences.length);
      const sentenceLast = new Int32Array(model.sentences.length);
      for (const s of model.sentences) {
        sentenceRegion[s.index] = REGION_BIT[s.region];
        sentenceLast[s.index] = s.last;
      }
      state = { at, numbers, capitals, live, prefixed: new Map(), raw: new Map(), hits: new Map(), bySentence: new Map(), published: new Map(), publishedBySentence: new Map(), refs: new Map(), anchorSentences: new Map(), startLists: new Map(), nextWord, sentenceRegion, sentenceLast };
      model.readers.set(this, state);
    }
    this.lastModel = model;
    this.lastState = state;
    return state;
  }

  /** Where a pattern can start: lists of token positions, each in order. */
  private startPositions(model: TextModel, state: ModelState, p: Pattern): readonly (readonly number[])[] {
    const id = p.starts!.id!;
    let known = state.startLists.get(id);
    if (!known) state.startLists.set(id, (known = this.startPositionsOf(model, state, p.starts!)));
    return known;
  }

  private startPositionsOf(model: TextModel, state: ModelState, starts: Starts): readonly (readonly number[])[] {
    switch (starts.cls) {
      case 'number':
        return [state.numbers];
      case 'capital':
        return [state.capitals];
      case 'party':
        return [this.partyStarts(model, state)];
      case 'start':
        return [(state.sentenceStarts ??= model.sentences.flatMap((s) => range(s.first, Math.min(s.last, s.first + 5)).filter((k) => !model.tokens[k]!.joiner)))];
      case 'any':
        return [range(0, model.tokens.length).filter((k) => !model.tokens[k]!.joiner)];
      default:
        break;
    }
    const lists: number[][] = [];
    for (const l of starts.literals) {
      const positions = state.at.get(l);
      if (positions) lists.push(positions);
    }
    for (const prefix of starts.prefixes) for (const positions of this.prefixedPositions(state, prefix)) lists.push(positions);
    return lists;
  }

  /**
   * The sentences that hold an anchor, in order: from the text's word index, so that the cost
   * follows how often the anchor's words occur, not the length of every sentence tried.
   */
  private anchorSentences(model: TextModel, state: ModelState, anchor: Anchor): number[] {
    const id = anchor.id!;
    const known = state.anchorSentences.get(id);
    if (known) return known;
    const marks: number[] = [];
    const { sentenceOf } = model;
    // A hyphen that joins two words is not in the word index: an anchor that is a hyphen reads the sentences themselves.
    if (anchor.literals.has('-')) {
      for (const s of model.sentences) if (this.holdsAnchor(model, anchor, s)) marks.push(s.index);
      state.anchorSentences.set(id, marks);
      return marks;
    }
    const add = (positions: readonly number[]) => {
      for (const k of positions) marks.push(sentenceOf[k]!);
    };
    for (const l of anchor.literals) {
      const positions = state.at.get(l);
      if (positions) add(positions);
    }
    for (const prefix of anchor.prefixes) for (const positions of this.prefixedPositions(state, prefix)) add(positions);
    if (anchor.party) add(this.partyStarts(model, state));
    let out = marks;
    if (out.length > 1) {
      out.sort((a, b) => a - b);
      let w = 1;
      for (let r = 1; r < out.length; r++) if (out[r] !== out[w - 1]) out[w++] = out[r]!;
      out.length = w;
    }
    state.anchorSentences.set(id, out);
    return out;
  }

  /** The position lists of the text's words that start with a prefix. */
  private prefixedPositions(state: ModelState, prefix: string): number[][] {
    let found = state.prefixed.get(prefix);
    if (!found) {
      found = [];
      for (const [norm, positions] of state.at) if (norm.startsWith(prefix)) found.push(positions);
      state.prefixed.set(prefix, found);
    }
    return found;
  }

  /** Capitalised words that can start a party's name. */
  private partyStarts(model: TextModel, state: ModelState): number[] {
    return (state.partyStarts ??= state.capitals.filter((k) => this.partyIndex.has(model.tokens[k]!.norm)));
  }

  /** Whether a sentence holds a pattern's anchor word. */
  private holdsAnchor(model: TextModel, anchor: Anchor, s: Sentence): boolean {
    const { tokens } = model;
    for (let k = s.first; k < s.last; k++) {
      const norm = tokens[k]!.norm;
      if (anchor.literals.has(norm)) return true;
      if (anchor.prefixes.length > 0 && anchor.prefixes.some((x) => norm.startsWith(x))) return true;
      if (anchor.party && tokens[k]!.capital && this.partyIndex.has(norm)) return true;
    }
    return false;
  }

  /** The phrase matches (before conditions) of a list of patterns: an entry's phrases, its `unless` or its `ignore`. */
  private rawFor(model: TextModel, key: string): Hit[] {
    const state = this.state(model);
    const known = state.raw.get(key);
    if (known) return known;
    const patterns = this.byKey.get(key) ?? [];
    let out: Hit[] = [];
    let lists = 0;
    for (const p of patterns) {
      if (!state.live[p.id]) continue;
      for (const positions of this.startPositions(model, state, p)) {
        lists += 1;
        this.scan(model, p, positions, out);
      }
    }
    if (lists > 1 && out.length > 1) {
      // In text order; of the matches that start at one token, the longest.
      out.sort((a, b) => a.first - b.first || b.last - a.last);
      out = out.filter((h, i) => i === 0 || out[i - 1]!.first !== h.first);
    }
    state.raw.set(key, out);
    return out;
  }

  /** Try a pattern at each of the positions (in order); push what matches. */
  private scan(model: TextModel, p: Pattern, positions: readonly number[], out: Hit[]): void {
    const { tokens, sentenceOf } = model;
    const { nextWord, sentenceRegion, sentenceLast } = this.state(model);
    const mask = p.regionMask;
    const second = p.second;
    // The sentences that hold the anchor, walked in step with the positions (both in text order),
    // worked out at the first position that passes the cheaper tests.
    let anchored: number[] | undefined;
    let a = 0;
    for (let i = 0; i < positions.length; i++) {
      const k = positions[i]!;
      const sentence = sentenceOf[k]!;
      if ((sentenceRegion[sentence]! & mask) === 0) continue;
      if (second) {
        const next = nextWord[k]!;
        if (next >= sentenceLast[sentence]!) continue;
        const norm = tokens[next]!.norm;
        if (!second.literals.has(norm) && !(second.prefixes.length > 0 && second.prefixes.some((x) => norm.startsWith(x)))) continue;
      }
      if (p.anchor) {
        anchored ??= this.anchorSentences(model, this.state(model), p.anchor);
        if (anchored.length === 0) return;
        while (a < anchored.length && anchored[a]! < sentence) a += 1;
        if (anchored[a] !== sentence) continue;
      }
      const s = model.sentences[sentence]!;
      const end = this.matchFrom(model, p.elements, 0, k, s, 0);
      if (end > k) out.push({ entry: p.key, sentence, first: k, last: end, start: tokens[k]!.start, end: tokens[end - 1]!.end });
    }
  }

  /** Match `elements[ei..]` from token k; returns the end token index, or -1. */
  private matchFrom(model: TextModel, elements: readonly Element[], ei: number, k: number, s: Sentence, depth: number): number {
    const { tokens } = model;
    while (k < s.last && tokens[k]!.joiner) k += 1;
    if (ei === elements.length) return k;
    const e = elements[ei]!;
    if (e.t === 'gap') {
      let words = 0;
      for (let j = k; j <= s.last; j++) {
        const end = this.matchFrom(model, elements, ei + 1, j, s, depth);
        if (end >= 0) return end;
        if (j < s.last && !tokens[j]!.joiner) words += 1;
        if (words > e.max) break;
      }
      return -1;
    }
    if (e.t === 'slot' && e.slot === 'start') {
      return k === s.first || (k > s.first && isGreetingLead(model, s.first, k)) ? this.matchFrom(model, elements, ei + 1, k, s, depth) : -1;
    }
    if (k >= s.last) return e.optional ? this.matchFrom(model, elements, ei + 1, k, s, depth) : -1;
    const t = tokens[k]!;
    // A word or a slot matches one way: no list of ends to allocate.
    if (e.t === 'word' || e.t === 'slot') {
      const end = e.t === 'word' ? (wordMatches(e, t, model.text) ? k + 1 : -1) : this.matchSlot(model, e.slot, k, s);
      if (end > k) {
        const rest = this.matchFrom(model, elements, ei + 1, end, s, depth);
        if (rest >= 0) return rest;
      }
      return e.optional ? this.matchFrom(model, elements, ei + 1, k, s, depth) : -1;
    }
    let ends: number[] = NO_ENDS;
    if (e.t === 'group') {
      // Most groups end one way or not at all: a list of ends is made only when there are two.
      let one = -1;
      let many: number[] | undefined;
      for (const seq of e.sequences) {
        const end = this.matchFrom(model, seq, 0, k, s, depth);
        if (end <= k || end === one) continue;
        if (one === -1) one = end;
        else if (!many) many = [one, end];
        else if (!many.includes(end)) many.push(end);
      }
      if (many) ends = many.sort((a, b) => b - a);
      else if (one !== -1) {
        const rest = this.matchFrom(model, elements, ei + 1, one, s, depth);
        if (rest >= 0) return rest;
      }
    } else if (depth < 4) {
      ends = this.refEnds(model, e.id, k, s, depth);
    }
    for (const end of ends) {
      const rest = this.matchFrom(model, elements, ei + 1, end, s, depth);
      if (rest >= 0) return rest;
    }
    return e.optional ? this.matchFrom(model, elements, ei + 1, k, s, depth) : -1;
  }

  /** Where the phrases of entry `id` that start at token k end, longest first; memoised per model. */
  private refEnds(model: TextModel, id: string, k: number, s: Sentence, depth: number): number[] {
    // Most tokens cannot start any phrase of the entry: say so without matching or memoising.
    const starts = this.entryStarts(id);
    if (starts) {
      const norm = model.tokens[k]?.norm ?? '';
      if (!starts.literals.has(norm) && !starts.prefixes.some((p) => norm.startsWith(p))) return NO_ENDS;
    }
    const memo = this.state(model).refs;
    let byToken = memo.get(id);
    if (!byToken) memo.set(id, (byToken = new Map()));
    // The sentence is the token's own (or a party name's bound, which holds no references).
    const known = byToken.get(k);
    if (known) return known;
    const ends: number[] = [];
    const entry = this.entries.get(id);
    if (entry && !entry.off) {
      for (const p of entry.patterns) {
        const end = this.matchFrom(model, p.elements, 0, k, s, depth + 1);
        if (end > k && !ends.includes(end)) ends.push(end);
      }
      ends.sort((a, b) => b - a);
    }
    byToken.set(k, ends);
    return ends;
  }

  private readonly startsOf = new Map<string, { literals: Set<string>; prefixes: string[] } | null>();

  /** The words any phrase of an entry can start with; undefined when some phrase can start anywhere. */
  private entryStarts(id: string): { literals: Set<string>; prefixes: string[] } | undefined {
    let known = this.startsOf.get(id);
    if (known === undefined) {
      const entry = this.entries.get(id);
      let keys: { literals: Set<string>; prefixes: string[] } | null = { literals: new Set(), prefixes: [] };
      for (const p of entry?.patterns ?? []) {
        const k = this.firstKeys(p.elements, 0, 0);
        if (!k) {
          keys = null;
          break;
        }
        for (const l of k.literals) keys.literals.add(l);
        keys.prefixes.push(...k.prefixes);
      }
      this.startsOf.set(id, (known = keys));
    }
    return known ?? undefined;
  }

  private matchSlot(model: TextModel, slot: Slot, k: number, s: Sentence): number {
    const t = model.tokens[k]!;
    switch (slot) {
      case 'number':
        return t.kind === 'number' ? k + 1 : -1;
      case 'money':
        return (t.norm === '£' || t.norm === '$' || t.norm === '€') && model.tokens[k + 1]?.kind === 'number' && k + 1 < s.last ? k + 2 : -1;
      case 'capital':
        return t.kind === 'word' && t.capital ? k + 1 : -1;
      case 'party':
      case 'party-any': {
        const found = this.matchParty(model, k, s.last, slot === 'party-any');
        return found ? found.end : -1;
      }
      default:
        return -1;
    }
  }

  /** The longest party name starting at token k. */
  matchParty(model: TextModel, k: number, limit: number, anyForm: boolean): { end: number; party: string } | undefined {
    const t = model.tokens[k];
    if (!t) return undefined;
    const candidates = this.partyIndex.get(t.norm);
    if (!candidates) return undefined;
    let best: { end: number; party: string } | undefined;
    const sentence = model.sentences[model.sentenceOf[k]!]!;
    // A copy with an earlier end only when the limit cuts the sentence short.
    const s = limit < sentence.last ? { ...sentence, last: limit } : sentence;
    for (const c of candidates) {
      if (!c.strong && !anyForm) continue;
      const end = this.matchFrom(model, c.pattern.elements, 0, k, s, 0);
      if (end > k && (!best || end > best.end)) best = { end, party: c.party };
    }
    return best;
  }

  /**
   * @summary The hits of an entry that count: in its regions, not negated, not in quotation
   * marks, not reported (unless the entry says they count), not excused, with what it needs.
   */
  hits(model: TextModel, id: string, reading: Reading = {}): Hit[] {
    const state = this.state(model);
    const cache = reading.published ? state.published : state.hits;
    const cached = cache.get(id);
    if (cached) return cached;
    const entry = this.entries.get(id);
    if (!entry) throw new LexiconError(`lexicon: no entry "${id}"`);
    cache.set(id, []);
    if (entry.off) return [];
    // In the council's own publication, the words it quotes are the council's words too (a
    // release quoting the Leader attacking a party is party content on council publicity): the
    // entries that leave out other people's words count them.
    const spec = entry.spec.counts ?? {};
    const counts = reading.published && spec.quoted === 'unless-reported' ? { ...spec, quoted: true, reported: true } : spec;
    const needs = entry.spec.needs ?? {};
    const unless = entry.unless.length > 0 ? new Set(this.rawFor(model, entry.unlessKey).map((u) => u.sentence)) : NO_SENTENCES;
    const ignore = entry.ignore.length > 0 ? this.rawFor(model, entry.ignoreKey) : NO_HITS;
    const out: Hit[] = [];
    for (const hit of this.rawFor(model, id)) {
      const k = hit.first;
      if (!entry.regions.has(model.regionOf[k]!)) continue;
      if (!counts.negated && model.negated[k]) continue;
      const quotation = model.quotationOf[k]!;
      if (quotation !== -1 && counts.quoted !== true && !(counts.quoted === 'unless-reported' && !model.quotations[quotation]!.reported)) continue;
      if (!counts.reported && model.reported[k]) continue;
      if (unless.has(hit.sentence)) continue;
      if (ignore.length && ignore.some((u) => u.first <= k && u.last >= hit.last)) continue;
      const s = model.sentences[hit.sentence]!;
      if (needs.firstPerson && !s.firstPerson) continue;
      if (needs.request && !(s.request || s.instruction)) continue;
      if (needs.party && !this.partyInSentence(model, s)) continue;
      if (needs.with && !needs.with.some((w) => w !== id && this.hitsBySentence(model, w, reading).has(hit.sentence))) continue;
      out.push(hit);
    }
    cache.set(id, out);
    return out;
  }

  /**
   * @summary Where a phrase of entry `id` starting at token k ends (the longest), or -1. For rules
   * that ask what stands at a position ("is a party name followed by 'councillor'?").
   */
  matchAt(model: TextModel, id: string, k: number): number {
    const s = model.sentences[model.sentenceOf[k] ?? -1];
    if (!s || k >= s.last) return -1;
    return this.refEnds(model, id, k, s, 0)[0] ?? -1;
  }

  /** Counting hits of the entries within one sentence. */
  inSentence(model: TextModel, sentence: number, ids: readonly string[], reading: Reading = {}): Hit[] {
    const out: Hit[] = [];
    for (const id of ids) {
      const bySentence = this.hitsBySentence(model, id, reading);
      const list = bySentence.get(sentence);
      if (list) for (const h of list) out.push(h);
    }
    return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
  }

  /** An entry's counting hits grouped by sentence, once per model. */
  private hitsBySentence(model: TextModel, id: string, reading: Reading = {}): Map<number, Hit[]> {
    const state = this.state(model);
    const cache = reading.published ? state.publishedBySentence : state.bySentence;
    let map = cache.get(id);
    if (!map) {
      map = new Map();
      for (const h of this.hits(model, id, reading)) {
        const list = map.get(h.sentence);
        if (list) list.push(h);
        else map.set(h.sentence, [h]);
      }
      cache.set(id, map);
    }
    return map;
  }

  /** Every entry id of a family ("campaigning"). */
  family(name: string): string[] {
    let ids = this.families.get(name);
    if (!ids) this.families.set(name, (ids = [...this.entries.values()].filter((e) => e.family === name).map((e) => e.spec.id)));
    return ids;
  }

  /** The strong party names in a sentence, outside quotation marks. */
  partiesIn(model: TextModel, s: Sentence, anyForm = false): { first: number; end: number; party: string }[] {
    const out: { first: number; end: number; party: string }[] = [];
    for (let k = s.first; k < s.last; k++) {
      const found = this.matchParty(model, k, s.last, anyForm);
      if (found) {
        out.push({ first: k, end: found.end, party: found.party });
        k = found.end - 1;
      }
    }
    return out;
  }

  private partyInSentence(model: TextModel, s: Sentence): boolean {
    for (let k = s.first; k < s.last; k++) if (model.quotationOf[k] === -1 && this.matchParty(model, k, s.last, false)) return true;
    return false;
  }

  /**
   * @summary Build a text model and mark its frames: requests, instructions and reported speech.
   */
  analyse(text: string, options: ModelOptions = {}): TextModel {
    const model = buildTextModel(text, options);
    this.markFrames(model);
    return model;
  }

  private markFrames(model: TextModel): void {
    let reported = false;
    if (this.entries.has('frame.reported-speech')) {
      const reportedSentences = new Set<number>();
      for (const hit of this.rawCounted(model, 'frame.reported-speech')) {
        const s = model.sentences[hit.sentence]!;
        const end = reportEnd(model, hit.last, s.last);
        for (let k = hit.last; k < end; k++) model.reported[k] = 1;
        reportedSentences.add(hit.sentence);
        reported = true;
      }
      // A quotation whose speaker is a third party ("…," she said; the resident told me: "…"): a
      // reported-speech frame in its own sentence, or in the sentence its colon ends.
      if (reportedSentences.size) {
        for (const q of model.quotations) {
          const openSentence = model.sentenceOf[q.first]!;
          const lead = q.open > 0 && model.tokens[q.open - 1]?.norm === ':' ? model.sentenceOf[q.open - 1]! : openSentence;
          if (reportedSentences.has(openSentence) || reportedSentences.has(lead)) q.reported = true;
        }
      }
    }
    for (const [id, flag] of [['frame.request', 'request'], ['frame.instruction', 'instruction']] as const) {
      if (!this.entries.has(id)) continue;
      for (const hit of this.rawCounted(model, id)) model.sentences[hit.sentence]![flag] = true;
    }
    // Reported speech is not the writer's side: mark it again where some was found.
    if (reported) refreshWriterSide(model);
  }

  /** Frame hits that are not negated and not in quotation marks (no other conditions: the frames come first). */
  private rawCounted(model: TextModel, id: string): Hit[] {
    const entry = this.entries.get(id)!;
    if (entry.off) return [];
    const unless = entry.unless.length > 0 ? new Set(this.rawFor(model, entry.unlessKey).map((u) => u.sentence)) : NO_SENTENCES;
    return this.rawFor(model, id).filter((h) => !model.negated[h.first] && model.quotationOf[h.first] === -1 && !unless.has(h.sentence));
  }
}

// A fresh statement after a report: ", and it would not have happened…", "; the council…".
const FRESH_SUBJECTS = new Set(['it', 'this', 'that', 'he', 'she', 'they', 'we', 'i', 'there', 'you']);
const FRESH_JOINERS = new Set(['and', 'but', 'so', 'yet']);

/**
 * Where someone else's reported words end: the sentence's end, or a semicolon, or a comma and a
 * conjunction that start the writer's own statement with a subject of its own ("Residents have
 * asked for this for years, and it would not have happened without …").
 */
function reportEnd(model: TextModel, from: number, last: number): number {
  const { tokens } = model;
  for (let k = from; k < last; k++) {
    const norm = tokens[k]!.norm;
    if (norm === ';') return k;
    if (norm === ',' && FRESH_JOINERS.has(tokens[k + 1]?.norm ?? '') && FRESH_SUBJECTS.has(tokens[k + 2]?.norm ?? '')) return k;
  }
  return last;
}

const REGION_BIT: Record<Region, number> = { own: 1, signature: 2, quoted: 4 };
const ALL_REGIONS = 7;

function anchorScore(a: Anchor): number {
  let score = Number.POSITIVE_INFINITY;
  for (const l of a.literals) score = Math.min(score, COMMON_WORDS.has(l) ? 0 : l.length);
  for (const p of a.prefixes) score = Math.min(score, p.length);
  if (a.party) score = Math.min(score, 2);
  return score === Number.POSITIVE_INFINITY ? 0 : score;
}

function wordMatches(e: Extract<Element, { t: 'word' }>, t: Token, text: string): boolean {
  if (t.kind === 'punct' && !e.literals.has(t.norm)) return false;
  if (e.capital && !(t.capital || /^[A-Z]/.test(text.slice(t.start, t.start + 1)))) return false;
  if (e.literals.has(t.norm)) return true;
  for (const p of e.prefixes) if (t.norm.startsWith(p)) return true;
  return false;
}

// "John, could you …", "Hi Sam – please …": a greeting before a sentence's real start.
function isGreetingLead(model: TextModel, first: number, k: number): boolean {
  if (k - first > 4) return false;
  const before = model.tokens[k - 1]!;
  return before.norm === ',' || before.norm === '--' || (before.norm === '-' && before.gapBefore !== Gap.None);
}

/** The party specs for a policy: the built-in UK list merged with the policy's parties. */
export function partySpecs(builtIn: readonly PartySpec[], parties: readonly PartyEntry[]): PartySpec[] {
  const out: PartySpec[] = builtIn.map((p) => ({ ...p, strong: [...p.strong], short: [...p.short] }));
  for (const p of parties) {
    const strong: string[] = [];
    const short: string[] = [];
    for (const form of [p.name, ...(p.aliases ?? [])]) {
      const f = form.trim();
      if (!f) continue;
      const single = !/\s/.test(f);
      const ambiguous = f.length <= 3 || (single && AMBIGUOUS_PARTY_WORDS.has(f.toLowerCase()));
      (ambiguous ? short : strong).push(f);
    }
    const existing = out.find((q) => q.name.toLowerCase() === p.name.toLowerCase());
    if (existing) {
      existing.strong.push(...strong);
      existing.short.push(...short);
    } else out.push({ name: p.name, strong, short });
  }
  return out;
}
