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
        return parseDraftJson(new TextDecoder('utf-8').decode(bytes));
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
