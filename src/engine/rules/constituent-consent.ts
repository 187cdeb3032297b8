/**
 * constituent-consent: a resident's email forwarded, or copied wider on a reply, to someone who
 * was not party to it, with no statement that the resident agreed (district-model 13.2.2).
 */
import { clauseStart, negatedBefore, sentencesOf } from '../analysis/clause-polarity.ts';
import type { Person, Recipient } from '../people.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import { normaliseChars, splitLines, type QuotedMessage, type Span } from '../text.ts';
import type { Edit, Mailbox, Suggestion } from '../types.ts';

// ---- helpers: whose email is it ----

// Automated senders are not residents.
const AUTOMATED = /^(?:no-?reply|do-?not-?reply|notifications?|mailer-daemon|postmaster|alerts?)\b/i;
// Public bodies: an email from the NHS, the police or a school is not a constituent's.
const PUBLIC_BODY = /(?:^|\.)(?:gov\.uk|gov\.wales|gov\.scot|nhs\.uk|nhs\.net|police\.uk|mod\.uk|parliament\.uk|sch\.uk|ac\.uk)$/i;

/** A resident (or other member of the public): external, not media, not a party, not automated, not a public body. */
function isResident(person: Person): boolean {
  if (person.kind !== 'external' || person.councilAddress) return false;
  if (person.media || person.party) return false;
  if (AUTOMATED.test(person.email.split('@')[0] ?? '')) return false;
  return !PUBLIC_BODY.test(person.domain);
}

const addr = (m: Mailbox | undefined) => (m?.email ?? '').trim().toLowerCase();

// ---- helpers: was consent stated ----

