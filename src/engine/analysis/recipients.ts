/**
 * Shared analyses for the recipient rules (silent-copy, personal-email,
 * ward-councillors-not-informed): who a person is across addresses, how to name them,
 * where a note to the reader belongs in the body, what was forwarded, and whether the
 * writer's own words are party-political or private rather than council business.
 *
 * Pure functions over the rule context: no DOM, no Node, no Office.
 */
import { bareName, type Person } from '../people.ts';
import type { CouncillorEntry } from '../policy.ts';
import { assessPartyContent } from './party-politics.ts';
import { memoised, type RuleContext } from '../rule.ts';
import { indexOfPhrase, peopleIndex } from '../people-index.ts';
import { splitLines, type Span } from '../text.ts';
import type { Mailbox } from '../types.ts';
import { normalisedBody } from './voice.ts';

// ---- People ----

/** One key per human being: the directory entry when there is one, else the bare display name, else the address. */
export function personKey(person: Person): string {
  if (person.councillor) return `cllr:${person.councillor.email.toLowerCase()}`;
  if (person.officer) return `officer:${person.officer.email.toLowerCase()}`;
  const name = person.name ? bareName(person.name) : '';
  return name && person.kind === 'councillor' ? `name:${name}` : `email:${person.email}`;
}

export function samePerson(a: Person, b: Person): boolean {
  return a.email === b.email || personKey(a) === personKey(b);
}

/** The person's name without titles, as written in the directory or the display name ("Aisha Begum"). */
function plainName(person: Person): string | undefined {
  const raw = person.councillor?.name ?? person.officer?.name ?? person.name;
  if (!raw) return undefined;
  // The same few names come back on every check: keep the answers.
  if (plainNames.has(raw)) return plainNames.get(raw);
  if (plainNames.size >= 500) plainNames.clear();
  const name = plainNameOf(raw);
  plainNames.set(raw, name);
  return name;
}

const plainNames = new Map<string, string | undefined>();

