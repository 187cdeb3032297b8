/**
 * confidential-information: material marked confidential, exempt, Part II, not for
 * publication, private and confidential, restricted, OFFICIAL-SENSITIVE or legally privileged,
 * sent to someone outside the council: neither at a council address nor a councillor.
 */
import { findMarkings, type Marking } from '../analysis/confidentiality.ts';
import type { Recipient } from '../people.ts';
import { defineRule, sendVerb, type RuleContext, type RuleReport } from '../rule.ts';
import type { Evidence, Mailbox, Suggestion } from '../types.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'markedToOutsider' | 'passedOnToOutsider';

// ---- helpers ----

/** Outside the council: not a councillor (at any address) and not at a council address. */
function isOutsider(r: Recipient): boolean {
  return r.person.kind === 'external' && !r.person.councilAddress;
}

const lower = (m: Mailbox | undefined) => (m?.email ?? '').trim().toLowerCase();

/** Who has already seen quoted message `index`: its writer, its recipients and everyone later in the chain. */
function privyToQuoted(ctx: RuleContext, index: number): Set<string> {
  const seen = new Set<string>();
  for (const q of ctx.layout.quoted.slice(0, index + 1)) {
    for (const m of [q.from, ...q.to, ...q.cc]) if (lower(m)) seen.add(lower(m));
  }
  return seen;
}

interface Exposure {
  marking: Marking;
  where: 'body' | 'subject' | 'quoted' | 'attachment';
  attachment?: string;
  /** The outside recipients who have not already seen this material. */
  outsiders: Recipient[];
}

function label(r: Recipient): string {
  return r.mailbox.name ? `${r.mailbox.name} (${r.person.email})` : r.person.email;
}

