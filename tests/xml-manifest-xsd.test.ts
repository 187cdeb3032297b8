/**
 * manifest.xml, the add-in-only manifest for Outlook on Mac and phones, validates against
 * Microsoft's XML schemas for add-in manifests, offline: the schemas are kept in
 * tests/fixtures/xsd/ (its README says where each came from and what was added) and xmllint runs
 * as WebAssembly, so no system tool and no network are needed.
 *
 * Checked: the file `npm run package` writes beside the zip and the one `npm run build` puts in
 * the site. The schema check also has to catch what a hand edit or a change to
 * scripts/xml-manifest.ts could break: elements out of order, a required element or attribute
 * missing, a value outside its list, a file that is not XML at all.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { makePackage } from '../scripts/package.ts';

const XSD_DIR = resolve(import.meta.dirname, 'fixtures/xsd');
const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const schemas: XMLFileInfo[] = readdirSync(XSD_DIR)
  .filter((f) => f.endsWith('.xsd'))
  .map((fileName) => ({ fileName, contents: readFileSync(join(XSD_DIR, fileName), 'utf8') }));

/** The schema errors for a manifest, each as "line N: message"; none when it validates. */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: schemas.find((s) => s.fileName === ROOT_SCHEMA)!,
    preload: schemas.filter((s) => s.fileName !== ROOT_SCHEMA),
  });
  if (result.valid) return [];
  // xmllint names elements as {namespace}Name: the name alone reads better, and the line says where.
  const errors = result.errors
    .filter((e) => e.loc)
    .map((e) => `line ${e.loc!.lineNumber}: ${e.message.replace(/^Schemas validity error : /, '').replace(/\{[^}]*\}/g, '').trim()}`);
  // A manifest that fails must say why: never "invalid" with nothing to show for it.
  return errors.length > 0 ? errors : [result.rawOutput.trim() || 'invalid, with no message from xmllint'];
}

const dir = mkdtempSync(join(tmpdir(), 'protocol-checker-xsd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** manifest.xml exactly as `npm run package -- --base-url https://addin.example.gov.uk` writes it. */
let packaged = '';
beforeAll(async () => {
  await makePackage('https://addin.example.gov.uk/', join(dir, 'council.zip'), false);
  packaged = readFileSync(join(dir, 'manifest.xml'), 'utf8');
});

/** The 1-based line of the first occurrence of `text` in `xml`. */
const lineOf = (xml: string, text: string) => xml.slice(0, xml.indexOf(text)).split('\n').length;

// Each xmllint run starts a WebAssembly worker: about a second, more on a busy machine.
describe("manifest.xml against Microsoft's XSDs", { timeout: 60_000 }, () => {
  it('the file `npm run package` writes validates', async () => {
    const xml = packaged;
    // It is the full manifest, with the parts the old 2020 schemas did not know.
    for (const part of ['<Runtimes>', 'xsi:type="LaunchEvent"', '<MobileFormFactor>', 'SendMode="SoftBlock"', '<Override type="javascript"']) {
      expect(xml).toContain(part);
    }
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it('the file `npm run build` puts in the site validates', async () => {
    const xml = readFileSync(join(inject('siteDir'), 'manifest.xml'), 'utf8');
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it('fails on an element out of order, naming it and its line', async () => {
    const xml = packaged;
    // Runtimes must come before DesktopFormFactor in the 1.1 MailHost: move it after.
    const runtimes = xml.match(/\n\s*<Runtimes>[\s\S]*?<\/Runtimes>/)![0];
    const moved = xml.replace(runtimes, '').replace('</DesktopFormFactor>', `</DesktopFormFactor>${runtimes}`);
    const errors = await schemaErrors(moved);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^line \d+: .*Runtimes.*not expected/);
    expect(errors[0]).toContain(`line ${lineOf(moved, '<Runtimes>')}:`);

    // Likewise in the base manifest: ProviderName after DefaultLocale.
    const swapped = xml.replace(/(\s*<ProviderName>[^<]*<\/ProviderName>)(\s*<DefaultLocale>[^<]*<\/DefaultLocale>)/, '$2$1');
    expect(swapped).not.toBe(xml);
    expect(await schemaErrors(swapped)).toEqual([expect.stringMatching(/DefaultLocale.*not expected.*ProviderName/)]);
  });

  it('fails on a missing required element or attribute', async () => {
    const xml = packaged;
    // The phones' event point without the page that runs the handlers.
    const noSource = xml.replace(/(<MobileFormFactor>[\s\S]*?)<SourceLocation resid="Events.Page"\/>/, '$1');
    expect(noSource).not.toBe(xml);
    expect(await schemaErrors(noSource)).toEqual([expect.stringMatching(/Missing child element.*SourceLocation/)]);
    // A manifest without its id.
    const noId = xml.replace(/\s*<Id>[^<]*<\/Id>/, '');
    expect(await schemaErrors(noId)).toEqual([expect.stringMatching(/Version.*not expected.*Id/)]);
    // A launch event with no handler.
    const noHandler = xml.replace(/(<LaunchEvent Type="OnNewMessageCompose") FunctionName="[^"]*"/, '$1');
    expect(await schemaErrors(noHandler)).toEqual([expect.stringMatching(/FunctionName.*required but missing/)]);
  });

  it('fails on a value outside its list or pattern', async () => {
    const xml = packaged;
    expect(await schemaErrors(xml.replace('SendMode="SoftBlock"', 'SendMode="Sometimes"'))).toEqual([expect.stringMatching(/SendMode.*Sometimes/)]);
    expect(await schemaErrors(xml.replace(/<Version>[^<]*<\/Version>/, '<Version>one</Version>'))).toEqual([expect.stringMatching(/Version.*one/)]);
    expect(await schemaErrors(xml.replace('<Override type="javascript"', '<Override type="python"'))).toEqual([expect.stringMatching(/type.*python/)]);
  });

  it('fails on a file that is not well-formed XML, with the parser’s message', async () => {
    const xml = packaged;
    const errors = await schemaErrors(xml.replace('</Hosts>\n  <Requirements>', '\n  <Requirements>'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/Hosts/);
  });
});
