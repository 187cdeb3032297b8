/**
 * Write a generated source file only when its content changed, through a temporary file so that a
 * test run reading it never sees half a file. True when it was written.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export function writeIfChanged(path: string, source: string): boolean {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    /* not yet generated */
  }
  if (current === source) return false;
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, source);
  renameSync(temporary, path);
  return true;
}
