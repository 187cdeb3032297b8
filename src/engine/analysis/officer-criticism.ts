/**
 * Criticism of a named officer, for `public-criticism-of-officers`.
 *
 * 1. Find officers named in the writer's prose: directory officers by full name, by title and
 *    surname ("Ms Grant") or, once named in full, by first name; anyone introduced by an officer
 *    role ("the case officer, Sophie Grant", "Tom Ashworth, the engineer responsible"), which
 *    is how the embedded default (no directory) recognises an officer; and officer recipients'
 *    display names.
 * 2. For each, read the sentence that names them and the next sentences of the same paragraph
 *    that refer back to them by pronoun ("…he has let residents down").
 * 3. Look there for criticism of conduct or capability (a curated list of phrases with their
 *    inflections), skipping negated phrases ("never failed to") and a resident's words relayed
 *    by the writer.
 */
import { bareName } from '../people.ts';
import type { RuleContext } from '../rule.ts';
import { escapeRegExp, type Span } from '../text.ts';
import { isNegated, isReportedSpeech, normalisedBody, proseSentences, sentenceAt, type Sentence } from './voice.ts';

export interface OfficerCriticism {
  /** The officer's name as the draft writes it. */
  name: string;
  /** The sentences that criticise them (evidence and the fix's deletions). */
  sentences: Sentence[];
  /** Whether any of the criticism is a personal attack (abuse, not a complaint about work). */
  personalAttack: boolean;
}

// Officer job titles as UK councils write them (own list, from council staff directories).
const ROLE_NOUN = String.raw`(?:officer|engineer|planner|manager|director|surveyor|inspector|adviser|advisor|case ?worker|clerk|lawyer|solicitor|warden|co-?ordinator|team leader|supervisor|head of [A-Z][\w&-]*(?: [A-Z][\w&-]*)?)`;
const ROLE_PHRASE = String.raw`(?:[Tt]he|[Oo]ur|[Yy]our|[Tt]heir|[Aa]|[Cc]ouncil's) (?:[a-z-]+ ){0,3}${ROLE_NOUN}(?: (?:responsible|concerned|in charge|dealing with (?:it|this|the case)))?`;
const PERSON_NAME = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? )?[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?`;
// "the case officer, Sophie Grant" / "the engineer responsible Mr Hall"
const ROLE_THEN_NAME = new RegExp(String.raw`\b${ROLE_PHRASE},? (${PERSON_NAME})\b`, 'g');
// "Tom Ashworth, the engineer responsible"
const NAME_THEN_ROLE = new RegExp(String.raw`\b(${PERSON_NAME}),? (?:who is )?${ROLE_PHRASE}\b`, 'g');

// Criticism of an officer's conduct or capability (own list; inflections spelled out).
const CRITICISM = new RegExp(
  [
    String.raw`incompeten(?:t|ce|tly)|useless|hopeless|lazy|laziness|inept(?:itude)?|incapable|clueless`,
    String.raw`careless(?:ly|ness)?|sloppy|slapdash|shoddy|negligen(?:t|ce|tly)|unprofessional(?:ly)?|rude(?:ly|ness)?|arrogant|dismissive|obstructive|unhelpful`,
    String.raw`short with|let (?:\w+ ){0,3}down|letting (?:\w+ ){0,3}down`,
    String.raw`(?:(?:plainly|clearly|obviously|simply|still) )?(?:hasn't|has not|hadn't|had not|didn't|did not|doesn't|does not|never|won't|will not|can't|cannot) (?:even )?(?:bothered?|read|done|do|produced?|repl(?:y|ied)|respond(?:ed)?|deliver(?:ed)?|check(?:ed)?|listen(?:ed)?|returned?|understand|understood|grasp(?:ed)?|lifted a finger)`,
    String.raw`got (?:\w+ ){0,2}(?:facts|figures|things|it|everything) wrong|(?:basic|serious|repeated|glaring|elementary) (?:errors?|mistakes?|failings?)|(?:makes?|made|making) (?:\w+ ){0,2}mistakes`,
    String.raw`fail(?:ed|s|ing)? (?:to|in)|failures?|to blame|at fault|fault lies|blame(?:s|d)?|sat on|sitting on|on (?:his|her|their) desk|dragg(?:ed|ing) (?:his|her|their) feet`,
    String.raw`not up to (?:the|his|her|their) job|out of (?:his|her|their) depth|should (?:be )?(?:sacked|fired|disciplined|removed|replaced|resign)|(?:mis(?:led|leading|handled|managed))|lied|lying|dishonest(?:y)?`,
    String.raw`(?:has|had) no (?:idea|grasp|clue)|doesn't know what|a (?:complete |total )?(?:disgrace|joke|shambles)|poor (?:work|performance|judge?ment|advice|reports?|job|handling|quality)|responsible for (?:the )?(?:delays?|failures?|mess)|delays? (?:is|are|was|were) down to|waste of`,
  ]
    .map((alt) => `(?:${alt})`)
    .join('|'),
  'gi',
);

