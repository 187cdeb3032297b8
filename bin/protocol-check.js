#!/usr/bin/env node
// `protocol-check`: runs the command line built as plain JavaScript in build/cli/ (npm run
// build:cli), so no TypeScript is compiled at start. In a checkout whose sources are newer than
// that build (or with no build yet), it compiles the sources through tsx instead, so what runs
// is always what src/ says.
import { existsSync, readdirSync, statSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const built = new URL('../build/cli/main.js', here);
const stamp = new URL('../build/cli/built.txt', here);
const sources = new URL('../src/', here);

/** The newest modification time of the files under a folder (milliseconds). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.isDirectory() ? `${entry.name}/` : entry.name, dir);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtIsCurrent() {
  if (!existsSync(stamp)) return false;
  // An installed package without its sources runs the build it ships with.
  if (!existsSync(sources)) return true;
  return statSync(stamp).mtimeMs >= newest(sources);
}

// Piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let cli;
if (builtIsCurrent()) cli = await import(built.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
}
process.exitCode = await cli.runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
