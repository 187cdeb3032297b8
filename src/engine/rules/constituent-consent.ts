/**
 * constituent-consent: a resident's email forwarded, or copied wider on a reply, to someone who
 * was not party to it, with no statement that the resident agreed (district-model 13.2.2).
 */
import type { Hit, Lexicon } from '../lexicon/compile.ts';
import { builtInLexicon } from '../lexicon/index.ts';
import type { Person, Recipient } from '../people.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import { splitLines, type QuotedMessage, type Span } from '../text.ts';
import type { TextModel } from '../text-model/model.ts';
import type { Edit, Mailbox, Suggestion } from '../types.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'forwardedWithoutConsent' | 'copiedWithoutConsent';

// ---- helpers: whose email is it ----

// structural: automated senders' mailbox names are not residents.
const AUTOMATED = /^(?:no-?reply|do-?not-?reply|notifications?|mailer-daemon|postmaster|alerts?)\b/i;
// structural: public bodies' domains (the NHS, the police, a school) are not a constituent's.
const PUBLIC_BODY = /(?:^|\.)(?:gov\.uk|gov\.wales|gov\.scot|nhs\.uk|nhs\.net|police\.uk|mod\.uk|parliament\.uk|sch\.uk|ac\.uk)$/i;

/** A resident (or other member of the public): external, not media, not a party, not automated, not a public body. */
function isResident(person: Person): boolean {
  if (person.kind !== 'external' || person.councilAddress) return false;
  if (person.media || person.party) return false;
  if (AUTOMATED.test(person.email.split('@')[0] ?? '')) return false;
  return !PUBLIC_BODY.test(person.domain);
}

// Outlook's quoted headers write "From: Name [mailto:name@example.org]": the address inside.
// The lookbehind starts a match only where a run of address characters starts (linear on a long run).
const ADDRESS = /(?<![^\s<>[\]:;,"'])[^\s<>[\]:;,"']+@[^\s<>[\]:;,"']+/;
const addr = (m: Mailbox | undefined) => (ADDRESS.exec(m?.email ?? '')?.[0] ?? '').toLowerCase();

/** The quoted message's author as a mailbox with a clean address. */
function authorOf(q: QuotedMessage): Mailbox | undefined {
  const email = addr(q.from);
  return email && q.from ? { ...q.from, email } : undefined;
}

// ---- helpers: was consent stated ----

// The consent cues of the `consent` family (src/engine/lexicon/data/consent.json). Entries
// tagged `resident-only` ("feel free to forward this") are consent only in the resident's words.
const CONSENT_CUES = ['consent.given', 'consent.happy-to-share', 'consent.no-objection', 'consent.asked-to-pass', 'consent.invitation'];

interface Statement {
  span: Span;
  /** The resident's own words (any speaker counts) or the writer's (a third party must be agreeing). */
  speaker: 'resident' | 'writer';
}

/**
 * The writer speaking only for themselves: a first-person word and no third party in the clause
 * before the cue ("I'm happy for you to share this" is the writer's willingness, not consent).
 */
function writerOnly(model: TextModel, lexicon: Lexicon, hit: Hit): boolean {
  const clause = model.clauses[model.clauseOf[hit.first]!]!;
  const before = (h: Hit) => h.first >= clause.first && h.first < hit.first;
  if (!lexicon.hits(model, 'consent.writer-side').some(before)) return false;
  return !lexicon.hits(model, 'consent.third-party').some(before);
}

/** Does the statement say the resident agreed to their email being passed on? */
function statesConsent(model: TextModel, lexicon: Lexicon, s: Statement): boolean {
  for (const id of CONSENT_CUES) {
    const residentOnly = lexicon.entries.get(id)?.spec.tags?.includes('resident-only') ?? false;
    if (residentOnly && s.speaker === 'writer') continue;
    for (const hit of lexicon.hits(model, id)) {
      if (hit.start < s.span.start || hit.start >= s.span.end) continue;
      // "Is she happy for me to share this?" asks; a resident's "Could you forward this?" invites.
      if (model.sentences[hit.sentence]!.question && !residentOnly) continue;
      if (s.speaker === 'writer' && writerOnly(model, lexicon, hit)) continue;
      return true;
    }
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

export default defineRule<MessageId>({
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
  check(ctx): RuleReport<MessageId>[] {
    const { quoted } = ctx.layout;
    if (quoted.length === 0 || ctx.recipients.length === 0) return [];
    const body = ctx.draft.body;
    const reports: RuleReport<MessageId>[] = [];
    const reported = new Set<string>();
    quoted.forEach((q, k) => {
      const from = authorOf(q);
      if (!from) return; // a name with no address: Outlook writes that for colleagues, not the public
      const author = ctx.people.resolve(from);
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
      if (statements.some((s) => statesConsent(ctx.text, ctx.lexicon, s))) return;

      reported.add(author.email);
      const resident = from.name || author.email;
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

/** Does `text` say that consent was given? Exported for the rule's tests of the wording alone (built-in vocabulary). */
export function consentStated(text: string, speaker: 'resident' | 'writer'): boolean {
  const lexicon = builtInLexicon();
  return statesConsent(lexicon.analyse(text), lexicon, { span: { start: 0, end: text.length }, speaker });
}
