/**
 * `npm run package -- --base-url https://addin.council.example/`: builds the site for that URL
 * (dist/, to host with the council's policy.json beside it) and writes the app package an
 * admin uploads once for the whole council — the manifest and its two icons in a zip. The
 * manifest is checked against Microsoft's schema first: an invalid package is never written.
 * `--out <file>` names the zip; `--no-build` makes only the zip (dist/ left as it is).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { baseUrlFrom, buildSite, DEFAULT_BASE_URL, manifestFor } from './build.ts';
import { validateManifest } from './manifest-schema.ts';

const root = resolve(import.meta.dirname, '..');

/** Where the zip goes: `--out <file>`, else package/protocol-checker-<version>.zip. */
function outFrom(argv: string[], version: string): string {
  const i = argv.indexOf('--out');
  const inline = argv.find((a) => a.startsWith('--out='));
  const value = inline ? inline.slice('--out='.length) : i >= 0 ? argv[i + 1] : undefined;
  return resolve(value ?? resolve(root, 'package', `protocol-checker-${version}.zip`));
}

/** The package's files: manifest.json and the icons it names, read from public/. */
export function packageFiles(baseUrl: string): Record<string, Uint8Array> {
  const manifest = manifestFor(baseUrl);
  const problems = validateManifest(manifest);
  if (problems.length) throw new Error(`manifest.json does not validate against Microsoft's schema:\n  ${problems.join('\n  ')}`);
  const icons = manifest.icons as { color: string; outline: string };
  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const icon of [icons.color, icons.outline]) files[icon] = readFileSync(resolve(root, 'public', icon));
  return files;
}

export async function makePackage(baseUrl: string, out: string, build = true): Promise<string[]> {
  const files = packageFiles(baseUrl);
  if (build) await buildSite(baseUrl);
  mkdirSync(resolve(out, '..'), { recursive: true });
  // A fixed date keeps the zip the same from one build to the next.
  writeFileSync(out, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  return Object.keys(files);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const argv = process.argv.slice(2);
    const baseUrl = baseUrlFrom(argv);
    const version = (JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as { version: string }).version;
    const out = outFrom(argv, version);
    const build = !argv.includes('--no-build');
    const names = await makePackage(baseUrl, out, build);
    if (build) console.log(`Built dist/ for ${baseUrl}: host it there, with the council's policy.json beside it.`);
    console.log(`Wrote ${relative(process.cwd(), out) || out} (${names.join(', ')}): upload it in the Microsoft 365 admin centre (Integrated apps) or Teams admin centre.`);
    if (baseUrl === DEFAULT_BASE_URL) console.log('This package points at https://localhost:3000/, for sideloading while `npm start` runs. Give --base-url for a deployment.');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
