/**
 * `protocol-check policy …`: the monitoring officer's commands (PRODUCT.md, contract 1).
 *
 *   protocol-check policy validate <file>...        every problem, by file and field; exit 0 or 2
 *   protocol-check policy show <file> [--format json] what the policy resolves to, to check by eye
 *   protocol-check policy import …                  a policy from ModernGov, a spreadsheet, a staff export or elections
 *   protocol-check policy map-protocol <file>       proposes the council's own paragraphs for each rule
 *
 * `validate` and `show` live here; `import` and `map-protocol` are their own modules
 * (policy-import.ts, map-protocol.ts). Messages go to stderr, results to stdout, and the exit status is 0 when
 * all is well and 2 when a file has a problem, as for checking drafts.
 */
import { noticeRuleFor } from '../engine/calendar.ts';
import type { ElectionType, Nation, ResolvedElection, ResolvedPolicy } from '../engine/policy.ts';
import { RULES } from '../engine/rules/index.ts';
import { PACK_IDS, RULE_IDS } from '../engine/types.ts';
import { closestMatch } from './closest.ts';
import { loadPolicyFile } from './load.ts';
import type { CliIO } from './main.ts';
import { runMapProtocol } from './map-protocol.ts';
import { runPolicyImport } from './policy-import.ts';
import { PACK_NAMES } from './results.ts';

const EXIT_OK = 0;
const EXIT_PROBLEM = 2;

export const POLICY_USAGE = `Usage: protocol-check policy <command> [options]

Commands for the monitoring officer:
  validate <file>...            check policy files: every problem, by file and field
  show <file> [--format json]   what the policy resolves to: period starts, councillors
                                by ward, which rules cite your own protocol
  import --moderngov <file-or-url> | --csv <file> | --staff-csv <file> [--roles-map <json>]
         | --elections <file> [--into <policy.json>]
                                a policy from the data the council already keeps
  map-protocol <file>           propose, for each rule, the paragraphs of your own
                                protocol (.docx, .pdf or .txt) that say the same thing

Exit status: 0 no problems, 2 a problem with the options or a file.

Examples:
  protocol-check policy validate policy.json
  protocol-check policy show policy.json
  protocol-check policy import --moderngov councillors.xml --into policy.json
`;

const COMMANDS = ['validate', 'show', 'import', 'map-protocol'] as const;

export async function runPolicyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const say = (message: string) => io.stderr.write(`protocol-check policy: ${message}\n`);
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout).write(POLICY_USAGE);
    return command === undefined ? EXIT_PROBLEM : EXIT_OK;
  }
  switch (command) {
    case 'validate':
      return validateCommand(rest, io, say);
    case 'show':
      return showCommand(rest, io, say);
    case 'import':
      return runPolicyImport(rest, io);
    case 'map-protocol':
      return runMapProtocol(rest, io);
    default: {
      const near = closestMatch(command, COMMANDS);
      say(`there is no policy command "${command}"${near ? `; did you mean ${near}?` : ''} The commands are ${COMMANDS.join(', ')}.`);
      return EXIT_PROBLEM;
    }
  }
}

// ---- validate ----

async function validateCommand(argv: readonly string[], io: CliIO, say: (m: string) => void): Promise<number> {
  const files = argv.filter((a) => a !== '--');
  const option = files.find((a) => a.startsWith('-'));
  if (option) {
    say(`validate takes only policy files, not ${option}. For example: protocol-check policy validate policy.json`);
    return EXIT_PROBLEM;
  }
  if (files.length === 0) {
    say('name the policy file to check. For example: protocol-check policy validate policy.json');
    return EXIT_PROBLEM;
  }
  let problem = false;
  for (const file of files) {
    const shown = file.replace(/\\/g, '/');
    const loaded = await loadPolicyFile(resolvePath(io.cwd, file), shown);
    for (const p of loaded.problems) io.stderr.write(`${p.message}\n`);
    if (!loaded.policy || loaded.problems.some((p) => p.fatal)) {
      problem = true;
      io.stdout.write(`${shown}: cannot be used as it is; until it is corrected the add-in uses the embedded default policy\n`);
    } else if (loaded.problems.length > 0) {
      problem = true;
      const n = loaded.problems.length;
      io.stdout.write(`${shown}: ${n} ${n === 1 ? 'problem' : 'problems'}; until corrected, the parts named are left out and the rest is used (${counts(loaded.policy)})\n`);
    } else {
      io.stdout.write(`${shown}: no problems found (${counts(loaded.policy)})\n`);
    }
  }
  return problem ? EXIT_PROBLEM : EXIT_OK;
}

