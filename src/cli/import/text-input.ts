/**
 * Reading the files an administrator exports: bytes to text. Spreadsheet programs write CSV as
 * UTF-8 (with or without a byte-order mark), UTF-16 ("Unicode text") or the Windows code page
 * (Excel's plain "CSV" on Windows), so each is recognised rather than assumed.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** A problem with one input: the caller prints it and stops with exit status 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Bytes to text: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Read a file named on the command line, relative to `cwd`; a missing file is an InputError naming it. */
export async function readInput(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return await readFile(resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${file}: is a folder; name the file itself`);
    throw new InputError(`${file}: cannot be read (${(error as Error).message})`);
  }
}

export async function readTextInput(file: string, cwd: string): Promise<string> {
  return decodeText(await readInput(file, cwd));
}
