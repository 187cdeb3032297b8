/**
 * Criticism of a named officer, for `public-criticism-of-officers`, read from the text model
 * and the `criticism` lexicon family (src/engine/lexicon/data/criticism.json).
 *
 * 1. Find officers named in the writer's own words: directory officers and officer recipients
 *    by full name, by courtesy title and surname ("Ms Grant") or, once named in full, by first
 *    name; and anyone introduced by an officer's job title ("the case officer, Sophie Grant",
 *    "Tom Ashworth, the engineer responsible"), which is how the embedded default (no
 *    directory) recognises an officer. Councillors ("Cllr …", the directory's councillors) and
 *    the writer are never officers.
 * 2. For each, read the sentence that names them and up to three following sentences that name
 *    nobody else (crossing into the next paragraph only where it says "this officer"); a
 *    following sentence counts when it refers back to them ("he", "her reports").
 * 3. Look there for criticism of conduct or capability (the lexicon's criticism entries), on
 *    the officer's side of any change of subject ("…, but the contractor failed …"). Negated
 *    cues do not count; someone else's words do not count (reported speech, or a quotation the
 *    sentence attributes to someone else), but the writer's own statement in quotation marks
 *    (a comment given to a newspaper) does.
 */
import type { Hit, Lexicon } from '../lexicon/compile.ts';
import { bareName } from '../people.ts';
import { peopleIndex } from '../people-index.ts';
import type { ResolvedPolicy } from '../policy.ts';
import { memoised, type RuleContext } from '../rule.ts';
import type { Sentence, TextModel } from '../text-model/model.ts';
import { Gap, tokenize } from '../text-model/tokenize.ts';

export interface OfficerCriticism {
  /** The officer's name as the directory or the draft gives it in full. */
  name: string;
  /** The sentences that criticise them (evidence and the fix's deletions), in order. */
  sentences: Sentence[];
  /** Whether any of the criticism is a personal attack (abuse, not a complaint about work). */
  personalAttack: boolean;
}

/** The criticism cues; entries tagged `personal-attack` make it a personal attack. */
const CRITICISM_CUES = [
  'criticism.insult',
  'criticism.capability',
  'criticism.denied-competence',
  'criticism.failure',
  'criticism.errors',
  'criticism.misleading',
  'criticism.dishonesty',
  'criticism.conduct',
  'criticism.lost-confidence',
  'criticism.dismissal',
] as const;

/** How far (in tokens) a cue before the officer's name may stand and still be about them. */
const CUE_BEFORE_NAME = 15;
/** Following sentences read, per paragraph, for criticism that refers back to the officer. */
const FOLLOW_ON = 3;

interface Mention {
  /** Token range of the name. */
  first: number;
  last: number;
  /** The officer's name in full, for messages. */
  name: string;
  key: string;
}

interface KnownOfficer {
  name: string;
  norms: string[];
}

/**
 * Known officers' names, indexed by their first word and their surname. The directory's are
 * indexed once per policy (a staff list can hold thousands); those a draft adds (its officer
 * recipients, anyone it introduces by a job title) sit in a small layer of their own on top.
 */
class KnownOfficers {
  private readonly known = new Map<string, KnownOfficer>();
  private readonly firstWords = new Map<string, string[]>();
  private readonly surnames = new Map<string, string>();

  constructor(private readonly under?: KnownOfficers) {}

  has(key: string): boolean {
    return this.known.has(key) || !!this.under?.has(key);
  }

  get(key: string): KnownOfficer | undefined {
    return this.under?.get(key) ?? this.known.get(key);
  }

  /** Add a name not known yet (the first spelling of a name wins). */
  add(key: string, officer: KnownOfficer): void {
    if (this.has(key)) return;
    this.known.set(key, officer);
    const list = this.firstWords.get(officer.norms[0]!);
    if (list) list.push(key);
    else this.firstWords.set(officer.norms[0]!, [key]);
    this.surnames.set(officer.norms[officer.norms.length - 1]!, key);
  }

  /** The names that start with this word, the directory's first. */
  byFirstWord(norm: string): string[] {
    const mine = this.firstWords.get(norm) ?? [];
    const below = this.under?.byFirstWord(norm) ?? [];
    return below.length ? [...below, ...mine] : mine;
  }

  /** The name with this surname, the last added winning. */
  bySurname(norm: string): string | undefined {
    return this.surnames.get(norm) ?? this.under?.bySurname(norm);
  }
}

const directoryOfficers = new WeakMap<ResolvedPolicy, KnownOfficers>();

