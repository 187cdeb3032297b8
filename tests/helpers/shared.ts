/**
 * The shared brief beside this checkout (`../shared`: PRODUCT.md, the protocols and the
 * Northbridge corpus), or where PROTOCOL_CHECKER_SHARED says. Tests that read it fail with this
 * message, not a bare ENOENT, when it is missing.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export function sharedDir(): string {
  const dir = resolve(ROOT, process.env.PROTOCOL_CHECKER_SHARED ?? '../shared');
  if (!existsSync(resolve(dir, 'corpus/northbridge'))) {
    throw new Error(`The shared brief is not at ${dir}: check out the project beside shared/, or set PROTOCOL_CHECKER_SHARED to its folder.`);
  }
  return dir;
}

export const SHARED_DIR = sharedDir();
export const CORPUS_DIR = resolve(SHARED_DIR, 'corpus/northbridge');
export const PROTOCOLS_DIR = resolve(SHARED_DIR, 'protocols');
