/**
 * Command-line options for `protocol-check` (PRODUCT.md, contract 1). Parsing is pure: it
 * returns the options or throws a UsageError whose message says what was wrong and what to
 * type instead.
 */
import { closestMatch } from './closest.ts';
import { PROGRESS_THRESHOLD } from './progress.ts';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface CliOptions {
  inputs: string[];
  policy?: string;
  now?: Date;
  format: OutputFormat;
  explain?: string;
  help: boolean;
  version: boolean;
  /** False with --no-color; colour also needs a TTY and no NO_COLOR. */
  color: boolean;
  /** False with --no-progress; the bar also needs stderr to be a terminal that the report is not printed to (progress.ts). */
  progress: boolean;
  /** --file-timeout: seconds one file may take to read before it is reported as unreadable. */
  fileTimeoutSeconds?: number;
}

/** Bad usage: exit 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const VALUE_OPTIONS = ['--policy', '--now', '--format', '--explain', '--file-timeout'] as const;
const FLAG_OPTIONS = ['--help', '--version', '--no-color', '--no-progress'] as const;
const SHORT_ALIASES: Record<string, string> = { '-h': '--help', '-v': '--version' };
export const KNOWN_OPTIONS: readonly string[] = [...VALUE_OPTIONS, ...FLAG_OPTIONS];

const WHAT_VALUE: Record<(typeof VALUE_OPTIONS)[number], string> = {
  '--policy': 'the name of a policy file, for example --policy policy.json',
  '--now': 'a date and time in ISO 8601, for example --now 2027-04-12T09:30:00+01:00',
  '--format': 'text, json or sarif, for example --format json',
  '--explain': 'a rule id, for example --explain silent-copy',
  '--file-timeout': 'a number of seconds, for example --file-timeout 60',
};

// ISO 8601 date or date-time, with optional seconds, fraction and offset.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { inputs: [], format: 'text', help: false, version: false, color: true, progress: true };
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyInputs || !arg.startsWith('-') || arg === '-') {
      options.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = SHORT_ALIASES[arg] ?? (eq > 0 ? arg.slice(0, eq) : arg);
    const inlineValue = eq > 0 ? arg.slice(eq + 1) : undefined;
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (inlineValue !== undefined) throw new UsageError(`${name} does not take a value: remove "=${inlineValue}"`);
      if (name === '--help') options.help = true;
      else if (name === '--version') options.version = true;
      else if (name === '--no-progress') options.progress = false;
      else options.color = false;
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      const suggestion = closestMatch(name.replace(/^-+/, '--'), KNOWN_OPTIONS);
      throw new UsageError(
        `unknown option ${name}${suggestion ? `. Did you mean ${suggestion}?` : ''} Run protocol-check --help to see the options.`,
      );
    }
    const option = name as (typeof VALUE_OPTIONS)[number];
    let value = inlineValue;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`${option} needs a value: ${WHAT_VALUE[option]}`);
      }
      value = next;
      i++;
    }
    if (value === '') throw new UsageError(`${option} needs a value: ${WHAT_VALUE[option]}`);
    switch (option) {
      case '--policy':
        options.policy = value;
        break;
      case '--explain':
        options.explain = value;
        break;
      case '--format': {
        if (!(FORMATS as readonly string[]).includes(value)) {
          throw new UsageError(`--format must be text, json or sarif, not "${value}"`);
        }
        options.format = value as OutputFormat;
        break;
      }
      case '--file-timeout': {
        const secs = Number(value);
        if (!/^\d+(?:\.\d+)?$/.test(value) || !(secs >= 1 && secs <= 3600)) {
          throw new UsageError(`--file-timeout must be a number of seconds from 1 to 3600, not "${value.slice(0, 40)}"`);
        }
        options.fileTimeoutSeconds = secs;
        break;
      }
      case '--now': {
        const when = new Date(value);
        if (!ISO_8601.test(value) || Number.isNaN(when.getTime())) {
          throw new UsageError(`--now must be a date and time in ISO 8601, like 2027-04-12T09:30:00+01:00, not "${value}"`);
        }
        options.now = when;
        break;
      }
    }
  }
  return options;
}

export const USAGE = `Usage: protocol-check [options] <file|folder>...

Checks email drafts (.eml, .msg) and draft objects (.json) against the council's
Member/Officer Relations Protocol. A folder is searched for those files.

Options:
  --policy <file>       the council's policy file (default: the embedded
                        default policy)
  --now <ISO 8601>      the moment of sending (default: the draft's Date,
                        else now)
  --format <format>     text, json or sarif (default: text)
  --explain <rule-id>   show the documentation for a rule
  --file-timeout <s>    give up on a file that takes longer than this many
                        seconds to read, and report it as unreadable
                        (default: 30)
  --no-color            do not colour the text output
  --no-progress         do not show a progress bar (shown on stderr for more
                        than ${PROGRESS_THRESHOLD} files when the report goes to a file or pipe)
  --help                show this help
  --version             show the version number

Exit status: 0 no error findings, 1 some error finding, 2 a problem with the
options, the policy or an input file (the other files are still checked).

Examples:
  protocol-check samples/drafts
  protocol-check --policy policy.json --format json drafts/reply.eml
  protocol-check --explain silent-copy

Commands for the monitoring officer:
  protocol-check policy validate|show|import|map-protocol
                        check, show or build the council's policy file
                        (protocol-check policy --help)
  protocol-check audit [options] <folder|file>...
                        a report on exported mail: what the rules find, and
                        what was sent anyway (protocol-check audit --help)
  protocol-check audit keygen
                        the key pair for the records sealed on sending
`;
