/**
 * favour-seeking: a councillor asking an officer for a personal favour for themselves, their
 * family or friends — cancelling their own parking ticket, waiving a fee for a relative's event,
 * hurrying their own or a relative's application, moving a friend's family up a list, special
 * treatment outside the appeal or committee route.
 *
 * Technique (docs/rules/favour-seeking.md, "How it recognises the idea"): over the text model,
 * a sentence of the councillor's own words must be a request, hold a favour action (lexicon
 * `favours.cancel`, `favours.hurry`, `favours.special`) that is neither negated nor reported,
 * and tie the thing acted on to the writer: "my ticket", "my son's application", "my family's
 * land", "for me", or a pronoun ("cancel it", "move them up") whose antecedent in the two
 * sentences before is the writer's own ("I got a parking ticket …", "Kayleigh is family to me").
 * The vocabulary is `lexicon/data/favours.json`; this module only says how the cues combine.
 */
import { cuesIn, hasCue, isAsking, ownSentences, sentenceEvidence } from '../analysis/requests.ts';
import { scoreTopic } from '../analysis/topic-scorer.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import type { Sentence } from '../text-model/model.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'cancelCharge' | 'expedite' | 'specialTreatment';

// ---- Helpers ----

type ActionKind = 'cancel' | 'speed' | 'special';

const ACTIONS: readonly { kind: ActionKind; entry: string }[] = [
  { kind: 'cancel', entry: 'favours.cancel' },
  { kind: 'speed', entry: 'favours.hurry' },
  { kind: 'special', entry: 'favours.special' },
];
const PROCESS_QUESTION = ['pressure.process-question'];
const OWN_CHARGE = ['favours.own-charge'];
const OWN_LINK = ['favours.own-link'];
const FOR_ME = ['favours.for-me'];
const SOMEONE_ELSE = ['favours.someone-else'];
const BACK_REFERENCE = ['favours.back-reference'];
const CHARGE = ['favours.charge'];
const APPLICATION = ['favours.application', 'favours.property'];
// How far back a pronoun looks for its antecedent (the three sentences before).
const ANTECEDENT_SENTENCES = 12;

/**
 * Whether the favour benefits the writer, their family or friends: the thing is theirs in the
 * sentence, or the sentence says "for me", or it points back with a pronoun to something of
 * theirs named in the two sentences before. Someone else named as the owner ("Mrs Hart's
 * ticket", "his fee") makes "for me" a figure of speech.
 */
function benefitsWriter(ctx: RuleContext, kind: ActionKind, s: Sentence, previous: readonly Sentence[]): boolean {
  const model = ctx.text;
  const here = (ids: readonly string[]) => hasCue(ctx, model, s, ids);
  const before = (ids: readonly string[]) => previous.some((p) => hasCue(ctx, model, p, ids));
  const pointsBack = here(BACK_REFERENCE);
  if (kind === 'cancel') {
    // The thing cancelled must be a charge: named here, or pointed back to.
    if (here(OWN_CHARGE)) return true;
    if (here(SOMEONE_ELSE)) return false;
    if (here(CHARGE) && (here(FOR_ME) || here(OWN_LINK))) return true;
    // "My son is having his party in the hall. Could the booking charge be waived?"
    if (here(CHARGE) && before(OWN_LINK)) return true;
    if (!pointsBack) return false;
    // "My mother has had the £45 renewal letter. Could you waive it for her?"
    return before(OWN_CHARGE) || (here(FOR_ME) && before(CHARGE)) || (before(OWN_LINK) && (here(CHARGE) || before(CHARGE)));
  }
  if (here(OWN_LINK)) return true;
  if (here(SOMEONE_ELSE)) return false;
  // Special treatment asked for after the writer has said what their stake is ("I'm club
  // president … Could you quietly keep our slot off the list?").
  if (kind === 'special' && before(OWN_LINK)) return true;
  if (here(FOR_ME) && (kind === 'special' || here(APPLICATION) || (pointsBack && before(APPLICATION)))) return true;
  // "My brother has applied for a licence. Could the application be fast-tracked?"
  return (pointsBack || here(APPLICATION)) && before(OWN_LINK);
}

