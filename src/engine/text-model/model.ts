/**
 * The text model of a draft: built once per check and read by every text rule.
 *
 * paragraph → sentence → clause → token, each with offsets into the text the engine saw, and
 * per token: which region it stands in (the writer's own words, the signature, quoted
 * history), whether it is inside quotation marks, whether a negation in its clause reaches it,
 * and whether someone other than the writer is being reported. Per sentence: whether it is a
 * question, a request or an instruction, and whether the writer's own side speaks in it.
 *
 * Negation follows NegEx's idea (Chapman et al., 2001): a negation cue reaches forward over the
 * words of its own clause, up to a fixed window, and a few "pseudo-negations" ("not only", "no
 * doubt") reach nothing. Clause boundaries are punctuation and the conjunctions that start a
 * fresh statement ("but", "although", "because").
 */
import type { BodyLayout, Span } from '../text.ts';
import { Gap, tokenize, type Token } from './tokenize.ts';

export type Region = 'own' | 'signature' | 'quoted';

export interface Sentence extends Span {
  index: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  paragraph: number;
  region: Region;
  /** Ends with a question mark. */
  question: boolean;
  /** A line of its own with no closing punctuation: a heading, a title, a list item. */
  heading: boolean;
  /** The writer's own side speaks: I, we, my, our, let's — outside quotation marks and reported speech. */
  firstPerson: boolean;
  /** The writer's side as a team speaks: we, us, our, let's (campaigning is a team's work; a lone "I" often asks about others' material). */
  ourSide: boolean;
  /** Asks the reader to act ("could you", "please", "I'd be grateful if"), not negated. Set by the frames. */
  request: boolean;
  /** Tells the reader to act ("I want you to", "you must"), not negated. Set by the frames. */
  instruction: boolean;
}

export interface Clause {
  first: number;
  last: number;
  sentence: number;
}

/** Words inside quotation marks: the tokens between the marks. */
export interface Quotation extends Span {
  first: number;
  last: number;
  /** The quotation mark tokens, -1 where the quotation runs on to a paragraph's end. */
  open: number;
  close: number;
  /** A third party is named as the speaker ("…," she said): someone else's words. Set by the frames. */
  reported: boolean;
}

export interface TextModel {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  clauses: Clause[];
  quotations: Quotation[];
  /** Per token: its sentence, clause and quotation (-1 outside quotation marks). */
  sentenceOf: Int32Array;
  clauseOf: Int32Array;
  quotationOf: Int32Array;
  /** Per token: 1 when a negation earlier in its clause reaches it. */
  negated: Uint8Array;
  /** Per token: 1 when the writer is passing on someone else's words ("the resident told me …"). */
  reported: Uint8Array;
  /** Per token: its region. */
  regionOf: Region[];
  /** Lexicon hits, filled on first use by the lexicon that reads this model. */
  cache: Map<string, unknown>;
  /**
   * What each lexicon that reads this model has worked out about it (its word index, its
   * matches), kept on the model so that it goes when the model goes. (A WeakMap from model to
   * state costs the garbage collector more than the matching it saves, one model per check.)
   */
  readers: Map<object, unknown>;
}

// Abbreviations after which a full stop ends no sentence (titles, Latin, common short forms).
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'cllr', 'cllrs', 'cl', 'st', 'no', 'nos', 'etc', 'e.g', 'i.e', 'vs', 'v', 'approx', 'dept', 'tel',
  'ref', 'rev', 'prof', 'sgt', 'insp', 'supt', 'co', 'ltd', 'inc', 'jr', 'sr', 'fig', 'cf', 'al', 'viz', 'hon', 'rt', 'gen', 'capt', 'col', 'lt', 'sq', 'rd', 'ave',
]);
const TERMINAL = new Set(['.', '!', '?', '...']);
const CLOSERS = new Set([')', ']', '"', "'"]);
const CLAUSE_MARKS = new Set([',', ';', ':', '(', ')', '--', '[', ']']);
// Conjunctions that start a fresh statement: a negation before them does not reach past them.
const CLAUSE_WORDS = new Set(['but', 'although', 'though', 'however', 'whereas', 'because', 'yet', 'while', 'whilst', 'unless', 'instead', 'otherwise', 'except']);
const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'without', 'hardly', 'nowhere', 'noone']);
// Pseudo-negations: the negator followed by these reaches nothing.
const PSEUDO_NEGATION: Record<string, Set<string>> = {
  not: new Set(['only', 'just', 'least', 'merely', 'simply']),
  no: new Set(['doubt', 'later', 'sooner', 'matter']),
  nothing: new Set(['but', 'else']),
};
// Verbs of "never seen such …", which asserts what follows.
const NEVER_SUCH = new Set(['seen', 'read', 'heard', 'known', 'witnessed', 'encountered']);
const NEGATION_WINDOW = 8;
const COORDINATORS = new Set(['or', 'nor']);
const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves']);
const FIRST_PERSON_PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves']);

