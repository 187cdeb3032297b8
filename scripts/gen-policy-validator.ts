/**
 * `npx tsx scripts/gen-policy-validator.ts`: compiles src/policy/policy.schema.json into plain
 * JavaScript once, with ajv's standalone code generation, and writes it to
 * src/policy/policy-validator.generated.ts. The taskpane, the send-time script and the CLI then
 * validate a policy without compiling a schema at run time (and without shipping ajv's compiler).
 *
 * What it writes is kept small, since the send-time script carries it on every send:
 * - the schema is compiled without its annotations (descriptions, the title), which change no
 *   answer but would be copied into the code;
 * - errors carry no `schema`, `parentSchema` or `data` (ajv's `verbose` is off); the loader
 *   reads the last two from the error's paths (src/policy/schema-errors.ts), so every
 *   `schemaPath` is made absolute (`#/$defs/councillor/required`, where ajv's code for a
 *   `$defs` entry compiled as a function of its own says `#/required`);
 * - the copies ajv makes of each `$defs` entry point into the root schema instead;
 * - the root schema (annotations stripped) is exported as `policySchema` for the loader.
 *
 * `npm run build` and the tests' global setup run this first (`writePolicyValidator`), so a
 * change to the schema is picked up by the next build or test run; the generated file records a
 * hash of the schema it came from, and tests/policy/validator-generated.test.ts checks it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { RUNTIME_FORMATS } from '../src/policy/policy-formats.ts';
import { writeIfChanged } from './write-if-changed.ts';

const root = resolve(import.meta.dirname, '..');
export const SCHEMA_PATH = resolve(root, 'src/policy/policy.schema.json');
export const GENERATED_PATH = resolve(root, 'src/policy/policy-validator.generated.ts');

/** The options the validator is compiled with: every error, none of them verbose. */
export const VALIDATOR_OPTIONS = { allErrors: true, verbose: false, strict: true, allowUnionTypes: true } as const;

/**
 * The string formats the schema uses. Email and hostname are ajv-formats' regular expressions,
 * which ajv writes into the generated code; the others are functions the code calls at run time
 * (RUNTIME_FORMATS, with no ajv-formats behind them).
 */
export const POLICY_FORMATS = { email: fullFormats.email, hostname: fullFormats.hostname, ...RUNTIME_FORMATS };

/** Keywords that only annotate: they change no validation result. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples', 'deprecated', 'readOnly', 'writeOnly']);
/** Keywords whose value is one schema, a list of schemas, or an object of named schemas. */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_LIST_KEYWORDS = new Set(['anyOf', 'allOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A schema without its annotation keywords; names of properties and definitions are kept whatever they are. */
export function withoutAnnotations(schema: Json): Json {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out: { [key: string]: Json } = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (SCHEMA_KEYWORDS.has(keyword)) out[keyword] = withoutAnnotations(value);
    else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) out[keyword] = value.map(withoutAnnotations);
    else if (SCHEMA_MAP_KEYWORDS.has(keyword) && value && typeof value === 'object' && !Array.isArray(value)) {
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    } else out[keyword] = value; // enum, const, required…: values, not schemas
  }
  return out;
}

export function schemaHash(schemaText: string): string {
  return createHash('sha256').update(schemaText).digest('hex').slice(0, 16);
}

/** The end (exclusive) of the JSON value that starts at `start` in `text`. */
function jsonEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return i + 1;
    }
  }
  throw new Error('gen-policy-validator: unbalanced JSON in the generated code');
}

/** Every object in a schema, by its JSON text, as a JavaScript path from the root (`["$defs"]["time"]`). */
function objectPaths(node: Json, path = '', out = new Map<string, string>()): Map<string, string> {
  if (!node || typeof node !== 'object') return out;
  if (!out.has(JSON.stringify(node))) out.set(JSON.stringify(node), path);
  for (const [key, value] of Object.entries(node)) objectPaths(value, `${path}[${JSON.stringify(Array.isArray(node) ? Number(key) : key)}]`, out);
  return out;
}

/**
 * ajv's code with the root schema declared once, first, and the schema constants that copy a
 * part of it turned into references to that part.
 */
