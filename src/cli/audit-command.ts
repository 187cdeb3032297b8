/**
 * `protocol-check audit …`: the monitoring officer's report on overrides (issue 12, contract 8).
 *
 *   protocol-check audit keygen [--out <file>]      a key pair: the private key to a file, the public key for the policy
 *   protocol-check audit [--policy <file>] [--key <private key file>] [--format html|json|csv] [--out <file>] <inputs>...
 *
 * The inputs are exported mail: folders of .eml and .msg files, .mbox files and Outlook .pst
 * files (each read one message at a time, never whole). Each message is checked again against
 * the policy and its sealed record, if it has one, is opened with the key. Nothing leaves the machine.
 * Messages go to stderr, the report to stdout or --out; exit 0, or 2 when an option, the
 * policy, the key or an input had a problem (every other message is still counted).
 */
import { constants } from 'node:fs';
import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { check, draftDateOr, normaliseDraft } from '../engine/check.ts';
import { maintainedFreeMail } from '../engine/free-mail-full.ts';
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Draft } from '../engine/types.ts';
import { RULE_IDS } from '../engine/types.ts';
import { formatAuditCsv, formatAuditJson } from '../audit/format.ts';
import { formatAuditHtml } from '../audit/html.ts';
import { stampOf } from '../audit/headers.ts';
import { mboxMessages } from '../audit/mbox.ts';
import { pstMessages } from '../audit/pst.ts';
import { AuditTally } from '../audit/report.ts';
import { decodeKey, generateAuditKeyPair, openStamp, publicKeyOf } from '../audit/seal.ts';
import { IsolatedReader } from './isolated-reader.ts';
import { defaultPolicy, loadPolicyFile } from './load.ts';
import type { CliIO } from './main.ts';
import { createProgressBar, shouldShowProgress } from './progress.ts';

const EXIT_OK = 0;
const EXIT_PROBLEM = 2;

export const AUDIT_USAGE = `Usage: protocol-check audit [options] <folder|file>...
       protocol-check audit keygen [--out <file>]

Reads exported mail (folders of .eml and .msg files, .mbox files, and Outlook
.pst files such as Purview content searches export), checks every message
again against the policy, opens the records that Protocol Checker
sealed on mail that was sent anyway, and writes a report.

Options:
  --policy <file>       the council's policy file (default: the embedded default policy)
  --key <file>          the audit private key file that keygen wrote; without it the
                        records are counted but not opened
  --format <format>     html, json or csv (default: html)
  --out <file>          write the report to this file (default: the screen)
  --file-timeout <s>    give up on a message that takes longer than this to read (default: 30)

keygen writes a new key pair: the private key to --out (default
audit-private-key.txt), which only the monitoring officer keeps, and the public
key to the screen, for "audit": {"publicKey": "…"} in policy.json.

Exit status: 0 the report was written, 2 a problem with the options, the policy,
the key or an input (every other message is still counted).

Examples:
  protocol-check audit keygen --out audit-private-key.txt
  protocol-check audit --policy policy.json --key audit-private-key.txt --out report.html sent-items.mbox
  protocol-check audit --policy policy.json --format csv --out report.csv exports/
  protocol-check audit --policy policy.json --key audit-private-key.txt --out report.html sent-items.pst
`;

const FORMATS = ['html', 'json', 'csv'] as const;
type AuditFormat = (typeof FORMATS)[number];
const MESSAGE_EXTENSIONS = ['.eml', '.msg'];
const DEFAULT_KEY_FILE = 'audit-private-key.txt';

interface AuditOptions {
  inputs: string[];
  policy?: string;
  key?: string;
  format: AuditFormat;
  out?: string;
  fileTimeoutSeconds?: number;
}

class UsageProblem extends Error {}

