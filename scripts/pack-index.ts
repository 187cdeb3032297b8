/**
 * Writes tests/fixtures/pack-index.json: for each of the five protocol packs, the paragraph
 * numbers that start a line and the section headings — facts about the documents' structure,
 * never their sentences — so that a fresh clone can check the rules' citations without the
 * shared brief's protocol texts beside it.
 *
 *   npx tsx scripts/pack-index.ts            (reads ../shared/protocols, or $PROTOCOL_CHECKER_SHARED/protocols)
 *   npx tsx scripts/pack-index.ts --check    (exit 1 if the committed index differs from the texts)
 *
 * tests/standalone.test.ts checks every cited paragraph against the index, and the index
 * against the texts when they are there.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
export const INDEX_PATH = resolve(ROOT, 'tests/fixtures/pack-index.json');

export const PACK_FILES = {
  crawley: 'crawley.txt',
  'tower-hamlets': 'tower-hamlets-draft-2022.txt',
  'district-model': 'district-model.txt',
  'town-council': 'town-council.txt',
  'surrey-heath': 'surrey-heath.txt',
} as const;

export type PackIndex = Record<keyof typeof PACK_FILES, { paragraphs: string[]; headings: string[] }>;

/** The protocols folder of the shared brief, when it is beside this checkout. */
export function protocolsDir(): string | undefined {
  const dir = resolve(ROOT, process.env.PROTOCOL_CHECKER_SHARED ?? '../shared', 'protocols');
  return existsSync(dir) ? dir : undefined;
}

/**
 * One pack's structure: the numbers that start a line (after a list marker or an opening
 * bracket, tracked-change marks removed), in order and once each, and the headings' words.
 */
export function indexOfText(text: string): { paragraphs: string[]; headings: string[] } {
  const clean = text.replace(/~~/g, '');
  const paragraphs = new Set<string>();
  for (const m of clean.matchAll(/^\s*(?:[-*]\s*)?\(?(\d+(?:\.\d+)*)(?=[.)\s]|$)/gm)) paragraphs.add(m[1]!);
  const headings: string[] = [];
  // A heading is a markdown heading, or a section number followed by a short title and nothing else.
  for (const m of clean.matchAll(/^(?:#+\s+(.+)|[*\s]*(\d+\.?[*\s]+[A-Z][A-Za-z ,'’/&()-]{2,70}?)[*\s]*)$/gm)) {
    const heading = (m[1] ?? m[2]!).replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
    if (heading && heading.length <= 100 && !headings.includes(heading)) headings.push(heading);
  }
  return { paragraphs: [...paragraphs], headings };
}

export function buildIndex(dir: string): PackIndex {
  return Object.fromEntries(Object.entries(PACK_FILES).map(([pack, file]) => [pack, indexOfText(readFileSync(resolve(dir, file), 'utf8'))])) as PackIndex;
}

export const indexText = (index: PackIndex): string => `${JSON.stringify(index, null, 1)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = protocolsDir();
  if (!dir) {
    console.error('The protocol texts are not beside this checkout (../shared/protocols): set PROTOCOL_CHECKER_SHARED to the shared brief.');
    process.exit(2);
  }
  const text = indexText(buildIndex(dir));
  if (process.argv.includes('--check')) {
    if (readFileSync(INDEX_PATH, 'utf8') !== text) {
      console.error('tests/fixtures/pack-index.json is out of date: run npx tsx scripts/pack-index.ts');
      process.exit(1);
    }
    console.log('tests/fixtures/pack-index.json is up to date');
  } else {
    writeFileSync(INDEX_PATH, text);
    console.log(`Wrote ${INDEX_PATH}`);
  }
}
