/**
 * Reading a council's policy.json: JSON syntax, the schema (policy.schema.json, checked with
 * ajv) and the checks a schema cannot express, each problem named by file and field:
 *
 *   policy.json: councillors[3].email: expected an email address, got "jane smith"
 *
 * Every problem is reported, not just the first. Only three are fatal (no policy results, and the
 * caller falls back to the embedded default with a notice): the text is not JSON, the JSON is not
 * an object, or `council.name` is missing or not text. Any other problem drops the smallest
 * broken part (one councillor, one date, one rule setting) and keeps the rest; docs/policy.md
 * lists what is dropped for each kind of problem.
 */
import { addDays, ELECTION_NATIONS, noticeRuleFor, workingDaysBefore } from '../engine/calendar.ts';
import type { ElectionType, Nation, PolicyFile, ResolvedPolicy } from '../engine/policy.ts';
import { PACK_IDS, RULE_IDS } from '../engine/types.ts';
import { closestName } from './closest.ts';
import { LEXICON_ENTRY_IDS, phraseProblem } from '../engine/lexicon/index.ts';
import { parseJson } from './json-syntax.ts';
import { describeJsonKind, jsonKindOf } from './file-kind.ts';
// Compiled from policy.schema.json at build time (scripts/gen-policy-validator.ts): no schema is compiled at run time.
import { POLICY_SCHEMA as schema, schemaErrors as validate, type SchemaError } from './schema-errors.ts';
import { resolvePolicy } from './resolve.ts';

export interface PolicyProblem {
  /** The file, as given to the loader ("policy.json"). */
  source: string;
  /** Field path in the file: `councillors[3].email`; empty for the file as a whole. */
  path: string;
  /** What was expected and what was found, in plain English. */
  message: string;
  /** True when the policy cannot be used at all. */
  fatal: boolean;
  /** For JSON syntax errors: 1-based line and column. */
  line?: number;
  column?: number;
}

export interface LoadedPolicy {
  policy: ResolvedPolicy | undefined;
  problems: PolicyProblem[];
}

