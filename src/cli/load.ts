/**
 * Read drafts and the policy file for the CLI.
 *
 * src/mail and src/policy own the parsers. Drafts go through parseDraftFile (src/mail/index.ts)
 * when it is there, else through the per-format parsers (parseEml, parseMsg, parseDraftJson),
 * imported by URL so that a module that has not landed yet is a fallback, not a crash.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Draft } from '../engine/types.ts';
import { formatProblem, parsePolicyText } from '../policy/load.ts';
import { describeEmlDamage } from './eml-damage.ts';

type Module = Record<string, unknown>;

const moduleCache = new Map<string, Promise<Module | undefined>>();

/** Import a module under src/ if its file exists; undefined when it does not (yet). */
function optionalModule(relativeToSrc: string): Promise<Module | undefined> {
  const url = new URL(`../${relativeToSrc}`, import.meta.url);
  let loading = moduleCache.get(url.href);
  if (!loading) {
    // Test for the file rather than catching the import's error: a module that exists but
    // fails to load is a real fault and must not pass for "not there yet".
    loading = existsSync(fileURLToPath(url)) ? (import(url.href) as Promise<Module>) : Promise.resolve(undefined);
    moduleCache.set(url.href, loading);
  }
  return loading;
}

function exported<T>(module: Module | undefined, name: string): T | undefined {
  const value = module?.[name];
  return typeof value === 'function' ? (value as T) : undefined;
}

/** Why the draft could not be read: the message a user sees. */
export class InputError extends Error {
  override name = 'InputError';
}

function asMailbox(value: unknown, where: string): { name?: string; email: string } {
  if (typeof value === 'string') return { email: value };
  if (value && typeof value === 'object' && typeof (value as { email?: unknown }).email === 'string') {
    const { name, email } = value as { name?: unknown; email: string };
    return { ...(typeof name === 'string' && name ? { name } : {}), email };
  }
  throw new InputError(`${where}: expected {"name": …, "email": …}, got ${JSON.stringify(value)}`);
}

/** Fallback for .json drafts (contract 3) until src/mail/json-draft.ts lands. */
export function parseDraftJsonFallback(text: string): Draft {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`the file is not valid JSON: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError('expected a draft object such as {"to": [...], "subject": "...", "body": "..."}');
  const d = data as Record<string, unknown>;
  const list = (field: 'to' | 'cc' | 'bcc') => {
    const value = d[field] ?? [];
    if (!Array.isArray(value)) throw new InputError(`${field}: expected a list of recipients, got ${JSON.stringify(value)}`);
    return value.map((v, i) => asMailbox(v, `${field}[${i}]`));
  };
  for (const field of ['subject', 'body', 'bodyHtml', 'date'] as const) {
    if (d[field] !== undefined && typeof d[field] !== 'string') throw new InputError(`${field}: expected text, got ${JSON.stringify(d[field])}`);
  }
  if (typeof d.body !== 'string' && typeof d.bodyHtml !== 'string') throw new InputError('body: expected the text of the draft; the draft has neither "body" nor "bodyHtml"');
  if (typeof d.date === 'string' && Number.isNaN(Date.parse(d.date))) throw new InputError(`date: expected a date in ISO 8601, got "${d.date}"`);
  return {
    ...(d.from !== undefined ? { from: asMailbox(d.from, 'from') } : {}),
    to: list('to'),
    cc: list('cc'),
    bcc: list('bcc'),
    subject: (d.subject as string | undefined) ?? '',
    body: (d.body as string | undefined) ?? '',
    ...(typeof d.bodyHtml === 'string' ? { bodyHtml: d.bodyHtml } : {}),
    ...(typeof d.date === 'string' ? { date: d.date } : {}),
    ...(d.composeType === 'new' || d.composeType === 'reply' || d.composeType === 'forward' ? { composeType: d.composeType } : {}),
    ...(Array.isArray(d.attachments) ? { attachments: d.attachments.map((a) => ({ name: String((a as { name?: unknown })?.name ?? 'attachment') })) } : {}),
    ...(d.importance === 'low' || d.importance === 'normal' || d.importance === 'high' ? { importance: d.importance } : {}),
  };
}

/** Parse one draft file's bytes. Throws with a message that says what is wrong with it. */
export async function parseDraftBytes(fileName: string, bytes: Uint8Array): Promise<Draft> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.eml') {
    const damage = describeEmlDamage(new TextDecoder('latin1').decode(bytes));
    if (damage) throw new InputError(damage);
  }
  if (ext === '.json' && bytes.length === 0) throw new InputError('the file is empty');
  const parseDraftFile = exported<(name: string, bytes: Uint8Array) => Promise<Draft> | Draft>(await optionalModule('mail/index.ts'), 'parseDraftFile');
  if (parseDraftFile) return await parseDraftFile(fileName, bytes);
  switch (ext) {
    case '.eml': {
      const parseEml = exported<(b: Uint8Array) => Promise<Draft>>(await optionalModule('mail/eml.ts'), 'parseEml');
      if (!parseEml) throw new InputError('this build cannot read .eml files');
      return await parseEml(bytes);
    }
    case '.msg': {
      const parseMsg = exported<(b: Uint8Array) => Promise<Draft> | Draft>(await optionalModule('mail/msg.ts'), 'parseMsg');
      if (!parseMsg) throw new InputError('this build cannot read .msg files yet: save the message as .eml from Outlook instead');
      return await parseMsg(bytes);
    }
    case '.json': {
      const text = new TextDecoder('utf-8').decode(bytes);
      const parseDraftJson = exported<(t: string) => Draft>(await optionalModule('mail/json-draft.ts'), 'parseDraftJson');
      return parseDraftJson ? parseDraftJson(text) : parseDraftJsonFallback(text);
    }
    default:
      throw new InputError(`expected a .eml, .msg or .json file, not a ${ext || 'file with no extension'}`);
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
  try {
    return await parseDraftBytes(fileName, bytes);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`the draft cannot be read: ${(error as Error)?.message ?? String(error)}`);
  }
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
