/**
 * How senior is an officer the draft is addressed to? The directory says so through roles
 * (`senior`, `chief-executive`, `monitoring-officer`; PRODUCT.md, "Junior officer"). Without a
 * directory entry (the embedded default, or an officer the policy does not list), only the draft
 * itself can tell: a display name such as "Karen Lloyd (Director of Place)", a role mailbox such
 * as clerk@…, or a salutation such as "Dear Town Clerk".
 *
 * The titles are lexicon entries (`lexicon/data/pressure.json`: `pressure.title-*`), matched on
 * a small text model of the name, or on the body's own model for the salutation.
 */
import type { Lexicon } from '../lexicon/index.ts';
import type { OfficerRole } from '../policy.ts';
import type { Person } from '../people.ts';
import { memoised, type RuleContext } from '../rule.ts';
import type { TextModel } from '../text-model/model.ts';

export type Standing = 'chief-executive' | 'monitoring-officer' | 'clerk' | 'senior' | 'junior' | 'unknown';

// In order: the first title found decides ("Deputy Chief Executive" is excused from the chief
// executive's entry and read as senior).
const TITLES: readonly { entry: string; standing: Standing }[] = [
  { entry: 'pressure.title-monitoring-officer', standing: 'monitoring-officer' },
  { entry: 'pressure.title-chief-executive', standing: 'chief-executive' },
  { entry: 'pressure.title-clerk', standing: 'clerk' },
  { entry: 'pressure.title-senior', standing: 'senior' },
];

function titleIn(lexicon: Lexicon, model: TextModel, within?: (first: number) => boolean): Standing | undefined {
  for (const { entry, standing } of TITLES) {
    if (lexicon.hits(model, entry).some((h) => !within || within(h.first))) return standing;
  }
  return undefined;
}

/** A name (display name and mailbox) as a text model: "town.clerk" is read as "town clerk". */
function nameModel(ctx: RuleContext, name: string, email: string): TextModel {
  const text = `${name} ${email.split('@')[0]!.replace(/[._-]+/g, ' ')}`;
  return memoised(ctx, `seniority:${text}`, () => ctx.lexicon.analyse(text));
}

/** The standing a name shows: "Director of Place", "clerk@…". */
function fromName(ctx: RuleContext, name: string, email: string): Standing | undefined {
  return titleIn(ctx.lexicon, nameModel(ctx, name, email));
}

/** The standing a salutation in the writer's first sentence shows: "Dear Chief Executive,". */
function fromSalutation(ctx: RuleContext): Standing | undefined {
  const model = ctx.text;
  const greeting = ctx.lexicon.hits(model, 'pressure.greeting')[0];
  const opening = model.sentences.find((s) => s.region === 'own');
  if (!greeting || !opening || greeting.sentence !== opening.index) return undefined;
  // Only the salutation's own clause: "Dear Chief Executive," not a title later in the line.
  const clause = model.clauseOf[greeting.first]!;
  return titleIn(ctx.lexicon, model, (first) => model.clauseOf[first] === clause);
}

function fromRoles(roles: readonly OfficerRole[]): Standing {
  if (roles.includes('chief-executive')) return 'chief-executive';
  if (roles.includes('monitoring-officer')) return 'monitoring-officer';
  if (roles.includes('senior')) return 'senior';
  return 'junior';
}

/**
 * The officer's standing: from the directory when it lists them, else from their display name,
 * their mailbox name, or how the draft's opening line addresses them.
 */
export function standingOf(ctx: RuleContext, person: Person): Standing {
  if (person.officer) {
    const byRole = fromRoles(person.officerRoles);
    // A town council's clerk is its chief officer; a directory may only say "clerk" in the name.
    if (byRole === 'junior' && ctx.lexicon.hits(nameModel(ctx, person.officer.name, person.email), 'pressure.title-clerk').length > 0) return 'clerk';
    return byRole;
  }
  const named = fromName(ctx, person.name ?? '', person.email);
  if (named) return named;
  // "Dear Chief Executive," / "Dear Town Clerk" in the writer's first sentence.
  if (ctx.recipients.filter((r) => r.field === 'to').length === 1) return fromSalutation(ctx) ?? 'unknown';
  return 'unknown';
}

/** Senior enough to be "the responsible director" (tower-hamlets 5.6) or a CLT member (7.4(i)). */
export function isDirectorLevel(standing: Standing): boolean {
  return standing === 'senior' || standing === 'chief-executive' || standing === 'monitoring-officer' || standing === 'clerk';
}
