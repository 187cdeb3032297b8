/**
 * Turn the command line's files and folders into the list of drafts to check. A folder is
 * walked recursively for .eml, .msg and .json files, in sorted order, so that output is the
 * same on every machine. Problems (a missing file, an empty folder) become entries that are
 * reported like any other result, so the other files are still checked.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeJsonKind, type JsonKind, jsonKindOfText } from '../policy/file-kind.ts';

export const DRAFT_EXTENSIONS = ['.eml', '.msg', '.json'] as const;

export type InputEntry =
  /** `file` is the path as the user wrote it (or under the folder they named); `path` is absolute. */
  | { file: string; path: string }
  | { file: string; error: string };

function isDraftFile(name: string): boolean {
  return (DRAFT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** Paths shown to the user use forward slashes, on every platform. */
function displayPath(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * What a .json file is (a draft, the council's policy, a corpus's labels), read only for files of
 * a size a policy or labels file could have; anything else is taken for a draft.
 */
async function jsonKindOfFile(path: string, size: number): Promise<JsonKind> {
  if (extname(path).toLowerCase() !== '.json' || size > 50_000_000) return 'unknown';
  try {
    return jsonKindOfText(await readFile(path, 'utf8'));
  } catch {
    return 'unknown';
  }
}

async function walk(dir: string, shownAs: string, into: InputEntry[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Hidden folders and installed packages are never drafts.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    const file = shownAs === '.' ? entry.name : `${shownAs.replace(/(?<!\/)\/+$/, '')}/${entry.name}`;
    if (entry.isDirectory()) await walk(path, file, into);
    else if (entry.isFile() && isDraftFile(entry.name)) {
      // A folder of drafts often has its policy.json or labels.json beside them: those are not drafts.
      const kind = entry.name.toLowerCase().endsWith('.json') ? await jsonKindOfFile(path, (await stat(path)).size) : 'unknown';
      if (kind === 'policy' || kind === 'labels') continue;
      into.push({ file, path });
    }
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'there is no file or folder with this name';
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read: permission denied';
  return 'the file or folder cannot be read from the disk';
}

/** Expand the inputs, keeping the order given and removing repeats. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  for (const input of inputs) {
    const path = isAbsolute(input) ? input : resolve(cwd, input);
    const shown = displayPath(input);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      entries.push({ file: shown, error: describeFsError(error) });
      continue;
    }
    if (info.isDirectory()) {
      const found: InputEntry[] = [];
      try {
        await walk(path, shown, found);
      } catch (error) {
        entries.push({ file: shown, error: describeFsError(error) });
        continue;
      }
      if (found.length === 0) entries.push({ file: shown, error: 'the folder has no .eml, .msg or .json files in it' });
      entries.push(...found);
    } else if (isDraftFile(path)) {
      const kind = await jsonKindOfFile(path, info.size);
      if (kind === 'policy' || kind === 'labels') entries.push({ file: shown, error: describeJsonKind(kind, 'draft') });
      else entries.push({ file: shown, path });
    } else {
      const ext = extname(path);
      entries.push({ file: shown, error: `expected a .eml, .msg or .json file, ${ext ? `not a ${ext} file` : 'but this file has no extension'}` });
    }
  }
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = 'path' in entry ? entry.path : `error:${entry.file}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** For messages: a path relative to the working folder when it is inside it. */
export function relativeToCwd(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return displayPath(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path);
}
