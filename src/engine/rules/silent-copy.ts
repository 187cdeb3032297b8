/**
 * silent-copy: an officer's correspondence with a councillor must not be copied to another
 * councillor behind the original councillor's back. A Bcc is always silent; a Cc must be
 * explained in the email (who and why); a forward of a councillor's message to a colleague
 * is a copy the original writer cannot see, whatever the forward says.
 */
import type { Person, Recipient } from '../people.ts';
import { defineRule, sendVerb, type RuleContext, type RuleReport } from '../rule.ts';
import type { Span } from '../text.ts';
import type { Suggestion } from '../types.ts';
import {
  isForward,
  normalisedBody,
  sentencesMatching,
  mentionsName,
  nameParts,
  notePosition,
  quotedAddressees,
  quotedAuthor,
  samePerson,
  titledName,
} from '../analysis/recipients.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'blindCopy' | 'undisclosedCopy' | 'forwarded';

// ---- Helpers: recognising a disclosure ("I have copied in Cllr X because …") ----

// Verbs of copying or sharing, with their inflections. "cc" as a verb: "I've cc'd", "cc'ing".
// Every verb starts with a letter, so the leading \b changes no match; it lets the search skip
// the middles of words before trying the lookbehind, which halves the time on a long draft.
const COPY_VERB =
  /\b(?<![\w-])(?:cop(?:y|ies|ied|ying)|blind[- ]?cop(?:y|ies|ied|ying)|b?cc(?:'?d|'?ed|'?ing)?|includ(?:e|es|ed|ing)|add(?:s|ed|ing)?|loop(?:s|ed|ing)?\s+in|shar(?:e|es|ed|ing)|pass(?:ed|ing)?\s+(?:this|it)\s+(?:on|to)|forward(?:s|ed|ing)?)(?![\w-])/i;

// Words that say why: a reason clause, a purpose, or a placeholder the writer will fill in.
// A placeholder ("[reason]") is found from its "]", looking back, so that the search does not read
// ahead from every "[".
const REASON =
  /(?<![\w-])(?:because|since|as\s+(?!well\b|such\b|soon\b|usual\b)\w|so\s+(?:that|she|he|they|you|both|all|each)|for\s+(?:(?:his|her|their|your)\s+)?(?:information|awareness|reference|interest)|fyi|to\s+keep\s+\w+\s+(?:informed|updated|up\s+to\s+date|in\s+the\s+(?:loop|picture))|given\s+(?:that|his|her|their|the)|who\s+\w+|in\s+case|in\s+(?:his|her|their)\s+(?:capacity|role))|\](?<=\[[^\]\n]{1,40}\])/i;

// A follow-on sentence that gives the reason ("She asked me the same question last week.").
const REASON_LEAD = /^\s*(?:(?:this|that)\s+is\s+(?:because|so)|the\s+reason|(?:she|he|they)\s+(?:is|are|has|have|had|asked|needs?|chairs?|leads?|holds?|raised))/i;

