/**
 * Tone analysis for `discourteous-tone`, read from the text model and the `tone` lexicon family:
 * shouting in capitals, insults aimed at people, swearing (spelt out or masked with asterisks),
 * threats and aggressive demands, in the writer's own words only.
 *
 * Vocabulary lives in `lexicon/data/tone.json`; this module holds only structure: which tokens
 * are capitals, where a run of them starts and ends, how a masked word is shaped, and which hit of
 * a sentence to report.
 *
 * Shouting is found token by token, not by a share of capital letters, so that a polite email
 * full of acronyms (HMO, CIL, S106, ASB), postcodes and planning references is not "shouting",
 * while two lines of capitals are, wherever they sit in a long email.
 */
import type { Hit } from '../lexicon/compile.ts';
import type { ResolvedPolicy } from '../policy.ts';
import { memoised, type RuleContext } from '../rule.ts';
import { assessPublicity } from './publicity-kind.ts';
import type { Span } from '../text.ts';
import type { TextModel } from '../text-model/model.ts';
import { Gap, tokenize, type Token } from '../text-model/tokenize.ts';

// ---------------------------------------------------------------------------------------------
// Token flags from the lexicon

/** Per token of a model: 1 where a counting hit of one of the entries covers it. */
function coverage(ctx: RuleContext, model: TextModel, ids: readonly string[]): Uint8Array {
  const out = new Uint8Array(model.tokens.length);
  for (const id of ids) {
    for (const h of ctx.lexicon.hits(model, id)) out.fill(1, h.first, h.last);
  }
  return out;
}

interface ShoutingCues {
  acronym: Uint8Array;
  everydayAcronym: Uint8Array;
  marking: Uint8Array;
  calendar: Uint8Array;
}

function shoutingCues(ctx: RuleContext): ShoutingCues {
  return memoised(ctx, 'tone:shoutingCues', () => ({
    acronym: coverage(ctx, ctx.text, ['tone.acronym']),
    everydayAcronym: coverage(ctx, ctx.text, ['tone.acronym-or-word']),
    marking: coverage(ctx, ctx.text, ['tone.marking']),
    calendar: coverage(ctx, ctx.text, ['tone.calendar-name']),
  }));
}

// ---------------------------------------------------------------------------------------------
// Shouting

/**
 * How a token stands in a run of capitals:
 * - `shout`: a word of two or more capitals that is no abbreviation;
 * - `ambiguous`: an abbreviation that is also a word (IT, AM) or the single letters I and A,
 *   shouted only inside a run;
 * - `neutral`: abbreviations, codes with digits, numbers and other single letters: they neither
 *   count nor end a run;
 * - `marking`: a document marking (PRIVATE AND CONFIDENTIAL): like neutral, and never a clause;
 * - `lower`: a word with a lower-case letter, or words that are not the writer's (quoted,
 *   reported): it ends a run;
 * - `skip`: punctuation and clitics ("N'T" of "DON'T"), which belong to their neighbours.
 */
type CapitalKind = 'shout' | 'ambiguous' | 'neutral' | 'marking' | 'lower' | 'skip';

