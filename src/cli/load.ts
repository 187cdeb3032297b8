/**
 * Read drafts and the policy file for the CLI. src/mail and src/policy own the parsers; this
 * module adds what a command line needs around them: refusing a cut-short .eml, and messages
 * that name the file once and say what is wrong.
 */
import { readFile } from 'node:fs/promises';
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Draft } from '../engine/types.ts';
import { decodeJsonText } from '../mail/index.ts';
import { formatProblem, parsePolicyText } from '../policy/load.ts';
import { InputError, parseDraftBytes } from './read-draft.ts';

export { InputError, parseDraftBytes } from './read-draft.ts';

export async function readDraftFile(path: string, fileName: string): Promise<Draft> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read: permission denied' : 'the file cannot be read from the disk');
  }
  return parseDraftBytes(fileName, bytes);
}

/** A policy problem as the user reads it: one line naming the file and the field. */
export interface PolicyMessage {
  message: string;
  fatal: boolean;
}

export interface LoadedPolicyFile {
  policy?: ResolvedPolicy;
  problems: PolicyMessage[];
}

/**
 * Read and resolve a policy file with src/policy's loader. A problem that leaves no usable
 * policy is fatal; any other (one broken councillor, one bad date) drops that part only.
 */
export async function loadPolicyFile(path: string, shownAs: string): Promise<LoadedPolicyFile> {
  let text: string;
  try {
    // UTF-16 (as Notepad and PowerShell save it) and byte-order marks are read, not refused.
    text = decodeJsonText(new Uint8Array(await readFile(path)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no file with this name' : code === 'EISDIR' ? 'this is a folder: give the policy file itself' : code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read: permission denied' : 'the file cannot be read from the disk';
    return { problems: [{ message: `${shownAs}: ${why}`, fatal: true }] };
  }
  const loaded = parsePolicyText(text, shownAs);
  const problems = loaded.problems.map((p) => ({ message: formatProblem(p), fatal: p.fatal }));
  if (!loaded.policy && !problems.some((p) => p.fatal)) problems.push({ message: `${shownAs}: the policy could not be read`, fatal: true });
  return { ...(loaded.policy ? { policy: loaded.policy } : {}), problems };
}

/** The embedded default policy (contract 5). */
export { embeddedDefaultPolicy as defaultPolicy } from '../policy/resolve.ts';