// Read back from the end of the text (`$` first): a negation at most 30 characters before it, no full stop between.
const NEGATION_BEFORE = /$(?<=(?:\b(?:not|never|no)\b|n't\b)[^.]{0,30})/i;

// Ward-wide copies disclosed as a group: "your ward colleagues", "all three ward members", "both ward councillors".
// Only tested, never located: the words before "ward" (your, the, all three) change no answer, so they are not read.
const WARD_GROUP = /(?<![\w-])ward\s+(?:councillors?|colleagues?|members?|cllrs)(?![\w-])|all\s+(?:two|three|four)\s+of\s+you/i;

// Role titles a disclosure may use instead of a name ("the Cabinet Member for Housing").
const ROLE_PHRASES: [RegExp, string[]][] = [
  [/\b(?:cabinet|executive|portfolio)\s+(?:member|holder|lead)\b|\bportfolio\s+holder\b/i, ['cabinet', 'leader', 'deputy-leader']],
  [/\bdeputy\s+leader\b/i, ['deputy-leader']],
  [/\bleader\s+of\s+the\s+council\b|\bcouncil\s+leader\b/i, ['leader']],
  [/\b(?:vice[- ])?chair(?:man|woman|person)?\b/i, ['chair', 'vice-chair']],
  [/\b(?:deputy\s+)?mayor\b/i, ['mayor', 'deputy-mayor']],
  [/\bgroup\s+leader\b|\bleader\s+of\s+the\s+\w+\s+group\b/i, ['group-leader', 'opposition-leader']],
];

// Statements that the original writer agreed to their message being passed on.
const AGREEMENT =
  /\b(?:(?:asked|agreed|happy|content|wants?|wanted)\s+(?:me\s+)?(?:for\s+(?:me|us)\s+)?(?:to|that)\s+(?:\w+\s+){0,2}(?:pass|share|forward|send|copy)|with\s+(?:his|her|their|\w+'s)\s+(?:agreement|consent|permission|blessing)|at\s+(?:his|her|their|\w+'s)\s+request|(?:has|have|had)\s+(?:agreed|consented))/i;

interface Disclosure extends Span {
  text: string;
  hasReason: boolean;
}

const COPY_VERB_G = new RegExp(COPY_VERB.source, 'gi');
const AGREEMENT_G = new RegExp(AGREEMENT.source, 'gi');

/** Sentences of the writer's own words that say, without negation, that someone was copied. */
function findDisclosures(ctx: RuleContext): Disclosure[] {
  const text = normalisedBody(ctx);
  const out: Disclosure[] = [];
  for (const { span, text: s, at } of sentencesMatching(text, COPY_VERB_G, ctx.own)) {
    // "I have not copied Cllr X" is the opposite of a disclosure.
    if (NEGATION_BEFORE.test(s.slice(0, at))) continue;
    const rest = text.slice(span.end, Math.min(ctx.own.end, span.end + 200));
    const nextStart = rest.search(/\S/);
    const next = nextStart === -1 ? '' : rest.slice(nextStart);
    out.push({ ...span, text: s, hasReason: REASON.test(s) || REASON_LEAD.test(next) });
  }
  return out;
}

/** Does the sentence name this person: full name, surname or first name, or a role they hold? */
function namesPerson(sentence: string, person: Person): boolean {
  const parts = nameParts(person);
  if (parts) {
    for (const n of [parts.full, parts.surname, parts.first]) if (n && n.length > 1 && mentionsName(sentence, n)) return true;
  }
  for (const [re, roles] of ROLE_PHRASES) {
    if (re.test(sentence) && person.councillorRoles.some((r) => roles.includes(r))) return true;
  }
  return false;
}

/** A ward-wide copy: the copied councillor shares a ward with someone addressed (or wards are unknown). */
function sharesWard(person: Person, addressed: Person[]): boolean {
  const ward = person.councillor?.ward?.toLowerCase();
  if (!ward) return true;
  return addressed.some((a) => !a.councillor?.ward || a.councillor.ward.toLowerCase() === ward);
}

// surrey-heath 7.1, crawley 6.2, town-council (copied correspondence): the original councillor
// must be told who was copied; district-model 13.2.1: and why.
function isDisclosed(disclosures: Disclosure[], person: Person, addressed: Person[]): boolean {
  return disclosures.some((d) => d.hasReason && (namesPerson(d.text, person) || (WARD_GROUP.test(d.text) && sharesWard(person, addressed))));
}

/** The original writer of a replied-to message asked for, or already made, this copy. */
function copiedByOriginalWriter(ctx: RuleContext, person: Person, addressed: Person[]): boolean {
  const author = quotedAuthor(ctx);
  if (!author || !addressed.some((a) => samePerson(a, author))) return false;
  // Reply-all: the councillor wrote to the officer and copied this colleague themselves.
  if (quotedAddressees(ctx).some((p) => samePerson(p, person))) return true;
  // district-model 13.2.1: copying is fine where the member intends it ("please copy in Cllr X").
  const q = ctx.layout.quoted[0]!;
  const text = normalisedBody(ctx);
  return sentencesMatching(text, COPY_VERB_G, { start: q.bodyStart, end: q.end }).some(
    ({ text: s, at }) => !NEGATION_BEFORE.test(s.slice(0, at)) && namesPerson(s, person),
  );
}

/** The writer says the original author agreed to the forward ("Cllr Patel asked me to pass this on"). */
function authorAgreed(ctx: RuleContext, author: Person): boolean {
  const text = normalisedBody(ctx);
  return sentencesMatching(text, AGREEMENT_G, ctx.own).some(
    ({ text: s, at }) => !NEGATION_BEFORE.test(s.slice(0, at)) && (namesPerson(s, author) || /\b(?:he|she|they|his|her|their)\b/i.test(s)),
  );
}

function disclosureSentence(person: Person): string {
  return `I have copied in ${titledName(person)} because [reason].`;
}

/** The insertText edit that adds a disclosure sentence as its own paragraph. */
function insertDisclosure(ctx: RuleContext, person: Person) {
  const at = notePosition(ctx);
  const body = ctx.draft.body;
  const sentence = disclosureSentence(person);
  const text = at >= body.length ? (body.trim() ? `\n\n${sentence}` : sentence) : `${sentence}\n\n`;
  return { kind: 'insertText' as const, field: 'body' as const, at, text };
}

function seniorAdvice(ctx: RuleContext, person: Person): Suggestion {
  // district-model 13.2.1 and surrey-heath 7.1: when unsure, ask a senior officer first.
  return { title: `Ask a senior officer whether ${titledName(person)} needs to see this before you ${sendVerb(ctx)} it`, edits: [] };
}

function addresseeNames(addressed: Person[]): string {
  return addressed.map(titledName).join(' and ');
}

// ---- The rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'silent-copy',
    description: 'An officer copies another councillor into correspondence with a councillor without telling them who was copied and why.',
    defaultSeverity: 'error',
    citations: {
      crawley: [
        {
          paragraph: '6.2',
          section: 'Political Groups (correspondence)',
          summary: 'Officers should not pass one councillor’s correspondence to another; if they exceptionally must, the first councillor has to be told.',
        },
      ],
      'district-model': [
        {
          paragraph: '13.2.1',
          summary: 'A member’s letter to an officer is not normally shared with other members; an exception needs a senior officer’s advice and the member told beforehand who will see it and why.',
        },
        {
          paragraph: '13.2.2',
          summary: 'Take care with cc, bcc and reply-all on email, and copy only people who genuinely need the message.',
        },
      ],
      'town-council': [
        {
          paragraph: '2.6',
          section: 'Political groups: copied correspondence (the unnumbered section before 4)',
          summary: 'If an officer’s letter to a councillor is copied to anyone else, the councillor is told that it is copied and to whom.',
        },
      ],
      'surrey-heath': [
        {
          paragraph: '7.1',
          summary: 'Correspondence with one member about a constituent is not normally shared with other members; any exception is made known to the first member, blind copies are ruled out, and an unsure officer asks their head of service.',
        },
        {
          paragraph: '7.2',
          summary: 'On a matter of wider interest in a ward, copies normally go to every councillor for that ward.',
        },
      ],
      'tower-hamlets': [
        {
          paragraph: '13.16',
          section: '13 Members’ Access to Information: Use of Council Information – Confidentiality',
          summary: 'Officers keep a member’s request for information confidential and do not reveal it to other members or groups.',
        },
      ],
    },
    messages: {
      blindCopy: '{name} is in Bcc, so {addressee} cannot see that {name} was sent this. Copies to other councillors must be open and explained.',
      undisclosedCopy: '{name} is copied in, but the email does not tell {addressee} who was copied or why.',
      forwarded: 'This passes {author}’s message to {name}. {author} cannot see the forward and has not agreed to it.',
    },
    fixable: true,
  },

  check(ctx) {
    // The protocols govern officers' handling of councillors' correspondence; a councillor copying
    // a colleague is the councillor's own choice.
    if (ctx.sender?.kind !== 'officer') return [];
    const councillors = ctx.recipients.filter((r) => r.person.kind === 'councillor');
    if (councillors.length === 0) return [];

    // A forward of a councillor's message: the original writer is part of the correspondence even
    // though they are not a recipient, and nothing in the forward can reach them.
    const author = isForward(ctx) ? quotedAuthor(ctx) : undefined;
    const forwardOf =
      author && author.kind === 'councillor' && !ctx.recipients.some((r) => samePerson(r.person, author)) && !authorAgreed(ctx, author) ? author : undefined;

    const addressed: Person[] = councillors.filter((r) => r.field === 'to').map((r) => r.person);
    // A members' bulletin with every councillor in Bcc is not correspondence with an individual.
    if (addressed.length === 0 && !forwardOf) return [];

    const disclosures = findDisclosures(ctx);
    const reports: RuleReport<MessageId>[] = [];
    const seen = new Set<string>();
    for (const r of councillors) {
      const person = r.person;
      if (seen.has(person.email)) continue;
      seen.add(person.email);
      // The councillor being written to, even at a second address, is not a copy.
      if (r.field !== 'to' && addressed.some((a) => samePerson(a, person))) continue;
      const name = titledName(person);
      const addressee = forwardOf ? titledName(forwardOf) : addresseeNames(addressed);

      if (r.field === 'bcc') {
        // surrey-heath 7.1: blind copies are never used; a Bcc stays blind whatever the body says.
        reports.push(blindCopyReport(ctx, r, name, addressee, isDisclosed(disclosures, person, addressed)));
        continue;
      }
      if (forwardOf) {
        // district-model 13.2.1: the member must be told before their correspondence is shared.
        reports.push({
          messageId: 'forwarded',
          severity: 'warning',
          data: { name, author: titledName(forwardOf) },
          evidence: { field: r.field, recipient: r.mailbox.email },
          suggestions: [
            { title: `Remove ${name} from ${r.field === 'to' ? 'To' : 'Cc'}`, edits: [{ kind: 'removeRecipient', field: r.field, email: r.mailbox.email }] },
            { title: `Ask ${titledName(forwardOf)} whether they agree to their message going to ${name} before you ${sendVerb(ctx)} it`, edits: [] },
          ],
        });
        continue;
      }
      if (r.field === 'to') continue;
      // surrey-heath 7.2: a ward-wide copy is expected, but it still has to be disclosed.
      if (isDisclosed(disclosures, person, addressed) || copiedByOriginalWriter(ctx, person, addressed)) continue;
      reports.push({
        messageId: 'undisclosedCopy',
        severity: 'warning',
        data: { name, addressee },
        evidence: { field: 'cc', recipient: r.mailbox.email },
        suggestions: [
          { title: `Say in the email that ${name} is copied in and why`, edits: [insertDisclosure(ctx, person)] },
          { title: `Remove ${name} from Cc`, edits: [{ kind: 'removeRecipient', field: 'cc', email: r.mailbox.email }] },
          seniorAdvice(ctx, person),
        ],
      });
    }
    return reports;
  },
});

function blindCopyReport(ctx: RuleContext, r: Recipient, name: string, addressee: string, alreadyExplained: boolean): RuleReport<MessageId> {
  const move = { kind: 'moveRecipient' as const, email: r.mailbox.email, fromField: 'bcc' as const, toField: 'cc' as const };
  return {
    messageId: 'blindCopy',
    severity: 'error',
    data: { name, addressee },
    evidence: { field: 'bcc', recipient: r.mailbox.email },
    suggestions: [
      alreadyExplained
        ? // The body already names them and says why; moving them into the open is enough.
          { title: `Move ${name} from Bcc to Cc`, edits: [move] }
        : { title: `Move ${name} from Bcc to Cc and say why they are copied`, edits: [move, insertDisclosure(ctx, r.person)] },
      { title: `Remove ${name} from Bcc`, edits: [{ kind: 'removeRecipient', field: 'bcc', email: r.mailbox.email }] },
      seniorAdvice(ctx, r.person),
    ],
  };
}