function parseAuditArgs(argv: readonly string[], allowed: readonly string[]): AuditOptions {
  const options: AuditOptions = { inputs: [], format: 'html' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      options.inputs.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!allowed.includes(name)) throw new UsageProblem(`unknown option ${name}; the options are ${allowed.join(', ')}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageProblem(`${name} needs a value`);
    if (name === '--policy') options.policy = value;
    else if (name === '--key') options.key = value;
    else if (name === '--out') options.out = value;
    else if (name === '--file-timeout') {
      const n = Number(value);
      if (!(n > 0)) throw new UsageProblem(`--file-timeout needs a number of seconds, for example --file-timeout 60, not "${value}"`);
      options.fileTimeoutSeconds = n;
    } else if (name === '--format') {
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageProblem(`--format must be html, json or csv, not "${value}"`);
      options.format = value as AuditFormat;
    }
  }
  return options;
}

/** The private key in a key file: the first line that is 44 characters of base64 (comment lines start with #). */
export function keyFromFileText(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t && !t.startsWith('#') && decodeKey(t)) return t;
  }
  return undefined;
}

export function privateKeyFileText(privateKey: string, publicKey: string, made: Date): string {
  return [
    '# Protocol Checker audit private key. KEEP THIS FILE SAFE AND PRIVATE.',
    '# Anyone who has it can read every override record sealed to the public key below;',
    '# if it is lost, those records cannot be read by anyone. Keep a copy offline (for',
    '# example on an encrypted USB stick in a safe) and never put it beside the add-in.',
    `# Made ${made.toISOString()}. Public key (for "audit": {"publicKey": …} in policy.json):`,
    `# ${publicKey}`,
    privateKey,
    '',
  ].join('\n');
}

async function keygen(argv: readonly string[], io: CliIO, say: (m: string) => void): Promise<number> {
  let options;
  try {
    options = parseAuditArgs(argv, ['--out']);
  } catch (error) {
    say((error as Error).message);
    return EXIT_PROBLEM;
  }
  if (options.inputs.length) {
    say(`keygen takes no file names: use --out ${options.inputs[0]} to say where the private key goes`);
    return EXIT_PROBLEM;
  }
  const shown = options.out ?? DEFAULT_KEY_FILE;
  const path = isAbsolute(shown) ? shown : resolve(io.cwd, shown);
  const keys = generateAuditKeyPair();
  try {
    // Never overwrite: the file may be the only copy of a key that opens a year of records.
    const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    await handle.writeFile(privateKeyFileText(keys.privateKey, keys.publicKey, new Date()));
    await handle.close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    say(code === 'EEXIST' ? `${shown} already exists, and it may be the only copy of a key: choose another name with --out` : `${shown}: the key file cannot be written (${code ?? 'error'})`);
    return EXIT_PROBLEM;
  }
  io.stdout.write(
    `The private key is in ${shown}. Keep that file safe: only the monitoring officer should have it, and without it no record can be read.\n\n` +
      `Put the public key in the council's policy.json:\n\n  "audit": {"publicKey": "${keys.publicKey}"}\n\n` +
      `Then run: protocol-check audit --policy policy.json --key ${shown} <exported mail>\n`,
  );
  return EXIT_OK;
}

/** One thing to read: a message file, an mbox file or a PST file. */
type Source = { kind: 'message' | 'mbox' | 'pst'; file: string; path: string; size: number } | { kind: 'error'; file: string; error: string };

async function looksLikeMbox(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return bytesRead === 5 && buffer.toString('latin1') === 'From ';
  } finally {
    await handle.close();
  }
}

async function sourcesOf(inputs: readonly string[], cwd: string): Promise<Source[]> {
  const out: Source[] = [];
  const visit = async (path: string, shown: string, named: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      out.push({ kind: 'error', file: shown, error: 'there is no file or folder with this name' });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const before = out.length;
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const ext = extname(e.name).toLowerCase();
        if (e.isDirectory() || MESSAGE_EXTENSIONS.includes(ext) || ext === '.mbox' || ext === '.pst') await visit(join(path, e.name), `${withoutTrailingSlashes(shown)}/${e.name}`, false);
      }
      if (named && out.length === before) out.push({ kind: 'error', file: shown, error: 'the folder has no .eml, .msg, .mbox or .pst files in it' });
      return;
    }
    const ext = extname(path).toLowerCase();
    if (ext === '.pst') out.push({ kind: 'pst', file: shown, path, size: info.size });
    else if (MESSAGE_EXTENSIONS.includes(ext)) out.push({ kind: 'message', file: shown, path, size: info.size });
    // An mbox often has no extension (Thunderbird's "Sent"): it is known by its first line.
    else if (ext === '.mbox' || (await looksLikeMbox(path).catch(() => false))) out.push({ kind: 'mbox', file: shown, path, size: info.size });
    else out.push({ kind: 'error', file: shown, error: `expected a .eml, .msg, .mbox or .pst file, or a folder of them${ext ? `, not a ${ext} file` : ''}` });
  };
  for (const input of inputs) await visit(isAbsolute(input) ? input : resolve(cwd, input), input.replace(/\\/g, '/'), true);
  return out;
}

