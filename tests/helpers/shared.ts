/**
 * Where the tests find the shared material. The Northbridge corpus is kept in the repository
 * (tests/corpus/northbridge, a copy of the shared brief's sample), so a fresh clone passes its
 * tests on its own. The protocol texts are other councils' words and are not copied in: the test
 * that checks cited paragraphs reads them from the shared brief beside this checkout
 * (`../shared`, or where PROTOCOL_CHECKER_SHARED says) and is skipped, saying so, without it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The shared brief's folder, when it is beside this checkout. */
export function sharedDir(): string | undefined {
  const dir = resolve(ROOT, process.env.PROTOCOL_CHECKER_SHARED ?? '../shared');
  return existsSync(resolve(dir, 'protocols')) ? dir : undefined;
}

export const SHARED_DIR = sharedDir();
export const CORPUS_DIR = resolve(ROOT, 'tests/corpus/northbridge');
/** The five protocol texts, or undefined when the shared brief is not beside this checkout. */
export const PROTOCOLS_DIR = SHARED_DIR ? resolve(SHARED_DIR, 'protocols') : undefined;
