/**
 * `protocol-check --help` answers at once (issue 15): the built entry reads the arguments and
 * loads a command's modules only when that command runs. The time itself is measured by
 * bench/cli.ts; here, what makes it fast is checked on the build that ships.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliProcess } from './helpers.ts';

const BUILT = join(ROOT, 'build/cli');

/** The files a module loads before it runs: its static imports, followed through our own chunks. */
function staticallyLoaded(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(BUILT, file), 'utf8');
  // Static imports only: `import … from "x"` and `import "x"` at the start of a line (import("x") is not one).
  for (const [, specifier] of source.matchAll(/^import\s+(?:[^'"()]*?\s+from\s+)?["']([^"']+)["'];?$/gm)) {
    if (specifier!.startsWith('./')) staticallyLoaded(specifier!.slice(2), seen);
    else seen.add(specifier!);
  }
  return seen;
}

describe('protocol-check --help', () => {
  it('lists the commands, audit among them, and exits 0', () => {
    const run = runCliProcess(['--help'], { cwd: ROOT });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: protocol-check \[options\] <file\|folder>/);
    expect(run.stdout).toMatch(/^ {2}protocol-check audit \[options\] <folder\|file>\.\.\.$/m);
    expect(run.stdout).toMatch(/^ {2}protocol-check audit keygen$/m);
    expect(run.stdout).toMatch(/^ {2}protocol-check policy validate\|show\|import\|map-protocol$/m);
    expect(run.stdout).toContain('--no-progress');
    expect(run.stderr).toBe('');
  });

  it('keeps every line within 80 columns', () => {
    const run = runCliProcess(['--help'], { cwd: ROOT });
    for (const line of run.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('prints the version from package.json', () => {
    const run = runCliProcess(['--version'], { cwd: ROOT });
    expect(run.stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });
});

describe('the built command line', () => {
  it('loads no package, no engine and no mail reader before it knows the command', () => {
    expect(existsSync(join(BUILT, 'main.js')), 'build/cli/main.js (npm run build:cli)').toBe(true);
    const loaded = [...staticallyLoaded('main.js')];
    // Node's own modules only, and our own chunks of a few kilobytes.
    expect(loaded.filter((f) => !f.startsWith('node:') && !f.endsWith('.js'))).toEqual([]);
    const bytes = loaded.filter((f) => f.endsWith('.js')).reduce((n, f) => n + readFileSync(join(BUILT, f)).length, 0);
    expect(bytes).toBeLessThan(40_000);
    // The rest is there, loaded by import() when a command needs it.
    expect(readFileSync(join(BUILT, 'main.js'), 'utf8')).toMatch(/import\("\.\/check-drafts-[\w-]+\.js"\)/);
  });
});
