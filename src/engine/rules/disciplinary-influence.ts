/**
 * disciplinary-influence: a councillor seeking to influence disciplinary action against an
 * officer (pressing for a sanction, a dismissal, a move off their patch, or leniency) or
 * offering to act as an officer's "friend", representative or companion in a staffing matter.
 *
 * Technique (docs/rules/disciplinary-influence.md, "How it recognises the idea"): over the text
 * model, in a draft about a staffing matter (`discipline.staffing` or a sanction, in the body or
 * the subject), a sentence of the councillor's own words presses for an outcome: a sanction
 * (`discipline.sanction`) with a pressing frame (`discipline.press`) or an opinion that judges it
 * (`discipline.opinion` + `discipline.evaluative`); what the sanction ought to be
 * (`discipline.ought-sanction`); leniency asked for (`discipline.leniency`); or a move off a
 * ward or duties asked for (`discipline.removal`). An offer to accompany or represent
 * (`discipline.friend-offer`) counts where the writer's own side speaks. Negated, quoted and
 * reported cues do not count; asking whether action was taken, or about the process, passes
 * (district-model 15.6 gives Members that right). Vocabulary: `lexicon/data/discipline.json`.
 */
import { hasCue, isAsking, ownSentences, sentenceEvidence } from '../analysis/requests.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import type { Sentence } from '../text-model/model.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'influenceOutcome' | 'actAsFriend';

// ---- Helpers ----

/** district-model 15.6; surrey-heath 4.13; crawley 4.1, 4.4: pressing for (or against) a sanction. */
function pressesForOutcome(ctx: RuleContext, s: Sentence): boolean {
  const here = (...ids: string[]) => hasCue(ctx, ctx.text, s, ids);
  if (here('pressure.process-question')) return false;
  const pressing = here('discipline.press');
  const judging = here('discipline.opinion') && here('discipline.evaluative');
  if (here('discipline.leniency') && (isAsking(s) || pressing || here('discipline.opinion'))) return true;
  if (here('discipline.ought-sanction', 'discipline.removal')) return true;
  return here('discipline.sanction') && (pressing || judging);
}

/** surrey-heath 4.13: the writer offers to act as the officer's friend or representative. */
function offersToActAsFriend(ctx: RuleContext, s: Sentence): boolean {
  return s.firstPerson && hasCue(ctx, ctx.text, s, ['discipline.friend-offer']);
}

/** The draft concerns a staffing matter: its own words or its subject. */
function isAboutStaffing(ctx: RuleContext): boolean {
  const ids = ['discipline.staffing', 'discipline.sanction'];
  return ids.some((id) => ctx.lexicon.hits(ctx.text, id).length > 0 || ctx.lexicon.hits(ctx.subjectText, id).length > 0);
}

function findInfluence(ctx: RuleContext): RuleReport<MessageId>[] {
  if (ctx.sender?.kind !== 'councillor') return [];
  const officers = ctx.recipients.filter((r) => r.person.kind === 'officer');
  if (officers.length === 0) return [];
  if (!isAboutStaffing(ctx)) return [];
  const list = ownSentences(ctx.text);

  const reports: RuleReport<MessageId>[] = [];
  const outcome = list.find((s) => pressesForOutcome(ctx, s));
  if (outcome) {
    reports.push({
      messageId: 'influenceOutcome',
      evidence: sentenceEvidence(ctx, outcome),
      suggestions: [
        { title: 'Ask whether action has been taken, without saying what it should be', edits: [] },
        { title: 'Raise your concern about the service with the head of service or Chief Executive and leave the outcome to them', edits: [] },
      ],
    });
  }
  // The offer is made to the officer concerned, so the officer is addressed directly.
  const friend = ctx.recipients.some((r) => r.field === 'to' && r.person.kind === 'officer') ? list.find((s) => offersToActAsFriend(ctx, s)) : undefined;
  if (friend) {
    reports.push({
      messageId: 'actAsFriend',
      evidence: sentenceEvidence(ctx, friend),
      suggestions: [
        { title: 'Suggest a trade union representative or a work colleague as companion instead', edits: [] },
        { title: 'Refer the approach to the Chief Executive or Monitoring Officer without comment', edits: [] },
      ],
    });
  }
  return reports;
}

// ---- Rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'disciplinary-influence',
    description: 'A councillor seeking to influence disciplinary action against an officer, or offering to act as an officer’s friend in a staffing matter.',
    defaultSeverity: 'warning',
    citations: {
      'district-model': [
        { paragraph: '15.6', summary: 'Members may ask whether action was taken, but must not try to affect how severe any disciplinary step is, or demand that one is taken.' },
      ],
      'surrey-heath': [
        { paragraph: '4.12', section: '§4 Council’s role as employer, numbered as amended (printed as 4.124)', summary: 'Members must bear in mind that the council is the employer, and that their behaviour towards staff can be relied on in an employment case.' },
        { paragraph: '4.13', section: '§4 Council’s role as employer, numbered as amended (printed as 4.132)', summary: 'A Member must not be an employee’s “friend” in a staffing matter, and should keep out of, and not lobby about, staffing matters.' },
        { paragraph: '4.15', section: '§4 Council’s role as employer, numbered as amended (printed as 4.145)', summary: 'An employee’s approach about employment is handed on to the Chief Executive or Monitoring Officer, and the Member offers no view.' },
      ],
      crawley: [
        { paragraph: '4.1', summary: 'Officers’ conduct is dealt with by line management and, for serious allegations, the council’s disciplinary procedures.' },
        { paragraph: '4.4', summary: 'Once a complaint is made, the head of service or chief executive decides what action, if any, follows and tells the councillor.' },
      ],
      'tower-hamlets': [
        { paragraph: '3.3', section: '§3 Member involvement in officer issues', summary: 'By law, the Head of Paid Service, and officers they appoint, deal with appointing, managing and dismissing most staff.' },
      ],
      'town-council': [
        { paragraph: '2.2', summary: 'Councillors do not involve themselves in day-to-day management, including the performance management of individual officers.' },
        { paragraph: '4.2', summary: 'A councillor’s concern about an officer goes to the clerk, and any disciplinary procedure must then be followed exactly.' },
      ],
    },
    messages: {
      influenceOutcome: 'This presses for a particular outcome in a disciplinary matter. Councillors may ask whether action was taken, but must not try to decide or influence it.',
      actAsFriend: 'This offers to act as the officer’s friend or representative in a staffing matter. Councillors must not take that role; refer the officer to their union or a colleague.',
    },
    fixable: false,
  },
  check: findInfluence,
});