function resolvePath(cwd: string, file: string): string {
  return /^(?:[A-Za-z]:)?[\\/]/.test(file) ? file : `${cwd.replace(/(?<![\\/])[\\/]+$/, '')}/${file}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function counts(policy: ResolvedPolicy): string {
  return [plural(policy.councillors.length, 'councillor'), plural(policy.officers.length, 'officer'), plural(policy.elections.length, 'election')].join(', ');
}

// ---- show ----

async function showCommand(argv: readonly string[], io: CliIO, say: (m: string) => void): Promise<number> {
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value !== 'text' && value !== 'json') {
        say(`--format must be text or json, not ${value === undefined ? 'nothing' : `"${value}"`}`);
        return EXIT_PROBLEM;
      }
      format = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      say(`show has no option ${arg}; it takes a policy file and --format text or json`);
      return EXIT_PROBLEM;
    } else files.push(arg);
  }
  if (files.length !== 1) {
    say(files.length ? 'show takes one policy file at a time' : 'name the policy file to show. For example: protocol-check policy show policy.json');
    return EXIT_PROBLEM;
  }
  const shown = files[0]!.replace(/\\/g, '/');
  const loaded = await loadPolicyFile(resolvePath(io.cwd, files[0]!), shown);
  for (const p of loaded.problems) io.stderr.write(`${p.message}\n`);
  if (!loaded.policy || loaded.problems.some((p) => p.fatal)) {
    say(`${shown} cannot be used as it is: correct the problems above`);
    return EXIT_PROBLEM;
  }
  if (loaded.problems.length) say(`${shown}: shown without the parts named above`);
  io.stdout.write(format === 'json' ? `${JSON.stringify(loaded.policy, null, 2)}\n` : describePolicy(loaded.policy));
  return loaded.problems.length ? EXIT_PROBLEM : EXIT_OK;
}

const NATION_NAMES: Record<Nation, string> = { england: 'England', wales: 'Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' };
const CALENDAR_NAMES: Record<Nation, string> = { england: 'England and Wales', wales: 'England and Wales', scotland: 'Scottish', 'northern-ireland': 'Northern Irish' };
const TYPE_NAMES: Record<ElectionType, string> = {
  local: 'local',
  pcc: 'Police and Crime Commissioner',
  mayoral: 'mayoral',
  senedd: 'Senedd',
  'scottish-parliament': 'Scottish Parliament',
  'northern-ireland-assembly': 'Northern Ireland Assembly',
  gla: 'Greater London Authority',
  'uk-parliament': 'UK Parliament',
  referendum: 'referendum',
};
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** 6 May 2027, as the house style writes dates. */
export function longDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/** How an election's period start was reached, in words. */
export function describePeriodStart(e: ResolvedElection, nation: Nation): string {
  if (!e.periodStartComputed) return 'given in the policy';
  const rule = noticeRuleFor(e.type, nation);
  if (!rule) return 'computed';
  const out = ['Saturdays and Sundays', `${CALENDAR_NAMES[rule.calendar]} bank holidays`, 'Christmas Eve', 'Good Friday', ...(rule.easterMonday ? ['Easter Monday'] : []), "the policy's nonWorkingDays"];
  return `computed: the latest day for the notice of election, the ${ordinal(rule.workingDays)} working day before polling day, not counting ${out.slice(0, -1).join(', ')} or ${out.at(-1)}`;
}

/** The resolved policy as a monitoring officer reads it. */
export function describePolicy(policy: ResolvedPolicy): string {
  const lines: string[] = [];
  const { council } = policy;
  lines.push(`${council.name} (${policy.source})`);
  lines.push(`Nation: ${NATION_NAMES[council.nation]} (${CALENDAR_NAMES[council.nation]} bank holidays; ${NATION_NAMES[council.nation]}'s notice-of-election rules)`);
  lines.push(`Council email domains: ${council.domains.length ? council.domains.join(', ') : 'none given (no address counts as a council account)'}`);

  // Which rules cite the council's own text, and which cite other councils' protocols.
  lines.push('');
  const own: string[] = [];
  const other: string[] = [];
  for (const rule of RULES) {
    const id = rule.meta.id;
    if (policy.rules[id] === 'off') continue;
    const ownParagraphs = council.ownProtocol?.paragraphs[id];
    if (ownParagraphs?.length) own.push(`${id} (${ownParagraphs.map((p) => p.paragraph).join(', ')})`);
    else if (council.protocol && rule.meta.citations[council.protocol]?.length) own.push(`${id} (${rule.meta.citations[council.protocol]!.map((c) => c.paragraph).join(', ')})`);
    else other.push(id);
  }
  if (council.ownProtocol) {
    lines.push(`Protocol: your own, "${council.ownProtocol.title}" (cited as ${council.ownProtocol.id})`);
  } else if (council.protocol) {
    lines.push(`Protocol: ${PACK_NAMES[council.protocol]} (${council.protocol})`);
  } else {
    lines.push(`Protocol: none named, so findings cite every one of the five protocols (${PACK_IDS.join(', ')})`);
  }
  if (council.ownProtocol || council.protocol) {
    lines.push(`  Rules citing your protocol's paragraphs (${own.length}):`);
    for (const r of own) lines.push(`    ${r}`);
    lines.push(`  Rules citing other councils' protocols as good practice (${other.length}):`);
    for (const r of other) lines.push(`    ${r}`);
  }

  lines.push('');
  lines.push(`Councillors: ${policy.councillors.length}`);
  const byWard = new Map<string, typeof policy.councillors>();
  for (const c of policy.councillors) {
    const ward = c.ward ?? '(no ward given)';
    byWard.set(ward, [...(byWard.get(ward) ?? []), c]);
  }
  for (const [ward, people] of [...byWard].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))) {
    lines.push(`  ${ward} (${people.length}):`);
    for (const c of people) {
      const extra = [c.party, ...(c.roles ?? []), ...(c.personalEmails?.length ? [plural(c.personalEmails.length, 'personal address', 'personal addresses')] : []), ...(c.approvedPersonalEmails?.length ? [`${c.approvedPersonalEmails.length} approved`] : [])].filter(Boolean);
      lines.push(`    ${c.name} <${c.email}>${extra.length ? `: ${extra.join('; ')}` : ''}`);
    }
  }
  const roleCount = new Map<string, number>();
  for (const o of policy.officers) for (const r of o.roles ?? []) roleCount.set(r, (roleCount.get(r) ?? 0) + 1);
  lines.push(`Officers listed: ${policy.officers.length}${roleCount.size ? ` (${[...roleCount].map(([r, n]) => `${r} ${n}`).join(', ')})` : ''}; anyone else at a council domain is an officer too`);
  if (policy.parties.length) lines.push(`Parties: ${policy.parties.map((p) => (p.aliases?.length ? `${p.name} (also ${p.aliases.join(', ')})` : p.name)).join('; ')}`);

  lines.push('');
  if (policy.elections.length === 0) lines.push('Elections: none, so the pre-election publicity rule does not apply');
  else {
    lines.push('Elections:');
    for (const e of [...policy.elections].sort((a, b) => a.pollingDay.localeCompare(b.pollingDay))) {
      const wards = e.wards?.length ? `; wards ${e.wards.join(', ')}` : '';
      lines.push(`  ${e.name} (${TYPE_NAMES[e.type]}${wards}): polling day ${longDate(e.pollingDay)}`);
      lines.push(`    pre-election period from ${longDate(e.periodStart)} to polling day (${describePeriodStart(e, council.nation)})`);
    }
  }

  lines.push('');
  const wh = policy.workingHours;
  lines.push(`Working hours: ${wh.days.map((d) => WEEKDAY_NAMES[d]).join(', ')}, ${wh.start} to ${wh.end}, ${wh.timeZone}`);
  lines.push(`At send time: ${policy.sendTime.mode}`);
  const changed = RULE_IDS.filter((id) => policy.rules[id] !== undefined).map((id) => {
    const s = policy.rules[id]!;
    return `${id} ${s === 'off' ? 'off' : s.severity}`;
  });
  lines.push(`Rules changed: ${changed.length ? changed.join('; ') : 'none (every rule on, at its own severity)'}`);
  const vocabulary = Object.keys(policy.vocabulary);
  if (vocabulary.length) lines.push(`Vocabulary entries changed: ${vocabulary.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