export interface ModelOptions {
  /** The body's layout: own words, signature, quoted history. Without it the whole text is the writer's own. */
  layout?: BodyLayout;
  /** Offsets to read, default the whole text. */
  span?: Span;
}

/**
 * @summary Build the text model of a text.
 * @param text the body or subject the engine saw; offsets in the model point into it
 * @param options the body's layout, and the span to read
 * @example buildTextModel('We will not canvass. Vote for us!').sentences.length // 2
 */
export function buildTextModel(text: string, options: ModelOptions = {}): TextModel {
  const span = options.span ?? { start: 0, end: text.length };
  const tokens = tokenize(text, span.start, span.end);
  const n = tokens.length;
  const regionOf = regionsOf(tokens, options.layout);
  const model: TextModel = {
    text,
    tokens,
    sentences: [],
    clauses: [],
    quotations: [],
    sentenceOf: new Int32Array(n),
    clauseOf: new Int32Array(n),
    quotationOf: new Int32Array(n).fill(-1),
    negated: new Uint8Array(n),
    reported: new Uint8Array(n),
    regionOf,
    cache: new Map(),
    readers: new Map(),
  };
  splitSentences(model);
  findQuotations(model);
  splitClauses(model);
  scopeNegation(model);
  refreshWriterSide(model);
  return model;
}

function regionsOf(tokens: readonly Token[], layout: BodyLayout | undefined): Region[] {
  const ownEnd = layout?.own.end ?? Number.POSITIVE_INFINITY;
  const signatureStart = Math.min(layout?.signature?.start ?? Number.POSITIVE_INFINITY, ownEnd);
  // The regions follow one another: own words, then the signature, then quoted history.
  const signatureFrom = firstAtOrAfter(tokens, signatureStart);
  const quotedFrom = firstAtOrAfter(tokens, ownEnd);
  const out = new Array<Region>(tokens.length).fill('own');
  out.fill('signature', signatureFrom, quotedFrom);
  out.fill('quoted', quotedFrom);
  return out;
}

/** The index of the first token starting at or after an offset (binary search). */
function firstAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isAbbreviation(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.kind !== 'word') return false;
  if (ABBREVIATIONS.has(t.norm)) return true;
  // An initial: "J. Smith".
  return t.end - t.start === 1 && t.capital;
}

function breakBefore(model: TextModel, k: number): boolean {
  const { tokens, regionOf } = model;
  const t = tokens[k]!;
  if (t.gapBefore === Gap.Paragraph) return true;
  if (regionOf[k] !== regionOf[k - 1]) return true;
  // Step back over closing marks that hang on the previous word: ." ') .)
  let q = k - 1;
  while (q > 0 && CLOSERS.has(tokens[q]!.norm) && tokens[q]!.gapBefore === Gap.None) q -= 1;
  const previous = tokens[q]!;
  if (t.gapBefore === Gap.None && t.kind === 'punct') return false;
  if (TERMINAL.has(previous.norm)) {
    if (previous.norm === '.' && isAbbreviation(tokens, q - 1) && tokens[q - 1]!.end === previous.start) return t.gapBefore === Gap.Newline && !lowerWord(t);
    if (lowerWord(t) && t.gapBefore !== Gap.Newline) return false;
    return t.gapBefore !== Gap.None;
  }
  if (t.gapBefore === Gap.Newline) {
    // A hard-wrapped line continues its sentence: it ends mid-clause and the next starts in lower case.
    if (lowerWord(t)) return false;
    if (previous.norm === ',' || previous.joiner || previous.norm === '-' && previous.gapBefore === Gap.None) return false;
    return true;
  }
  return false;
}

