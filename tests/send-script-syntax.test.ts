/**
 * Every event script Outlook loads must parse on the oldest engine that may run it. Each built
 * script is parsed with acorn at the ECMAScript version scripts/build.ts declares for it;
 * acorn checks regular expressions against that version too (lookbehind, named groups and the
 * `s` flag are ES2018, the `d` flag ES2022, the `v` flag ES2024), so a construct the engine
 * lacks fails here rather than leave the check unloaded in Outlook.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Node, parse } from 'acorn';
import { describe, expect, inject, it } from 'vitest';
import { EVENT_SCRIPTS } from '../scripts/build.ts';
import { XML_OVERRIDES_MIN_MAILBOX } from '../scripts/xml-manifest.ts';

const SITE_DIR = inject('siteDir');
const manifest = JSON.parse(readFileSync(join(SITE_DIR, 'manifest.json'), 'utf8'));
const xml = readFileSync(join(SITE_DIR, 'manifest.xml'), 'utf8');

function parseAt(source: string, ecmaVersion: 2016 | 2019 | 2020, file: string) {
  return parse(source, { ecmaVersion, sourceType: 'script', locations: true, sourceFile: file });
}

/** Every node of a given type in the tree. */
function nodesOf(tree: Node, type: string): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
      if ((value as Node).type === type) found.push(value as Node);
      for (const [k, v] of Object.entries(value)) if (k !== 'loc') visit(v);
    }
  };
  visit(tree);
  return found;
}

describe('the event scripts parse on the engines that load them', () => {
  for (const script of EVENT_SCRIPTS) {
    it(`${script.file} is ECMAScript ${script.ecmaVersion}, regular expressions included (${script.engines})`, () => {
      const source = readFileSync(join(SITE_DIR, script.file), 'utf8');
      expect(() => parseAt(source, script.ecmaVersion, script.file)).not.toThrow();
    });
  }

  it('the legacy script also avoids what Microsoft says stops ES2016 Outlook loading it: the conditional operator and async functions', () => {
    const source = readFileSync(join(SITE_DIR, 'send-check-legacy.js'), 'utf8');
    const tree = parseAt(source, 2016, 'send-check-legacy.js');
    expect(nodesOf(tree, 'ConditionalExpression')).toEqual([]);
    const asyncFunctions = ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'].flatMap((t) => nodesOf(tree, t)).filter((n) => (n as Node & { async: boolean }).async);
    expect(asyncFunctions).toEqual([]);
    expect(nodesOf(tree, 'AwaitExpression')).toEqual([]);
  });

  it('the checker cannot be built down to ES2016: its regular expressions need ES2018, hence the modern-engine requirement', () => {
    const source = readFileSync(join(SITE_DIR, 'send-check.js'), 'utf8');
    // If this ever parses as ES2016, the ES2016 route becomes possible and the manifests could ask for less.
    expect(() => parseAt(source, 2016, 'send-check.js')).toThrow(SyntaxError);
  });

  it('rejects what the declared engine lacks: a regular expression flag newer than the script allows', () => {
    expect(() => parseAt('var r = /a/d;', 2019, 'probe.js')).toThrow(/flag/i);
    expect(() => parseAt('var r = /(?<=a)b/;', 2016, 'probe.js')).toThrow(SyntaxError);
    expect(() => parseAt('var r = /(?<=a)b/;', 2019, 'probe.js')).not.toThrow();
  });
});

describe('the manifests ask for what the scripts need', () => {
  it('the unified manifest runs the send check only where the engine is V8: Mailbox 1.14 (classic Windows 2404+)', () => {
    const ext = manifest.extensions[0];
    const send = ext.runtimes.find((r: { id: string }) => r.id === 'send_runtime');
    expect(send.requirements.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.14' }]);
    for (const group of ext.autoRunEvents) expect(group.requirements.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.14' }]);
    // The taskpane still loads on older builds.
    const taskpane = ext.runtimes.find((r: { id: string }) => r.id === 'taskpane_runtime');
    const [, minor] = String(taskpane.requirements.capabilities[0].minVersion).split('.').map(Number);
    expect(minor).toBeLessThan(14);
  });

  it('the XML manifest gives classic Windows the ES2016 script and every other Outlook the page with the checker', () => {
    expect(xml).toMatch(/<Runtime resid="Events.Page">\s*<Override type="javascript" resid="Events.Script"\/>/);
    expect(xml).toMatch(/<bt:Url id="Events.Script" DefaultValue="[^"]*\/send-check-legacy\.js"\/>/);
    expect(xml).toMatch(/<bt:Url id="Events.Page" DefaultValue="[^"]*\/outlook-events\.html"\/>/);
    // Phones support requirement sets up to 1.5: a higher one would hide their events.
    expect(XML_OVERRIDES_MIN_MAILBOX).toBe('1.5');
    expect(xml).toContain(`<bt:Sets DefaultMinVersion="${XML_OVERRIDES_MIN_MAILBOX}">`);
  });

  it('the XML manifest declares one runtime, as Outlook requires, and every event point uses it', () => {
    const runtimes = [...xml.matchAll(/<Runtime resid="([^"]+)"/g)].map((m) => m[1]);
    expect(runtimes).toEqual(['Events.Page']);
    const sources = [...xml.matchAll(/<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<SourceLocation resid="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(sources).toEqual(['Events.Page', 'Events.Page']);
  });

  it('each event page loads office.js and its own script', () => {
    for (const [page, script] of [['send-check.html', 'send-check.js'], ['outlook-events.html', 'outlook-events.js']]) {
      const html = readFileSync(join(SITE_DIR, page!), 'utf8');
      expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      expect(html).toContain(`<script src="${script}"></script>`);
    }
  });
});
