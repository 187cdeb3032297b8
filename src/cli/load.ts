/**
 * Read drafts and the policy file for the CLI. src/mail and src/policy own the parsers; this
 * module adds what a command line needs around them: refusing a cut-short .eml, and messages
 * that name the file once and say what is wrong.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Draft } from '../engine/types.ts';
import { parseDraftFile } from '../mail/index.ts';
import { formatProblem, parsePolicyText } from '../policy/load.ts';
import { describeEmlDamage } from './eml-damage.ts';

/** Why the draft could not be read: the message a user sees, after the file name. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Parse one draft file's bytes. Throws an InputError that says what is wrong with it. */
export async function parseDraftBytes(fileName: string, bytes: Uint8Array): Promise<Draft> {
  const ext = extname(fileName).toLowerCase();
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (ext === '.eml') {
    const damage = describeEmlDamage(new TextDecoder('latin1').decode(bytes));
    if (damage) throw new InputError(damage);
  }
  try {
    return await parseDraftFile(fileName, bytes);
  } catch (error) {
    // parseDraftFile starts its messages with the file name; the CLI adds its own.
    const message = (error as Error)?.message ?? String(error);
    throw new InputError(message.startsWith(`${fileName}: `) ? message.slice(fileName.length + 2) : message);
  }
}

export async function readDraftFile(path: string, fileName: string): Promise<Draft> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read: permission denied' : `the file cannot be read: ${(error as Error).message}`);
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
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no file with this name' : code === 'EISDIR' ? 'this is a folder: give the policy file itself' : `the file cannot be read: ${(error as Error).message}`;
    return { problems: [{ message: `${shownAs}: ${why}`, fatal: true }] };
  }
  const loaded = parsePolicyText(text, shownAs);
  const problems = loaded.problems.map((p) => ({ message: formatProblem(p), fatal: p.fatal }));
  if (!loaded.policy && !problems.some((p) => p.fatal)) problems.push({ message: `${shownAs}: the policy could not be read`, fatal: true });
  return { ...(loaded.policy ? { policy: loaded.policy } : {}), problems };
}

/** The embedded default policy (contract 5). */
export { embeddedDefaultPolicy as defaultPolicy } from '../policy/resolve.ts';
