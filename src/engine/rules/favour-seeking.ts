/**
 * favour-seeking: a councillor asking an officer for a personal favour for themselves, their
 * family or friends — cancelling their own parking ticket, waiving their own fee, hurrying
 * their own or a relative's application, special treatment.
 *
 * Technique (docs/rules/favour-seeking.md, "How it recognises the idea"): a sentence must be a
 * request, contain a favour action (cancel/waive …, expedite/fast-track …, special treatment)
 * that is neither negated nor reported, and tie the thing acted on to the writer: "my ticket",
 * "my son's application", "for me", or a pronoun ("cancel it") whose antecedent in the two
 * sentences before is the writer's own ("I got a parking ticket …").
 */
import { matchesOf, isNegatedAt, isProcessQuestion, isReportedAt, isRequest, ownSentences, sentenceEvidence, type OwnSentence } from '../analysis/requests.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';

// ---- Helpers ----

// Family, friends and the writer's own business: tower-hamlets 3.2 and district-model 2.2(l)
// ("their personal interest or those of others"). A hand-made list of British kinship terms.
const RELATIVE = String.raw`(?:wife|husband|partner|son|daughter|child|children|kids?|mother|father|mum|mom|dad|parents?|brother|sister|family|friend|friends|neighbour|cousin|nephew|niece|aunt|auntie|uncle|grandson|granddaughter|grandchildren|grandmother|grandfather|grandma|grandad|gran|nan|(?:mother|father|son|daughter|brother|sister)-in-law|in-laws|stepson|stepdaughter|stepfather|stepmother|fianc[eé]e?|relative|relatives|business|company|firm|shop|landlord|tenant)`;
const MY = String.raw`(?:my|our)\s+(?:(?:own|late|elderly|young|little|eldest|youngest|best|old|close)\s+)?`;
// "my relative": the writer's family member, friend or business.
const MY_RELATIVE = String.raw`${MY}${RELATIVE}`;
// "my" or "my brother's": whose the thing is.
const POSSESSOR = String.raw`${MY}(?:${RELATIVE}(?:'s|s')?\s+)?`;

// Penalties and charges a favour might make go away.
const CHARGE = String.raw`(?:(?:parking|penalty|speeding|bus\s+lane|littering|fixed\s+penalty)\s+)?(?:ticket|tickets|pcn|pcns|penalty\s+charge(?:\s+notice)?|penalty|fine|fines|fee|fees|charge|charges|surcharge|bill|summons|clamp|clamping|notice)`;
// Things a favour might hurry along.
const APPLICATION = String.raw`(?:(?:planning|householder|licen[cs]e|housing|parking|permit|grant|building\s+control|council\s+tax|benefit|blue\s+badge)\s+)?(?:application|applications|request|claim|case|repair|repairs|complaint|appeal|assessment|extension|approval|permit|licen[cs]e|grant|inspection|survey|adaptation|transfer|bid)`;

// "my parking ticket", "my brother's application", "our permit".
const OWN_CHARGE = new RegExp(String.raw`\b${POSSESSOR}(?:[a-z0-9-]+\s+){0,2}${CHARGE}\b|\bi(?:'ve|\s+have|\s+had)?\s+(?:got|received|been\s+given|been\s+issued|been\s+fined|been\s+charged|had|picked\s+up|was\s+given|was\s+issued|was\s+fined|was\s+charged)\s+(?:with\s+)?(?:a|an|another|the)\s+(?:[a-z0-9-]+\s+){0,2}${CHARGE}\b|\b${CHARGE}\s+(?:[a-z0-9-]+\s+){0,4}(?:issued|given|sent)\s+to\s+(?:me|us)\b`);
const OWN_APPLICATION = new RegExp(
  String.raw`\b${POSSESSOR}(?:[a-z0-9-]+\s+){0,2}${APPLICATION}\b|\b(?:i|we|${MY_RELATIVE})(?:'ve|\s+has|\s+have|\s+had)?\s+(?:just\s+|recently\s+)?(?:submitted|made|put\s+in|lodged|applied|sent\s+in)\b`,
);

// Favour actions, with inflections.
const CANCEL_ACTION =
  /\b(?:cancel(?:s|led|ling)?|withdraw(?:s|n|ing)?|waive(?:s|d)?|waiving|void(?:s|ed|ing)?|quash(?:es|ed|ing)?|scrap(?:s|ped|ping)?|drop(?:s|ped|ping)?|rescind(?:s|ed|ing)?|overturn(?:s|ed|ing)?|write\s+off|written\s+off|let\s+(?:me|us|him|her|them)\s+off|refund(?:s|ed|ing)?|reduce(?:s|d)?|make\s+(?:it|this|that)\s+go\s+away|lift(?:s|ed|ing)?)\b/g;
