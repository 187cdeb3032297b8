/**
 * out-of-hours: email between an officer and a councillor that would arrive outside working
 * hours or on a non-working day, unless it is urgent. Advice only: the fix schedules delivery
 * for the start of the next working day.
 */
import { isWithinWorkingHours, isWorkingDay, nextWorkingStart, zonedParts, type ZonedParts } from '../calendar.ts';
import type { Person } from '../people.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'outsideHours' | 'nonWorkingDay';

// ---- Helpers ----

// PRODUCT.md, "Urgent": "urgent" (or "urgently") in the subject marks an emergency, but not
// when the writer says it is not ("Not urgent:", "non-urgent", "no urgency").
// structural: PRODUCT.md's definition of urgent reads the subject for "urgent".
const URGENT_IN_SUBJECT = /(?<![\w-])urgent(?:ly)?(?![\w-])/i;
// structural: and for the writer saying it is not.
const NOT_URGENT_IN_SUBJECT = /(?<![\w-])(?:not|non|no|less|nothing)[\s-]+(?:very\s+|too\s+|that\s+|at\s+all\s+)?urgent(?![\w-])/i;

/** Importance: high / X-Priority: 1, or the subject says it is urgent. */
function isMarkedUrgent(ctx: RuleContext): boolean {
  if (ctx.draft.importance === 'high') return true;
  const subject = ctx.draft.subject;
  return URGENT_IN_SUBJECT.test(subject) && !NOT_URGENT_IN_SUBJECT.test(subject);
}

/**
 * The people on the other side of the officer/councillor line from the sender: councillors
 * when an officer writes, officers when a councillor writes. Residents, contractors and
 * colleagues on the same side are not what the protocols speak of.
 */
function counterparts(sender: Person, ctx: RuleContext): Person[] {
  const wanted = sender.kind === 'officer' ? 'councillor' : sender.kind === 'councillor' ? 'officer' : undefined;
  if (!wanted) return [];
  return ctx.recipients.filter((r) => r.person.kind === wanted && r.person.email !== sender.email).map((r) => r.person);
}

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "21:40 on Tuesday 9 February 2027" (GOV.UK date style, 24-hour clock). */
function describeMoment(p: ZonedParts): string {
  const time = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return `${time} on ${WEEKDAY_NAMES[p.weekday]} ${p.day} ${MONTH_NAMES[p.month]} ${p.year}`;
}

/** "Cllr Jane Brown", "Jane Brown and 2 others". */
function describePeople(people: Person[]): string {
  const first = people[0]!;
  const name = first.name ?? first.email;
  const named = first.kind === 'councillor' && !/^\s*(?:cllr|councillor)\b/i.test(name) ? `Cllr ${name}` : name;
  return people.length === 1 ? named : `${named} and ${people.length - 1} other${people.length === 2 ? '' : 's'}`;
}

// ---- Rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'out-of-hours',
    description: 'Email between an officer and a councillor that would arrive outside working hours or on a non-working day, when it is not urgent.',
    defaultSeverity: 'info',
    citations: {
      'tower-hamlets': [
        {
          paragraph: '3.8',
          section: '3. The relationship between Members and officers: Courtesy',
          summary: 'Councillors and officers should leave each other alone in their time off, contacting each other then only in an emergency.',
        },
      ],
      'district-model': [
        {
          paragraph: '4.2',
          section: '4. The Relationship: General',
          summary: 'Dealings between members and officers rest on trust and civility, and each should respect the other’s free time.',
        },
      ],
    },
    messages: {
      outsideHours: 'This email to {who} would arrive at {when}, outside working hours ({start} to {end}). Unless it is urgent, send it when they are at work.',
      nonWorkingDay: 'This email to {who} would arrive at {when}, which is not a working day. Unless it is urgent, send it when they are at work.',
    },
    // A release or post is published, not delivered: it is dated, and nothing can be scheduled.
    publicityMessages: {
      outsideHours: 'This {publication} is dated {when}, outside working hours ({start} to {end}). If it is for councillors or officers, publish it when they are at work, unless it is urgent.',
      nonWorkingDay: 'This {publication} is dated {when}, which is not a working day. If it is for councillors or officers, publish it when they are at work, unless it is urgent.',
    },
    fixable: true,
  },

  check(ctx) {
    const sender = ctx.sender;
    if (!sender) return [];
    const others = counterparts(sender, ctx);
    if (others.length === 0) return [];
    // Urgent messages are the protocols' own exception (tower-hamlets 3.8: emergencies).
    if (isMarkedUrgent(ctx)) return [];

    const { policy } = ctx;
    // A draft already scheduled arrives when scheduled, not when "Send" is pressed.
    const scheduled = ctx.draft.deliverAt ? new Date(ctx.draft.deliverAt) : undefined;
    const arrival = scheduled && !Number.isNaN(scheduled.getTime()) ? scheduled : ctx.now;
    // tower-hamlets 3.8, district-model 4.2: respect the other's non-working time.
    if (isWithinWorkingHours(arrival, policy)) return [];

    const local = zonedParts(arrival, policy.workingHours.timeZone);
    const next = nextWorkingStart(arrival, policy);
    const nextLocal = zonedParts(next, policy.workingHours.timeZone);
    const report: RuleReport<MessageId> = {
      messageId: isWorkingDay(local.isoDate, policy) ? 'outsideHours' : 'nonWorkingDay',
      data: {
        who: describePeople(others),
        when: describeMoment(local),
        start: policy.workingHours.start,
        end: policy.workingHours.end,
      },
      evidence: { field: 'date', quote: ctx.draft.deliverAt ?? ctx.draft.date ?? arrival.toISOString() },
      suggestions: ctx.draft.publicity
        ? [{ title: 'If it cannot wait, say in the headline that it is urgent', edits: [] }]
        : [
            { title: `Schedule delivery for ${describeMoment(nextLocal)}`, edits: [{ kind: 'scheduleDelivery', at: next.toISOString() }] },
            { title: 'If it cannot wait, mark it as high importance or put “Urgent” in the subject', edits: [] },
          ],
    };
    return [report];
  },
});
