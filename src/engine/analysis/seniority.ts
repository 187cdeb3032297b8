/**
 * How senior is an officer the draft is addressed to? The directory says so through roles
 * (`senior`, `chief-executive`, `monitoring-officer`; PRODUCT.md, "Junior officer"). Without a
 * directory entry (the embedded default, or an officer the policy does not list), only the draft
 * itself can tell: a display name such as "Karen Lloyd (Director of Place)", a role mailbox such
 * as clerk@…, or a salutation such as "Dear Town Clerk".
 */
import type { OfficerRole } from '../policy.ts';
import type { Person } from '../people.ts';
import type { RuleContext } from '../rule.ts';

export type Standing = 'chief-executive' | 'monitoring-officer' | 'clerk' | 'senior' | 'junior' | 'unknown';

const TITLE_CHIEF_EXECUTIVE = /\b(?:chief executive|head of (?:the )?paid service|ceo)\b/i;
const TITLE_MONITORING_OFFICER = /\bmonitoring officer\b/i;
const TITLE_CLERK = /\b(?:town|parish|city)? ?clerk\b/i;
const TITLE_SENIOR = /\b(?:(?:corporate|divisional|executive|strategic|assistant|deputy) )?director\b|\bhead of\b|\bchief officer\b|\bdeputy chief executive\b|\bservice (?:lead|head)\b/i;

function fromTitle(text: string): Standing | undefined {
  if (TITLE_MONITORING_OFFICER.test(text)) return 'monitoring-officer';
  if (/\bdeputy chief executive\b/i.test(text)) return 'senior';
  if (TITLE_CHIEF_EXECUTIVE.test(text)) return 'chief-executive';
  if (TITLE_CLERK.test(text)) return 'clerk';
  if (TITLE_SENIOR.test(text)) return 'senior';
  return undefined;
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
    if (byRole === 'junior' && TITLE_CLERK.test(`${person.officer.name} ${person.email.split('@')[0]}`)) return 'clerk';
    return byRole;
  }
  const named = fromTitle(`${person.name ?? ''} ${person.email.split('@')[0]!.replace(/[._-]+/g, ' ')}`);
  if (named) return named;
  // "Dear Chief Executive," / "Dear Town Clerk" in the first lines of the writer's own words.
  const opening = ctx.ownText.slice(0, 160);
  const salutation = /\b(?:dear|hi|hello)\s+([^,\n]{3,40})/i.exec(opening)?.[1];
  if (salutation && ctx.recipients.filter((r) => r.field === 'to').length === 1) {
    const t = fromTitle(salutation);
    if (t) return t;
  }
  return 'unknown';
}

/** Senior enough to be "the responsible director" (tower-hamlets 5.6) or a CLT member (7.4(i)). */
export function isDirectorLevel(standing: Standing): boolean {
  return standing === 'senior' || standing === 'chief-executive' || standing === 'monitoring-officer' || standing === 'clerk';
}
