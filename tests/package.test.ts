/**
 * `npm run package -- --base-url …`: the zip an admin uploads holds a manifest that validates
 * against Microsoft's schema, whose every URL starts with the base URL, and the icons it names;
 * beside it are manifest.xml (Mac and phones), with every URL under the base too, and a README.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../scripts/manifest-schema.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'protocol-checker-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function packageFor(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--no-build', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every string in the manifest that is a URL. */
function urls(value: unknown): string[] {
  if (typeof value === 'string') return /^[a-z]+:\/\//i.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urls);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === '$schema' ? [] : urls(v)));
  return [];
}

describe('npm run package', () => {
  it('writes a zip whose manifest validates and points only at the base URL', async () => {
    const out = join(dir, 'council.zip');
    const result = await packageFor(['--base-url', 'https://addin.example.gov.uk', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('upload it');

    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['icons/color.png', 'icons/outline.png', 'manifest.json']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;
    expect(validateManifest(manifest)).toEqual([]);
    const all = urls(manifest);
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((u) => !u.startsWith('https://addin.example.gov.uk/'))).toEqual([]);
    expect(manifest.validDomains).toEqual(['addin.example.gov.uk']);
    expect(result.stdout).toContain('manifest.xml');

    // Beside the zip: the add-in-only manifest for Mac and phones, and a note on which goes where.
    const xml = readFileSync(join(dir, 'manifest.xml'), 'utf8');
    const xmlUrls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(xmlUrls.length).toBeGreaterThan(5);
    expect(xmlUrls.filter((u) => !u.startsWith('https://addin.example.gov.uk/'))).toEqual([]);
    const hidden = (manifest.extensions as { alternates: { hide?: { customOfficeAddin: { officeAddinId: string } } }[] }[])[0]!.alternates.find((a) => a.hide)!.hide!.customOfficeAddin.officeAddinId;
    expect(xml).toContain(`<Id>${hidden}</Id>`);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('council.zip');
    expect(readme).toContain('manifest.xml');
    expect(readme).toContain('https://addin.example.gov.uk/');
    expect(readme).toMatch(/Mac/);
    // The icons are the PNGs the manifest names, at the sizes Teams asks for.
    for (const [name, size] of [['icons/color.png', 192], ['icons/outline.png', 32]] as const) {
      const png = files[name]!;
      expect(new TextDecoder().decode(png.subarray(1, 4))).toBe('PNG');
      const view = new DataView(png.buffer, png.byteOffset);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([size, size]);
    }
  });

  it('keeps a path in the base URL, as when the add-in lives under a folder', async () => {
    const out = join(dir, 'folder.zip');
    expect((await packageFor(['--base-url=https://apps.example.gov.uk/protocol-checker', '--out', out])).code).toBe(0);
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(out))['manifest.json'])) as Record<string, unknown>;
    expect(urls(manifest).every((u) => u.startsWith('https://apps.example.gov.uk/protocol-checker/'))).toBe(true);
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('refuses a base URL Office cannot load, and writes nothing', async () => {
    const out = join(dir, 'http.zip');
    const result = await packageFor(['--base-url', 'http://addin.example.gov.uk', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--base-url: Office loads add-ins only over https');
    expect(() => readFileSync(out)).toThrow();
  });
});