// Abuse rather than criticism of work: a personal attack wherever it is sent (surrey-heath 4.8(a)).
const PERSONAL_ATTACK = /\b(?:incompeten(?:t|ce)|useless|hopeless|lazy|inept|clueless|idiot\w*|stupid|pathetic|a (?:complete |total )?(?:disgrace|joke)|liar|lied|dishonest|should (?:be )?(?:sacked|fired|resign))\b/i;

const PRONOUN_REFERENCE = /\b(?:he|she|they|him|her|his|their|them)\b/i;

interface Mention extends Span {
  /** The officer's name as the directory or the draft gives it in full. */
  name: string;
  key: string;
}

interface NameForm {
  key: string;
  kind: 'full' | 'titled' | 'first';
}

const namePatternCache = new Map<string, { pattern: RegExp; forms: Map<string, NameForm> }>();

/**
 * One pattern for every way the draft may name a known officer (full name, title and surname,
 * first name), compiled once per directory: a single pass over the text, whatever its size.
 */
function namePattern(known: Map<string, string>): { pattern: RegExp; forms: Map<string, NameForm> } {
  const cacheKey = [...known.keys()].sort().join('|');
  const cached = namePatternCache.get(cacheKey);
  if (cached) return cached;
  const forms = new Map<string, NameForm>();
  for (const [key, full] of known) {
    const parts = full.trim().split(/\s+/);
    const add = (form: string, kind: NameForm['kind']) => {
      const k = form.toLowerCase();
      const existing = forms.get(k);
      if (!existing || (existing.kind === 'first' && kind !== 'first')) forms.set(k, { key, kind });
    };
    add(parts.join(' '), 'full');
    for (const t of ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr']) add(`${t} ${parts[parts.length - 1]}`, 'titled');
    if (parts.length > 1) add(parts[0]!, 'first');
  }
  const alts = [...forms.keys()].sort((a, b) => b.length - a.length).map((f) => escapeRegExp(f).replace(/ /g, '\\s+'));
  const result = { pattern: new RegExp(`\\b(?:${alts.join('|') || '(?!)'})\\b`, 'gi'), forms };
  if (namePatternCache.size > 20) namePatternCache.clear();
  namePatternCache.set(cacheKey, result);
  return result;
}

/** Officers named in the writer's prose, with the offsets of each mention. */
export function findOfficerMentions(ctx: RuleContext): Mention[] {
  const body = normalisedBody(ctx);
  const prose = proseSentences(ctx);
  if (prose.length === 0) return [];
  const span = { start: prose[0]!.start, end: prose[prose.length - 1]!.end };
  const text = body.slice(span.start, span.end);
  const mentions: Mention[] = [];
  const councillorNames = new Set(ctx.policy.councillors.map((c) => bareName(c.name)));
  const writer = ctx.draft.from?.name ? bareName(ctx.draft.from.name) : '';
  const push = (written: string, at: number, key: string, full = written) => {
    const k = bareName(key);
    if (!k || councillorNames.has(k) || k === writer) return;
    // "Cllr Smith, the…" is a councillor, never an officer.
    if (/\b(?:cllr|councillor)\.?\s*$/i.test(text.slice(Math.max(0, at - 12), at))) return;
    mentions.push({ start: span.start + at, end: span.start + at + written.length, name: full.replace(/^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? /, ''), key: k });
  };

  // Directory officers and officer recipients, by full name, title and surname, or first name once named.
  const known = new Map<string, string>();
  for (const o of ctx.policy.officers) known.set(bareName(o.name), o.name);
  for (const r of ctx.recipients) if (r.person.kind === 'officer' && r.mailbox.name && /\s/.test(bareName(r.mailbox.name))) known.set(bareName(r.mailbox.name), r.mailbox.name);
  const { pattern, forms } = namePattern(known);
  const namedInFull = new Set<string>();
  const firstNames: { at: number; written: string; key: string }[] = [];
  for (const m of text.matchAll(pattern)) {
    const written = m[0].replace(/\s+/g, ' ');
    const form = forms.get(written.toLowerCase());
    if (!form) continue;
    if (form.kind === 'first') firstNames.push({ at: m.index ?? 0, written: m[0], key: form.key });
    else {
      if (form.kind === 'full') namedInFull.add(form.key);
      push(m[0], m.index ?? 0, form.key, known.get(form.key)!);
    }
  }
  for (const f of firstNames) if (namedInFull.has(f.key)) push(f.written, f.at, f.key, known.get(f.key)!);
  // Anyone introduced by an officer's job title: the only way without a directory.
  for (const re of [ROLE_THEN_NAME, NAME_THEN_ROLE]) {
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      if (/^(?:The|Our|Your|Their|This|That|Council|Cllr|Councillor|I|We|He|She|They|Frankly|Sadly|Unfortunately|However|Dear|Hi|Hello)$/.test(name.split(' ')[0]!)) continue;
      const at = (m.index ?? 0) + m[0].indexOf(name);
      push(name, at, name);
    }
  }
  const seen = new Set<string>();
  return mentions
    .sort((a, b) => a.start - b.start)
    .filter((m) => {
      const k = `${m.start}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

// A change of subject inside the sentence: criticism on the other side is about someone else.
const SUBJECT_SWITCH = /;|\b(?:but|whereas|however|while|although)\b/i;

/**
 * Does the sentence criticise the officer named at `mentionAt` (or, for a follow-on sentence,
 * pass `undefined`)? Criticism across a change of subject ("Sophie was helpful, but the
 * contractor failed to turn up") is not about them.
 */
function criticises(body: string, s: Sentence, mentionAt: number | undefined): { critical: boolean; attack: boolean } {
  let critical = false;
  let attack = false;
  CRITICISM.lastIndex = 0;
  for (const m of s.text.matchAll(CRITICISM)) {
    const pos = s.start + (m.index ?? 0);
    if (mentionAt !== undefined) {
      const between = pos > mentionAt ? body.slice(mentionAt, pos) : body.slice(pos, mentionAt);
      if (SUBJECT_SWITCH.test(between) || (pos < mentionAt && mentionAt - pos > 80)) continue;
    }
    if (isNegated(body, s, pos, 3)) continue;
    if (isReportedSpeech(body, s, pos)) continue;
    critical = true;
    if (PERSONAL_ATTACK.test(m[0])) attack = true;
  }
  return { critical, attack };
}

/** Named officers whose conduct or capability the writer criticises. */
export function findOfficerCriticism(ctx: RuleContext): OfficerCriticism[] {
  const body = normalisedBody(ctx);
  const prose = proseSentences(ctx);
  const byOfficer = new Map<string, OfficerCriticism>();
  for (const mention of findOfficerMentions(ctx)) {
    const i = sentenceAt(prose, mention.start);
    if (i === -1) continue;
    const window: Sentence[] = [prose[i]!];
    // Follow-on sentences in the same paragraph that refer back by pronoun and name no one else.
    for (let k = i + 1; k < prose.length && k <= i + 2; k++) {
      const s = prose[k]!;
      if (/\n\s*\n/.test(body.slice(prose[k - 1]!.end, s.start))) break;
      if (!PRONOUN_REFERENCE.test(s.text) || /\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\b/.test(s.text)) break;
      window.push(s);
    }
    for (const s of window) {
      if (isReportedSpeech(body, s, s === window[0] ? mention.start : s.start)) continue;
      const { critical, attack } = criticises(body, s, s === window[0] ? mention.start : undefined);
      if (!critical) continue;
      const entry = byOfficer.get(mention.key) ?? { name: mention.name, sentences: [], personalAttack: false };
      if (!entry.sentences.some((x) => x.start === s.start)) entry.sentences.push(s);
      entry.personalAttack ||= attack;
      byOfficer.set(mention.key, entry);
    }
  }
  for (const entry of byOfficer.values()) entry.sentences.sort((a, b) => a.start - b.start);
  return [...byOfficer.values()];
}