function addName(known: KnownOfficers, full: string): void {
  const key = bareName(full);
  const norms = nameWords(key);
  if (norms.length >= 2) known.add(key, { name: full.trim(), norms });
}

/** Officers the draft can name: the directory's, and officer recipients with a display name. */
function knownOfficers(ctx: RuleContext): KnownOfficers {
  return memoised(ctx, 'criticism:known', () => {
    let directory = directoryOfficers.get(ctx.policy);
    if (!directory) {
      directory = new KnownOfficers();
      for (const o of ctx.policy.officers) addName(directory, o.name);
      directoryOfficers.set(ctx.policy, directory);
    }
    const known = new KnownOfficers(directory);
    for (const r of ctx.recipients) if (r.person.kind === 'officer' && r.mailbox.name) addName(known, r.mailbox.name);
    return known;
  });
}

function nameWords(name: string): string[] {
  return tokenize(name).filter((t) => t.kind === 'word' && !t.joiner).map((t) => t.norm);
}

/** Token indices where the hits of an entry start, for look-ups by position. */
function startsOf(hits: readonly Hit[]): Map<number, Hit> {
  const out = new Map<number, Hit>();
  for (const h of hits) if (!out.has(h.first)) out.set(h.first, h);
  return out;
}

function isCapitalWord(model: TextModel, k: number): boolean {
  const t = model.tokens[k];
  return !!t && t.kind === 'word' && t.capital;
}

/** Officers named in the writer's own words, in text order. */
function findOfficerMentions(ctx: RuleContext): Mention[] {
  return memoised(ctx, 'criticism:mentions', () => {
    const model = ctx.text;
    const lexicon = ctx.lexicon;
    const { tokens } = model;
    const own = (k: number) => model.regionOf[k] === 'own';
    const councillorNames = peopleIndex(ctx.policy).councillorBareNames;
    const writer = ctx.draft.from?.name ? bareName(ctx.draft.from.name) : '';
    const councillorTitles = lexicon.hits(model, 'criticism.councillor-title');
    const titledBy = new Set(councillorTitles.map((h) => h.last));
    const courtesy = lexicon.hits(model, 'criticism.courtesy-title');
    const courtesyAt = startsOf(courtesy);
    const known = knownOfficers(ctx);
    const mentions: Mention[] = [];
    const excluded = (key: string, first: number) => !key || councillorNames.has(key) || key === writer || titledBy.has(first);

    // Anyone introduced by an officer's job title: "the case officer, Sophie Grant",
    // "Tom Ashworth, the engineer responsible", "the Monitoring Officer, Mr Ogunleye".
    const introduced: Mention[] = [];
    for (const role of lexicon.hits(model, 'criticism.officer-role')) {
      if (!own(role.first)) continue;
      const after = nameAfter(model, role.last, courtesyAt);
      const before = after ? undefined : nameBefore(model, role.first, courtesy);
      const found = after ?? before;
      if (!found) continue;
      const key = bareName(model.text.slice(tokens[found.first]!.start, tokens[found.last - 1]!.end));
      if (excluded(key, found.first)) continue;
      const written = model.text.slice(tokens[found.nameFirst]!.start, tokens[found.last - 1]!.end);
      introduced.push({ first: found.first, last: found.last, name: written, key });
      const norms = nameWords(key);
      if (norms.length) known.add(key, { name: written, norms });
    }

    // The known names, looked up by their first word, their surname and their first name.
    const namedInFull = new Map<string, number>();
    for (let k = 0; k < tokens.length; k++) {
      if (!own(k) || !isCapitalWord(model, k)) continue;
      for (const key of known.byFirstWord(tokens[k]!.norm)) {
        const norms = known.get(key)!.norms;
        let j = 0;
        while (j < norms.length && tokens[k + j]?.norm === norms[j]) j += 1;
        if (j !== norms.length || excluded(key, k)) continue;
        mentions.push({ first: k, last: k + j, name: known.get(key)!.name, key });
        if (!namedInFull.has(key)) namedInFull.set(key, k);
      }
    }
    // "Ms Latham": a courtesy title and a known officer's surname.
    for (const h of courtesy) {
      if (!own(h.first)) continue;
      const key = known.bySurname(tokens[h.last - 1]!.norm);
      if (key && !excluded(key, h.first)) mentions.push({ first: h.first, last: h.last, name: known.get(key)!.name, key });
    }
    // A first name alone, once the full name has appeared; a surname alone too, once the
    // subject line has named them in full ("Subject: Tom Garside" … "your man Garside").
    const inSubject = namedInSubject(ctx, known);
    for (const key of inSubject) if (!namedInFull.has(key) && !excluded(key, -1)) namedInFull.set(key, -1);
    for (const [key, from] of namedInFull) {
      const { norms, name } = known.get(key)!;
      const firstName = norms[0]!;
      const surname = inSubject.has(key) && norms.length > 1 ? norms[norms.length - 1]! : undefined;
      for (let k = from + 1; k < tokens.length; k++) {
        if (!own(k) || !isCapitalWord(model, k)) continue;
        const norm = tokens[k]!.norm;
        if ((norm === firstName && tokens[k + 1]?.norm !== norms[1]) || (norm === surname && tokens[k - 1]?.norm !== norms[norms.length - 2])) {
          mentions.push({ first: k, last: k + 1, name, key });
        }
      }
    }
    mentions.push(...introduced.map((m) => ({ ...m, name: known.get(m.key)?.name ?? m.name })));
    mentions.sort((a, b) => a.first - b.first || b.last - a.last);
    // One mention per position (the longest), none inside another.
    const out: Mention[] = [];
    for (const m of mentions) if (!isSalutation(model, m) && !out.some((o) => m.first < o.last && o.first < m.last)) out.push(m);
    return out;
  });
}