function isClitic(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const previous = tokens[k - 1];
  return t.kind === 'word' && t.gapBefore === Gap.None && previous !== undefined && previous.kind === 'word' && previous.end === t.start;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// A reference or postcode written without spaces ("24/01234/FUL", "QU1"): any token of the
// unspaced chunk has a digit.
function inCodeChunk(tokens: readonly Token[], k: number): boolean {
  let a = k;
  while (a > 0 && tokens[a]!.gapBefore === Gap.None) a -= 1;
  let b = k + 1;
  while (b < tokens.length && tokens[b]!.gapBefore === Gap.None) b += 1;
  for (let j = a; j < b; j++) if (tokens[j]!.kind === 'number' || hasDigit(tokens[j]!.norm)) return true;
  return false;
}

function classify(ctx: RuleContext, cues: ShoutingCues, k: number): CapitalKind {
  const model = ctx.text;
  const t = model.tokens[k]!;
  if (t.kind === 'punct' || t.kind === 'symbol') return 'skip';
  if (t.kind === 'number') return 'neutral';
  if (t.kind !== 'word') return 'lower';
  const raw = model.text.slice(t.start, t.end);
  const lower = raw !== raw.toUpperCase();
  if (isClitic(model.tokens, k)) return lower ? 'lower' : 'skip';
  if (lower || model.quotationOf[k] !== -1 || model.reported[k]) return 'lower';
  if (cues.marking[k]) return 'marking';
  if (inCodeChunk(model.tokens, k)) return 'neutral';
  if (raw.length === 1) return raw === 'I' || raw === 'A' ? 'ambiguous' : 'neutral';
  if (cues.everydayAcronym[k]) return 'ambiguous';
  if (cues.acronym[k]) return 'neutral';
  return t.shout ? 'shout' : 'neutral';
}

const SENTENCE_END = new Set(['.', '!', '?']);

/** Does a sentence start at token k (a new line, the body's start, or after a full stop)? */
function startsSentence(model: TextModel, k: number): boolean {
  const t = model.tokens[k]!;
  if (k === 0 || t.gapBefore >= Gap.Newline) return true;
  const s = model.sentences[model.sentenceOf[k]!];
  if (s && s.first === k) return true;
  return SENTENCE_END.has(model.tokens[k - 1]!.norm) && t.gapBefore !== Gap.None;
}

export interface ShoutedRun extends Span {
  quote: string;
  /** Token range [first, last) in the body's model. */
  first: number;
  last: number;
}

interface CapitalToken {
  k: number;
  kind: Exclude<CapitalKind, 'lower' | 'skip'>;
  /** A lower-case word (or a paragraph break) stands between the previous capital token and this one. */
  broken: boolean;
  /** A pronoun, auxiliary or negator: the run says something. */
  clause: boolean;
  length: number;
}

/** Runs of shouted words in the writer's own words: at least five with a clause word, or a whole shouted sentence of three or more. */
/**
 * A headline in a release, statement or post: a line of its own in capitals with no full stop
 * (news releases set headlines in capitals). Not shouting in publicity; in an email it still is.
 */
function isHeadline(ctx: RuleContext, first: number, last: number): boolean {
  const { tokens } = ctx.text;
  const before = tokens[first]!;
  const after = tokens[last + 1];
  const ownLine = (first === 0 || before.gapBefore === Gap.Newline || before.gapBefore === Gap.Paragraph) && (!after || after.gapBefore === Gap.Newline || after.gapBefore === Gap.Paragraph);
  return ownLine && last - first < 16 && assessPublicity(ctx).isPublicity;
}

export function findShouting(ctx: RuleContext): ShoutedRun[] {
  return memoised(ctx, 'tone:shouting', () => {
    const model = ctx.text;
    const { tokens } = model;
    // Nothing is shouted without a shouted token: the common case costs one pass.
    let any = false;
    for (let k = 0; k < tokens.length && !any; k++) any = tokens[k]!.shout && model.regionOf[k] === 'own';
    if (!any) return [];
    const cues = shoutingCues(ctx);
    const caps: CapitalToken[] = [];
    let broken = true;
    for (const s of model.sentences) {
      if (s.region !== 'own') {
        broken = true;
        continue;
      }
      for (let k = s.first; k < s.last; k++) {
        const t = tokens[k]!;
        // A blank line ends a run: paragraphs are judged one by one.
        if (t.gapBefore === Gap.Paragraph) broken = true;
        const kind = classify(ctx, cues, k);
        if (kind === 'lower') broken = true;
        if (kind === 'lower' || kind === 'skip') continue;
        // A word that makes a statement ("I", "YOU", "WILL", "NOT"), asked of the capitals only:
        // the entry's words are the commonest in English, and no other token needs the answer.
        const clause = kind !== 'marking' && ctx.lexicon.matchAt(model, 'tone.statement-word', k) > k;
        caps.push({ k, kind, broken, clause, length: t.end - t.start });
        broken = false;
      }
    }
    const runs: ShoutedRun[] = [];
    let i = 0;
    while (i < caps.length) {
      if (caps[i]!.kind !== 'shout') {
        i += 1;
        continue;
      }
      let j = i;
      let last = i;
      let shouted = 0;
      let clause = false;
      for (; j < caps.length; j++) {
        const c = caps[j]!;
        if (j > i && c.broken) break;
        if (c.kind === 'shout' || (c.kind === 'ambiguous' && c.length > 1)) {
          shouted += 1;
          last = j;
        }
        if (c.clause) clause = true;
      }
      // Take in the everyday words just before the first shouted one ("I AM FED UP").
      let first = i;
      while (first > 0 && !caps[first]!.broken && caps[first - 1]!.kind === 'ambiguous') {
        first -= 1;
        if (caps[first]!.clause) clause = true;
      }
      const a = caps[first]!.k;
      const b = caps[last]!.k;
      const after = tokens[b + 1];
      const wholeSentence = startsSentence(model, a) && after !== undefined && after.gapBefore === Gap.None && SENTENCE_END.has(after.norm);
      if (clause && (shouted >= 5 || (shouted >= 3 && wholeSentence)) && !isHeadline(ctx, a, b)) {
        const start = tokens[a]!.start;
        const end = tokens[b]!.end;
        runs.push({ start, end, quote: ctx.draft.body.slice(start, end), first: a, last: b + 1 });
      }
      i = Math.max(j, i + 1);
    }
    return runs;
  });
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** A capitalised word in ordinary case ("Millbrook", "McDonald"): a candidate proper noun. */
function isNameLike(t: Token, raw: string): boolean {
  return t.kind === 'word' && t.capital && !t.shout && raw.length >= 2 && raw !== raw.toUpperCase();
}

// Punctuation after which a capitalised word is not a sentence's first.
const MID_SENTENCE_BEFORE = new Set([',', ';', ':', '"', "'", ')']);

function addNamesFrom(map: Map<string, string>, text: string | undefined): void {
  if (!text) return;
  for (const t of tokenize(text)) {
    const raw = text.slice(t.start, t.end);
    if (isNameLike(t, raw)) map.set(raw.toUpperCase(), raw);
  }
}

function addNamesFromModel(ctx: RuleContext, map: Map<string, string>, model: TextModel): void {
  const { tokens } = model;
  const opener = coverage(ctx, model, ['tone.sentence-opener']);
  for (const s of model.sentences) {
    if (s.region === 'quoted') continue;
    for (let k = s.first; k < s.last; k++) {
      const t = tokens[k]!;
      const raw = model.text.slice(t.start, t.end);
      if (!isNameLike(t, raw)) continue;
      const previous = tokens[k - 1];
      const midSentence =
        k > s.first && t.gapBefore !== Gap.None && previous !== undefined && ((previous.kind === 'word' && !previous.shout) || MID_SENTENCE_BEFORE.has(previous.norm));
      // The first word of a multi-word name ("Dock Road"), unless it is an everyday opener.
      const next = tokens[k + 1];
      const nameStart = next !== undefined && k + 1 < s.last && isNameLike(next, model.text.slice(next.start, next.end)) && !opener[k];
      if (midSentence || nameStart) map.set(raw.toUpperCase(), raw);
    }
  }
}

// The policy's proper nouns, gathered once per policy: a staff directory can hold thousands.
const policyNounCache = new WeakMap<ResolvedPolicy, Map<string, string>>();

/** The policy's people, wards, council and parties, by their shouted form. */
function policyNouns(p: ResolvedPolicy): Map<string, string> {
  let map = policyNounCache.get(p);
  if (!map) {
    map = new Map<string, string>();
    addNamesFrom(map, p.council.name);
    for (const c of p.councillors) addNamesFrom(map, `${c.name} ${c.ward ?? ''} ${c.party ?? ''}`);
    for (const o of p.officers) addNamesFrom(map, o.name);
    for (const party of p.parties) addNamesFrom(map, [party.name, ...(party.aliases ?? [])].join(' '));
    policyNounCache.set(p, map);
  }
  return map;
}

/**
 * Proper nouns to restore when lower-casing a shouted run: the draft's recipients; capitalised
 * words from the subject and the writer's unshouted prose. The policy's people, wards, council
 * and parties come after them (toSentenceCase looks there when the draft has no spelling).
 */
export function properNouns(ctx: RuleContext): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of ctx.recipients) addNamesFrom(map, r.mailbox.name);
  addNamesFrom(map, ctx.draft.from?.name);
  addNamesFromModel(ctx, map, ctx.subjectText);
  addNamesFromModel(ctx, map, ctx.text);
  return map;
}