/** What a favour's finding offers, whether the cues or the scorer found it. */
const SUGGESTIONS: RuleReport['suggestions'] = [
  { title: 'Use the route open to any resident: appeal, pay or apply in the usual way', edits: [] },
  { title: 'Ask the Monitoring Officer for advice before sending', edits: [] },
];

function findFavours(ctx: RuleContext): RuleReport<MessageId>[] {
  // A councillor asking a council officer (tower-hamlets 3.2: favours sought from officers).
  if (ctx.sender?.kind !== 'councillor') return [];
  if (!ctx.recipients.some((r) => r.person.kind === 'officer')) return [];
  const model = ctx.text;
  const list = ownSentences(model);
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    // A sentence right after a request in the same paragraph goes on with it ("Could you cancel
    // it? I'd take it as a personal favour." / "… No need to go through the appeal.").
    const follows = i > 0 && isAsking(list[i - 1]!) && list[i - 1]!.paragraph === s.paragraph;
    // A question that asks for the favour itself ("Surely it can just be signed off this week?")
    // asks as a request does; the favour's own cues below decide.
    if (!(isAsking(s) || s.question || follows) || hasCue(ctx, model, s, PROCESS_QUESTION)) continue;
    const previous = list.slice(Math.max(0, i - ANTECEDENT_SENTENCES), i);
    const action = ACTIONS.find((a) => cuesIn(ctx, model, s, [a.entry]).length > 0 && benefitsWriter(ctx, a.kind, s, previous));
    if (!action) continue;
    // One favour per draft is enough to review it.
    return [
      {
        messageId: action.kind === 'speed' ? 'expedite' : action.kind === 'cancel' ? 'cancelCharge' : 'specialTreatment',
        evidence: sentenceEvidence(ctx, s),
        suggestions: SUGGESTIONS,
      },
    ];
  }
  // The learned scorer, when the cues find nothing (analysis/topic-scorer.ts; the rule's doc gives its figures).
  const scored = scoreTopic('favour-seeking', ctx);
  if (scored) {
    return [
      {
        messageId: 'specialTreatment',
        evidence: sentenceEvidence(ctx, scored.sentence),
        suggestions: SUGGESTIONS,
      },
    ];
  }
  return [];
}

// ---- Rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'favour-seeking',
    description: 'A councillor asking an officer for a personal favour for themselves, their family or friends.',
    defaultSeverity: 'warning',
    citations: {
      'tower-hamlets': [
        { paragraph: '3.2', section: '§3 Obtaining or granting favours', summary: 'Members must not ask officers for personal favours, such as getting their own parking ticket withdrawn or an application hurried through.' },
        { paragraph: '9.2', section: '§9 Support for Members and Members’ use of Council facilities', summary: 'Members should not ask officers to help with their personal, business or party matters.' },
      ],
      'district-model': [
        { paragraph: '2.2(l)', summary: 'Members should not use their position or their contact with officers to further their own or other people’s interests.' },
      ],
      crawley: [
        { paragraph: '2.8', summary: 'Neither councillors nor officers should use their position to gain an unfair advantage or put pressure on the other.' },
      ],
      'surrey-heath': [
        { paragraph: '1.7', summary: 'No Member or officer should try to gain an unfair advantage from their position.' },
        { paragraph: '2.6', summary: 'Members must not try to influence a decision improperly, nor act on business in which they have a disclosable pecuniary interest.' },
      ],
      'town-council': [
        { paragraph: '2.4.2', summary: 'Officers can expect councillors not to use their position to advance their own or anyone else’s personal interests.' },
        { paragraph: '2.5(ii)', summary: 'There are limits on what councillors may seek officers’ help with, personal matters among them.' },
      ],
    },
    messages: {
      cancelCharge: 'This asks an officer to cancel or waive a charge or penalty of your own, or your family’s. Use the appeal or payment route open to any resident.',
      expedite: 'This asks an officer to hurry along your own, or a relative’s, application. Ask for it to be dealt with in the normal way.',
      specialTreatment: 'This asks an officer for special treatment in a personal matter. Councillors must not seek personal favours from officers.',
    },
    fixable: false,
  },
  check: findFavours,
});
