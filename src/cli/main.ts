/**
 * `protocol-check`: check drafts against the council's Member/Officer Relations Protocol
 * (PRODUCT.md, contract 1). Results go to stdout, messages to stderr; the exit status is 0
 * with no error findings, 1 with some, and 2 when the options, the policy or an input file
 * had a problem (every other file is still checked and reported).
 *
 * `runCli` takes its streams, environment and rule set as arguments so that tests can run it
 * with a fixed set of rules; bin/protocol-check.js passes the real process.
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, draftDateOr, normaliseDraft } from '../engine/check.ts';
import { maintainedFreeMail } from '../engine/free-mail-full.ts';
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Rule } from '../engine/rule.ts';
import { RULES } from '../engine/rules/index.ts';
import { parseArgs, USAGE, UsageError } from './args.ts';
import { explainRule, readRuleDocs } from './explain.ts';
import { formatJson } from './format-json.ts';
import { formatSarif } from './format-sarif.ts';
import { formatText } from './format-text.ts';
import { expandInputs } from './inputs.ts';
import { IsolatedReader } from './isolated-reader.ts';
import { defaultPolicy, loadPolicyFile } from './load.ts';
import { runAuditCommand } from './audit-command.ts';
import { runPolicyCommand } from './policy-command.ts';
import type { FileResult } from './results.ts';

export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
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

export const EXIT_OK = 0;
export const EXIT_ERROR_FINDINGS = 1;
export const EXIT_PROBLEM = 2;

const DEFAULT_DOCS_DIR = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

export async function runCli(argv: readonly string[], io: CliIO, deps: CliDeps = {}): Promise<number> {
  // `protocol-check policy …`: the monitoring officer's commands (a folder named policy: ./policy).
  if (argv[0] === 'policy') return runPolicyCommand(argv.slice(1), io);
  // `protocol-check audit …`: the monitoring officer's report on overrides (audit-command.ts).
  if (argv[0] === 'audit') return runAuditCommand(argv.slice(1), io);
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
    const outcome = await explainRule(options.explain, docsDir);
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

  // Each file is read in a worker with memory and time limits (isolated-reader.ts); it starts while the policy loads.
  const reader = new IsolatedReader(options.fileTimeoutSeconds ? { timeoutMs: options.fileTimeoutSeconds * 1000 } : {});
  reader.prepare();
  let problem = false;
  let policy: ResolvedPolicy;
  if (options.policy !== undefined) {
    const loaded = await loadPolicyFile(resolvePath(io.cwd, options.policy), options.policy.replace(/\\/g, '/'));
    for (const problem of loaded.problems) say(problem.message);
    if (!loaded.policy || loaded.problems.some((p) => p.fatal)) {
      say('no drafts were checked: correct the policy file and run the command again');
      await reader.close();
      return EXIT_PROBLEM;
    }
    // A problem that is not fatal drops only the broken part (one councillor, one date): the
    // drafts are still checked, and the exit status says the policy needs correcting.
    if (loaded.problems.length > 0) {
      problem = true;
      say('the drafts were checked without the parts of the policy named above');
    }
    policy = loaded.policy;
  } else {
    policy = defaultPolicy();
  }

  const rules = deps.rules ?? RULES;
  const results: FileResult[] = [];
  for (const entry of await expandInputs(options.inputs, io.cwd)) {
    if ('error' in entry) {
      results.push(entry);
      continue;
    }
    try {
      const draft = normaliseDraft(await reader.read(entry.path, entry.file));
      const findings = check(draft, policy, {
        // --now, else the draft's Date:, else the clock (as --help says).
        now: options.now ?? draftDateOr(draft, new Date()),
        freeMail: maintainedFreeMail,
        rules,
        onRuleError(ruleId, error) {
          problem = true;
          say(`${entry.file}: the ${ruleId} rule stopped with an error, so this file was not fully checked: ${(error as Error)?.message ?? String(error)}`);
        },
      });
      results.push({ file: entry.file, findings, body: draft.body, subject: draft.subject, ...(draft.date ? { date: draft.date } : {}) });
    } catch (error) {
      results.push({ file: entry.file, error: (error as Error)?.message ?? String(error) });
    }
  }
  await reader.close();
  for (const result of results) {
    if ('error' in result) {
      problem = true;
      say(`${result.file}: ${result.error}`);
    }
  }

  switch (options.format) {
    case 'json':
      io.stdout.write(formatJson(results));
      break;
    case 'sarif':
      io.stdout.write(formatSarif(results, { rules, policy, version: packageVersion(), docs: await readRuleDocs(docsDir) }));
      break;
    default: {
      const color = options.color && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
      io.stdout.write(formatText(results, { color }));
    }
  }

  if (problem) return EXIT_PROBLEM;
  return results.some((r) => 'findings' in r && r.findings.some((f) => f.severity === 'error')) ? EXIT_ERROR_FINDINGS : EXIT_OK;
}