function lowerWord(t: Token): boolean {
  return t.kind === 'word' && !t.capital;
}

function splitSentences(model: TextModel): void {
  const { tokens } = model;
  let first = 0;
  let paragraph = 0;
  for (let k = 1; k <= tokens.length; k++) {
    if (k < tokens.length && !breakBefore(model, k)) continue;
    addSentence(model, first, k, paragraph);
    if (k < tokens.length && (tokens[k]!.gapBefore === Gap.Paragraph || model.regionOf[k] !== model.regionOf[k - 1])) paragraph += 1;
    first = k;
  }
}

function addSentence(model: TextModel, first: number, last: number, paragraph: number): void {
  if (last <= first) return;
  const { tokens } = model;
  let end = last;
  while (end > first && CLOSERS.has(tokens[end - 1]!.norm)) end -= 1;
  const final = tokens[end - 1]?.norm ?? '';
  const nextGap = tokens[last]?.gapBefore ?? Gap.Paragraph;
  const index = model.sentences.length;
  model.sentences.push({
    index,
    start: tokens[first]!.start,
    end: tokens[last - 1]!.end,
    first,
    last,
    paragraph,
    region: model.regionOf[first]!,
    question: final === '?',
    heading: !TERMINAL.has(final) && final !== ':' && nextGap >= Gap.Newline,
    firstPerson: false,
    ourSide: false,
    request: false,
    instruction: false,
  });
  model.sentenceOf.fill(index, first, last);
}

function findQuotations(model: TextModel): void {
  const { tokens, sentences } = model;
  // Pair marks within a paragraph. British releases open every paragraph of a long quotation
  // and close only the last: an unclosed quotation runs to its paragraph's end when the next
  // paragraph opens another.
  let pending: { mark: 'double' | 'single'; at: number } | undefined;
  let paragraph = -1;
  const add = (open: number, close: number, lastToken: number) => {
    const first = open + 1;
    const last = close >= 0 ? close : lastToken;
    if (last <= first) return;
    model.quotations.push({ start: tokens[first]!.start, end: tokens[last - 1]!.end, first, last, open, close, reported: false });
    for (let k = first; k < last; k++) model.quotationOf[k] = model.quotations.length - 1;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const p = sentences[model.sentenceOf[k]!]?.paragraph ?? 0;
    if (p !== paragraph) {
      if (pending && t.quoteMark === pending.mark && opens(tokens, k)) add(pending.at, -1, k);
      pending = undefined;
      paragraph = p;
    }
    if (!t.quoteMark) continue;
    if (pending) {
      if (t.quoteMark === pending.mark && closes(tokens, k)) {
        add(pending.at, k, k);
        pending = undefined;
      }
      continue;
    }
    if (opens(tokens, k)) pending = { mark: t.quoteMark, at: k };
  }
}

function opens(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.facing === 'close') return false;
  const next = tokens[k + 1];
  if (!next || next.gapBefore !== Gap.None) return false;
  const previous = tokens[k - 1];
  return t.gapBefore !== Gap.None || !previous || previous.norm === '(' || previous.norm === ':' || previous.norm === '--';
}

function closes(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.facing === 'open' || t.gapBefore !== Gap.None) return false;
  const next = tokens[k + 1];
  if (t.quoteMark === 'single') {
    // "the residents' homes": a plural possessive, not the end of a quotation.
    const previous = tokens[k - 1];
    if (previous?.kind === 'word' && previous.norm.endsWith('s') && next && next.gapBefore === Gap.Space && next.kind === 'word' && !next.capital) return false;
  }
  return !next || next.gapBefore !== Gap.None || next.kind === 'punct';
}

