/**
 * Elections from Democracy Club's EveryElection API (`/api/elections/?organisation_identifier=…`
 * or `?current=1`): a page `{"count", "next", "results": [election, …]}` or a list of them.
 * Each ballot has an `election_id` such as `local.sefton.ainsdale.by.2026-07-16` (a by-election:
 * `.by.`), `poll_open_date`, `division.name` (the ward), `organisation.official_name`,
 * `election_type.election_type` and `cancelled`. Ballots of one scheduled poll become one
 * election for the whole council; each by-election keeps its ward.
 */
import { InputError } from './text-input.ts';

export type ElectionType = 'local' | 'pcc' | 'mayoral' | 'senedd' | 'scottish-parliament' | 'northern-ireland-assembly' | 'gla' | 'uk-parliament' | 'referendum';

export interface ImportedElection {
  name: string;
  pollingDay: string;
  type: ElectionType;
  wards?: string[];
  /** The EveryElection ids it came from, for messages. */
  ids: string[];
}

// EveryElection's election type codes (its election_type table) to the policy's types.
const TYPES: Record<string, ElectionType> = {
  local: 'local',
  pcc: 'pcc',
  mayor: 'mayoral',
  senedd: 'senedd',
  naw: 'senedd',
  sp: 'scottish-parliament',
  nia: 'northern-ireland-assembly',
  gla: 'gla',
  parl: 'uk-parliament',
  ref: 'referendum',
};

const TYPE_NAMES: Record<ElectionType, string> = {
  local: 'Local elections',
  pcc: 'Police and Crime Commissioner election',
  mayoral: 'Mayoral election',
  senedd: 'Senedd election',
  'scottish-parliament': 'Scottish Parliament election',
  'northern-ireland-assembly': 'Northern Ireland Assembly election',
  gla: 'Greater London Authority election',
  'uk-parliament': 'UK Parliament election',
  referendum: 'Referendum',
};

const NATIONS: Record<string, string> = { ENG: 'england', WLS: 'wales', SCT: 'scotland', NIR: 'northern-ireland' };

interface Ballot {
  election_id?: unknown;
  election_title?: unknown;
  poll_open_date?: unknown;
  group_type?: unknown;
  cancelled?: unknown;
  deleted?: unknown;
  division?: { name?: unknown } | null;
  organisation?: { official_name?: unknown; common_name?: unknown; territory_code?: unknown } | null;
  election_type?: { election_type?: unknown } | null;
}

export interface ElectionsImport {
  elections: ImportedElection[];
  /** The organisation's nation, from its territory code, when every ballot agrees. */
  nation?: string;
  notes: string[];
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function importEveryElection(json: unknown, source: string): ElectionsImport {
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as { results?: unknown }).results) ? (json as { results: unknown[] }).results : undefined;
  if (!list) throw new InputError(`${source}: expected Democracy Club's EveryElection response (an object with "results", or a list of elections), got ${Array.isArray(json) ? 'a list' : typeof json}`);
  const notes: string[] = [];
  if (json && !Array.isArray(json) && str((json as { next?: unknown }).next)) {
    notes.push(`${source}: this is one page of a longer answer ("next" is set): fetch the other pages too, or ask with page_size large enough for all`);
  }
  const scheduled = new Map<string, ImportedElection>();
  const out: ImportedElection[] = [];
  const nations = new Set<string>();
  list.forEach((item, i) => {
    const b = item as Ballot;
    const id = str(b?.election_id);
    const at = `${source}: results[${i}]${id ? ` (${id})` : ''}`;
    if (!b || typeof b !== 'object') {
      notes.push(`${at}: not an election object; left out`);
      return;
    }
    if (b.cancelled === true || b.deleted === true) return;
    // Group entries ("local.sefton.2026-05-07") describe the poll; their ballots carry the wards.
    if (b.group_type !== null && b.group_type !== undefined && str(b.group_type) !== '') return;
    const day = str(b.poll_open_date);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      notes.push(`${at}: expected poll_open_date as YYYY-MM-DD, got ${JSON.stringify(b.poll_open_date ?? null)}; left out`);
      return;
    }
    const code = str(b.election_type?.election_type) || id.split('.')[0] || 'local';
    const type = TYPES[code];
    if (!type) {
      notes.push(`${at}: election type "${code}" is not one the policy knows; left out`);
      return;
    }
    const territory = str(b.organisation?.territory_code);
    if (NATIONS[territory]) nations.add(NATIONS[territory]!);
    const org = str(b.organisation?.official_name) || str(b.organisation?.common_name);
    const ward = str(b.division?.name);
    if (/\.by\./.test(id)) {
      out.push({ name: str(b.election_title) || `${ward || org} by-election`, pollingDay: day, type, ...(ward ? { wards: [ward] } : {}), ids: [id] });
      return;
    }
    const key = `${type}|${org}|${day}`;
    const existing = scheduled.get(key);
    if (existing) existing.ids.push(id);
    else {
      const name = type === 'local' ? `${org ? `${org} ` : ''}elections ${day}` : `${str(b.election_title) || TYPE_NAMES[type]} ${day}`;
      const election: ImportedElection = { name: name.replace(/\s+/g, ' '), pollingDay: day, type, ids: [id] };
      scheduled.set(key, election);
      out.push(election);
    }
  });
  out.sort((a, b) => a.pollingDay.localeCompare(b.pollingDay) || a.name.localeCompare(b.name));
  return { elections: out, ...(nations.size === 1 ? { nation: [...nations][0]! } : {}), notes };
}