function plainNameOf(raw: string): string | undefined {
  const bare = bareName(raw);
  if (!bare) return undefined;
  // bareName lower-cases; keep the writer's capitals where we can find them.
  const unquoted = raw.replace(/["']/g, '');
  const at = indexOfPhrase(unquoted, bare);
  return at ? unquoted.slice(at.start, at.end).replace(/\s+/g, ' ') : bare.replace(/\b\w/g, (c) => c.toUpperCase());
}

/** "Cllr Aisha Begum" for a councillor, the plain name for anyone else, else the address. */
export function titledName(person: Person): string {
  const name = plainName(person);
  if (!name) return person.email;
  return person.kind === 'councillor' ? `Cllr ${name}` : name;
}

export interface NameParts {
  full: string;
  first?: string;
  surname?: string;
}

export function nameParts(person: Person): NameParts | undefined {
  const name = plainName(person);
  if (!name) return undefined;
  const words = name.split(' ').filter(Boolean);
  return { full: name, first: words.length > 1 ? words[0] : undefined, surname: words[words.length - 1] };
}

/** Letters only, lower case: "Emma.Lowe-Home" → "emmalowehome". */
function letters(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * Is this personal mailbox the sender's own (an officer mailing work to their home account)?
 * The display name matches the sender's, or, with no display name, the address's local part
 * spells the sender's first and last name.
 */
export function isOwnMailbox(sender: Person, recipient: Mailbox): boolean {
  const senderName = sender.officer?.name ?? sender.name;
  if (!senderName) return false;
  const words = bareName(senderName).split(' ').filter(Boolean);
  if (recipient.name) return sameNamed(words, bareName(recipient.name).split(' ').filter(Boolean));
  if (words.length < 2) return false;
  // No display name: the address's local part spells the name ("joanne.quill", "jquill", "joquill.home").
  const local = letters(recipient.email.slice(0, recipient.email.indexOf('@')));
  const first = letters(words[0]!);
  const last = letters(words[words.length - 1]!);
  const at = local.indexOf(last);
  if (at < 0 || last.length < 3) return false;
  const before = local.slice(0, at);
  return before.length > 0 && first.startsWith(before);
}

/**
 * The same person by name: the same surname, and first names equal or one a short form that
 * starts the other (Jo and Joanne, Sam and Samantha). Single names must be equal.
 */
function sameNamed(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 || b.length < 2) return a.join(' ') === b.join(' ');
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  const x = a[0]!;
  const y = b[0]!;
  return x === y || (x.length >= 2 && y.startsWith(x)) || (y.length >= 2 && x.startsWith(y));
}

// ---- The message being forwarded or replied to ----

const FORWARD_SUBJECT = /^\s*(?:(?:re|aw)\s*:\s*)*(?:fw|fwd)\s*:/i;

export function isForward(ctx: RuleContext): boolean {
  return ctx.draft.composeType === 'forward' || FORWARD_SUBJECT.test(ctx.draft.subject) || ctx.layout.quoted[0]?.kind === 'forward';
}

/** The author of the message being forwarded or replied to (the first quoted message), resolved. */
export function quotedAuthor(ctx: RuleContext): Person | undefined {
  const from = ctx.layout.quoted[0]?.from;
  if (!from) return undefined;
  if (from.email) return ctx.people.resolve(from);
  // A name-only header ("From: Cllr Jane Smith"): resolve by directory name.
  const entry = from.name ? ctx.people.councillorNamed(from.name) : undefined;
  if (entry) return ctx.people.resolve({ name: entry.name, email: entry.email });
  return from.name ? ctx.people.resolve({ name: from.name, email: '' }) : undefined;
}

/** Everyone the first quoted message was addressed to (To and Cc): who the original writer chose to copy. */
export function quotedAddressees(ctx: RuleContext): Person[] {
  const q = ctx.layout.quoted[0];
  if (!q) return [];
  return [...q.to, ...q.cc].filter((m) => m.email).map((m) => ctx.people.resolve(m));
}

// ---- Where a note to the reader belongs ----

// Greetings as British correspondence writes them: "Dear Cllr Begum,", "Hi Samuel,", "Owen,".
const GREETING = /^\s*(?:(?:dear|hi|hello|hiya|good\s+(?:morning|afternoon|evening)|morning|afternoon)\b[^\n]{0,80}|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}\s*,)\s*$/i;

/**
 * Where to insert a sentence addressed to the reader: at the start of the first paragraph
 * after the greeting; with no greeting, just before the signature; else at the start.
 * Returns the offset and whether the inserted text needs a paragraph break after it.
 */
export function notePosition(ctx: RuleContext): number {
  const { own } = ctx;
  const lines = splitLines(ctx.draft.body, own.start, own.end).filter((l) => l.text.trim() !== '');
  const first = lines[0];
  if (!first) return own.start;
  if (GREETING.test(first.text) && lines[1] && (!ctx.layout.signature || lines[1].start < ctx.layout.signature.start)) return lines[1].start;
  if (ctx.layout.signature && ctx.layout.signature.start > first.start) return ctx.layout.signature.start;
  return first.start;
}

// ---- Names in text ----

/** Whether a name occurs in the text as a whole word, in any case and spacing (people-index.ts; no pattern is built from it). */
export { mentionsName } from '../people-index.ts';

// ---- Party-political or private content (personal-email's exception) ----

/*
 * A small classifier, kept local on purpose (letterhead-for-party-matters owns the full
 * party-politics detector). It answers one question: is this plainly NOT council business?
 * Signals, each chosen because it rarely appears in council casework:
 *  - every recipient is at a political party's domain (policy.parties[].domains);
 *  - a sentence with an electioneering term (canvassing, hustings, "vote Labour");
 *  - a sentence that names a party (policy names and aliases, plus the main UK parties) next
 *    to party-organisation words (branch, members, campaign, leaflet, fundraising, quiz…);
 *  - a private-capacity statement ("in a personal capacity", "my own business").
 * Negated sentences ("this is not a campaign matter") do not count.
 */

export interface ContentClass {
  /** Party-political or private: not council business. */
  notCouncilBusiness: boolean;
  /** What decided it, for docs and debugging. */
  reason?: 'party-recipients' | 'electioneering' | 'party-political' | 'private';
}

/**
 * Is the draft party-political or private (and so not council business)? PRODUCT.md, "Personal
 * address": council business is anything that is not party-political or private. The same
 * reading of party content as letterhead-for-party-matters (one vocabulary), plus the writer
 * saying they write in a private capacity. Memoised per check.
 */
export function classifyContent(ctx: RuleContext): ContentClass {
  return memoised(ctx, 'recipients:contentClass', () => {
    const others = ctx.recipients.filter((r) => !ctx.sender || r.person.email !== ctx.sender.email);
    if (others.length > 0 && others.every((r) => r.person.party)) return { notCouncilBusiness: true, reason: 'party-recipients' as const };
    const signal = assessPartyContent(ctx).first;
    if (signal) return { notCouncilBusiness: true, reason: signal.kind === 'private-business' ? ('private' as const) : signal.kind === 'electioneering' ? ('electioneering' as const) : ('party-political' as const) };
    if (ctx.lexicon.hits(ctx.text, 'business.private-matter').length || ctx.lexicon.hits(ctx.subjectText, 'business.private-matter').length) return { notCouncilBusiness: true, reason: 'private' as const };
    return { notCouncilBusiness: false };
  });
}

// ---- Directory helpers ----

/** The directory councillors of a ward (case-insensitive ward name). */
export function wardCouncillors(ctx: RuleContext, ward: string): CouncillorEntry[] {
  return [...(peopleIndex(ctx.policy).councillorsByWard.get(ward.trim().toLowerCase()) ?? [])];
}

// ---- Sentences around a match (cheaper than splitting the whole text) ----

// A full stop after a title or an initial does not end a sentence ("Cllr. Ng", "J. Smith").
const NOT_AN_END = /(?:\b(?:Cllr|Cllrs|Mr|Mrs|Ms|Dr|St|No|etc|e\.g|i\.e)|(?<![\w])[A-Z])$/;

function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n' || c === '!' || c === '?') return true;
  if (c !== '.') return false;
  const next = text[i + 1];
  if (next !== undefined && next !== ' ' && next !== '\n' && next !== '\t') return false;
  return !NOT_AN_END.test(text.slice(Math.max(0, i - 6), i));
}