/** The reader's name as the salutation ("Mr Kelsall," / "Dear Ms Grant,"): it names whom the draft is to, not whom it is about. */
function isSalutation(model: TextModel, m: Mention): boolean {
  const s = model.sentences[model.sentenceOf[m.first]!]!;
  const { tokens } = model;
  let first = s.first;
  if (tokens[first]?.norm === 'dear' || tokens[first]?.norm === 'hi' || tokens[first]?.norm === 'hello') first += 1;
  if (m.first !== first) return false;
  // The name, then a comma or nothing, then the end of the line.
  let k = m.last;
  if (tokens[k]?.norm === ',') k += 1;
  return k >= s.last || tokens[k]!.gapBefore >= Gap.Newline;
}

/** Known officers the subject line names in full. */
function namedInSubject(ctx: RuleContext, known: KnownOfficers): Set<string> {
  const model = ctx.subjectText;
  const { tokens } = model;
  const out = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    if (!isCapitalWord(model, k)) continue;
    for (const key of known.byFirstWord(tokens[k]!.norm)) {
      const norms = known.get(key)!.norms;
      let j = 0;
      while (j < norms.length && tokens[k + j]?.norm === norms[j]) j += 1;
      if (j === norms.length) out.add(key);
    }
  }
  return out;
}

interface FoundName {
  /** Token range, title included. */
  first: number;
  last: number;
  /** Where the name itself starts (after a courtesy title). */
  nameFirst: number;
}

/** "…officer, Sophie Grant" / "…officer, Mr Ogunleye": a name right after a job title. */
function nameAfter(model: TextModel, k: number, courtesyAt: Map<number, Hit>): FoundName | undefined {
  if (model.tokens[k]?.norm === ',') k += 1;
  const titled = courtesyAt.get(k);
  if (titled) return { first: k, last: titled.last, nameFirst: titled.last - 1 };
  // First name and surname: two capitalised words (a single word is too often not a name).
  if (isCapitalWord(model, k) && isCapitalWord(model, k + 1) && model.sentenceOf[k] === model.sentenceOf[k + 1]) return { first: k, last: k + 2, nameFirst: k };
  return undefined;
}

/** "Tom Ashworth, the engineer…" / "Mr Hall, the engineer…": a name right before a job title. */
function nameBefore(model: TextModel, k: number, courtesy: readonly Hit[]): FoundName | undefined {
  let end = k;
  if (model.tokens[end - 1]?.norm === ',') end -= 1;
  const titled = courtesy.find((h) => h.last === end);
  if (titled) return { first: titled.first, last: end, nameFirst: end - 1 };
  if (end - 2 >= 0 && isCapitalWord(model, end - 1) && isCapitalWord(model, end - 2) && model.sentenceOf[end - 2] === model.sentenceOf[k]) return { first: end - 2, last: end, nameFirst: end - 2 };
  return undefined;
}

/**
 * A change of subject between two tokens: a clause opened by a conjunction ("but", "whereas")
 * or a semicolon. A clause that opens with a pronoun pointing back ("… - he hasn't answered")
 * keeps the subject.
 */
