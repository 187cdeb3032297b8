/**
 * One draft file's bytes → Draft, for the CLI: refuses a cut-short .eml, and turns every
 * problem into an InputError whose message says what is wrong with the file in plain words.
 * Kept apart from load.ts so that the reading worker (read-worker.ts) loads only the mail readers.
 */
import { extname } from 'node:path';
import type { Draft } from '../engine/types.ts';
import { withoutByteOrderMark } from '../mail/eml.ts';
import { parseDraftFile } from '../mail/index.ts';
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
    // A byte-order mark is not part of the message (eml.ts drops it too); a UTF-16 file is decoded first.
    const message = withoutByteOrderMark(bytes);
    const damage = describeEmlDamage(typeof message === 'string' ? message : new TextDecoder('latin1').decode(message));
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

