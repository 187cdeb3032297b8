/**
 * Every string the panel shows, in British English and GOV.UK tone: say what happened and
 * what to do, in plain words. Kept in one module so wording is reviewed in one place.
 */
import type { PackId, RuleId, Severity } from '../engine/types.ts';

export const RULE_TITLES: Record<RuleId, string> = {
  'silent-copy': 'Councillor copied without saying so',
  'personal-email': 'Personal email address',
  'letterhead-for-party-matters': 'Council branding on party or private business',
  'pre-election-publicity': 'Publicity in the pre-election period',
  'press-release-quotes': 'Who a press release quotes',
  'ward-councillors-not-informed': 'Ward councillors left out',
  'political-group-briefing': 'Briefing for one political group',
  'confidential-information': 'Confidential material going outside the council',
  'constituent-consent': "Resident's email shared without consent",
  'official-letter-from-member': 'Councillor committing the council',
  'pressure-on-officers': 'Pressure on an officer',
  'favour-seeking': 'Personal favour',
  'employment-matter-to-member': 'Employment matter raised with a councillor',
  'disciplinary-influence': 'Influence on a staffing matter',
  'public-criticism-of-officers': 'Public criticism of an officer',
  'legal-proceedings': 'Legal proceedings',
  'out-of-hours': 'Sent outside working hours',
  'discourteous-tone': 'Tone',
  'officer-party-work': 'Officer asked to help with party work',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Must fix',
  warning: 'Check before sending',
  info: 'Advice',
};

export const PACK_NAMES: Record<PackId, string> = {
  crawley: 'Crawley protocol',
  'tower-hamlets': 'Tower Hamlets protocol',
  'district-model': 'District council model protocol',
  'town-council': 'Town council protocol',
  'surrey-heath': 'Surrey Heath protocol',
};

export const FIELD_LABELS: Record<string, string> = {
  from: 'From',
  to: 'To',
  cc: 'Cc',
  bcc: 'Bcc',
  subject: 'Subject',
  body: 'Message',
  date: 'Send date',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const strings = {
  panelHeading: 'Protocol check',
  checking: 'Checking…',
  nothingFound: 'Nothing found: this draft keeps to the protocol.',
  summary(toFix: number, toReview: number, advice: number): string {
    const parts: string[] = [];
    if (toFix) parts.push(plural(toFix, 'thing to fix', 'things to fix'));
    if (toReview) parts.push(plural(toReview, 'thing to check', 'things to check'));
    if (advice) parts.push(plural(advice, 'piece of advice', 'pieces of advice'));
    return parts.join(', ');
  },
  paragraph: (pack: string, paragraph: string) => `${pack}, paragraph ${paragraph}`,
  otherCouncil: "Another council's protocol: good practice, not your council's own text.",
  evidenceRecipient: (field: string, email: string) => `${field}: ${email}`,
  evidenceQuote: (field: string) => `In the ${field.toLowerCase()}:`,
  applyPrefix: 'Apply',
  applyName: (title: string) => `Apply: ${title}`,
  advice: 'Advice',
  aboutRule: 'About this rule',
  dismiss: 'Dismiss',
  dismissName: (title: string) => `Dismiss: ${title}`,
  dismissReason: 'Reason (optional)',
  dismissConfirm: 'Dismiss finding',
  cancel: 'Cancel',
  dismissedCount: (n: number) => `${plural(n, 'finding', 'findings')} dismissed for this draft`,
  showDismissed: 'Show dismissed',
  hideDismissed: 'Hide dismissed',
  restore: 'Restore',
  dismissedBecause: (reason: string) => `Dismissed: ${reason}`,
  applied: (title: string) => `Done: ${title}`,
  undo: 'Undo',
  undone: 'The draft is back as it was.',
  refused: (reason: string) => `This change was not made: ${reason} The draft has not been changed.`,
  checkFailed: 'The check could not run on this draft. Your draft has not been changed.',
  policyNotice: (source: string, problem: string) =>
    `The council policy in ${source} could not be used, so the built-in default policy is in use. ${problem}`,
  defaultPolicy: 'Using the built-in default policy: it knows no councillors or elections.',
  councilPolicy: (name: string) => `Using ${name}'s policy.`,
} as const;
