/**
 * legal-proceedings: a councillor asking an officer about legal proceedings the council is in,
 * or is contemplating, instead of asking the responsible director (tower-hamlets 5.4–5.6).
 */
import { findProceedingsEnquiry } from '../analysis/legal-proceedings.ts';
import { isDirectorLevel, standingOf } from '../analysis/seniority.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  meta: {
    id: 'legal-proceedings',
    description: 'A councillor contacts an officer about ongoing or contemplated legal proceedings instead of going through the responsible director.',
    defaultSeverity: 'warning',
    citations: {
      'tower-hamlets': [
        { paragraph: '5.4', section: '§5 Members and legal action by or against the Council', summary: 'Members must not try to sway the legal process, or lean on the officers or witnesses involved in it.' },
        { paragraph: '5.5', section: '§5 Members and legal action by or against the Council', summary: 'Members may ask how a case is being handled, but the Council can only answer on process so the case is not prejudiced.' },
        { paragraph: '5.6', section: '§5 Members and legal action by or against the Council', summary: 'Questions about live or threatened proceedings go to the Divisional or Corporate Director, never to the officers working on the case.' },
      ],
    },
    messages: {
      caseOfficer: 'This asks {officers} about legal proceedings (“{quote}”). Send questions about the case to the responsible director instead.',
      unknownOfficer: 'This asks {officers} about legal proceedings (“{quote}”). Unless they are the responsible director, send the question to the director instead.',
    },
    fixable: false,
  },

  check(ctx) {
    // Only Members are bound here: an officer writing about a case is doing their job.
    if (ctx.sender?.kind !== 'councillor') return [];
    // tower-hamlets 5.6: enquiries go to the Divisional or Corporate Director ("senior" role);
    // the Chief Executive and Monitoring Officer are above that and also acceptable.
    const officers = ctx.recipients.filter((r) => r.person.kind === 'officer');
    const wrong = officers.map((r) => ({ r, standing: standingOf(ctx, r.person) })).filter((x) => !isDirectorLevel(x.standing));
    if (wrong.length === 0) return [];
    const mention = findProceedingsEnquiry(ctx);
    if (!mention) return [];
    const known = wrong.every((x) => x.standing === 'junior');
    return [
      {
        messageId: known ? 'caseOfficer' : 'unknownOfficer',
        data: { officers: wrong.map((x) => x.r.mailbox.name ?? x.r.person.email).join(', '), quote: mention.quote },
        evidence: { field: mention.field, start: mention.start, end: mention.end, quote: mention.quote },
        suggestions: [
          { title: 'Send your question to the director responsible for the service, and ask about process only', edits: [] },
        ],
      },
    ];
  },
});
