/**
 * Councillor roles from the posts a directory lists ("Leader of the Council", "Cabinet Member
 * for Housing", "Deputy Lord Mayor", "Leader of the Conservative Group") and officer roles from
 * job titles. Both are tables of phrases matched on whole words, case and punctuation aside:
 * docs for the monitoring officer describe them, and `--roles-map` adds to the officers' one.
 */

export const COUNCILLOR_ROLES = ['leader', 'deputy-leader', 'cabinet', 'chair', 'vice-chair', 'mayor', 'deputy-mayor', 'group-leader', 'opposition-leader'] as const;
export type CouncillorRole = (typeof COUNCILLOR_ROLES)[number];
export const OFFICER_ROLES = ['comms', 'chief-executive', 'monitoring-officer', 'senior'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** Lower case, letters and digits only, single spaces, padded: ` deputy leader of the council `. */
export const words = (text: string): string => ` ${text.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim()} `;

const has = (w: string, phrase: string) => w.includes(` ${phrase} `);

/** Each post on its own: "Chairman of X and Vice-Chairman of Y; Cabinet Member" → three posts. */
function postsOf(text: string): string[] {
  return text
    .split(/;|\)\s*\(|\n|(?<!\s)\s+and\s+(?=(?:the\s+)?(?:deputy|vice|chair|leader|cabinet|executive|portfolio|lord|mayor|member)\b)/i)
    .map((p) => p.replace(/[()]/g, ' ').trim())
    .filter(Boolean);
}

/**
 * "Liberal Democrat - Deputy Leader" → "Liberal Democrat": what comes before the first dash or colon
 * with spaces round it, in a post that is one line and trimmed. (Found with one search from the
 * start of each run of spaces, not by a pattern that retries the rest of the post at every dash.)
 */
function beforeSpacedDash(post: string): string | undefined {
  if (/[\n\r\u2028\u2029]/.test(post)) return undefined;
  const dash = /(?<!\s)\s+[-–—:]\s+(?=\S)/.exec(post);
  return dash && dash.index > 0 ? post.slice(0, dash.index) : undefined;
}

/**
 * The roles a councillor's listed posts give. A post about a political group ("Leader of the
 * Labour Group", "Conservative - Group Leader") makes a group leader, not the council's leader;
 * an assistant, shadow or deputy cabinet member is not in the cabinet.
 */
export function councillorRolesFromPosts(text: string | undefined, party?: string): CouncillorRole[] {
  const roles = new Set<CouncillorRole>();
  for (const post of postsOf(text ?? '')) {
    const w = words(post);
    // "Liberal Democrat - Deputy Leader": a post in the party group, named by the party.
    const partyWords = beforeSpacedDash(post);
    const partyPrefix = partyWords !== undefined && party && words(party).trim().split(' ')[0] === words(partyWords).trim().split(' ')[0];
    const groupPost = has(w, 'group') || Boolean(partyPrefix);
    if (has(w, 'opposition') && has(w, 'leader') && !has(w, 'deputy')) {
      roles.add('opposition-leader');
      roles.add('group-leader');
      continue;
    }
    if (has(w, 'leader')) {
      const deputy = has(w, 'deputy') || has(w, 'vice');
      if (groupPost) {
        if (!deputy) roles.add('group-leader');
      } else if (deputy) roles.add('deputy-leader');
      else roles.add('leader');
    }
    const notInCabinet = has(w, 'assistant') || has(w, 'shadow') || has(w, 'deputy cabinet') || has(w, 'opposition') || has(w, 'spokesperson');
    if (!notInCabinet && (has(w, 'cabinet member') || has(w, 'cabinet lead') || has(w, 'portfolio holder') || has(w, 'executive member') || has(w, 'member of the cabinet') || has(w, 'cabinet'))) {
      roles.add('cabinet');
    }
    if (/ mayor /.test(w) || / mayoress /.test(w)) {
      if (/ deputy (?:lord )?mayor(?:ess)? /.test(w)) roles.add('deputy-mayor');
      else roles.add('mayor');
    }
    if (/ (?:vice|deputy) chair(?:man|woman|person)? /.test(w) || / vicechair(?:man|woman|person)? /.test(w)) roles.add('vice-chair');
    if (/(?<! vice| deputy) chair(?:man|woman|person)? /.test(w)) roles.add('chair');
  }
  return COUNCILLOR_ROLES.filter((r) => roles.has(r));
}

/** Role ids written in a cell ("leader; cabinet"), or posts to read as `councillorRolesFromPosts`. */
export function councillorRolesFromCell(cell: string, party?: string): { roles: CouncillorRole[]; unknown: string[] } {
  const parts = cell.split(/[;,|\n]/).map((p) => p.trim()).filter(Boolean);
  const ids = parts.map((p) => p.toLowerCase().replace(/\s+/g, '-'));
  if (ids.every((id) => (COUNCILLOR_ROLES as readonly string[]).includes(id))) {
    return { roles: COUNCILLOR_ROLES.filter((r) => ids.includes(r)), unknown: [] };
  }
  const roles = new Set<CouncillorRole>();
  const unknown: string[] = [];
  for (const part of parts) {
    const id = part.toLowerCase().replace(/\s+/g, '-');
    const found = (COUNCILLOR_ROLES as readonly string[]).includes(id) ? [id as CouncillorRole] : councillorRolesFromPosts(part, party);
    if (found.length === 0) unknown.push(part);
    for (const r of found) roles.add(r);
  }
  return { roles: COUNCILLOR_ROLES.filter((r) => roles.has(r)), unknown };
}

// ---- Officers: job titles to roles ----

export interface TitleRule {
  /** Phrases of the job title (or department, for comms), lower case, whole words. */
  phrases: string[];
  roles: OfficerRole[];
  /** Phrases that stop this rule: "deputy chief executive" is senior, not the chief executive. */
  unless?: string[];
  /** Also look in the department, not just the title. */
  department?: boolean;
}

/**
 * The documented table (docs: "Officers from a staff export"). Every rule that matches adds
 * its roles; an officer with none of these words has no role.
 */
export const TITLE_RULES: readonly TitleRule[] = [
  { phrases: ['chief executive', 'head of paid service'], roles: ['chief-executive', 'senior'], unless: ['deputy chief executive', 'assistant chief executive', 'to the chief executive', 'office of the chief executive', 'pa to'] },
  { phrases: ['deputy chief executive', 'assistant chief executive'], roles: ['senior'] },
  { phrases: ['monitoring officer'], roles: ['monitoring-officer', 'senior'], unless: ['deputy monitoring officer'] },
  { phrases: ['deputy monitoring officer'], roles: ['senior'] },
  { phrases: ['section 151', 's151', 's 151', 'chief finance officer', 'chief financial officer'], roles: ['senior'] },
  { phrases: ['director', 'assistant director', 'head of service', 'head of'], roles: ['senior'], unless: ['pa to', 'personal assistant to', 'assistant to the director', 'support officer to'] },
  { phrases: ['communications', 'communication', 'comms', 'press', 'media', 'marketing', 'public relations'], roles: ['comms'], department: true },
];

export type RolesMap = ReadonlyMap<string, OfficerRole[]>;

/** The roles a job title (and department) gives: the roles map first, then the table. */
export function officerRolesFromTitle(title: string, department: string, rolesMap?: RolesMap): OfficerRole[] {
  const t = words(title);
  if (rolesMap) {
    for (const [phrase, roles] of rolesMap) if (has(t, phrase)) return [...roles];
  }
  const roles = new Set<OfficerRole>();
  const d = words(department);
  for (const rule of TITLE_RULES) {
    const hit = rule.phrases.some((p) => has(t, p)) || (rule.department === true && rule.phrases.some((p) => has(d, p)));
    if (hit && !(rule.unless ?? []).some((p) => has(t, p))) for (const r of rule.roles) roles.add(r);
  }
  return OFFICER_ROLES.filter((r) => roles.has(r));
}
