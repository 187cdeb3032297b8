/**
 * The engine imports nothing from the rest of the app (src/mail, src/policy, the hosts, the UI):
 * hosts, the CLI and the UI depend on the engine, never the other way round. Every non-test
 * module under src/engine is parsed with the TypeScript compiler, and each import, export-from,
 * dynamic import() and import-equals must resolve inside src/engine, or name one of the few
 * packages the engine is allowed (engine-purity.test.ts keeps DOM, Node and Office out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const ENGINE = resolve(ROOT, 'src/engine');

/** Packages the engine may import, and why. */
const ALLOWED_PACKAGES: Record<string, string> = {
  // html-text.ts: a DOM-free HTML tokenizer with source offsets, so HTML-only drafts are checked in Outlook's JavaScript-only runtime.
  htmlparser2: 'the HTML tokenizer',
  // free-mail-full.ts: the maintained free-mail list, as data.
  'free-email-domains': 'the maintained free-mail list',
};

/** Every module specifier a source file names: static and type imports, export-from, import() and import = require(). */
function moduleSpecifiers(fileName: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const out: { specifier: string; line: number }[] = [];
  const add = (node: ts.Expression | undefined) => {
    if (node && ts.isStringLiteralLike(node)) out.push({ specifier: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal as ts.Expression);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Where a specifier leads that the engine may not go, or undefined when it stays inside. */
function boundaryViolation(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = resolve(dirname(file), specifier);
    return target === ENGINE || target.startsWith(ENGINE + sep) ? undefined : relative(ROOT, target);
  }
  const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return pkg in ALLOWED_PACKAGES ? undefined : `the package ${specifier}`;
}

function engineModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return engineModules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the engine boundary', () => {
  const modules = engineModules(ENGINE);

  it('finds the engine modules', () => {
    expect(modules.length).toBeGreaterThan(20);
  });

  it.each(modules.map((m) => relative(ROOT, m)))('%s imports only from src/engine', (file) => {
    const path = resolve(ROOT, file);
    const outside = moduleSpecifiers(path, readFileSync(path, 'utf8'))
      .map(({ specifier, line }) => ({ line, to: boundaryViolation(path, specifier) }))
      .filter((v) => v.to !== undefined)
      .map((v) => `${file}:${v.line}: imports ${v.to}`);
    expect(outside).toEqual([]);
  });

  it('catches imports planted outside the engine', () => {
    const file = join(ENGINE, 'planted.ts');
    const text = [
      "import { htmlToText } from '../mail/html-text.ts';",
      "import type { PolicyFile } from '../policy/load.ts';",
      "export { x } from '../ui/strings.ts';",
      "const later = () => import('../hosts/outlook/send-check.ts');",
      "import { readFileSync } from 'node:fs';",
      "import { ok } from './rule.ts';",
      "import { Parser } from 'htmlparser2';",
    ].join('\n');
    const found = moduleSpecifiers(file, text).map(({ specifier }) => boundaryViolation(file, specifier));
    expect(found).toEqual(['src/mail/html-text.ts', 'src/policy/load.ts', 'src/ui/strings.ts', 'src/hosts/outlook/send-check.ts', 'the package node:fs', undefined, undefined]);
  });
});