function splitClauses(model: TextModel): void {
  const { tokens, quotationOf } = model;
  for (const s of model.sentences) {
    let first = s.first;
    for (let k = s.first; k < s.last; k++) {
      const t = tokens[k]!;
      const boundary = t.kind === 'word' ? CLAUSE_WORDS.has(t.norm) : CLAUSE_MARKS.has(t.norm) || (t.quoteMark !== undefined && (quotationOf[k + 1] !== quotationOf[k - 1] || quotationOf[k] !== -1));
      if (!boundary) continue;
      addClause(model, first, k, s.index);
      first = k;
    }
    addClause(model, first, s.last, s.index);
  }
}

function addClause(model: TextModel, first: number, last: number, sentence: number): void {
  if (last <= first) return;
  model.clauses.push({ first, last, sentence });
  model.clauseOf.fill(model.clauses.length - 1, first, last);
}

function scopeNegation(model: TextModel): void {
  const { tokens } = model;
  for (const c of model.clauses) {
    for (let k = c.first; k < c.last; k++) {
      const t = tokens[k]!;
      if (t.kind !== 'word' || !NEGATORS.has(t.norm)) continue;
      const next = tokens[k + 1];
      if (next && PSEUDO_NEGATION[t.norm]?.has(next.norm)) continue;
      // "whether or not": no negation.
      if (t.norm === 'not' && tokens[k - 1]?.norm === 'or') continue;
      // "Why not join us?", "why don't you come along?": a suggestion, not a negation.
      if (t.norm === 'not' && (tokens[k - 1]?.norm === 'why' || (tokens[k - 2]?.norm === 'why' && tokens[k - 1]?.norm === 'do' && (next?.norm === 'you' || next?.norm === 'we')))) continue;
      // "I've never seen such twaddle", "never heard such nonsense": an intensifier, not a negation.
      if (t.norm === 'never' && NEVER_SUCH.has(next?.norm ?? '') && tokens[k + 2]?.norm === 'such') continue;
      // "No. 14", "no 14": a number, not a negation.
      if (t.norm === 'no' && (next?.kind === 'number' || (next?.norm === '.' && tokens[k + 2]?.kind === 'number'))) continue;
      let words = 0;
      let j = k + 1;
      for (; j < c.last && words < NEGATION_WINDOW; j++) {
        model.negated[j] = 1;
        if (tokens[j]!.kind === 'word') words += 1;
      }
      // Coordination carries the negation on past the window: "I can't come with you to the
      // meeting on Thursday or act as your companion" negates "act" too. "or" and "nor" do so
      // (Huddleston and Pullum, The Cambridge Grammar of the English Language, 15.2); the
      // clause boundary still stops it.
      for (; j < c.last; j++) {
        if (!COORDINATORS.has(tokens[j]!.norm)) continue;
        for (let m = j + 1; m < c.last; m++) model.negated[m] = 1;
        break;
      }
    }
  }
}

function markWriterSide(model: TextModel, s: Sentence): void {
  const { tokens } = model;
  s.firstPerson = false;
  s.ourSide = false;
  for (let k = s.first; k < s.last; k++) {
    if (model.quotationOf[k] !== -1 || model.reported[k]) continue;
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    // "let's" is "let us".
    const plural = FIRST_PERSON_PLURAL.has(t.norm) || (t.norm === "'s" && tokens[k - 1]?.norm === 'let');
    if (plural) s.ourSide = true;
    if (plural || FIRST_PERSON.has(t.norm)) s.firstPerson = true;
  }
}

/** Mark the writer's side (again, once reported speech is known: the frames mark it after the model is built). */
export function refreshWriterSide(model: TextModel): void {
  for (const s of model.sentences) markWriterSide(model, s);
}

// ---- Reading the model ----

/** The sentence's text as written. */
export function sentenceText(model: TextModel, s: Span): string {
  return model.text.slice(s.start, s.end);
}

/** Is the token the writer's own assertion: not negated, not in quotation marks, not reported? */
export function asserted(model: TextModel, k: number): boolean {
  return !model.negated[k] && model.quotationOf[k] === -1 && !model.reported[k];
}
