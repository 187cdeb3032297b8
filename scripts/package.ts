/**
 * `npm run package -- --base-url https://addin.council.example/`: builds the site for that URL
 * (dist/, to host with the council's policy.json beside it) and writes the app package an
 * admin uploads once for the whole council — the manifest and its two icons in a zip — and,
 * beside it, manifest.xml (the add-in-only manifest for Outlook on Mac and phones) and a
 * README.md on which to upload where. The unified manifest is checked against Microsoft's
 * schema first: an invalid package is never written.
 * `--out <file>` names the zip; `--no-build` makes only the zip (dist/ left as it is).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { baseUrlFrom, buildSite, DEFAULT_BASE_URL, manifestFor } from './build.ts';
import { validateManifest } from './manifest-schema.ts';
import { xmlManifestFor } from './xml-manifest.ts';

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

/** The note beside the two manifests: which one to upload where. */
export function packageReadme(baseUrl: string, zipName: string): string {
  return `# Protocol Checker: what to upload where

Both files point at ${baseUrl}; host the built site (dist/) there, with the council's policy.json beside it.

| file | upload it in | it gives |
|---|---|---|
| \`${zipName}\` | Microsoft 365 admin centre → Settings → Integrated apps → Upload custom apps (or Teams admin centre) | the Outlook add-in on the web, new Outlook and classic Outlook on Windows (Version 2304 or later), and the Teams tab (Teams, and Outlook and the Microsoft 365 app on phones) |
| \`manifest.xml\` | Microsoft 365 admin centre → Settings → Integrated apps → Upload custom apps → Office Add-in → upload manifest file (.xml) | Outlook on Mac (taskpane and the check at send time), Outlook on iOS and Android (notifications while writing), and older classic Outlook on Windows (taskpane) |

Upload both, to the same users. Where an Outlook can use the app package, it hides the
add-in from manifest.xml (the app package names it), so nobody sees the add-in twice; this can
take up to a day after the upload.
`;
}

export async function makePackage(baseUrl: string, out: string, build = true): Promise<string[]> {
  const files = packageFiles(baseUrl);
  const xml = xmlManifestFor(manifestFor(baseUrl));
  if (build) await buildSite(baseUrl);
  const dir = resolve(out, '..');
  mkdirSync(dir, { recursive: true });
  // A fixed date keeps the zip the same from one build to the next.
  writeFileSync(out, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  writeFileSync(resolve(dir, 'manifest.xml'), xml);
  writeFileSync(resolve(dir, 'README.md'), packageReadme(baseUrl, basename(out)));
  return Object.keys(files);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const argv = process.argv.slice(2);
    // `npm run package --base-url …` without `--`: npm keeps the option for itself (npm_config_base_url)
    // and the URL arrives bare or not at all. Stop rather than build for localhost.
    if (process.env.npm_config_base_url !== undefined && !argv.some((a) => a === '--base-url' || a.startsWith('--base-url='))) {
      const url = argv.find((a) => /^https?:/i.test(a)) ?? (/^https?:/i.test(process.env.npm_config_base_url) ? process.env.npm_config_base_url : 'https://addin.council.example/');
      throw new Error(`--base-url went to npm, not to the package script: put -- before it, as in\n  npm run package -- --base-url ${url}`);
    }
    const baseUrl = baseUrlFrom(argv);
    const version = (JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as { version: string }).version;
    const out = outFrom(argv, version);
    const build = !argv.includes('--no-build');
    const names = await makePackage(baseUrl, out, build);
    if (build) console.log(`Built dist/ for ${baseUrl}: host it there, with the council's policy.json beside it.`);
    console.log(`Wrote ${relative(process.cwd(), out) || out} (${names.join(', ')}): upload it in the Microsoft 365 admin centre (Integrated apps) or Teams admin centre.`);
    console.log(`Wrote ${relative(process.cwd(), resolve(out, '..', 'manifest.xml'))} for Outlook on Mac and phones, and README.md beside it saying which to upload where.`);
    if (baseUrl === DEFAULT_BASE_URL) console.log('This package points at https://localhost:3000/, for sideloading while `npm start` runs. Give --base-url for a deployment.');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