// Consent cues, from the ways people write it down: "happy for me to pass this on", "with her
// permission", "has agreed to her details being shared", "consented". Strong cues need nothing
// else in the sentence; weak ones ("happy", "fine") need a word about passing the email on.
const STRONG_CONSENT = /\b(?:consent(?:s|ed|ing)?|permission|authori[sz](?:ed|ation)|blessing|go-ahead)\b/gi;
const WEAK_CONSENT = /\b(?:agree(?:s|d|ing)?|agreement|happy|content|willing|glad|fine|okay|ok|comfortable|welcome)\b/gi;
// Phrases that carry their own "not" and still mean yes.
const NEGATIVE_FORM_CONSENT = /\b(?:(?:doesn't|does\s+not|don't|do\s+not|didn't|did\s+not|wouldn't|would\s+not)\s+mind|no\s+objections?|not\s+object)\b/i;
const SHARE = /\b(?:pass(?:ed|es|ing)?\b(?:\s+[\w']+){0,5}?\s+(?:on|to|along)\b|shar(?:e|ed|es|ing)|forward(?:ed|s|ing)?|send(?:s|ing)?|sent|cop(?:y|ied|ies|ying)|refer(?:red|s|ring)?|circulat\w*|show(?:n|ed|ing)?|contact(?:ed|ing)?|get\s+in\s+touch|(?:details|email|letter|message|information)\s+(?:being\s+)?(?:given|used|passed))/i;
// The resident asking for it to be passed on is consent too: "please pass this on", "feel free to forward".
const INVITATION = /\b(?:feel\s+free\s+to|(?:you\s+are|you're)\s+welcome\s+to|(?:you\s+)?(?:can|may)|please(?:\s+do)?|could\s+you|can\s+you)\s+(?:pass|forward|share|send|copy|refer)\b/gi;
// The writer speaking for themselves ("I'm happy to pass this on") is not the resident's consent.
// A first-person subject with no third person after it in the clause: "I'm happy to…", "We are content…".
const FIRST_PERSON_ONLY = /\b(?:I|I'm|I've|I'd|I'll|[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'd|[Ww]e'll)\b(?![^]*\b(?:[Hh]e|[Ss]he|[Tt]hey|her|his|their|him|them|[A-Z][a-z]+'s|resident|constituent)\b)/;
// A question or a plan to ask is not consent yet: "I will ask whether she is happy".
const NOT_YET = /\b(?:if|whether|ask|asking|check|checking|once|until|unless|hope|hoping)\b/i;

interface Statement {
  span: Span;
  /** The resident's own words (any speaker counts) or the writer's (a third party must be agreeing). */
  speaker: 'resident' | 'writer';
}

// Any word a consent statement needs: a cheap first test before the full patterns.
const ANY_CUE = /consent|permission|authori[sz]|blessing|go-ahead|agree|happy|content|willing|glad|\bfine\b|\bok(?:ay)?\b|comfortable|welcome|\bmind\b|object|\b(?:pass|forward|share|send|copy|refer)\b/i;

function statesConsent(body: string, s: Statement): boolean {
  // Normalise once; skip the span, then each sentence, when no cue word appears at all.
  const norm = normaliseChars(body.slice(s.span.start, s.span.end));
  if (!ANY_CUE.test(norm)) return false;
  for (const sentence of sentencesOf(body, s.span)) {
    const text = norm.slice(sentence.start - s.span.start, sentence.end - s.span.start);
    if (!ANY_CUE.test(text)) continue;
    if (/\?\s*$/.test(text)) continue; // "Is she happy for me to share this?""
    const hit = (index: number, needsShare: boolean): boolean => {
      const at = sentence.start + index;
      const clause = normaliseChars(body.slice(clauseStart(body, at, sentence.start), at));
      if (negatedBefore(body, at, sentence.start, 6)) return false; // "she has not agreed", "without her consent"
      if (NOT_YET.test(clause)) return false;
      if (s.speaker === 'writer' && FIRST_PERSON_ONLY.test(clause)) return false;
      return !needsShare || SHARE.test(text);
    };
    for (const m of text.matchAll(STRONG_CONSENT)) if (hit(m.index ?? 0, false)) return true;
    for (const m of text.matchAll(WEAK_CONSENT)) if (hit(m.index ?? 0, true)) return true;
    if (NEGATIVE_FORM_CONSENT.test(text) && SHARE.test(text)) return true;
    if (s.speaker === 'resident') for (const m of text.matchAll(INVITATION)) if (!negatedBefore(body, sentence.start + (m.index ?? 0), sentence.start, 4)) return true;
  }
  return false;
}

// ---- helpers: who is new ----

/** Everyone who had already seen quoted message `k`: the writer, its sender and recipients, and the later messages' people. */
function alreadyPrivy(ctx: RuleContext, k: number): Set<string> {
  const seen = new Set<string>();
  if (ctx.sender) seen.add(ctx.sender.email);
  for (const q of ctx.layout.quoted.slice(0, k + 1)) for (const m of [q.from, ...q.to, ...q.cc]) if (addr(m)) seen.add(addr(m));
  return seen;
}

/** The resident wrote to the council's officers (a service address), not to a councillor. */
function wroteToOfficers(ctx: RuleContext, q: QuotedMessage): boolean {
  const to = [...q.to, ...q.cc].filter((m) => addr(m));
  if (to.length === 0) return ctx.sender?.kind === 'officer';
  return to.every((m) => ctx.people.resolve(m).kind === 'officer');
}

/** The header line that names the resident ("From: …" or "On …, … wrote:"), as evidence. */
function headerLine(body: string, q: QuotedMessage, email: string): Span {
  const lines = splitLines(body, q.start, Math.max(q.bodyStart, Math.min(q.end, q.start + 1)));
  const named = lines.find((l) => l.text.toLowerCase().includes(email)) ?? lines.find((l) => /^\s*(?:>\s*)?from\s*:/i.test(l.text)) ?? lines.find((l) => l.text.trim());
  const line = named ?? { start: q.start, end: q.end, text: body.slice(q.start, q.end) };
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.start + lead, end: line.start + line.text.trimEnd().length };
}

function fieldName(r: Recipient): string {
  return r.field === 'to' ? 'To' : r.field === 'cc' ? 'Cc' : 'Bcc';
}

function names(rs: Recipient[]): string {
  const n = rs.map((r) => r.mailbox.name || r.person.email);
  return n.length <= 1 ? (n[0] ?? '') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

const isForward = (ctx: RuleContext) =>
  ctx.draft.composeType === 'forward' || /^\s*(?:fw|fwd)\s*:/i.test(ctx.draft.subject) || ctx.layout.quoted.some((q) => q.kind === 'forward');

// ---- rule ----

export default defineRule({
  meta: {
    id: 'constituent-consent',
    description: 'A resident’s email forwarded or copied to someone new without saying that the resident agreed.',
    defaultSeverity: 'warning',
    citations: {
      'district-model': [
        { paragraph: '13.2.2', summary: 'Copy constituents’ emails only to people who need them, and get the constituent’s agreement before forwarding their email to anyone, inside the council or out.' },
      ],
    },
    messages: {
      forwardedWithoutConsent: 'This forwards {resident}’s email to {recipients} without saying that {resident} agreed to it being passed on.',
      copiedWithoutConsent: 'This copies {resident}’s email to {recipients}, who were not part of the conversation, without saying that {resident} agreed.',
    },
    fixable: true,
  },
  check(ctx): RuleReport[] {
    const { quoted } = ctx.layout;
    if (quoted.length === 0 || ctx.recipients.length === 0) return [];
    const body = ctx.draft.body;
    const reports: RuleReport[] = [];
    const reported = new Set<string>();
    quoted.forEach((q, k) => {
      if (!q.from?.email) return; // a name with no address: Outlook writes that for colleagues, not the public
      const author = ctx.people.resolve(q.from);
      if (!isResident(author) || reported.has(author.email)) return;
      const seen = alreadyPrivy(ctx, k);
      // A resident who wrote to a council service expects its officers to handle it; one who
      // wrote to their councillor has not agreed to anyone else seeing it (district-model 13.2.2:
      // "even within the Council").
      const staffOk = wroteToOfficers(ctx, q);
      const newPeople = ctx.recipients.filter((r) => !seen.has(r.person.email) && !(staffOk && r.person.kind === 'officer'));
      if (newPeople.length === 0) return;

      // Consent may be stated by the writer ("she is happy for me to pass this on") or by the
      // resident in their own message ("you are welcome to pass this on").
      const statements: Statement[] = [{ span: ctx.own, speaker: 'writer' }];
      for (const other of quoted) {
        const who = addr(other.from);
        if (who === author.email) statements.push({ span: { start: other.bodyStart, end: other.end }, speaker: 'resident' });
        else if (ctx.sender && who === ctx.sender.email) statements.push({ span: { start: other.bodyStart, end: other.end }, speaker: 'writer' });
      }
      if (statements.some((s) => statesConsent(body, s))) return;

      reported.add(author.email);
      const resident = q.from.name || author.email;
      const line = headerLine(body, q, author.email);
      const suggestions: Suggestion[] = [];
      const keep = ctx.recipients.filter((r) => !newPeople.includes(r));
      if (keep.length > 0) {
        // Someone who was already part of it stays: removing the new people leaves an honest reply.
        suggestions.push({
          title: newPeople.length === 1 ? `Remove ${newPeople[0]!.mailbox.name || newPeople[0]!.person.email} from ${fieldName(newPeople[0]!)}` : `Remove the ${newPeople.length} people who were not part of ${resident}’s conversation`,
          edits: newPeople.map((r): Edit => ({ kind: 'removeRecipient', field: r.field, email: r.mailbox.email })),
        });
      } else {
        // A forward to new people only: take the resident's email (and the history under it) out,
        // so the writer can describe the problem without passing on the resident's words and details.
        const start = k === 0 ? ctx.own.end : q.start;
        suggestions.push({ title: `Take ${resident}’s email out of this message`, edits: [{ kind: 'replaceText', field: 'body', start, end: body.length, text: '' }] });
      }
      suggestions.push({ title: `Ask ${resident} whether they agree to their email being passed on, and say so in your message`, edits: [] });
      reports.push({
        messageId: isForward(ctx) ? 'forwardedWithoutConsent' : 'copiedWithoutConsent',
        data: { resident, recipients: names(newPeople) },
        evidence: { field: 'body', start: line.start, end: line.end, quote: body.slice(line.start, line.end) },
        suggestions,
      });
    });
    return reports;
  },
});

/** Does `text` say that consent was given? Exported for the rule's tests of the wording alone. */
export function consentStated(text: string, speaker: 'resident' | 'writer'): boolean {
  return statesConsent(text, { span: { start: 0, end: text.length }, speaker });
}