function subjectChanges(model: TextModel, from: number, to: number, keeps: ReadonlySet<number>): boolean {
  const [a, b] = from < to ? [from, to] : [to, from];
  const { tokens } = model;
  for (let c = model.clauseOf[a]! + 1; c <= model.clauseOf[b]!; c++) {
    const first = model.clauses[c]!.first;
    const opener = tokens[first]!;
    if ((opener.kind === 'word' && !keeps.has(first)) || opener.norm === ';') return true;
  }
  // A spaced dash opens a new statement too ("… chased it twice - the contractor failed …"),
  // unless a pronoun after it points back.
  for (let k = a + 1; k < b; k++) {
    const t = tokens[k]!;
    if (DASHES.has(t.norm) && t.gapBefore !== Gap.None && tokens[k + 1]?.kind === 'word' && !keeps.has(k + 1)) return true;
  }
  return false;
}

// A spaced hyphen reads as '-', an en or em dash as '--' (tokenize.ts).
const DASHES = new Set(['-', '--']);

/** Someone else's words in quotation marks: a verb of saying stands outside the marks in the same sentences. */
function attributedQuotation(ctx: RuleContext, q: number): boolean {
  const model = ctx.text;
  const lexicon = ctx.lexicon;
  if (!lexicon.has('frame.saying-verb')) return false;
  const cache = memoised(ctx, 'criticism:attributed', () => new Map<number, boolean>());
  const cached = cache.get(q);
  if (cached !== undefined) return cached;
  const quotation = model.quotations[q]!;
  const fromSentence = model.sentenceOf[quotation.open >= 0 ? quotation.open : quotation.first]!;
  const toSentence = model.sentenceOf[quotation.close >= 0 ? quotation.close : quotation.last - 1]!;
  const verbs = lexicon.hits(model, 'frame.saying-verb').filter((h) => h.sentence >= fromSentence && h.sentence <= toSentence && model.quotationOf[h.first] === -1);
  // The writer quoting themselves (a councillor's own release: "Cllr Derek Pybus said: …") speaks in their own words.
  const result = verbs.length > 0 && !verbs.some((h) => speakerIsWriter(ctx, model.sentences[h.sentence]!, h.first));
  cache.set(q, result);
  return result;
}

/** Whether the writer's surname stands in the sentence before a verb of saying ("Lockside councillor Derek Pybus said"). */
function speakerIsWriter(ctx: RuleContext, s: Sentence, verb: number): boolean {
  const name = ctx.sender?.councillor?.name ?? (ctx.draft.from?.name ? bareName(ctx.draft.from.name) : '');
  const words = nameWords(name);
  if (words.length < 2) return false;
  const { tokens } = ctx.text;
  const surname = words[words.length - 1]!;
  for (let k = s.first; k < verb; k++) if (tokens[k]!.norm === surname && tokens[k]!.capital) return true;
  return false;
}

/** Is a counting cue the writer's own criticism? */
function writersOwn(ctx: RuleContext, hit: Hit, judges: readonly Hit[], speakersQuoted: boolean): boolean {
  const model = ctx.text;
  const q = model.quotationOf[hit.first]!;
  if (q !== -1) {
    if (speakersQuoted) return true;
    if (attributedQuotation(ctx, q)) return false;
  }
  if (model.reported[hit.first]) {
    // "she said she wasn't aware of it, which I find hard to believe": the writer's judgement
    // in the same clause, before the cue, takes the sentence back.
    const clause = model.clauseOf[hit.first]!;
    return judges.some((j) => model.clauseOf[j.first] === clause && j.first < hit.first);
  }
  return true;
}

function criticismHits(ctx: RuleContext, speakersQuoted: boolean): Hit[] {
  return memoised(ctx, speakersQuoted ? 'criticism:hits+quoted' : 'criticism:hits', () => {
    const judges = ctx.lexicon.hits(ctx.text, 'criticism.writer-judges');
    return CRITICISM_CUES.flatMap((id) => ctx.lexicon.hits(ctx.text, id))
      .filter((h) => writersOwn(ctx, h, judges, speakersQuoted))
      .sort((a, b) => a.first - b.first);
  });
}

function isPersonalAttack(lexicon: Lexicon, hit: Hit): boolean {
  return lexicon.entries.get(hit.entry)?.spec.tags?.includes('personal-attack') ?? false;
}

