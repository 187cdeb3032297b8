/**
 * employment-matter-to-member: an officer taking their own employment matter (pay, grading,
 * grievance, restructure, their manager, disciplinary, job evaluation) to an individual
 * councillor (warning); or making a whistleblowing / Speak Up disclosure to one, which is
 * allowed and gets advice on the right route (info).
 *
 * Technique (docs/rules/employment-matter-to-member.md, "How it recognises the idea"): over the
 * text model, a sentence of the officer's own words must tie the writer to an employment
 * matter — the writer's own job (`employment.own-job`) with something wrong with it in the same
 * sentence (`employment.issue`, `employment.conflict`), their manager (`employment.own-manager`)
 * with their treatment gone wrong (`employment.conflict`), or the writer affected
 * (`employment.affected`: "I am being made redundant", "I'm one of the officers whose posts are
 * being deleted") — or ask the councillor to step in (`employment.intervene`) on a restructure,
 * review, regrading or pay offer in a sentence where the writer speaks. Negated, quoted and
 * reported cues do not count. An officer mentioning a resident's job, a restructure as council
 * business, or "my manager will call you" has no such tie. Vocabulary:
 * `lexicon/data/employment.json`.
 */
import { hasCue, isAsking, ownSentences, sentenceEvidence } from '../analysis/requests.ts';
import { scoreTopic } from '../analysis/topic-scorer.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import type { Sentence, TextModel } from '../text-model/model.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'ownEmployment' | 'speakUp';

// ---- Helpers ----

/** The writer tied to an employment matter in this sentence (tower-hamlets 3.4; surrey-heath 4.14). */
function isOwnEmploymentMatter(ctx: RuleContext, model: TextModel, s: Sentence): boolean {
  if (hasCue(ctx, model, s, ['employment.affected'])) return true;
  // "My manager has asked me to tell you the restructure consultation closes on Friday" is a
  // message passed on: the manager needs the writer's treatment gone wrong, not just an issue.
  if (hasCue(ctx, model, s, ['employment.own-manager']) && hasCue(ctx, model, s, ['employment.conflict'])) return true;
  return hasCue(ctx, model, s, ['employment.own-job']) && hasCue(ctx, model, s, ['employment.issue', 'employment.conflict']);
}

/**
 * tower-hamlets 3.2: the writer asks the councillor to step in on a restructure, review, regrading
 * or pay offer, and the matter is theirs: they speak in the sentence, or tie themselves to their
 * job elsewhere in their own words ("I work in the revenues team").
 */
function asksToIntervene(ctx: RuleContext, model: TextModel, s: Sentence, writerTied: boolean, previous: readonly Sentence[]): boolean {
  if (!(isAsking(s) || s.question) || !(writerTied || s.firstPerson)) return false;
  if (!hasCue(ctx, model, s, ['employment.intervene'])) return false;
  // The matter named in the ask (a restructure, the pay offer), or, from a writer already tied to
  // their own job, how they are treated ("a quiet word about how I'm being treated"), or the
  // matter they have just described ("… until the restructure report is out. Could you raise it
  // at the next meeting?").
  const matter = writerTied ? ['employment.issue', 'employment.conflict'] : ['employment.issue'];
  return hasCue(ctx, model, s, matter) || (writerTied && previous.some((p) => hasCue(ctx, model, p, ['employment.issue'])));
}

/** A disclosure of wrongdoing made by the writer (surrey-heath 4.16). */
function isDisclosure(ctx: RuleContext, model: TextModel, s: Sentence): boolean {
  if (hasCue(ctx, model, s, ['employment.disclosure'])) return true;
  return ['employment.wrongdoing', 'employment.i-disclose', 'employment.inside-council'].every((id) => hasCue(ctx, model, s, [id]));
}

