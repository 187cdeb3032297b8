/**
 * ward-councillors-not-informed: when an officer tells ward councillors about a council public
 * meeting, consultation, drop-in, opening ceremony, photo opportunity or public works in their
 * ward, every councillor for that ward should hear about it, not just some of them.
 *
 * It needs the directory's wards, so with the embedded default policy it never fires.
 */
import type { CouncillorEntry } from '../policy.ts';
import { peopleIndex } from '../people-index.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import { normaliseChars, type Span } from '../text.ts';
import type { Evidence } from '../types.ts';
import { normalisedBody, notePosition, personKey, wardCouncillors } from '../analysis/recipients.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'missingWardCouncillors';

// ---- Helpers: is this a public event or consultation? ----

/**
 * The first public event described in the subject or the writer's own words, if any: the
 * `publicity.public-event` lexicon entry (the events crawley 6.5, surrey-heath 7.4 and
 * district-model 14.3 name), not negated ("there will be no drop-in"), not a staff or formal
 * council meeting, and not in a draft about a staffing matter (a restructure's consultation).
 */
function findPublicEvent(ctx: RuleContext): string | undefined {
  const { lexicon } = ctx;
  if (lexicon.hits(ctx.text, 'publicity.staff-matter').length || lexicon.hits(ctx.subjectText, 'publicity.staff-matter').length) return undefined;
  const inSubject = lexicon.hits(ctx.subjectText, 'publicity.public-event')[0];
  if (inSubject) return ctx.subjectText.text.slice(inSubject.start, inSubject.end);
  const inBody = lexicon.hits(ctx.text, 'publicity.public-event')[0];
  return inBody ? ctx.draft.body.slice(inBody.start, inBody.end) : undefined;
}

// ---- Helpers: which ward is it in? ----

interface WardMention extends Span {
  ward: string;
  field: 'body' | 'subject';
  /** "Riverside ward", "the ward of Riverside": unambiguous. */
  explicit: boolean;
}

// structural: a ward name that is plainly another authority ("Riverside District Council").
const NOT_THE_WARD_AFTER = /^\s+(?:borough|district|county|city|town|parish)\s+council\b/i;
const WARD_AFTER = /^\s*(?:ward|division)\b/i;
const WARD_BEFORE = /\bward\s+of\s+(?:the\s+)?$/i;

function findWardMentions(ctx: RuleContext): WardMention[] {
  // The directory's wards, looked up by the draft's words (people-index.ts), in any case.
  const { wards } = peopleIndex(ctx.policy);
  if (wards.size === 0) return [];
  const out: WardMention[] = [];
  const scan = (norm: string, field: 'body' | 'subject', span: Span) => {
    for (const m of wards.find(norm, span.start, span.end)) {
      const { start, end } = m;
      // Ward names are proper nouns: "central" in running prose is not "Central" ward.
      if (!/[A-Z]/.test(norm[start]!)) continue;
      const after = norm.slice(end, end + 40);
      if (NOT_THE_WARD_AFTER.test(after)) continue;
      const explicit = WARD_AFTER.test(after) || WARD_BEFORE.test(norm.slice(Math.max(0, start - 20), start));
      out.push({ ward: m.values[0]!, field, start, end, explicit });
    }
  };
  scan(normaliseChars(ctx.draft.subject), 'subject', { start: 0, end: ctx.draft.subject.length });
  scan(normalisedBody(ctx), 'body', ctx.own);
  return out;
}

/**
 * The wards the draft is about. Where a ward is named as a ward ("in Castle ward"), only those
 * count: other ward names are then street or place names ("Abbey Road") that locate something
 * inside the named ward, not further wards. Otherwise a ward name inside a place name ("Millbrook
 * Lane") is the best evidence of where the event is.
 */
function wardsConcerned(mentions: WardMention[]): Map<string, WardMention> {
  const explicit = mentions.filter((m) => m.explicit);
  const use = explicit.length ? explicit : mentions;
  const byWard = new Map<string, WardMention>();
  // Prefer body evidence (offsets the host can highlight), then the first mention.
  for (const m of [...use.filter((x) => x.field === 'body'), ...use.filter((x) => x.field === 'subject')]) {
    const key = m.ward.toLowerCase();
    if (!byWard.has(key)) byWard.set(key, m);
  }
  return byWard;
}

function evidenceFor(ctx: RuleContext, m: WardMention): Evidence {
  const text = m.field === 'body' ? ctx.draft.body : ctx.draft.subject;
  return { field: m.field, start: m.start, end: m.end, quote: text.slice(m.start, m.end) };
}

