/**
 * Read drafts and the policy file for the CLI.
 *
 * src/mail and src/policy own the parsers; this module calls them by their published names
 * (parseDraftFile in src/mail/index.ts, parsePolicyText in src/policy/load.ts) and falls back
 * on the older entry points (parseEml, parseMsg, parseDraftJson, resolvePolicy) when a newer
 * module is not there. The modules are imported by URL so that one that has not landed yet is
 * a fallback, not a crash.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyFile, ResolvedPolicy } from '../engine/policy.ts';
import type { Draft } from '../engine/types.ts';
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

export interface PolicyProblem {
  message: string;
  fatal?: boolean;
}

export interface LoadedPolicy {
  policy?: ResolvedPolicy;
  problems: PolicyProblem[];
}

/**
 * Fallback until src/policy/load.ts lands: JSON syntax, the one required field, and the
 * directory's addresses, each problem naming the field path. src/policy does the full job.
 */
function parsePolicyTextFallback(text: string, source: string, resolvePolicy: (file: PolicyFile, source?: string) => ResolvedPolicy): LoadedPolicy {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [{ message: `the file is not valid JSON: ${(error as Error).message}`, fatal: true }] };
  }
  const problems: PolicyProblem[] = [];
  const file = data as Partial<PolicyFile> | null;
  if (!file || typeof file !== 'object' || Array.isArray(file)) {
    return { problems: [{ message: 'expected a policy object such as {"council": {"name": "…"}}', fatal: true }] };
  }
  if (!file.council || typeof file.council !== 'object' || typeof file.council.name !== 'string' || !file.council.name.trim()) {
    problems.push({ message: 'council.name: expected the council\'s name, for example "Northbridge District Council"', fatal: true });
  }
  for (const listName of ['councillors', 'officers'] as const) {
    const list = file[listName];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({ message: `${listName}: expected a list, got ${JSON.stringify(list)}`, fatal: true });
      continue;
    }
    list.forEach((entry, i) => {
      const email = (entry as { email?: unknown } | null)?.email;
      if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        problems.push({ message: `${listName}[${i}].email: expected an email address, got ${JSON.stringify(email ?? null)}`, fatal: true });
      }
    });
  }
  if (problems.some((p) => p.fatal)) return { problems };
  return { policy: resolvePolicy(file as PolicyFile, source), problems };
}

/** Read and resolve a policy file; every problem's message starts with the file name. */
export async function loadPolicyFile(path: string, shownAs: string): Promise<LoadedPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no file with this name' : code === 'EISDIR' ? 'this is a folder: give the policy file itself' : `the file cannot be read: ${(error as Error).message}`;
    return { problems: [{ message: `${shownAs}: ${why}`, fatal: true }] };
  }
  const load = exported<(text: string, source: string) => LoadedPolicy>(await optionalModule('policy/load.ts'), 'parsePolicyText');
  let loaded: LoadedPolicy;
  if (load) {
    loaded = load(text, shownAs);
  } else {
    const resolvePolicy = exported<(file: PolicyFile, source?: string) => ResolvedPolicy>(await optionalModule('policy/resolve.ts'), 'resolvePolicy');
    if (!resolvePolicy) return { problems: [{ message: `${shownAs}: this build cannot read policy files`, fatal: true }] };
    loaded = parsePolicyTextFallback(text, shownAs, resolvePolicy);
  }
  const prefix = `${shownAs}: `;
  const problems = loaded.problems.map((p) => ({ ...p, message: p.message.startsWith(prefix) || p.message.startsWith(shownAs + ':') ? p.message : prefix + p.message }));
  if (!loaded.policy && !problems.some((p) => p.fatal)) problems.push({ message: `${prefix}the policy could not be read`, fatal: true });
  return { ...loaded, problems };
}

/** The embedded default policy (contract 5). */
export async function defaultPolicy(): Promise<ResolvedPolicy> {
  const embedded = exported<() => ResolvedPolicy>(await optionalModule('policy/resolve.ts'), 'embeddedDefaultPolicy');
  if (!embedded) throw new Error('src/policy/resolve.ts has no embeddedDefaultPolicy()');
  return embedded();
}