/** The sentences that follow a mention and may still be about the officer. */
function followOn(ctx: RuleContext, mention: Mention, mentions: readonly Mention[]): Sentence[] {
  const model = ctx.text;
  const lexicon = ctx.lexicon;
  const at = model.sentenceOf[mention.first]!;
  const out: Sentence[] = [];
  const namesSomeoneElse = (s: Sentence) =>
    mentions.some((m) => m.key !== mention.key && model.sentenceOf[m.first] === s.index) ||
    lexicon.inSentence(model, s.index, ['criticism.councillor-title']).length > 0 ||
    lexicon.inSentence(model, s.index, ['criticism.courtesy-title']).some((h) => !mentions.some((m) => m.first === h.first && m.key === mention.key));
  let inParagraph = 0;
  for (let i = at + 1; i < model.sentences.length; i++) {
    const s = model.sentences[i]!;
    if (s.region !== 'own' || namesSomeoneElse(s)) break;
    if (s.paragraph !== model.sentences[i - 1]!.paragraph) {
      // A new paragraph is still about them only where it says so: "This officer's reports…",
      // or a pronoun that opens it ("He is a jobsworth…").
      const roleBack = lexicon.inSentence(model, s.index, ['criticism.refers-back']).some((h) => h.last - h.first > 1 || h.first === s.first);
      if (!roleBack) break;
      inParagraph = 0;
    }
    if (inParagraph === FOLLOW_ON) continue;
    inParagraph += 1;
    out.push(s);
  }
  return out;
}

/** Named officers whose conduct or capability the writer criticises. */
export function findOfficerCriticism(ctx: RuleContext, options: { speakersQuoted?: boolean } = {}): OfficerCriticism[] {
  const model = ctx.text;
  const lexicon = ctx.lexicon;
  const mentions = findOfficerMentions(ctx);
  if (mentions.length === 0) return [];
  const cues = criticismHits(ctx, options.speakersQuoted === true);
  if (cues.length === 0) return [];
  const pointsBack = new Set(lexicon.hits(model, 'criticism.refers-back').filter((h) => h.last - h.first === 1).map((h) => h.first));
  const byOfficer = new Map<string, OfficerCriticism>();
  const near = (anchor: number) => (h: Hit) => !subjectChanges(model, anchor, h.first, pointsBack) && (h.first >= anchor || anchor - h.last <= CUE_BEFORE_NAME);
  const record = (mention: Mention, s: Sentence, hits: Hit[]) => {
    if (hits.length === 0) return;
    const entry = byOfficer.get(mention.key) ?? { name: mention.name, sentences: [], personalAttack: false };
    if (!entry.sentences.includes(s)) entry.sentences.push(s);
    entry.personalAttack ||= hits.some((h) => isPersonalAttack(lexicon, h));
    byOfficer.set(mention.key, entry);
  };
  for (const mention of mentions) {
    const at = model.sentenceOf[mention.first]!;
    // The mention itself in someone else's words ("One resident told me that Gary Holt…").
    if (model.reported[mention.first] && !cues.some((h) => h.sentence === at && !model.reported[h.first])) continue;
    record(mention, model.sentences[at]!, cues.filter((h) => h.sentence === at).filter(near(mention.first)));
    for (const s of followOn(ctx, mention, mentions)) {
      const back = lexicon.inSentence(model, s.index, ['criticism.refers-back'])[0];
      if (!back) {
        // An insult with nobody else in view still aims at them ("… still says it isn't a priority. Buffoonery of the highest order.").
        record(mention, s, cues.filter((h) => h.sentence === s.index && isPersonalAttack(lexicon, h)));
        continue;
      }
      record(mention, s, cues.filter((h) => h.sentence === s.index).filter(near(back.first)));
    }
  }
  // With one officer named in the whole draft, a later sentence that points back to them is
  // about them, however far on: one that opens with a pronoun ("He is a jobsworth of the worst
  // kind"), or that names their post ("A statutory officer who misleads a panel …").
  const keys = new Set(mentions.map((m) => m.key));
  if (keys.size === 1) {
    const mention = mentions[0]!;
    const after = model.sentenceOf[mention.first]!;
    for (const s of model.sentences) {
      if (s.index <= after || s.region !== 'own') continue;
      const back = lexicon.inSentence(model, s.index, ['criticism.refers-back']).find((h) => h.first === s.first || h.last - h.first > 1);
      if (back) record(mention, s, cues.filter((h) => h.sentence === s.index).filter(near(back.first)));
    }
  }
  for (const entry of byOfficer.values()) entry.sentences.sort((a, b) => a.start - b.start);
  return [...byOfficer.values()];
}
