/**
 * Putting imported people and elections into a policy: a new one, or an existing one merged so
 * that what the monitoring officer wrote by hand stays (approved addresses, personal addresses
 * they added, any other field), the directory's fields are brought up to date, and what changed
 * is reported person by person.
 */
import type { ImportedElection } from './elections.ts';
import type { ImportedCouncillor, ImportedOfficer } from './people.ts';
import { words } from './key-posts.ts';

type Json = Record<string, unknown>;

export interface MergeReport {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface MergeOptions {
  /** The source gives roles (ModernGov key posts, a roles column): they replace the policy's. */
  replaceRoles: boolean;
  /** People in the policy but not in the import stay (default: they are removed and reported). */
  keepMissing: boolean;
}

const same = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x) => b.includes(x));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const show = (v: readonly string[]) => (v.length ? v.join(', ') : '(none)');
const union = (...lists: readonly string[][]) => [...new Set(lists.flat().map((e) => e.toLowerCase()))];

/** Find the entry for a person: by address first, else by name. */
function matcher(existing: readonly Json[]) {
  const byEmail = new Map<string, number>();
  const byName = new Map<string, number>();
  existing.forEach((e, i) => {
    if (typeof e.email === 'string') byEmail.set(e.email.toLowerCase(), i);
    if (typeof e.name === 'string' && !byName.has(words(e.name))) byName.set(words(e.name), i);
  });
  const used = new Set<number>();
  return {
    find(email: string, name: string): number | undefined {
      const i = byEmail.get(email.toLowerCase()) ?? byName.get(words(name));
      if (i === undefined || used.has(i)) return undefined;
      used.add(i);
      return i;
    },
    unused: () => existing.map((_, i) => i).filter((i) => !used.has(i)),
  };
}

function describeChanges(before: Json, after: Json, fields: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const a = before[f];
    const b = after[f];
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!same(list(a), list(b))) out.push(`${f} ${show(list(a))} → ${show(list(b))}`);
    } else if ((a ?? '') !== (b ?? '')) out.push(`${f} ${a === undefined ? '(none)' : JSON.stringify(a)} → ${b === undefined ? '(none)' : JSON.stringify(b)}`);
  }
  return out;
}

function tidy(entry: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(entry)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0 && k !== 'roles') continue;
    out[k] = v;
  }
  return out;
}

export function mergeCouncillors(existing: readonly Json[], imported: readonly (ImportedCouncillor & { approvedPersonalEmails?: string[] })[], options: MergeOptions): { entries: Json[]; report: MergeReport } {
  const match = matcher(existing);
  const report: MergeReport = { added: [], changed: [], removed: [] };
  const entries: Json[] = [];
  for (const c of imported) {
    const i = match.find(c.email, c.name);
    const before = i === undefined ? undefined : existing[i]!;
    const personal = union(list(before?.personalEmails), c.personalEmails).filter((e) => e !== c.email);
    const approved = union(list(before?.approvedPersonalEmails), c.approvedPersonalEmails ?? []).filter((e) => e !== c.email);
    const roles = options.replaceRoles || !before ? c.roles : list(before.roles);
    const entry = tidy({
      ...(before ?? {}),
      name: c.name,
      email: c.email,
      personalEmails: personal,
      approvedPersonalEmails: approved,
      ward: c.ward ?? (before?.ward as string | undefined),
      party: c.party ?? (before?.party as string | undefined),
      roles,
    });
    entries.push(entry);
    if (!before) report.added.push(`${c.name} <${c.email}>${c.ward ? `, ${c.ward}` : ''}${c.party ? `, ${c.party}` : ''}`);
    else {
      const changes = describeChanges(before, entry, ['name', 'email', 'ward', 'party', 'roles', 'personalEmails']);
      if (changes.length) report.changed.push(`${c.name}: ${changes.join('; ')}`);
    }
  }
  for (const i of match.unused()) {
    const e = existing[i]!;
    if (options.keepMissing) entries.push(e);
    else report.removed.push(`${String(e.name ?? '?')} <${String(e.email ?? '?')}>`);
  }
  return { entries, report };
}

export function mergeOfficers(existing: readonly Json[], imported: readonly ImportedOfficer[], options: MergeOptions): { entries: Json[]; report: MergeReport } {
  const match = matcher(existing);
  const report: MergeReport = { added: [], changed: [], removed: [] };
  const entries: Json[] = [];
  for (const o of imported) {
    const i = match.find(o.email, o.name);
    const before = i === undefined ? undefined : existing[i]!;
    const entry = tidy({ ...(before ?? {}), name: o.name, email: o.email, roles: options.replaceRoles || !before ? o.roles : list(before.roles) });
    entries.push(entry);
    if (!before) report.added.push(`${o.name} <${o.email}>`);
    else {
      const changes = describeChanges(before, entry, ['name', 'email', 'roles']);
      if (changes.length) report.changed.push(`${o.name}: ${changes.join('; ')}`);
    }
  }
  for (const i of match.unused()) {
    const e = existing[i]!;
    if (options.keepMissing) entries.push(e);
    else report.removed.push(`${String(e.name ?? '?')} <${String(e.email ?? '?')}>`);
  }
  return { entries, report };
}

// A councillor's "party" that is no party: not listed among the parties, so that the word
// "independent" in a release is not read as a party label.
const NOT_A_PARTY = /^(?:independent|independents|non[- ]aligned|no party|none|unaligned|vacant)$/i;

/** The policy's parties, with any party a councillor belongs to that it does not list yet. */
export function mergeParties(existing: readonly Json[], partyNames: readonly string[]): { entries: Json[]; added: string[] } {
  const known = new Set(existing.flatMap((p) => [p.name, ...list(p.aliases)]).filter((n): n is string => typeof n === 'string').map((n) => words(n)));
  const entries = [...existing];
  const added: string[] = [];
  for (const name of partyNames) {
    if (!name || NOT_A_PARTY.test(name.trim()) || known.has(words(name))) continue;
    known.add(words(name));
    entries.push({ name });
    added.push(name);
  }
  return { entries, added };
}

/** Elections not in the policy yet (same polling day and wards) are added; those there are kept as written. */
export function mergeElections(existing: readonly Json[], imported: readonly ImportedElection[], withType: boolean): { entries: Json[]; added: string[] } {
  const key = (day: unknown, wards: unknown) => `${String(day)}|${list(wards).map((w) => words(w)).sort().join('|')}`;
  const have = new Set(existing.map((e) => key(e.pollingDay, e.wards)));
  const entries = [...existing];
  const added: string[] = [];
  for (const e of imported) {
    if (have.has(key(e.pollingDay, e.wards))) continue;
    have.add(key(e.pollingDay, e.wards));
    entries.push({ name: e.name, ...(withType && e.type !== 'local' ? { type: e.type } : {}), pollingDay: e.pollingDay, ...(e.wards ? { wards: e.wards } : {}) });
    added.push(`${e.name} (${e.pollingDay}${e.wards ? `, ${e.wards.join(', ')}` : ''})`);
  }
  return { entries, added };
}
