/**
 * Councillors from a spreadsheet: one row per councillor with the columns
 *
 *   name, email, personal email, ward, party, roles
 *
 * (headings in any case and spacing; "full name", "council email", "home email", "division",
 * "political party", "key posts" are read too). `personal email` may hold several addresses
 * separated by `;`; `roles` holds role ids (`leader; cabinet`) or posts as the council writes
 * them ("Leader of the Council"). A row without a usable name or email is named by its line.
 */
import { pickColumn, readCsv } from './csv.ts';
import { emailsIn } from './emails.ts';
import { councillorRolesFromCell } from './key-posts.ts';
import { cleanName, isNoWard, isVacancy, type ImportedCouncillor, type Notes } from './people.ts';
import { InputError } from './text-input.ts';

export const COUNCILLOR_COLUMNS = {
  name: ['name', 'fullname', 'councillor', 'councillorname', 'displayname'],
  email: ['email', 'councilemail', 'emailaddress', 'workemail', 'mail', 'councilemailaddress'],
  personal: ['personalemail', 'personalemails', 'homeemail', 'privateemail', 'otheremail', 'personalemailaddress'],
  approved: ['approvedpersonalemail', 'approvedpersonalemails', 'approvedemail'],
  ward: ['ward', 'division', 'electoraldivision', 'wardname', 'constituency'],
  party: ['party', 'politicalparty', 'group', 'politicalgroup'],
  roles: ['roles', 'role', 'keyposts', 'posts', 'position', 'positions'],
} as const;

export interface CsvCouncillors {
  councillors: (ImportedCouncillor & { approvedPersonalEmails?: string[] })[];
  /** Whether the file has a roles column: without one, roles already in a policy are kept. */
  hasRoles: boolean;
  notes: Notes;
  /** Rows that could not be used, each named in `notes`. */
  leftOut: number;
}

export function importCouncillorCsv(text: string, source: string): CsvCouncillors {
  const table = readCsv(text);
  const col = Object.fromEntries(Object.entries(COUNCILLOR_COLUMNS).map(([k, keys]) => [k, pickColumn(table, keys)])) as Record<keyof typeof COUNCILLOR_COLUMNS, string | undefined>;
  if (!col.name || !col.email) {
    const missing = [!col.name && '"name"', !col.email && '"email"'].filter(Boolean).join(' and ');
    throw new InputError(
      `${source}: expected a header row with at least ${missing} columns (the columns are name, email, personal email, ward, party, roles), got ${table.headings.length ? table.headings.map((h) => JSON.stringify(h)).join(', ') : 'an empty file'}`,
    );
  }
  const notes: Notes = table.problems.map((p) => `${source}:${p.line}: ${p.message}`);
  let leftOut = table.problems.length;
  const councillors: CsvCouncillors['councillors'] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const at = `${source}:${row.line}`;
    const cell = (k: keyof typeof col) => (col[k] ? (row.cells.get(col[k]!) ?? '') : '');
    const name = cleanName(cell('name'));
    if (!name) {
      notes.push(`${at}: no name; row left out`);
      leftOut += 1;
      continue;
    }
    if (isVacancy(name)) continue;
    if (name.length > 120) {
      notes.push(`${at}: the name is ${name.length} characters long (at most 120): "${name.slice(0, 40)}…"; row left out`);
      leftOut += 1;
      continue;
    }
    const { emails, malformed } = emailsIn(cell('email'));
    if (emails.length === 0) {
      const given = cell('email').trim();
      notes.push(`${at}: ${name}: ${malformed.length ? `"${malformed[0]}" is not an email address` : given ? `"${given}" is not an email address` : 'no email address'}; row left out`);
      leftOut += 1;
      continue;
    }
    const email = emails[0]!;
    if (seen.has(email)) {
      notes.push(`${at}: ${name}: ${email} is already the address on line ${seen.get(email)}; row left out`);
      leftOut += 1;
      continue;
    }
    seen.set(email, row.line);
    const personal = emailsIn(cell('personal'));
    for (const bad of personal.malformed) notes.push(`${at}: ${name}: "${bad}" is not an email address; left out`);
    const approved = emailsIn(cell('approved')).emails;
    const ward = cell('ward').trim();
    const party = cell('party').trim();
    const { roles, unknown } = councillorRolesFromCell(cell('roles'), party);
    for (const u of unknown) notes.push(`${at}: ${name}: "${u}" is not a role this import knows (roles: leader, deputy-leader, cabinet, chair, vice-chair, mayor, deputy-mayor, group-leader, opposition-leader); left out`);
    councillors.push({
      name,
      email,
      personalEmails: [...emails.slice(1), ...personal.emails].filter((e) => e !== email),
      ...(approved.length ? { approvedPersonalEmails: approved } : {}),
      ...(ward && !isNoWard(ward) ? { ward } : {}),
      ...(party ? { party } : {}),
      roles,
      where: at,
    });
  }
  return { councillors, hasRoles: Boolean(col.roles), notes, leftOut };
}