/**
 * The sentence of `text` that contains `index`, within `span`: the same idea as text.ts
 * `sentences`, found by scanning outwards from one match so a rule pays only for the
 * sentences that matter.
 */
function sentenceAround(text: string, index: number, span: Span): Span {
  let start = span.start;
  for (let i = index - 1; i >= span.start; i--) {
    if (isSentenceEnd(text, i)) {
      start = i + 1;
      break;
    }
  }
  let end = span.end;
  for (let i = index; i < span.end; i++) {
    if (isSentenceEnd(text, i)) {
      end = text[i] === '\n' ? i : i + 1;
      break;
    }
  }
  while (start < end && /\s/.test(text[start]!)) start += 1;
  return { start, end };
}

/** The body with same-length character normalisation, computed once per check and shared with the other analyses. */
export { normalisedBody };

/**
 * Each sentence of `span` that contains a match of `re` (a global pattern), once, in order,
 * with the first match's offset inside the sentence.
 */
export function sentencesMatching(text: string, re: RegExp, span: Span): { span: Span; text: string; at: number }[] {
  return [...eachSentenceMatching(text, re, span)];
}

/**
 * `sentencesMatching` one sentence at a time, for callers that stop at the first that suits them:
 * a 200 KB draft need not be read to the end. Do not run `re` elsewhere while iterating.
 */
function* eachSentenceMatching(text: string, re: RegExp, span: Span): Generator<{ span: Span; text: string; at: number }> {
  if (!re.global) throw new Error(`sentencesMatching needs a global pattern: ${re}`);
  re.lastIndex = span.start;
  let m: RegExpExecArray | null;
  let covered = -1;
  while ((m = re.exec(text)) !== null && m.index < span.end) {
    if (m[0].length === 0) re.lastIndex += 1;
    if (m.index < covered) continue;
    const s = sentenceAround(text, m.index, span);
    covered = s.end;
    const lastIndex = re.lastIndex;
    yield { span: s, text: text.slice(s.start, s.end), at: m.index - s.start };
    re.lastIndex = lastIndex;
  }
}
