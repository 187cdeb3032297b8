/**
 * Any draft file → Draft, by extension: `.eml`, `.msg` or `.json`. For the command line
 * (it pulls in the `.msg` reader); browser and engine code import eml.ts / json-draft.ts directly.
 */
import type { Draft } from '../engine/types.ts';
import { parseEml } from './eml.ts';
import { parseDraftJson } from './json-draft.ts';
import { parseMsg } from './msg.ts';

export const DRAFT_EXTENSIONS = ['.eml', '.msg', '.json'] as const;

/**
 * A JSON file's text in whichever Unicode encoding it was saved: UTF-8 (with or without a
 * byte-order mark), or UTF-16 as Windows tools write it (with a mark, or without one, when every
 * other byte of its opening is zero). RFC 8259 section 8.1 asks for UTF-8 but lets a reader
 * accept others.
 */
export function decodeJsonText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes); // drops a UTF-8 byte-order mark
}

/**
 * Read a draft file.
 *
 * @param fileName used for its extension and in error messages
 * @throws Error starting with the file name and saying what is wrong
 */
export async function parseDraftFile(fileName: string, bytes: Uint8Array): Promise<Draft> {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0]?.toLowerCase();
  try {
    switch (ext) {
      case '.eml':
        return await parseEml(bytes);
      case '.msg':
        return parseMsg(bytes);
      case '.json':
        return parseDraftJson(decodeJsonText(bytes));
      default:
        throw new Error(`expected a file ending .eml, .msg or .json, got "${ext ?? 'no extension'}"`);
    }
  } catch (error) {
    throw new Error(`${fileName}: ${(error as Error).message}`, { cause: error });
  }
}

export { parseEml } from './eml.ts';
export { parseDraftJson } from './json-draft.ts';
export { parseMsg } from './msg.ts';
export { htmlToText } from '../engine/html-text.ts';
export { applyTextEditsToHtml, patchHtml } from './html-edit.ts';