function shareSchemaConstants(code: string, schema: Json): { code: string; rootName: string } {
  const declaration = /const (schema\d+) = (?=[{[])/g;
  const found: { name: string; from: number; to: number; json: string }[] = [];
  for (let m = declaration.exec(code); m; m = declaration.exec(code)) {
    const end = jsonEnd(code, m.index + m[0].length);
    found.push({ name: m[1]!, from: m.index, to: end, json: code.slice(m.index + m[0].length, end) });
    declaration.lastIndex = end;
  }
  const rootText = JSON.stringify(schema);
  const rootConstant = found.find((f) => JSON.stringify(JSON.parse(f.json)) === rootText);
  if (!rootConstant) throw new Error('gen-policy-validator: the root schema is not among the generated constants');
  const paths = objectPaths(schema);
  let out = '';
  let at = 0;
  for (const f of found) {
    out += code.slice(at, f.from);
    at = f.to;
    if (f === rootConstant) continue; // declared first, below
    const path = paths.get(JSON.stringify(JSON.parse(f.json)));
    out += path === undefined ? code.slice(f.from, f.to) : `const ${f.name} = ${rootConstant.name}${path}`;
  }
  out += code.slice(at);
  return { code: `const ${rootConstant.name} = ${rootConstant.json};\n${out}`, rootName: rootConstant.name };
}

/** Each `$defs` entry's function with its errors' schemaPath made absolute. */
function absoluteSchemaPaths(code: string, functionPointers: ReadonlyMap<string, string>): string {
  const starts = [...code.matchAll(/function (validate\d+)\(/g)].map((m) => ({ name: m[1]!, at: m.index! }));
  let out = code.slice(0, starts[0]?.at ?? code.length);
  starts.forEach((s, i) => {
    const body = code.slice(s.at, starts[i + 1]?.at ?? code.length);
    const pointer = functionPointers.get(s.name);
    out += pointer === undefined ? body : body.replaceAll('schemaPath:"#/', `schemaPath:"#${pointer}/`);
  });
  const paths = out.match(/schemaPath:[^,}]*/g) ?? [];
  const odd = paths.filter((p) => !/^schemaPath:"#\/[^"]*"$/.test(p));
  if (odd.length) throw new Error(`gen-policy-validator: a schemaPath that is not a plain string: ${odd[0]}`);
  return out;
}

/** The generated module's text for a schema's text. */
export function policyValidatorSource(schemaText = readFileSync(SCHEMA_PATH, 'utf8')): string {
  const schema = withoutAnnotations(JSON.parse(schemaText) as Json);
  // Each $ref'd definition as one function rather than copied into every place that uses it:
  // half the code, and the same errors (tests/policy/validator-generated.test.ts).
  const ajv = new Ajv2020({ ...VALIDATOR_OPTIONS, inlineRefs: false, code: { source: true, esm: true, lines: false, formats: _`formats` } });
  for (const [name, format] of Object.entries(POLICY_FORMATS)) ajv.addFormat(name, format);
  const validate = ajv.compile(schema as object);
  // ajv writes its two run-time helpers as CommonJS requires even for ES modules; the
  // equivalents in policy-formats.ts keep the module plain ESM for every bundler and Node.
  const helpers: Record<string, string> = { ucs2length: 'codePointLength', equal: 'jsonEqual' };
  let code = standaloneCode(ajv, validate)
    // An ES module is strict already, and the directive would no longer come first.
    .replace(/^"use strict";/, '')
    .replace(/require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g, (whole, name: string) => {
      const helper = helpers[name];
      if (!helper) throw new Error(`gen-policy-validator: no equivalent for ajv's run-time helper ${name} (${whole})`);
      return helper;
    });
  if (/require\(/.test(code)) throw new Error('gen-policy-validator: the generated code still requires a module');
  for (const m of code.matchAll(/\bformats(?:\.([\w$]+)|\["([^"]+)"\])/g)) {
    const name = m[1] ?? m[2]!;
    if (!(name in RUNTIME_FORMATS)) throw new Error(`gen-policy-validator: the code calls format ${name}, which RUNTIME_FORMATS lacks`);
  }
  // Which function checks which $defs entry: ajv's compiled references, by the name it gave each.
  const refs = (validate as unknown as { schemaEnv: { root: { refs: Record<string, { validateName?: unknown }> } } }).schemaEnv.root.refs;
  const functionPointers = new Map<string, string>();
  for (const [ref, env] of Object.entries(refs)) {
    const fragment = ref.slice(ref.indexOf('#') + 1);
    if (env.validateName !== undefined && fragment.startsWith('/')) functionPointers.set(String(env.validateName), fragment);
  }
  code = absoluteSchemaPaths(code, functionPointers);
  const shared = shareSchemaConstants(code, schema);
  return [
    '// @ts-nocheck',
    `// Generated by scripts/gen-policy-validator.ts from policy.schema.json (sha256 ${schemaHash(schemaText)}); do not edit.`,
    "import { RUNTIME_FORMATS as formats, codePointLength, jsonEqual } from './policy-formats.ts';",
    shared.code,
    `export const policySchema = ${shared.rootName};`,
    '',
  ].join('\n');
}

/** Write the generated validator if it differs from what is on disk; true when it was written. */
export function writePolicyValidator(): boolean {
  return writeIfChanged(GENERATED_PATH, policyValidatorSource());
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(writePolicyValidator() ? 'Wrote src/policy/policy-validator.generated.ts' : 'src/policy/policy-validator.generated.ts is up to date');
}