function findEmploymentMatters(ctx: RuleContext): RuleReport<MessageId>[] {
  // An officer writing to a councillor addressed individually (not a members' bulletin in Bcc).
  if (ctx.sender?.kind !== 'officer') return [];
  if (!ctx.recipients.some((r) => r.field === 'to' && r.person.kind === 'councillor')) return [];
  const list = ownSentences(ctx.text);

  // surrey-heath 4.16: a qualifying Speak Up disclosure is not a breach: advise on the route.
  const disclosure = list.find((s) => isDisclosure(ctx, ctx.text, s));
  if (disclosure) {
    return [
      {
        messageId: 'speakUp',
        severity: 'info',
        evidence: sentenceEvidence(ctx, disclosure),
        suggestions: [
          { title: 'Check the Speak Up (whistleblowing) policy: it names who can receive a disclosure and how you are protected', edits: [] },
          { title: 'Consider raising it with the Monitoring Officer or the Section 151 Officer as well', edits: [] },
        ],
      },
    ];
  }

  const writerTied = list.some((s) => hasCue(ctx, ctx.text, s, ['employment.own-job', 'employment.own-manager', 'employment.affected']));
  const own = list.find((s) => isOwnEmploymentMatter(ctx, ctx.text, s)) ?? list.find((s, i) => asksToIntervene(ctx, ctx.text, s, writerTied, list.slice(Math.max(0, i - 2), i)));
  if (own) return [report(ctx, sentenceEvidence(ctx, own))];
  // A subject line such as "My regrading" with no body sentence to point at.
  if (ctx.subjectText.sentences.some((s) => isOwnEmploymentMatter(ctx, ctx.subjectText, s))) {
    return [report(ctx, { field: 'subject', start: 0, end: ctx.draft.subject.length, quote: ctx.draft.subject })];
  }
  // The learned scorer, when the cues find nothing (analysis/topic-scorer.ts; the rule's doc gives its figures).
  const scored = scoreTopic('employment-matter-to-member', ctx);
  return scored ? [report(ctx, sentenceEvidence(ctx, scored.sentence))] : [];
}

function report(ctx: RuleContext, evidence: RuleReport['evidence']): RuleReport<MessageId> {
  const councillor = ctx.recipients.find((r) => r.field === 'to' && r.person.kind === 'councillor')!;
  return {
    messageId: 'ownEmployment',
    data: { councillor: councillor.person.name ?? councillor.person.email },
    evidence,
    suggestions: [
      { title: 'Raise it with your manager, or their manager, instead', edits: [] },
      { title: 'Use the grievance procedure or ask HR or your trade union for advice', edits: [] },
      { title: 'If it is about wrongdoing, use the Speak Up (whistleblowing) route', edits: [] },
    ],
  };
}

// ---- Rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'employment-matter-to-member',
    description: 'An officer taking their own employment matter to an individual councillor; a Speak Up disclosure gets advice instead.',
    defaultSeverity: 'warning',
    citations: {
      'tower-hamlets': [
        { paragraph: '3.2', section: '§3 Obtaining or granting favours (last sentence)', summary: 'Officers should not get round staff consultation arrangements by lobbying Members about matters that affect them as employees.' },
        { paragraph: '3.4', section: '§3 Member involvement in officer issues', summary: 'Officers must not take their own employment matters to individual Members, who should discourage it and point them to management and grievance procedures.' },
      ],
      'surrey-heath': [
        { paragraph: '4.14', section: '§4 numbered as amended (printed as 4.143)', summary: 'Staff should not take their own terms and conditions or other employment matters straight to a Member.' },
        { paragraph: '4.15', section: '§4 numbered as amended (printed as 4.145)', summary: 'The Member hands any such approach on to the Chief Executive or Monitoring Officer and makes no comment on it.' },
        { paragraph: '4.16', section: '§4 The Speak Up Policy', summary: 'Concerns about wrongdoing raised with the Employment Committee chair or vice-chair or a group leader that qualify under the Speak Up Policy are not a breach.' },
      ],
      'district-model': [
        { paragraph: '4.5', summary: 'Officers should not raise with a Member the conduct of colleagues or how their service is managed in a way that conflicts with the protocol.' },
        { paragraph: '15.1', summary: 'This part of the protocol is read together with the council’s whistleblowing policy.' },
      ],
      'town-council': [
        { paragraph: '2.4.1', summary: 'Councillors can expect officers not to bring personal issues to them outside the agreed procedures.' },
      ],
    },
    messages: {
      ownEmployment: 'This raises your own employment matter with {councillor}. Officers should take these to their manager, HR or the grievance procedure, not to an individual councillor.',
      speakUp: 'This looks like a Speak Up (whistleblowing) disclosure. That is allowed; check the policy for the right person to receive it so that you are protected.',
    },
    fixable: false,
  },
  check: findEmploymentMatters,
});