/** One line for the user: `policy.json: councillors[3].email: expected an email address, got "jane smith"`. */
export function formatProblem(p: PolicyProblem): string {
  const where = p.line !== undefined ? `${p.source}:${p.line}:${p.column}` : p.source;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

type Segment = string | number;

// ---- Paths ----

function segmentsOf(instancePath: string): Segment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `['councillors', 3, 'email']` → `councillors[3].email`; odd keys are quoted: `rules["a b"]`. */
export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

function got(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value === '') return 'an empty string';
    if (value.length > 60) return `${value.length.toLocaleString('en-GB')} characters starting ${JSON.stringify(value.slice(0, 40) + '…')}`;
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

// ---- Plain-English messages from schema errors ----

const SEVERITIES = ['error', 'warning', 'info'];
const PACK_EXPECTED = `a protocol pack id (${PACK_IDS.join(', ')}) or your council's own protocol as {"id", "title", "paragraphs"} (see docs/policy.md)`;

type SchemaNode = Record<string, unknown>;

const FORMAT_WORDS: Record<string, string> = {
  email: 'an email address',
  date: 'a date written YYYY-MM-DD, such as 2027-05-06',
  hostname: 'a domain name such as northbridge.gov.uk',
  'iana-time-zone': 'an IANA time zone name such as Europe/London',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'text in double quotes',
  array: 'a list in square brackets',
  object: 'an object in curly brackets',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

function resolveRef(node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    return ((schema as SchemaNode).$defs as Record<string, SchemaNode>)[ref.slice(8)] ?? node;
  }
  return node;
}

/** What a schema node expects, as words: used for missing fields and type mismatches. */
function expectedOf(raw: SchemaNode | undefined): string {
  if (!raw) return 'a value';
  const node = resolveRef(raw);
  if (typeof node.format === 'string') return FORMAT_WORDS[node.format] ?? `a ${node.format}`;
  if (node.pattern && String(node.pattern).includes(':[0-5]')) return 'a 24-hour time written HH:MM, such as 08:00';
  if (node.pattern && String(node.pattern).includes('{43}=')) return 'an X25519 public key as protocol-check audit keygen writes it (44 characters of base64, ending in =)';
  if (node.pattern && String(node.pattern).startsWith('^[a-z0-9]')) return 'a short id of lower-case letters, digits and hyphens, such as ashcombe';
  if (Array.isArray(node.enum)) return oneOf(node.enum as string[]);
  if (node.anyOf) return '"off" or {"severity": "error", "warning" or "info"}';
  if (node.type === 'object' && Array.isArray(node.required) && node.required.length) {
    return `an object with ${(node.required as string[]).map((r) => `"${r}"`).join(' and ')}`;
  }
  if (node.type === 'string' && node.minLength) return 'some text';
  return TYPE_WORDS[String(node.type)] ?? 'a value';
}

function oneOf(values: readonly unknown[]): string {
  const words = values.map((v) => JSON.stringify(v));
  return words.length === 1 ? words[0]! : `one of ${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

interface Drafted {
  segments: Segment[];
  message: string;
}

function describeError(e: SchemaError): Drafted | undefined {
  const segments = segmentsOf(e.instancePath);
  const data = e.data;
  const parent = e.parentSchema as SchemaNode | undefined;
  switch (e.keyword) {
    case 'required': {
      const field = (e.params as { missingProperty: string }).missingProperty;
      const fieldSchema = (parent?.properties as Record<string, SchemaNode> | undefined)?.[field];
      return { segments: [...segments, field], message: `this field is missing; expected ${expectedOf(fieldSchema)}` };
    }
    case 'if':
      // The branch that failed ("then" or "else") says what was wrong.
      return undefined;
    case 'additionalProperties': {
      const field = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((parent?.properties as object | undefined) ?? {});
      const isRules = (segments.length === 1 && segments[0] === 'rules') || formatPath(segments) === 'council.protocol.paragraphs';
      const near = closestName(field, isRules ? RULE_IDS : known);
      const what = isRules ? 'there is no rule with this id' : 'there is no field with this name';
      const hint = near ? `; did you mean ${near}?` : isRules ? '; see docs/rules for the rule ids' : `; the fields here are ${known.join(', ')}`;
      return { segments: [...segments, field], message: what + hint };
    }
    case 'type': {
      if (formatPath(segments) === 'council.protocol') return { segments, message: `expected ${PACK_EXPECTED}, got ${got(data)}` };
      const types = ([] as string[]).concat((e.params as { type: string | string[] }).type);
      return { segments, message: `expected ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, got ${got(data)}` };
    }
    case 'format':
    case 'pattern':
      return { segments, message: `expected ${expectedOf(parent)}, got ${got(data)}` };
    case 'enum': {
      const values = (e.params as { allowedValues: string[] }).allowedValues;
      const near = typeof data === 'string' ? closestName(data, values) : undefined;
      const isPack = segments.join('.') === 'council.protocol';
      // Ids (a pack) are named bare; fixed values are quoted as they are written in the file.
      const hint = near ? `; did you mean ${isPack ? near : JSON.stringify(near)}?` : '';
      const expected = isPack ? PACK_EXPECTED : oneOf(values);
      return { segments, message: `expected ${expected}, got ${got(data)}${hint}` };
    }
    case 'anyOf': {
      if (segments[0] === 'vocabulary') return { segments, message: `expected "off" or {"add": [phrases], "ignore": [phrases]}, got ${got(data)}` };
      // A rule setting with a misspelt severity: name the severity, quote it and suggest the nearest.
      const setting = data as Record<string, unknown> | undefined;
      if (segments[0] === 'rules' && setting && typeof setting === 'object' && !Array.isArray(setting) && Object.keys(setting).join() === 'severity') {
        const near = typeof setting.severity === 'string' ? closestName(setting.severity, SEVERITIES) : undefined;
        return { segments: [...segments, 'severity'], message: `expected ${oneOf(SEVERITIES)}, got ${got(setting.severity)}${near ? `; did you mean ${JSON.stringify(near)}?` : ''}` };
      }
      return { segments, message: `expected ${expectedOf(parent)}, got ${got(data)}` };
    }
    case 'maxLength': {
      const limit = (e.params as { limit: number }).limit;
      const what = formatPath(segments) === 'council.name' ? 'it is cut to that length' : 'it is left out';
      return { segments, message: `expected at most ${limit} characters, got ${got(data)}; ${what}` };
    }
    case 'minLength':
      return { segments, message: `expected some text, got ${got(data)}` };
    case 'minItems':
      return { segments, message: `expected at least one entry, got an empty list` };
    case 'minimum':
    case 'maximum':
      return segments.includes('days')
        ? { segments, message: `expected a weekday number from 1 (Monday) to 7 (Sunday), got ${got(data)}` }
        : { segments, message: `expected a number ${e.keyword === 'minimum' ? 'of at least' : 'of at most'} ${(e.params as { limit: number }).limit}, got ${got(data)}` };
    case 'uniqueItems': {
      const { i, j } = e.params as { i: number; j: number };
      const list = data as unknown[];
      return { segments: [...segments, i], message: `${got(list[i])} is listed twice (also at [${j}]); each entry once is enough` };
    }
    default:
      return { segments, message: `${e.message ?? 'not as expected'}, got ${got(data)}` };
  }
}

// ---- Dropping the broken part ----

/**
 * The part to drop for a problem at `segments`: the innermost list entry on the path (one
 * councillor, one date, one role), else the field itself (a bad `workingHours.start` falls back
 * to the default). `undefined` when nothing can be dropped and the policy is unusable.
 */
function partToDrop(segments: readonly Segment[]): Segment[] | undefined {
  for (let k = segments.length - 1; k >= 0; k--) {
    if (typeof segments[k] === 'number') return segments.slice(0, k + 1);
  }
  if (segments.length === 0) return undefined;
  // council.name holds the policy together; council as a whole too.
  if (segments[0] === 'council' && (segments.length === 1 || segments[1] === 'name')) return undefined;
  return [...segments];
}

const DROPPED = Symbol('dropped');

function markDropped(root: Record<string, unknown>, path: readonly Segment[]): void {
  let node: unknown = root;
  for (let k = 0; k < path.length - 1; k++) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string | number, unknown>)[path[k]!];
  }
  if (node === null || typeof node !== 'object') return;
  const last = path[path.length - 1]!;
  if (Array.isArray(node) && typeof last === 'number') node[last] = DROPPED;
  else delete (node as Record<string | number, unknown>)[last];
}

function sweep(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== DROPPED).map(sweep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sweep(v)]));
  return value;
}

// ---- Checks a schema cannot express ----

const live = <T>(list: readonly T[] | undefined): [T, number][] =>
  (list ?? []).flatMap((v, i) => (v && typeof v === 'object' ? [[v, i] as [T, number]] : []));

function semanticProblems(root: Record<string, unknown>): Drafted[] {
  const file = root as unknown as PolicyFile;
  const out: Drafted[] = [];
  const nation: Nation = file.council?.nation ?? 'england';
  for (const [e, i] of live(file.elections)) {
    const type: ElectionType = e.type ?? 'local';
    if (!ELECTION_NATIONS[type].includes(nation)) {
      out.push({
        segments: ['elections', i, 'type'],
        message: `a ${TYPE_NAMES[type]} is not held in ${NATION_NAMES[nation]} (council.nation is "${nation}"); the period start is computed as for a local election there. Check council.nation or the type`,
      });
    }
    if (!e.periodStart && e.pollingDay && !noticeRuleFor(ELECTION_NATIONS[type].includes(nation) ? type : 'local', nation)) {
      out.push({ segments: ['elections', i, 'periodStart'], message: missingStartMessage(type, e.pollingDay, nation) });
    }
    if (e.periodStart && e.pollingDay && e.periodStart > e.pollingDay) {
      out.push({
        segments: ['elections', i, 'periodStart'],
        message: `expected a date on or before polling day (${e.pollingDay}), got "${e.periodStart}"; the period start will be computed instead`,
      });
    }
  }
  // audit.requireReasonFor names rule ids or severities (contract 8).
  const requireReasonFor = (file as { audit?: { requireReasonFor?: unknown } }).audit?.requireReasonFor;
  if (Array.isArray(requireReasonFor)) {
    const known = [...RULE_IDS, 'error', 'warning', 'info'];
    requireReasonFor.forEach((id, i) => {
      if (typeof id !== 'string' || known.includes(id)) return;
      const near = closestName(id, known);
      out.push({ segments: ['audit', 'requireReasonFor', i], message: `there is no rule or severity called "${id}"${near ? `; did you mean ${near}?` : '; give a rule id (see docs/rules) or error, warning or info'}` });
    });
  }
  const own = file.council?.protocol;
  if (own && typeof own === 'object' && typeof own.id === 'string' && (PACK_IDS as readonly string[]).includes(own.id)) {
    out.push({
      segments: ['council', 'protocol', 'id'],
      message: `"${own.id}" is one of the five packs: give your own protocol an id of its own (such as your council's name), or write "protocol": "${own.id}" to cite that pack; every pack is cited`,
    });
  }
  const seen = new Map<string, number>();
  for (const [c, i] of live(file.councillors)) {
    const key = typeof c.email === 'string' ? c.email.trim().toLowerCase() : '';
    if (!key) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push({ segments: ['councillors', i, 'email'], message: `"${c.email}" is already the address of councillors[${first}]; this entry is left out` });
    } else seen.set(key, i);
  }
  // vocabulary: entry ids must name a lexicon entry; added phrases must be readable.
  const vocabulary = root.vocabulary;
  if (vocabulary && typeof vocabulary === 'object' && !Array.isArray(vocabulary)) {
    for (const [id, setting] of Object.entries(vocabulary as Record<string, unknown>)) {
      if (!LEXICON_ENTRY_IDS.includes(id)) {
        const near = closestName(id, LEXICON_ENTRY_IDS);
        out.push({ segments: ['vocabulary', id], message: `there is no vocabulary entry with this id${near ? `; did you mean ${near}?` : '; docs/vocabulary.md lists the entry ids'}` });
        continue;
      }
      if (!setting || typeof setting !== 'object') continue;
      for (const key of ['add', 'ignore'] as const) {
        const list = (setting as Record<string, unknown>)[key];
        if (!Array.isArray(list)) continue;
        list.forEach((phrase, i) => {
          const problem = typeof phrase === 'string' ? phraseProblem(phrase) : undefined;
          if (problem) out.push({ segments: ['vocabulary', id, key, i], message: `expected a phrase in the vocabulary's shorthand, got ${got(phrase)} (${problem}); this phrase is left out` });
        });
      }
    }
  }
  const wh = file.workingHours;
  if (wh?.start && wh.end && /^\d\d:\d\d$/.test(wh.start) && /^\d\d:\d\d$/.test(wh.end) && wh.end <= wh.start) {
    out.push({ segments: ['workingHours', 'end'], message: `expected a time after the start (${wh.start}), got "${wh.end}"; the default working hours are used` });
  }
  return out;
}