/**
 * The progress bar (src/cli/progress.ts) by bytes read, so that an mbox or PST of unknown
 * message count counts too; nothing is drawn where progress.ts says it would be in the way.
 */
function progressBar(io: CliIO, totalBytes: number, reportOnTerminal: boolean) {
  const bar = shouldShowProgress({ stderr: io.stderr, env: io.env, reportOnTerminal })
    ? createProgressBar(io.stderr, { label: 'Reading the export', total: totalBytes, unit: 'bytes' })
    : undefined;
  return {
    update(bytes: number, messages: number) {
      bar?.update(Math.min(bytes, totalBytes), `${messages.toLocaleString('en-GB')} message${messages === 1 ? '' : 's'}`);
    },
    done() {
      bar?.finish();
    },
  };
}

/** Consecutive identical lines once (a damaged PST folder gives one line for each message it lost). */
function withoutRepeats(lines: readonly string[]): string[] {
  return lines.filter((line, i) => i === 0 || line !== lines[i - 1]);
}

async function loadKey(option: string, io: CliIO, policy: ResolvedPolicy, say: (m: string) => void): Promise<{ key?: string; problem: boolean }> {
  let text: string;
  try {
    text = await readFile(isAbsolute(option) ? option : resolve(io.cwd, option), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    say(`${option}: ${code === 'ENOENT' ? 'there is no key file with this name' : 'the key file cannot be read'}; the records will be counted but not opened`);
    return { problem: true };
  }
  const key = keyFromFileText(text);
  if (!key) {
    say(`${option}: this file holds no audit key (a line of 44 characters of base64, as protocol-check audit keygen writes it); the records will be counted but not opened`);
    return { problem: true };
  }
  const expected = policy.audit?.publicKey;
  if (expected && key === expected) {
    say(`${option}: this is the public key from the policy; the report needs the private key file that keygen wrote`);
    return { problem: true };
  }
  if (expected && publicKeyOf(key) !== expected) say(`${option}: this key does not belong to audit.publicKey in the policy, so records sealed to that key will not open`);
  return { key, problem: false };
}

export async function runAuditCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const say = (message: string) => io.stderr.write(`protocol-check audit: ${message}\n`);
  if (argv[0] === 'keygen') return keygen(argv.slice(1), io, say);
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(AUDIT_USAGE);
    return EXIT_OK;
  }
  let options: AuditOptions;
  try {
    options = parseAuditArgs(argv, ['--policy', '--key', '--format', '--out', '--file-timeout']);
  } catch (error) {
    say((error as Error).message);
    return EXIT_PROBLEM;
  }
  if (!options.inputs.length) {
    say('name the exported mail to report on: a folder of .eml or .msg files, an .mbox file or a .pst file');
    io.stderr.write(`\n${AUDIT_USAGE}`);
    return EXIT_PROBLEM;
  }
  let problem = false;
  let policy: ResolvedPolicy;
  if (options.policy !== undefined) {
    const loaded = await loadPolicyFile(resolve(io.cwd, options.policy), options.policy.replace(/\\/g, '/'));
    for (const p of loaded.problems) say(p.message);
    if (!loaded.policy || loaded.problems.some((p) => p.fatal)) {
      say('no report was made: correct the policy file and run the command again');
      return EXIT_PROBLEM;
    }
    problem ||= loaded.problems.length > 0;
    policy = loaded.policy;
  } else policy = defaultPolicy();
  let key: string | undefined;
  if (options.key !== undefined) {
    const loaded = await loadKey(options.key, io, policy, say);
    key = loaded.key;
    problem ||= loaded.problem;
  }

  const started = Date.now();
  const sources = await sourcesOf(options.inputs, io.cwd);
  const tally = new AuditTally(policy.council.name, RULE_IDS);
  const totalBytes = sources.reduce((n, s) => n + ('size' in s ? s.size : 0), 0);
  const bar = progressBar(io, totalBytes, io.stdout.isTTY === true && options.out === undefined);
  let doneBytes = 0;
  let counted = 0;
  const reader = new IsolatedReader(options.fileTimeoutSeconds ? { timeoutMs: options.fileTimeoutSeconds * 1000 } : {});
  // The reading worker is for .eml, .msg and mbox messages; a PST is read here (src/audit/pst.ts),
  // and a worker started for nothing can hold the process open while it stops.
  if (sources.some((s) => s.kind === 'message' || s.kind === 'mbox')) reader.prepare();

  const one = async (item: string, fileName: string, bytes: Uint8Array) => {
    // The record is read from the stored bytes before they are handed to the reading worker.
    const stamp = stampOf(fileName, bytes);
    let draft;
    try {
      draft = await reader.readBytes(fileName, bytes.slice());
    } catch (error) {
      counted++;
      tally.unreadable(item, (error as Error)?.message ?? String(error));
      return;
    }
    checkDraft(item, draft, stamp);
  };

  /** Check one message already read (from a file, an mbox or a PST) and add it to the tally. */
  const checkDraft = (item: string, read: Draft, stamp: string | undefined) => {
    counted++;
    const draft = normaliseDraft(read);
    let findings;
    try {
      findings = check(draft, policy, { now: draftDateOr(draft, new Date()), freeMail: maintainedFreeMail });
    } catch (error) {
      tally.unreadable(item, `the check stopped with an error: ${(error as Error)?.message ?? String(error)}`);
      return;
    }
    tally.add({
      findings,
      ...(draft.date ? { date: draft.date } : {}),
      ...(draft.from?.email ? { sender: draft.from.email } : {}),
      ...(stamp !== undefined ? { stamp: key ? { opened: openStamp(stamp, key) } : {} } : {}),
    });
  };

  try {
    for (const source of sources) {
      if (source.kind === 'error') {
        tally.unreadable(source.file, source.error);
        continue;
      }
      if (source.kind === 'message') {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(source.path));
        } catch {
          tally.unreadable(source.file, 'the file cannot be read from the disk');
          continue;
        }
        await one(source.file, basename(source.path), bytes);
        doneBytes += source.size;
        bar.update(doneBytes, counted);
        continue;
      }
      const base = doneBytes;
      if (source.kind === 'pst') {
        const share = { now: 0 };
        for (const m of pstMessages(source.path, { onProgress: (s) => (share.now = s) })) {
          const where = m.folder ? `${source.file}, folder "${m.folder}"` : source.file;
          if ('error' in m) {
            counted++;
            tally.unreadable(m.index ? `${where}, message ${m.index}` : where, m.error);
          } else checkDraft(`${where}, message ${m.index}`, m.draft, m.stamp);
          bar.update(base + share.now * source.size, counted);
          // Let the terminal and timers breathe: the PST reader itself never waits.
          if (counted % 200 === 0) await new Promise((r) => setImmediate(r));
        }
        doneBytes = base + source.size;
        continue;
      }
      try {
        for await (const m of mboxMessages(source.path, { onBytes: (n) => bar.update(base + n, counted) })) {
          const item = m.index ? `${source.file}, message ${m.index}` : source.file;
          if ('error' in m) tally.unreadable(item, m.error);
          else await one(item, 'message.eml', m.bytes);
        }
      } catch {
        tally.unreadable(source.file, 'the file cannot be read from the disk');
      }
      doneBytes = base + source.size;
    }
  } finally {
    bar.update(doneBytes, counted);
    bar.done();
    await reader.close();
  }

  const report = tally.report();
  for (const line of withoutRepeats(report.unreadableItems.map((u) => `${u.item}: ${u.error}`))) say(line);
  problem ||= report.unreadable > 0;
  const text = options.format === 'json' ? formatAuditJson(report) : options.format === 'csv' ? formatAuditCsv(report) : await formatAuditHtml(report, { generatedAt: new Date(), inputs: options.inputs });
  if (options.out) {
    try {
      await writeFile(resolve(io.cwd, options.out), text);
    } catch {
      say(`${options.out}: the report cannot be written there`);
      return EXIT_PROBLEM;
    }
  } else io.stdout.write(text);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(
    `${report.messages.toLocaleString('en-GB')} messages checked${report.unreadable ? `, ${report.unreadable.toLocaleString('en-GB')} could not be read` : ''}; ${report.stamps.found.toLocaleString('en-GB')} records found, ${report.stamps.opened.toLocaleString('en-GB')} opened; ${seconds} s${options.out ? `; report written to ${options.out}` : ''}`,
  );
  return problem ? EXIT_PROBLEM : EXIT_OK;
}

/** A shown path without the slashes at its end (read from the end: no pattern). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end -= 1;
  return path.slice(0, end);
}
