/**
 * `protocol-check policy import`: a council's directory and elections into its policy.
 *
 *   --moderngov <xml file or URL>   councillors from ModernGov's GetCouncillorsByWard
 *   --csv <file>                    councillors from a spreadsheet (name, email, personal email, ward, party, roles)
 *   --staff-csv <file>              officers from an Exchange or Entra ID address-list export
 *   --roles-map <json>              job-title phrases → officer roles, before the built-in table
 *   --elections <json>              elections from Democracy Club's EveryElection API
 *   --into <policy.json>            merge into this policy and write it back (the old one kept as .bak)
 *   --council <name>, --domain <d>  the council's name and email domain, for a new policy
 *   --keep-missing                  keep people the import does not list (default: remove them)
 *
 * The policy JSON goes to stdout (or into the file), every message to stderr. The result is
 * checked with the policy loader before anything is written: an import never leaves a policy
 * that the add-in would reject. Exit status 0; 2 for bad usage, an unreadable input, or rows
 * that were left out (each named by its line; the rest is still imported).
 */
import { rename, writeFile, copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, loadPolicy } from '../policy/load.ts';
import { parseJson } from '../policy/json-syntax.ts';
import schema from '../policy/policy.schema.json' with { type: 'json' };
import { closestMatch } from './closest.ts';
import type { CliIO } from './main.ts';
import { importCouncillorCsv } from './import/councillor-csv.ts';
import { importEveryElection } from './import/elections.ts';
import { mergeCouncillors, mergeElections, mergeOfficers, mergeParties, type MergeReport } from './import/merge.ts';
import { importModernGov, moderngovUrl } from './import/moderngov.ts';
import type { ImportedCouncillor } from './import/people.ts';
import { importStaffCsv, parseRolesMap, roleTable } from './import/staff-csv.ts';
import { InputError, decodeText, readTextInput } from './import/text-input.ts';

export const IMPORT_USAGE = `Usage: protocol-check policy import <sources> [--into policy.json] [options]

Sources (one or more; --moderngov and --csv both give councillors, so use one of them):
  --moderngov <file|URL>   ModernGov's GetCouncillorsByWard XML, saved or fetched
                           (https://<democracy site>/mgWebService.asmx/GetCouncillorsByWard)
  --csv <file>             councillors from a spreadsheet with the columns
                           name, email, personal email, ward, party, roles
  --staff-csv <file>       officers from an Exchange or Entra ID address-list export
                           (display name, primary SMTP address or mail, job title, department)
  --roles-map <json>       job-title phrases to officer roles, tried before the built-in table:
                           {"business partner": ["senior"], "web editor": ["comms"]}
  --elections <json>       Democracy Club's EveryElection answer for the council

Options:
  --into <policy.json>     merge into this policy and write it back (the previous file is kept
                           beside it as policy.json.bak); without it the policy goes to stdout
  --council <name>         the council's name, for a new policy
  --domain <domain>        the council's email domain (repeatable); default: read from the addresses
  --keep-missing           keep councillors and officers the import does not list
  -h, --help               this help
`;

const OPTIONS = {
  moderngov: { type: 'string' },
  csv: { type: 'string' },
  'staff-csv': { type: 'string' },
  'roles-map': { type: 'string' },
  elections: { type: 'string' },
  into: { type: 'string' },
  council: { type: 'string' },
  domain: { type: 'string', multiple: true },
  'keep-missing': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Json = Record<string, unknown>;

/** Does the policy schema (as this checkout has it) know this election or council field? */
function schemaKnows(def: 'election' | 'council', field: string): boolean {
  const s = schema as unknown as { $defs: Record<string, { properties?: object }>; properties: Record<string, { properties?: object }> };
  const props = def === 'election' ? s.$defs.election?.properties : s.properties.council?.properties;
  return Boolean(props && field in props);
}

/** A ModernGov source: a saved file, or (an administrator's own action on the command line) its web address. */
async function readModernGov(given: string, io: CliIO): Promise<{ xml: string; source: string }> {
  if (!/^https?:\/\//i.test(given)) return { xml: await readTextInput(given, io.cwd), source: given };
  let url: string;
  try {
    url = moderngovUrl(given);
  } catch {
    throw new InputError(`${given}: not a web address`);
  }
  io.stderr.write(`protocol-check: fetching ${url}\n`);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(120_000), headers: { accept: 'application/xml, text/xml' } });
  } catch (error) {
    throw new InputError(`${url}: could not be fetched (${(error as Error).message}); save the page from a browser and give the file instead`);
  }
  if (!response.ok) throw new InputError(`${url}: the server answered ${response.status} ${response.statusText}`);
  return { xml: decodeText(new Uint8Array(await response.arrayBuffer())), source: url };
}