/** The shouted text in sentence case, keeping acronyms, codes, "I", dates and known proper nouns. */
export function toSentenceCase(ctx: RuleContext, run: ShoutedRun, nouns: Map<string, string>): string {
  const model = ctx.text;
  const { tokens } = model;
  const body = model.text;
  const cues = shoutingCues(ctx);
  let capitaliseNext = startsSentence(model, run.first);
  let out = '';
  let last = run.start;
  for (let k = run.first; k < run.last; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' || t.kind === 'symbol') {
      if (SENTENCE_END.has(t.norm)) capitaliseNext = true;
      continue;
    }
    if (k > run.first && t.gapBefore === Gap.Paragraph) capitaliseNext = true;
    out += body.slice(last, t.start);
    last = t.end;
    const raw = body.slice(t.start, t.end);
    if (isClitic(tokens, k)) {
      out += raw.toLowerCase();
      continue;
    }
    const kind = classify(ctx, cues, k);
    let next: string;
    if (raw === 'I') next = raw;
    else if (kind === 'ambiguous') next = raw.toLowerCase();
    else if (kind !== 'shout') next = raw;
    else if (nouns.has(raw) || policyNouns(ctx.policy).has(raw)) next = nouns.get(raw) ?? policyNouns(ctx.policy).get(raw)!;
    else if (cues.calendar[k]) next = titleCase(raw);
    else next = raw.toLowerCase();
    if (capitaliseNext && next.length > 0) next = next.charAt(0).toUpperCase() + next.slice(1);
    capitaliseNext = false;
    out += next;
  }
  return out + body.slice(last, run.end);
}

