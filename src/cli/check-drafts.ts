/**
 * `protocol-check <file|folder>...`: read each draft, check it and print its result before the
 * next file is read, so that memory stays the same on 80 files or 20,000 (the text and JSON
 * reports are written as they go; SARIF keeps only the text it will print). A progress bar is
 * drawn on stderr for a large folder when the report goes to a file or a pipe (progress.ts).
 *
 * Loaded by main.ts only when drafts are to be checked, so that `--help` does not wait for the
 * engine and the mail readers.
 */
import { resolve as resolvePath } from 'node:path';
import { check, draftDateOr, normaliseDraft } from '../engine/check.ts';
import { maintainedFreeMail } from '../engine/free-mail-full.ts';
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Draft } from '../engine/types.ts';
import type { Rule } from '../engine/rule.ts';
import { RULES } from '../engine/rules/index.ts';
import type { CliOptions } from './args.ts';
import { EXIT_ERROR_FINDINGS, EXIT_OK, EXIT_PROBLEM } from './exit-status.ts';
import { readRuleDocs } from './explain.ts';
import { jsonReportWriter } from './format-json.ts';
import { sarifReportWriter } from './format-sarif.ts';
import { textReportWriter } from './format-text.ts';
import { expandInputs, type InputEntry } from './inputs.ts';
import { heapBudget } from './heap-budget.ts';
import { IsolatedReader } from './isolated-reader.ts';
import { defaultPolicy, loadPolicyFile } from './load.ts';
import type { CliIO, CliStream } from './main.ts';
import { packageVersion } from './package-version.ts';
import { createProgressBar, shouldShowProgress } from './progress.ts';
import type { FileResult, ReportWriter } from './results.ts';

export interface CheckDraftsDeps {
  rules?: readonly Rule[];
  docsDir: string;
}

/** Write to stdout, and wait when a slow reader has not taken the last text yet (so it does not pile up here). */
async function writeOut(stream: CliStream, text: string): Promise<void> {
  if (text === '' || stream.write(text) !== false || !stream.once) return;
  await new Promise<void>((resolve) => stream.once!('drain', resolve));
}

async function reportWriter(options: CliOptions, io: CliIO, rules: readonly Rule[], policy: ResolvedPolicy, docsDir: string): Promise<ReportWriter> {
  switch (options.format) {
    case 'json':
      return jsonReportWriter();
    case 'sarif':
      return sarifReportWriter({ rules, policy, version: packageVersion(), docs: await readRuleDocs(docsDir) });
    default:
      return textReportWriter({ color: options.color && io.stdout.isTTY === true && io.env.NO_COLOR === undefined });
  }
}

export async function checkDrafts(options: CliOptions, io: CliIO, deps: CheckDraftsDeps): Promise<number> {
  let say: (message: string) => void = (message) => io.stderr.write(`protocol-check: ${message}\n`);
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
  const writer = await reportWriter(options, io, rules, policy, deps.docsDir);
  const entries = await expandInputs(options.inputs, io.cwd);
  const showProgress = shouldShowProgress({
    stderr: io.stderr,
    env: io.env,
    reportOnTerminal: io.stdout.isTTY === true,
    items: entries.length,
    enabled: options.progress,
  });
  const bar = showProgress ? createProgressBar(io.stderr, { label: 'Checking drafts', total: entries.length, noun: ['file', 'files'] }) : undefined;
  if (bar) say = (message) => bar.note(`protocol-check: ${message}`);

  /** Read one input (in the worker); a file that cannot be read becomes the reason why. */
  const readEntry = (entry: InputEntry): Promise<Draft | { error: string }> =>
    'error' in entry ? Promise.resolve(entry) : reader.read(entry.path, entry.file).catch((error: unknown) => ({ error: (error as Error)?.message ?? String(error) }));

  /** One input's result; a file that cannot be read or checked becomes a result that says why. */
  const checkEntry = async (entry: InputEntry, reading: Promise<Draft | { error: string }>): Promise<FileResult> => {
    if ('error' in entry) return entry;
    try {
      const read = await reading;
      if ('error' in read) return { file: entry.file, error: read.error };
      const draft = normaliseDraft(read);
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
      return { file: entry.file, findings, body: draft.body, subject: draft.subject, ...(draft.date ? { date: draft.date } : {}) };
    } catch (error) {
      return { file: entry.file, error: (error as Error)?.message ?? String(error) };
    }
  };

  let errorFound = false;
  const keepMemoryFlat = heapBudget();
  try {
    // The next file is read while this one is checked: the worker parses as this thread checks.
    let next = entries.length > 0 ? readEntry(entries[0]!) : undefined;
    for (const [i, entry] of entries.entries()) {
      const reading = next!;
      next = i + 1 < entries.length ? readEntry(entries[i + 1]!) : undefined;
      const result = await checkEntry(entry, reading);
      if ('error' in result) {
        problem = true;
        say(`${result.file}: ${result.error}`);
      } else if (result.findings.some((f) => f.severity === 'error')) {
        errorFound = true;
      }
      await writeOut(io.stdout, writer.add(result));
      bar?.update(i + 1);
      keepMemoryFlat();
    }
  } finally {
    bar?.finish();
    await reader.close();
  }
  await writeOut(io.stdout, writer.end());

  if (problem) return EXIT_PROBLEM;
  return errorFound ? EXIT_ERROR_FINDINGS : EXIT_OK;
}