async function readJson(file: string, io: CliIO): Promise<unknown> {
  const parsed = parseJson(await readTextInput(file, io.cwd));
  if (!parsed.ok) throw new InputError(`${file}:${parsed.error.line}:${parsed.error.column}: the file cannot be read as JSON: ${parsed.error.message}`);
  return parsed.value;
}

function printReport(io: CliIO, what: string, total: number, report: MergeReport, listAll: boolean): void {
  const say = (s: string) => io.stderr.write(`${s}\n`);
  say(`${what}: ${total} (${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed)`);
  const limit = listAll ? Infinity : 20;
  for (const [label, lines] of [['added', report.added], ['changed', report.changed], ['removed', report.removed]] as const) {
    if (listAll || label !== 'added') {
      for (const line of lines.slice(0, limit)) say(`  ${label}: ${line}`);
      if (lines.length > limit) say(`  … and ${lines.length - limit} more ${label}`);
    }
  }
}

export async function runPolicyImport(argv: readonly string[], io: CliIO): Promise<number> {
  const say = (message: string) => io.stderr.write(`protocol-check: ${message}\n`);
  let values: { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : K extends 'domain' ? string[] : string };
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }) as unknown as { values: typeof values });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = message.match(/Unknown option '(-{1,2}[^']+)'/)?.[1];
    const near = unknown ? closestMatch(unknown.replace(/^-+/, ''), Object.keys(OPTIONS)) : undefined;
    say(unknown ? `there is no option ${unknown}${near ? `; did you mean --${near}?` : ''}` : message.replace(/\.$/, ''));
    io.stderr.write(`\n${IMPORT_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(IMPORT_USAGE);
    return 0;
  }
  if (!values.moderngov && !values.csv && !values['staff-csv'] && !values.elections) {
    say('name what to import: --moderngov, --csv, --staff-csv or --elections');
    io.stderr.write(`\n${IMPORT_USAGE}`);
    return 2;
  }
  if (values.moderngov && values.csv) {
    say('--moderngov and --csv both give the councillors: import one of them');
    return 2;
  }
  if (values['roles-map'] && !values['staff-csv']) {
    say('--roles-map maps officers\' job titles: use it with --staff-csv');
    return 2;
  }
  for (const d of values.domain ?? []) {
    if (!/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(d)) {
      say(`--domain: expected a domain name such as northbridge.gov.uk, got "${d}"`);
      return 2;
    }
  }
  const domains = (values.domain ?? []).map((d) => d.toLowerCase());

  let leftOut = 0;
  try {
    // The policy to merge into, or a new one.
    let base: Json;
    const target = values.into;
    if (target) {
      const existing = await readJson(target, io);
      const loaded = loadPolicy(existing, target);
      if (!loaded.policy) {
        for (const p of loaded.problems) say(formatProblem(p));
        say(`${target} was not changed: correct it (protocol-check policy validate ${target}) and import again`);
        return 2;
      }
      base = structuredClone(existing) as Json;
    } else {
      if (!values.council?.trim()) {
        say('name the council for the new policy, for example --council "Sefton Council" (or merge into an existing policy with --into policy.json)');
        return 2;
      }
      base = { council: { name: values.council.trim() } };
    }
    const council = { ...((base.council as Json | undefined) ?? {}) };
    if (values.council?.trim() && !target) council.name = values.council.trim();
    const notes: string[] = [];
    const reports: { what: string; total: number; report: MergeReport; listAll: boolean }[] = [];
    const added: string[] = [];

    // Councillors.
    let imported: ImportedCouncillor[] | undefined;
    let replaceRoles = true;
    let foundDomains: string[] = [];
    if (values.moderngov) {
      const { xml, source } = await readModernGov(values.moderngov, io);
      const mg = importModernGov(xml, source, domains.length ? domains : ((council.domains as string[] | undefined) ?? []));
      imported = mg.councillors;
      foundDomains = mg.domains;
      notes.push(...mg.notes);
      if (imported.length === 0) throw new InputError(`${source}: the directory lists no councillors with an email address`);
    } else if (values.csv) {
      const csv = importCouncillorCsv(await readTextInput(values.csv, io.cwd), values.csv);
      imported = csv.councillors;
      replaceRoles = csv.hasRoles;
      leftOut += csv.leftOut;
      notes.push(...csv.notes);
      if (imported.length === 0) throw new InputError(`${values.csv}: no councillor could be read from the file`);
    }
    if (imported) {
      const merged = mergeCouncillors((base.councillors as Json[] | undefined) ?? [], imported, { replaceRoles, keepMissing: Boolean(values['keep-missing']) });
      base.councillors = merged.entries;
      reports.push({ what: 'councillors', total: merged.entries.length, report: merged.report, listAll: true });
      const parties = mergeParties((base.parties as Json[] | undefined) ?? [], [...new Set(imported.map((c) => c.party ?? ''))]);
      if (parties.entries.length) base.parties = parties.entries;
      if (parties.added.length) added.push(`parties added: ${parties.added.join(', ')} (add their other names as aliases and their email domains by hand)`);
    }
    const domainSet = [...new Set([...((council.domains as string[] | undefined) ?? []), ...domains, ...foundDomains])];
    if (domainSet.length) council.domains = domainSet;

    // Officers.
    if (values['staff-csv']) {
      const rolesMap = values['roles-map'] ? parseRolesMap(await readJson(values['roles-map'], io), values['roles-map']) : undefined;
      const councillorEmails = new Set(((base.councillors as Json[] | undefined) ?? []).flatMap((c) => [c.email, ...((c.personalEmails as string[] | undefined) ?? [])]).filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase()));
      const started = performance.now();
      const staff = importStaffCsv(await readTextInput(values['staff-csv'], io.cwd), values['staff-csv'], { rolesMap, councillorEmails });
      leftOut += staff.malformed.length;
      for (const m of staff.malformed) notes.push(m);
      if (staff.officers.length === 0) throw new InputError(`${values['staff-csv']}: no officer could be read from the file`);
      const merged = mergeOfficers((base.officers as Json[] | undefined) ?? [], staff.officers, { replaceRoles: true, keepMissing: Boolean(values['keep-missing']) });
      base.officers = merged.entries;
      reports.push({ what: 'officers', total: merged.entries.length, report: merged.report, listAll: false });
      const table = roleTable(staff.officers);
      const width = Math.max(...table.map((r) => r.role.length));
      added.push(
        [
          `officers' roles from ${staff.rows} rows${staff.skipped.notPeople ? ` (${staff.skipped.notPeople} rooms, shared mailboxes and groups skipped)` : ''}${staff.skipped.councillors ? ` (${staff.skipped.councillors} councillors' addresses skipped)` : ''}, read in ${Math.round(performance.now() - started)} ms:`,
          ...table.map((r) => `  ${r.role.padEnd(width)}  ${r.count.toLocaleString('en-GB')}`),
        ].join('\n'),
      );
    }

    // Elections.
    if (values.elections) {
      const ee = importEveryElection(await readJson(values.elections, io), values.elections);
      notes.push(...ee.notes);
      const computable = ee.elections.filter((e) => {
        if (e.type === 'uk-parliament' || e.type === 'referendum') {
          notes.push(`${values.elections}: ${e.name}: the period before a ${e.type === 'referendum' ? 'referendum' : 'UK Parliament election'} cannot be computed from polling day; add it by hand with its periodStart`);
          return false;
        }
        return true;
      });
      const merged = mergeElections((base.elections as Json[] | undefined) ?? [], computable, schemaKnows('election', 'type'));
      base.elections = merged.entries;
      added.push(`elections: ${merged.added.length} added${merged.added.length ? `\n${merged.added.map((a) => `  added: ${a}`).join('\n')}` : ''}`);
      if (ee.nation && ee.nation !== 'england' && !council.nation && schemaKnows('council', 'nation')) {
        council.nation = ee.nation;
        added.push(`council.nation set to "${ee.nation}" (from the elections' territory)`);
      }
    }

    // The council first, as people read a policy.
    const { council: _old, ...rest } = base;
    const policy: Json = { ...(rest.$schema ? { $schema: rest.$schema } : {}), council, ...rest };

    for (const n of notes) say(n);
    for (const r of reports) printReport(io, r.what, r.total, r.report, r.listAll);
    for (const a of added) io.stderr.write(`${a}\n`);

    // Never leave a policy the add-in would reject.
    const source = target ?? 'the imported policy';
    const check = loadPolicy(policy, source);
    if (check.problems.length) {
      for (const p of check.problems) say(formatProblem(p));
      say(target ? `${target} was not changed: the merged policy has the problems above` : 'the imported policy has the problems above; it was not printed');
      return 2;
    }
    const text = `${JSON.stringify(policy, null, 2)}\n`;
    if (target) {
      const path = resolve(io.cwd, target);
      await copyFile(path, `${path}.bak`);
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, text);
      await rename(temp, path);
      say(`${target} written (the previous version is ${target}.bak)`);
    } else {
      io.stdout.write(text);
    }
    if (leftOut > 0) {
      say(`${leftOut} ${leftOut === 1 ? 'row was' : 'rows were'} left out (named above); correct ${leftOut === 1 ? 'it' : 'them'} and import again to add ${leftOut === 1 ? 'it' : 'them'}`);
      return 2;
    }
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      say(error.message);
      if (values.into) say(`${values.into} was not changed`);
      return 2;
    }
    throw error;
  }
}