function listNames(entries: CouncillorEntry[]): string {
  const names = entries.map((c) => `Cllr ${c.name}`);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function copyNote(ctx: RuleContext, missing: CouncillorEntry[], ward: string) {
  const at = notePosition(ctx);
  const sentence = `I have copied in ${listNames(missing)} so that all the councillors for ${ward} ward have the same information.`;
  const body = ctx.draft.body;
  const text = at >= body.length ? (body.trim() ? `\n\n${sentence}` : sentence) : `${sentence}\n\n`;
  return { kind: 'insertText' as const, field: 'body' as const, at, text };
}

// ---- The rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'ward-councillors-not-informed',
    description: 'A public meeting, consultation, opening or photo opportunity in a ward is sent to some of its councillors but not all.',
    defaultSeverity: 'warning',
    citations: {
      crawley: [
        {
          paragraph: '6.5',
          summary: 'Officers keep ward councillors up to date; every councillor for a ward is invited to council meetings, consultations, publicity events, openings and photo calls held there.',
        },
      ],
      'district-model': [
        { paragraph: '14.1', summary: 'Members must hear about matters that affect their ward so they can represent it.' },
        { paragraph: '14.2', summary: 'An issue may touch one ward or several, and the local members for each need to be informed.' },
        {
          paragraph: '14.3',
          summary: 'Every member for the affected ward is invited to a council-run public meeting on a local issue and told when a consultation on it begins.',
        },
      ],
      'surrey-heath': [
        { paragraph: '7.2', summary: 'Correspondence on a matter of general interest in a ward normally goes to all of that ward’s councillors.' },
        {
          paragraph: '7.4',
          summary: 'Ward members are informed at the start of any local consultation, and all of them are invited to public meetings the council arranges on a local issue.',
        },
      ],
      'tower-hamlets': [
        {
          paragraph: '2.6',
          section: '2 Roles of Members and Officers',
          summary: 'Officers keep members of every group, and independents, informed of significant council developments and events in their wards.',
        },
        { paragraph: '2.7', section: '2 Roles of Members and Officers', summary: 'Officers tell ward members about council activity going on in their wards.' },
      ],
    },
    messages: {
      missingWardCouncillors:
        'This is about a {event} in {ward} ward, but {missing} {verb} not included: {present} of the {total} councillors for {ward} will receive it.',
    },
    fixable: true,
  },

  check(ctx) {
    // Officers inform ward councillors; with no directory of wards there is nothing to compare.
    if (ctx.sender?.kind !== 'officer') return [];
    // Cheap exit first: no recipient is a councillor with a ward.
    if (!ctx.recipients.some((r) => r.person.councillor?.ward)) return [];
    const event = findPublicEvent(ctx);
    if (!event) return [];

    const receiving = new Set(ctx.recipients.filter((r) => r.person.councillor).map((r) => personKey(r.person)));
    const reports: RuleReport<MessageId>[] = [];
    for (const [, mention] of wardsConcerned(findWardMentions(ctx))) {
      const members = wardCouncillors(ctx, mention.ward);
      const key = (c: CouncillorEntry) => `cllr:${c.email.toLowerCase()}`;
      const present = members.filter((c) => receiving.has(key(c)));
      const missing = members.filter((c) => !receiving.has(key(c)));
      // crawley 6.5, surrey-heath 7.4, district-model 14.3: all the ward's councillors, not some.
      // None of them receiving it is a different question (publicity, or a matter for another ward).
      if (present.length === 0 || missing.length === 0) continue;
      reports.push({
        messageId: 'missingWardCouncillors',
        severity: 'warning',
        data: {
          event: event.toLowerCase().replace(/\s+/g, ' '),
          ward: mention.ward,
          missing: listNames(missing),
          verb: missing.length === 1 ? 'is' : 'are',
          present: present.length,
          total: members.length,
        },
        evidence: evidenceFor(ctx, mention),
        suggestions: [
          {
            title: `Copy in ${listNames(missing)} and say why`,
            edits: [
              ...missing.map((c) => ({ kind: 'addRecipient' as const, field: 'cc' as const, recipient: { name: `Cllr ${c.name}`, email: c.email } })),
              // The copy is then an open one (silent-copy): say who was added and why.
              copyNote(ctx, missing, mention.ward),
            ],
          },
          { title: `If ${listNames(missing)} asked not to be sent this, say so in the email`, edits: [] },
        ],
      });
    }
    return reports;
  },
});