const NATION_NAMES: Record<Nation, string> = { england: 'England', wales: 'Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' };

const TYPE_NAMES: Record<ElectionType, string> = {
  local: 'local election',
  pcc: 'Police and Crime Commissioner election',
  mayoral: 'mayoral election',
  senedd: 'Senedd election',
  'scottish-parliament': 'Scottish Parliament election',
  'northern-ireland-assembly': 'Northern Ireland Assembly election',
  gla: 'Greater London Authority election',
  'uk-parliament': 'UK Parliament election',
  referendum: 'referendum',
};

const longDate = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Why an election needs its own periodStart, and the dates the law does give, as a hint. */
function missingStartMessage(type: ElectionType, pollingDay: string, nation: Nation): string {
  const known = /^\d{4}-\d{2}-\d{2}$/.test(pollingDay);
  if (type === 'uk-parliament') {
    // Notice of a UK Parliament election: 22 working days before the poll (Representation of the People Act 1983, Sch. 1 r. 1; as Democracy Club's uk-election-timetables counts it).
    const notice = known ? `; the notice of election is due by ${longDate(workingDaysBefore(pollingDay, 22, { calendar: nation, easterMonday: false }))} at the latest` : '';
    return `this field is missing: a UK Parliament election's pre-election period starts when Parliament is dissolved, which polling day does not tell. Give the date of dissolution as periodStart${notice}. This election is left out until then`;
  }
  // Referendums: PPERA 2000 s.125 bars council publicity on the question in the 28 days before the poll; the period itself is set for each referendum.
  const restricted = known ? ` (the 28 days of restricted publicity begin on ${longDate(addDays(pollingDay, -28))})` : '';
  return `this field is missing: a referendum's pre-election period is set for each referendum and cannot be computed from polling day${restricted}. Give its first day as periodStart. This election is left out until then`;
}

