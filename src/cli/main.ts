/**
 * `protocol-check`: check drafts against the council's Member/Officer Relations Protocol
 * (PRODUCT.md, contract 1). Results go to stdout, messages to stderr; the exit status is 0
 * with no error findings, 1 with some, and 2 when the options, the policy or an input file
 * had a problem (every other file is still checked and reported).
 *
 * `runCli` takes its streams, environment and rule set as arguments so that tests can run it
 * with a fixed set of rules; bin/protocol-check.js passes the real process.
 *
 * This module reads the arguments and nothing more: each command (checking drafts, --explain,
 * policy, audit) is imported only when it is asked for, so that `--help` and `--version` answer
 * without loading the engine, the mail readers or the policy validator.
 */
import { fileURLToPath } from 'node:url';
import type { Rule } from '../engine/rule.ts';
import { parseArgs, USAGE, UsageError } from './args.ts';
import { EXIT_OK, EXIT_PROBLEM } from './exit-status.ts';
import { packageVersion } from './package-version.ts';

export { EXIT_ERROR_FINDINGS, EXIT_OK, EXIT_PROBLEM } from './exit-status.ts';
export { packageVersion } from './package-version.ts';

export interface CliStream {
  /** Returns false, as a Node stream does, when the text is waiting for a slow reader. */
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width, for the progress bar. */
  columns?: number;
  /** A Node stream's: 'drain' says a slow reader has caught up. */
  once?(event: 'drain', listener: () => void): unknown;
}

export interface CliIO {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface CliDeps {
  /** The rules to run (default: every rule in the catalogue). */
  rules?: readonly Rule[];
  /** Where the rule pages live (default: docs/rules/ in this package). */
  docsDir?: string;
}

const DEFAULT_DOCS_DIR = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

export async function runCli(argv: readonly string[], io: CliIO, deps: CliDeps = {}): Promise<number> {
  // `protocol-check policy …`: the monitoring officer's commands (a folder named policy: ./policy).
  if (argv[0] === 'policy') return (await import('./policy-command.ts')).runPolicyCommand(argv.slice(1), io);
  // `protocol-check audit …`: the monitoring officer's report on overrides (audit-command.ts).
  if (argv[0] === 'audit') return (await import('./audit-command.ts')).runAuditCommand(argv.slice(1), io);
  const say = (message: string) => io.stderr.write(`protocol-check: ${message}\n`);
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(error.message);
    return EXIT_PROBLEM;
  }
  if (options.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const docsDir = deps.docsDir ?? DEFAULT_DOCS_DIR;
  if (options.explain !== undefined) {
    const outcome = await (await import('./explain.ts')).explainRule(options.explain, docsDir);
    if (!outcome.ok) {
      say(outcome.message);
      return EXIT_PROBLEM;
    }
    io.stdout.write(outcome.text.endsWith('\n') ? outcome.text : `${outcome.text}\n`);
    return EXIT_OK;
  }
  if (options.inputs.length === 0) {
    say('name at least one .eml, .msg or .json file, or a folder of them. For example: protocol-check drafts/');
    io.stderr.write(`\n${USAGE}`);
    return EXIT_PROBLEM;
  }
  return (await import('./check-drafts.ts')).checkDrafts(options, io, { ...(deps.rules ? { rules: deps.rules } : {}), docsDir });
}