function listNames(rs: Recipient[]): string {
  const names = rs.map((r) => r.mailbox.name || r.person.email);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Where the confidential material is, as the message names it. */
function describe(e: Exposure): string {
  switch (e.where) {
    case 'body':
      return 'in your message';
    case 'subject':
      return 'in the subject';
    case 'quoted':
      return 'in the message you are passing on';
    case 'attachment':
      return `the attachment “${e.attachment}”`;
  }
}

function findExposures(ctx: RuleContext, outsiders: Recipient[]): Exposure[] {
  const exposures: Exposure[] = [];
  // A councillor has no business passing on material they were asked to keep confidential
  // (crawley 7.7, surrey-heath 2.7), so their "please keep this confidential" marks it. An
  // officer's same request to a contractor is ordinary data handling.
  const countRequests = ctx.sender?.kind === 'councillor';
  const { own, signature, quoted } = ctx.layout;
  const { text, lexicon } = ctx;

  // The writer's own words, less the signature block (where "confidential" is a footer).
  const ownWords = { start: own.start, end: signature ? signature.start : own.end };
  for (const marking of findMarkings(text, lexicon, { countRequests, within: ownWords })) {
    exposures.push({ marking, where: 'body', outsiders });
  }
  // Quoted and forwarded history: tower-hamlets 13.13 and district-model 13.2.5 apply to
  // material passed on, but someone who wrote or received that message already has it.
  quoted.forEach((q, i) => {
    const seen = privyToQuoted(ctx, i);
    const exposed = outsiders.filter((r) => !seen.has(r.person.email));
    if (exposed.length === 0) return;
    for (const marking of findMarkings(text, lexicon, { countRequests: true, within: { start: q.start, end: q.end } })) {
      exposures.push({ marking, where: 'quoted', outsiders: exposed });
    }
  });
  // The subject: on a reply or forward it came with the quoted message, so the same people have seen it.
  const subjectSeen = quoted[0] && ctx.draft.composeType !== 'new' ? privyToQuoted(ctx, 0) : new Set<string>();
  const subjectExposed = outsiders.filter((r) => !subjectSeen.has(r.person.email));
  if (subjectExposed.length) {
    for (const marking of findMarkings(ctx.subjectText, lexicon, { countRequests: true })) exposures.push({ marking, where: 'subject', outsiders: subjectExposed });
  }
  for (const a of ctx.draft.attachments ?? []) {
    for (const marking of findMarkings(lexicon.analyse(a.name), lexicon, { countRequests: true })) exposures.push({ marking, where: 'attachment', attachment: a.name, outsiders });
  }
  return exposures;
}

function evidenceFor(e: Exposure): Evidence {
  if (e.where === 'body' || e.where === 'quoted') return { field: 'body', start: e.marking.start, end: e.marking.end, quote: e.marking.quote };
  if (e.where === 'subject') return { field: 'subject', start: e.marking.start, end: e.marking.end, quote: e.marking.quote };
  const first = e.outsiders[0]!;
  return { field: first.field, recipient: first.person.email };
}

function suggestionsFor(ctx: RuleContext, exposed: Recipient[]): Suggestion[] {
  return [
    {
      title: exposed.length === 1 ? `Remove ${label(exposed[0]!)} from ${exposed[0]!.field === 'to' ? 'To' : exposed[0]!.field === 'cc' ? 'Cc' : 'Bcc'}` : `Remove the ${exposed.length} recipients outside the council`,
      edits: exposed.map((r) => ({ kind: 'removeRecipient' as const, field: r.field, email: r.mailbox.email })),
    },
    { title: `Ask the Monitoring Officer whether this can be shared before you ${sendVerb(ctx)} it`, edits: [] },
    { title: 'Take out the confidential material and send only what has been published', edits: [] },
  ];
}

// ---- rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'confidential-information',
    description: 'Material marked confidential, exempt or not for publication sent to someone outside the council.',
    defaultSeverity: 'error',
    citations: {
      crawley: [
        { paragraph: '6.2', summary: 'Advice given to a councillor in confidence stays confidential, and council information may be used only for the purpose it was supplied for.' },
        { paragraph: '7.7', summary: 'Under the councillors’ code, nothing given in confidence or believed to be confidential may be disclosed without the consent of whoever can authorise it.' },
      ],
      'tower-hamlets': [
        { paragraph: '11.1', section: '11 Political Party Workers', summary: 'People who help councillors from a party have no right to the information councillors hold in their council role.' },
        { paragraph: '13.12–13.16', section: '13 Use of Council Information – Confidentiality', summary: 'Confidential and exempt papers given to members may be discussed only with other entitled members and officers, never released to anyone else.' },
      ],
      'district-model': [
        { paragraph: '13.2.2', summary: 'Take care with cc, bcc and reply-all on email, and do not forward confidential information by mistake.' },
        { paragraph: '13.2.5', summary: 'Officers’ letters to members on regulatory cases that are marked private, personal or confidential must not go on to complainants or other third parties.' },
      ],
      'surrey-heath': [
        { paragraph: '2.7', summary: 'Members must not pass on confidential information, or what was given to them in confidence, unless authorised or required by law.' },
        { paragraph: '3.2', summary: 'Officers must not release confidential information or hand it to others who might misuse it.' },
        { paragraph: '6.4', summary: 'Council information given to a member is for their duties as a member only.' },
      ],
    },
    messages: {
      markedToOutsider: 'This sends material marked “{marking}” ({where}) to {recipients}, outside the council. Confidential and exempt information is for councillors and officers only.',
      passedOnToOutsider: 'This passes on material marked “{marking}” ({where}) to {recipients}, outside the council. Confidential correspondence must not go to complainants or other third parties.',
    },
    fixable: true,
  },
  check(ctx): RuleReport<MessageId>[] {
    const outsiders = ctx.recipients.filter(isOutsider);
    if (outsiders.length === 0) return [];
    const exposures = findExposures(ctx, outsiders);
    if (exposures.length === 0) return [];
    // One finding per draft: the first marking in the order the reader meets it (own words,
    // then subject, then what is passed on, then attachments), naming everyone it would reach.
    const order = { body: 0, subject: 1, quoted: 2, attachment: 3 } as const;
    const first = [...exposures].sort((a, b) => order[a.where] - order[b.where] || a.marking.start - b.marking.start)[0]!;
    const exposed = outsiders.filter((r) => exposures.some((e) => e.outsiders.includes(r)));
    return [
      {
        messageId: first.where === 'quoted' ? 'passedOnToOutsider' : 'markedToOutsider',
        data: { marking: first.marking.label, where: describe(first), recipients: listNames(exposed) },
        evidence: evidenceFor(first),
        suggestions: suggestionsFor(ctx, exposed),
      },
    ];
  },
});