/** Where a semantic problem leaves the policy: what to drop so the rest still works. */
function semanticDrop(d: Drafted): Segment[] {
  if (d.segments[0] === 'workingHours') return ['workingHours'];
  if (d.segments[0] === 'elections' && d.segments[2] === 'periodStart' && d.message.startsWith('this field is missing')) return d.segments.slice(0, 2);
  if (d.segments[0] === 'council') return ['council', 'protocol'];
  if (d.segments[0] === 'councillors') return d.segments.slice(0, 2);
  if (d.segments[0] === 'vocabulary') return [...d.segments];
  return [...d.segments]; // elections[i].periodStart: computed instead
}

// ---- Entry points ----

/**
 * @summary Validate a parsed policy.json and resolve it, reporting every problem.
 * @returns the resolved policy (undefined when a fatal problem leaves nothing usable) and the problems.
 */
export function loadPolicy(json: unknown, source: string): LoadedPolicy {
  const problems: PolicyProblem[] = [];
  const fatal = (message: string, path = ''): LoadedPolicy => ({ policy: undefined, problems: [...problems, { source, path, message, fatal: true }] });
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return fatal(`expected a policy: an object in curly brackets with at least "council", got ${got(json)}`);
  }
  const kind = jsonKindOf(json);
  if (kind !== 'policy' && kind !== 'unknown') return fatal(describeJsonKind(kind, 'policy'));
  // A policy is JSON, so a JSON round trip copies it exactly; structuredClone is missing from
  // the JavaScript-only runtime classic Outlook on Windows runs event handlers in.
  const copy = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
  const errors = validate(copy);
  // anyOf explains itself once; the errors of its branches would only repeat it.
  const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const reported = errors.filter((e) => !e.schemaPath.includes('/anyOf/') && (e.keyword === 'anyOf' || !anyOfAt.has(e.instancePath)));
  const drops: Segment[][] = [];
  let unusable = false;
  const seenLines = new Set<string>();
  for (const e of reported) {
    const drafted = describeError(e);
    if (!drafted) continue;
    const path = formatPath(drafted.segments);
    const key = `${path}\u0000${drafted.message}`;
    if (seenLines.has(key)) continue;
    seenLines.add(key);
    if (e.keyword === 'maxLength' && path === 'council.name') {
      // The name holds the policy together: cut it to the limit rather than lose the policy.
      const council = copy.council as Record<string, unknown>;
      council.name = String(council.name).slice(0, (e.params as { limit: number }).limit);
      problems.push({ source, path, message: drafted.message, fatal: false });
      continue;
    }
    // Text over its limit: that text goes (a required name then takes its entry with it).
    const drop = e.keyword === 'maxLength' ? [...drafted.segments] : partToDrop(e.keyword === 'required' ? segmentsOf(e.instancePath) : drafted.segments);
    const isFatal = drop === undefined;
    unusable ||= isFatal;
    if (drop) drops.push(drop);
    problems.push({ source, path, message: drafted.message, fatal: isFatal });
  }
  if (unusable) return { policy: undefined, problems };
  for (const drop of drops) markDropped(copy, drop);
  // Checks across fields run on what survived the schema (dropped entries are skipped but keep
  // their places, so the paths still match the file), and each problem is told once.
  for (const d of semanticProblems(copy)) {
    problems.push({ source, path: formatPath(d.segments), message: d.message, fatal: false });
    markDropped(copy, semanticDrop(d));
  }
  let cleaned = sweep(copy) as PolicyFile;
  // Dropping a part can leave another broken (the only weekday dropped leaves an empty list):
  // drop those too, silently, since the problem that caused them has been told.
  for (let pass = 0; pass < 3; pass++) {
    const left = validate(cleaned).filter((e) => !e.schemaPath.includes('/anyOf/'));
    if (!left.length) break;
    const targets = left.map((e) => partToDrop(e.keyword === 'required' ? segmentsOf(e.instancePath) : (describeError(e)?.segments ?? segmentsOf(e.instancePath))));
    if (targets.some((t) => t === undefined) || pass === 2) {
      return { policy: undefined, problems: [...problems, { source, path: '', message: 'the policy could not be repaired; fix the problems above', fatal: true }] };
    }
    for (const t of targets) markDropped(cleaned as unknown as Record<string, unknown>, t!);
    cleaned = sweep(cleaned) as PolicyFile;
  }
  return { policy: resolvePolicy(cleaned, source), problems };
}

/** Parse and load the text of a policy.json; a JSON syntax error names the line and column. */
export function parsePolicyText(text: string, source: string): LoadedPolicy {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { policy: undefined, problems: [{ source, path: '', message: `the file cannot be read as JSON: ${message}`, fatal: true, line, column }] };
  }
  return loadPolicy(parsed.value, source);
}

/** The ids a policy may name, for editors and messages. */
export const KNOWN_RULE_IDS: readonly string[] = RULE_IDS;
export const KNOWN_PACK_IDS: readonly string[] = PACK_IDS;
