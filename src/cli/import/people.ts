/**
 * Names and the people records every importer produces, before they become policy entries.
 */
import type { CouncillorRole, OfficerRole } from './key-posts.ts';

export interface ImportedCouncillor {
  name: string;
  email: string;
  personalEmails: string[];
  ward?: string;
  party?: string;
  roles: CouncillorRole[];
  /** Where it came from, for messages: "sefton.xml: ward Ainsdale" or "councillors.csv:12". */
  where: string;
}

export interface ImportedOfficer {
  name: string;
  email: string;
  roles: OfficerRole[];
}

/** What an importer tells the administrator: each a line on stderr. */
export type Notes = string[];

// Titles a directory puts before a name, in English and Welsh (Cynghorydd, Cyng.).
const TITLES = /^(?:(?:councillor|cllr|(?:deputy\s+)?(?:lord\s+)?mayor|cynghorydd|cyng|the\s+(?:rt\.?\s+)?(?:hon|worshipful)|rt\.?\s+hon|mr|mrs|ms|miss|mx|dr|revd|rev|reverend|prof|professor)\.?\s+)+/i;
// Letters after a name: MBE, OBE, JP, DL and the like, as a run of upper-case words at the end.
// One at a time from the end (a pattern for the whole run would re-read it from every space); the
// match starts at the comma or where the spaces start.
const POSTNOMINAL_AT_END = /(?:,|(?<![,\s]))\s+(?:(?:[A-Z]\.){2,4}|(?:MBE|OBE|CBE|KBE|DBE|BEM|JP|DL|QPM|FRSA|MP|MS|MSP|AM|MLA|PhD|BSc|BA|MA|MSc|LLB|Hons|RN|CC)\.?)$/;

function withoutPostnominals(name: string): string {
  for (let m = POSTNOMINAL_AT_END.exec(name); m; m = POSTNOMINAL_AT_END.exec(name)) name = name.slice(0, m.index);
  return name;
}

/** "Cllr Jane Smith MBE" → "Jane Smith": the name without its title, as the policy wants it. */
export function cleanName(raw: string | undefined): string {
  let name = (raw ?? '').replace(/\s+/g, ' ').trim();
  name = withoutPostnominals(name.replace(TITLES, '')).trim();
  return name;
}

/** "Vacancy", "Vacant seat": a seat with nobody in it. */
export const isVacancy = (name: string): boolean => /^(?:vacan(?:t|cy)|vacant seat|seat vacant)\b/i.test(name);

/** Ward titles that are not a ward: the elected mayor's heading, "No ward". */
export const isNoWard = (ward: string): boolean => /^(?:no ward|none|n\/a|not applicable|mayor|elected mayor|the mayor|borough[- ]wide|council[- ]wide|county[- ]wide|city[- ]wide)$/i.test(ward.trim());