const SPEED_ACTION =
  /\b(?:expedit(?:e|es|ed|ing)|fast[- ]?track(?:s|ed|ing)?|speed(?:s|ed|ing)?\s+(?:it|this|that|things|the\s+\w+|\w+)?\s*up|hurr(?:y|ies|ied)\s+(?:it|this|that|things|the\s+\w+)?\s*(?:up|along|through)|push(?:es|ed|ing)?\s+(?:it|this|that|\w+)?\s*through|prioriti[sz](?:e|es|ed|ing)|bump(?:s|ed|ing)?\s+(?:it|this|that)?\s*up|move(?:s|d)?\s+(?:it|this|that)\s+up|look\s+(?:favourably|kindly)\s+(?:on|at)|put\s+in\s+a\s+(?:good\s+)?word|have\s+a\s+(?:quiet\s+)?word|wave\s+(?:it|this|that)\s+through|approve(?:d)?\s+(?:it|this|that)\s+quickly)\b/g;
const SPECIAL_ACTION =
  /\b(?:special\s+treatment|(?:a|any)\s+(?:small\s+|little\s+|personal\s+)?favour(?!\s+and\b)|as\s+a\s+(?:personal\s+)?favour|bend\s+the\s+rules|turn\s+a\s+blind\s+eye|look\s+the\s+other\s+way|off\s+the\s+record|between\s+(?:ourselves|us)|without\s+going\s+through\s+the\s+(?:usual|normal|proper)\s+(?:process|channels|route))\b/g;

const CHARGE_WORD = new RegExp(String.raw`\b${CHARGE}\b`);
const APPLICATION_WORD = new RegExp(String.raw`\b${APPLICATION}\b`);
// A pronoun as the thing acted on: "cancel it", "waive this".
const PRONOUN_OBJECT = /\b(?:it|this|that|them|these|those)\b/;
// The writer as beneficiary in the action sentence itself.
const FOR_ME = new RegExp(String.raw`\bfor\s+(?:me|us|myself|${MY_RELATIVE})\b|\blet\s+(?:me|us)\s+off\b`);

// Someone else as the owner: "cancel Mrs Hart's ticket for me" is casework, not a favour to the writer.
const THIRD_PARTY = /\b(?:his|her|their|(?:mr|mrs|ms|miss|mx|dr)\.?\s+[a-z'-]+|residents?|constituents?|tenants?|applicants?|the\s+family)\b/;

type ActionKind = 'cancel' | 'speed' | 'special';

function firstAssertedAction(lower: string): { kind: ActionKind; at: number } | undefined {
  for (const [kind, re] of [['cancel', CANCEL_ACTION], ['speed', SPEED_ACTION], ['special', SPECIAL_ACTION]] as const) {
    for (const m of matchesOf(re, lower)) {
      const at = m.index;
      if (isNegatedAt(lower, at) || isReportedAt(lower, at)) continue;
      return { kind, at };
    }
  }
  return undefined;
}

/**
 * Whether the favour benefits the writer, their family or friends: the object is theirs in
 * the same sentence, or the sentence says "for me", or it points back with a pronoun to
 * something of theirs named in the two sentences before.
 */
function benefitsWriter(kind: ActionKind, sentence: string, previous: string[]): boolean {
  if (kind === 'special') {
    if (FOR_ME.test(sentence) || OWN_CHARGE.test(sentence) || OWN_APPLICATION.test(sentence)) return true;
    if (THIRD_PARTY.test(sentence)) return false;
    return previous.some((p) => OWN_CHARGE.test(p) || OWN_APPLICATION.test(p));
  }
  const own = kind === 'cancel' ? OWN_CHARGE : OWN_APPLICATION;
  const object = kind === 'cancel' ? CHARGE_WORD : APPLICATION_WORD;
  if (own.test(sentence)) return true;
  if (THIRD_PARTY.test(sentence)) return false;
  // "cancel the ticket for me" / "cancel it for me": the thing is named here or just before.
  if (FOR_ME.test(sentence)) return object.test(sentence) || (PRONOUN_OBJECT.test(sentence) && previous.some((p) => object.test(p)));
  // "Is there any way you could cancel it?" after "I got a parking ticket".
  return PRONOUN_OBJECT.test(sentence) && !object.test(sentence) && previous.some((p) => own.test(p));
}

function findFavours(ctx: RuleContext): RuleReport[] {
  // A councillor asking a council officer (tower-hamlets 3.2: favours sought from officers).
  if (ctx.sender?.kind !== 'councillor') return [];
  if (!ctx.recipients.some((r) => r.person.kind === 'officer')) return [];
  const list: OwnSentence[] = ownSentences(ctx);
  const reports: RuleReport[] = [];
  list.forEach((s, i) => {
    if (reports.length > 0) return; // one favour per draft is enough to review it
    const action = firstAssertedAction(s.lower);
    if (!action || !isRequest(s.lower) || isProcessQuestion(s.lower)) return;
    const previous = list.slice(Math.max(0, i - 2), i).map((p) => p.lower);
    if (!benefitsWriter(action.kind, s.lower, previous)) return;
    reports.push({
      messageId: action.kind === 'speed' ? 'expedite' : action.kind === 'cancel' ? 'cancelCharge' : 'specialTreatment',
      evidence: sentenceEvidence(ctx, s),
      suggestions: [
        { title: 'Use the route open to any resident: appeal, pay or apply in the usual way', edits: [] },
        { title: 'Ask the Monitoring Officer for advice before sending', edits: [] },
      ],
    });
  });
  return reports;
}

// ---- Rule ----

export default defineRule({
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
