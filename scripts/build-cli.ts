/**
 * `npm run build:cli`: the command line as plain JavaScript in build/cli/, so that
 * `protocol-check` starts without compiling TypeScript (bin/protocol-check.js loads it, and
 * falls back to compiling the sources with tsx only in a checkout whose sources are newer).
 *
 * The packages the CLI uses stay in node_modules (they are its dependencies); only our own
 * TypeScript is bundled. main.js sits two folders below the package, as src/cli/main.ts does,
 * so its paths to docs/rules and package.json hold. The file reader's worker thread
 * (isolated-reader.ts) starts read-worker-entry.mjs beside it, which here loads the built
 * read-worker.js instead of the TypeScript.
 *
 * main.ts loads each command with import(), and each import() becomes a chunk of its own here,
 * so main.js holds only the argument parsing: `protocol-check --help` starts in about the time
 * Node itself takes (tests/cli/startup.test.ts checks what main.js loads; bench/cli.ts times it).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
export const CLI_BUILD_DIR = resolve(root, 'build/cli');
/** Written last: its time says when the build finished (bin/protocol-check.js compares it with the sources). */
export const CLI_STAMP = 'built.txt';

/** The newest modification time of the files under a folder (milliseconds). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Whether build/cli is newer than every source file (as bin/protocol-check.js judges it). */
export function cliBuildIsCurrent(outDir = CLI_BUILD_DIR): boolean {
  const stamp = join(outDir, CLI_STAMP);
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newest(resolve(root, 'src'));
}

export async function buildCli(outDir = CLI_BUILD_DIR): Promise<void> {
  const staging = `${outDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: staging,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: { main: resolve(root, 'src/cli/main.ts'), 'read-worker': resolve(root, 'src/cli/read-worker.ts') },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  writeFileSync(join(staging, 'read-worker-entry.mjs'), "// Starts the built read-worker.js in a worker thread (see src/cli/read-worker-entry.mjs).\nawait import('./read-worker.js');\n");
  writeFileSync(join(staging, CLI_STAMP), `Built by scripts/build-cli.ts from src/ at ${new Date().toISOString()}.\n`);
  // Swapped in whole, so that a run of the CLI meanwhile never sees half a build.
  mkdirSync(resolve(outDir, '..'), { recursive: true });
  const old = `${outDir}.${process.pid}.old`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    await buildCli();
    console.log('Built build/cli/');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
