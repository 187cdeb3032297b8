/**
 * The engine must run in Outlook's JavaScript-only runtime: no DOM, no Node, no Office.
 * Its own tsconfig compiles it against bare ES2022, so any such reference fails here.
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

it('compiles the engine with no DOM, Node or Office types', () => {
  const tsc = resolve(ROOT, 'node_modules/typescript/bin/tsc');
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', 'src/engine/tsconfig.json', '--noEmit'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  expect(output).toBe('');
}, 120_000);