// ---------------------------------------------------------------------------------------------
// Insults, threats and aggressive demands

export type ToneKind = 'insult' | 'threat' | 'demand';

export interface ToneHit extends Span {
  kind: ToneKind;
  quote: string;
}

// The order in which a sentence's cues are reported: one finding per sentence at most.
const KIND_ORDER: readonly ToneKind[] = ['threat', 'insult', 'demand'];

/** The tone entries by the kind of discourtesy they report (the entry's `kind`). */
function entriesByKind(ctx: RuleContext): Map<ToneKind, string[]> {
  const out = new Map<ToneKind, string[]>(KIND_ORDER.map((k) => [k, []]));
  for (const id of ctx.lexicon.family('tone')) {
    const kind = ctx.lexicon.entries.get(id)?.spec.kind as ToneKind | undefined;
    if (kind && out.has(kind)) out.get(kind)!.push(id);
  }
  return out;
}

// Threat entries count negated hits and leave the judgement to this module (their `tags`).
const ENDS_AT_SUBJECT = 'negation-ends-at-subject';

/**
 * Is a threat negated? The model's negation runs on from a condition into the main clause when
 * no comma divides them ("If I don't get them I will be reporting this to the police"), so a
 * threat entry counts negated hits and this decides: a subject pronoun (I, we, you …) between
 * the negation and the threat starts a fresh statement that the negation does not reach.
 * "I won't be reporting you" stays negated; the condition does not negate its consequence.
 */
