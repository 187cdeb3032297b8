/**
 * Officers from an address-list export, as Exchange (Get-Recipient … | Export-Csv) and Entra ID
 * (Users → Download users) write it: display name, primary SMTP address or mail, job title and
 * department, under any of their usual headings. Job titles become roles by the table in
 * key-posts.ts, or by an administrator's roles map first. Rows that are not people (rooms,
 * shared mailboxes, groups, when the export says so) are skipped and counted; a row that
 * cannot be used is named by its line.
 */
import { pickColumn, readCsv } from './csv.ts';
import { emailsIn } from './emails.ts';
import { OFFICER_ROLES, officerRolesFromTitle, words, type OfficerRole, type RolesMap } from './key-posts.ts';
import type { ImportedOfficer } from './people.ts';
import { InputError } from './text-input.ts';
import { closestMatch } from '../closest.ts';

export const STAFF_COLUMNS = {
  name: ['displayname', 'name', 'fullname'],
  email: ['primarysmtpaddress', 'mail', 'email', 'emailaddress', 'windowsemailaddress', 'smtpaddress', 'primaryemail', 'emailaddresses'],
  upn: ['userprincipalname', 'upn'],
  title: ['title', 'jobtitle', 'job', 'position'],
  department: ['department', 'dept'],
  type: ['recipienttypedetails', 'recipienttype', 'usertype', 'objecttype'],
  enabled: ['accountenabled', 'blockcredential'],
} as const;

// Exchange's recipient types that are not one person's mailbox.
const NOT_A_PERSON = /^(?:roommailbox|equipmentmailbox|sharedmailbox|schedulingmailbox|mailuniversaldistributiongroup|mailuniversalsecuritygroup|mailnonuniversalgroup|dynamicdistributiongroup|groupmailbox|publicfolder|discoverymailbox|mailcontact|guestmailuser|guest|group)$/i;

export interface StaffImport {
  officers: ImportedOfficer[];
  /** Malformed rows, by line, each a full message. */
  malformed: string[];
  /** Rows skipped on purpose: not people, or councillors' addresses. */
  skipped: { notPeople: number; councillors: number };
  rows: number;
}

/** Read and check a roles map: `{"job title phrase": ["role", …]}`. */
export function parseRolesMap(json: unknown, source: string): Map<string, OfficerRole[]> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new InputError(`${source}: expected an object mapping job-title phrases to lists of roles, such as {"business partner": ["senior"], "web editor": ["comms"]}`);
  }
  const map = new Map<string, OfficerRole[]>();
  for (const [phrase, roles] of Object.entries(json as Record<string, unknown>)) {
    const list = typeof roles === 'string' ? [roles] : roles;
    if (!Array.isArray(list)) throw new InputError(`${source}: "${phrase}": expected a list of roles (${OFFICER_ROLES.join(', ')}), got ${JSON.stringify(roles)}`);
    for (const role of list) {
      if (!(OFFICER_ROLES as readonly string[]).includes(role as string)) {
        const near = typeof role === 'string' ? closestMatch(role, OFFICER_ROLES) : undefined;
        throw new InputError(`${source}: "${phrase}": ${JSON.stringify(role)} is not an officer role${near ? `; did you mean "${near}"?` : ''} (the roles are ${OFFICER_ROLES.join(', ')})`);
      }
    }
    const key = words(phrase).trim();
    if (!key) throw new InputError(`${source}: a phrase of the roles map is empty`);
    map.set(key, OFFICER_ROLES.filter((r) => (list as string[]).includes(r)));
  }
  return map;
}

export function importStaffCsv(text: string, source: string, options: { rolesMap?: RolesMap; councillorEmails?: ReadonlySet<string> } = {}): StaffImport {
  const table = readCsv(text);
  const col = Object.fromEntries(Object.entries(STAFF_COLUMNS).map(([k, keys]) => [k, pickColumn(table, keys)])) as Record<keyof typeof STAFF_COLUMNS, string | undefined>;
  const emailColumn = col.email ?? col.upn;
  if (!col.name || !emailColumn) {
    const missing = [!col.name && 'a display name (DisplayName, displayName or "Display name")', !emailColumn && 'an address (PrimarySmtpAddress, mail or "Email")'].filter(Boolean).join(' and ');
    throw new InputError(`${source}: expected an address-list export with ${missing}, got the columns ${table.headings.map((h) => JSON.stringify(h)).join(', ') || 'none (the file is empty)'}`);
  }
  const malformed = table.problems.map((p) => `${source}:${p.line}: ${p.message}`);
  const officers: ImportedOfficer[] = [];
  const seen = new Map<string, number>();
  const skipped = { notPeople: 0, councillors: 0 };
  const width = table.columns.length;
  // Exports repeat the same few hundred job titles: map each title once.
  const rolesOf = new Map<string, OfficerRole[]>();
  for (const row of table.rows) {
    const at = `${source}:${row.line}`;
    const cell = (k: keyof typeof col) => (col[k] ? (row.cells.get(col[k]!) ?? '').trim() : '');
    if (col.type && NOT_A_PERSON.test(cell('type').replace(/\s+/g, ''))) {
      skipped.notPeople += 1;
      continue;
    }
    if (row.width > width) {
      malformed.push(`${at}: ${row.width} cells where the header has ${width} (a comma inside a value that is not in quotes?); row left out`);
      continue;
    }
    const name = cell('name').replace(/\s+/g, ' ');
    let address = col.email ? cell('email') : '';
    if (!address && col.upn) address = cell('upn');
    const { emails, malformed: bad } = emailsIn(address.replace(/^smtp:/i, ''));
    if (!name) {
      malformed.push(`${at}: no display name${emails[0] ? ` for ${emails[0]}` : ''}; row left out`);
      continue;
    }
    if (name.length > 120) {
      malformed.push(`${at}: the display name is ${name.length} characters long (at most 120): "${name.slice(0, 40)}…"; row left out`);
      continue;
    }
    if (emails.length === 0) {
      malformed.push(`${at}: ${name}: ${bad.length ? `"${bad[0]}" is not an email address` : address ? `"${address}" is not an email address` : 'no email address'}; row left out`);
      continue;
    }
    const email = emails[0]!;
    if (options.councillorEmails?.has(email)) {
      skipped.councillors += 1;
      continue;
    }
    const first = seen.get(email);
    if (first !== undefined) {
      malformed.push(`${at}: ${name}: ${email} is already the address on line ${first}; row left out`);
      continue;
    }
    seen.set(email, row.line);
    const key = `${cell('title')}\u0000${cell('department')}`;
    let roles = rolesOf.get(key);
    if (!roles) rolesOf.set(key, (roles = officerRolesFromTitle(cell('title'), cell('department'), options.rolesMap)));
    officers.push({ name, email, roles: [...roles] });
  }
  return { officers, malformed, skipped, rows: table.rows.length };
}

/** "chief-executive: 1, monitoring-officer: 1, senior: 212, comms: 14, no role: 19,772". */
export function roleTable(officers: readonly ImportedOfficer[]): { role: string; count: number }[] {
  const order: OfficerRole[] = ['chief-executive', 'monitoring-officer', 'senior', 'comms'];
  const rows: { role: string; count: number }[] = order.map((role) => ({ role, count: officers.filter((o) => o.roles.includes(role)).length }));
  rows.push({ role: 'no role', count: officers.filter((o) => o.roles.length === 0).length });
  return rows;
}