function negatedThreat(ctx: RuleContext, hit: Hit, tags: readonly string[]): boolean {
  const model = ctx.text;
  if (!tags.includes(ENDS_AT_SUBJECT) || !model.negated[hit.first]) return false;
  // Back to the first negated token of the stretch: the negation stands just before it.
  let k = hit.first;
  while (k > 0 && model.negated[k - 1] && model.clauseOf[k - 1] === model.clauseOf[hit.first]) k -= 1;
  return !ctx.lexicon.hits(model, 'tone.fresh-subject').some((s) => s.sentence === hit.sentence && s.first >= k && s.first <= hit.first);
}

/** Offsets of a hit without trailing punctuation ("or else." → "or else"). */
function trimmed(model: TextModel, hit: Hit): Span {
  let last = hit.last;
  while (last - 1 > hit.first && model.tokens[last - 1]!.kind === 'punct') last -= 1;
  return { start: hit.start, end: model.tokens[last - 1]!.end };
}

/**
 * Swearing masked with asterisks ("f***", "s**t", "b****y", "f***ing"): letters, then stars,
 * written as one word. The shape is the cue, so it needs no list; markdown emphasis ("**Note**")
 * starts with stars and is not one.
 */
function findMaskedSwearing(ctx: RuleContext): { sentence: number; first: number; last: number }[] {
  const model = ctx.text;
  const { tokens } = model;
  const out: { sentence: number; first: number; last: number }[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.norm !== '*' || t.gapBefore !== Gap.None) continue;
    const lead = tokens[k - 1];
    if (!lead || lead.kind !== 'word' || lead.end !== t.start) continue;
    // The chunk begins at the lead word: nothing joined before it.
    if (lead.gapBefore === Gap.None && k - 2 >= 0 && tokens[k - 2]!.end === lead.start) continue;
    let j = k;
    let stars = 0;
    while (j < tokens.length && tokens[j]!.norm === '*' && (j === k || tokens[j]!.gapBefore === Gap.None)) {
      stars += 1;
      j += 1;
    }
    const tail = tokens[j];
    const tailWord = tail !== undefined && tail.gapBefore === Gap.None && tail.kind === 'word';
    const end = tailWord ? j + 1 : j;
    // "f***" (a short stem then stars) or "s**t" (letters both sides); "Note**" and "A*" are not.
    const masked = tailWord ? lead.end - lead.start <= 4 : stars >= 2 && lead.end - lead.start <= 2;
    if (masked && model.regionOf[k] === 'own' && model.quotationOf[k - 1] === -1 && !model.reported[k - 1]) {
      out.push({ sentence: model.sentenceOf[k - 1]!, first: k - 1, last: end });
    }
    k = end - 1;
  }
  return out;
}

/** Insults, threats and demands in the writer's own sentences, one per sentence at most. */
export function findToneProblems(ctx: RuleContext): ToneHit[] {
  const model = ctx.text;
  const byKind = entriesByKind(ctx);
  const bySentence = new Map<number, Map<ToneKind, Span>>();
  const note = (sentence: number, kind: ToneKind, span: Span) => {
    const kinds = bySentence.get(sentence) ?? new Map<ToneKind, Span>();
    const existing = kinds.get(kind);
    if (!existing || span.start < existing.start) kinds.set(kind, span);
    bySentence.set(sentence, kinds);
  };
  for (const kind of KIND_ORDER) {
    for (const id of byKind.get(kind) ?? []) {
      const tags = ctx.lexicon.entries.get(id)?.spec.tags ?? [];
      for (const hit of ctx.lexicon.hits(model, id)) {
        if (negatedThreat(ctx, hit, tags)) continue;
        note(hit.sentence, kind, trimmed(model, hit));
      }
    }
  }
  for (const m of findMaskedSwearing(ctx)) note(m.sentence, 'insult', { start: model.tokens[m.first]!.start, end: model.tokens[m.last - 1]!.end });
  const out: ToneHit[] = [];
  for (const sentence of [...bySentence.keys()].sort((a, b) => a - b)) {
    const kinds = bySentence.get(sentence)!;
    const kind = KIND_ORDER.find((k) => kinds.has(k))!;
    const span = kinds.get(kind)!;
    out.push({ kind, start: span.start, end: span.end, quote: ctx.draft.body.slice(span.start, span.end) });
  }
  return out;
}
