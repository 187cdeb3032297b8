/**
 * docs/vocabulary.md from the lexicon files: every entry id a policy's `vocabulary` can name,
 * with its idea and source. `npm run docs:vocabulary` writes it; tests/vocabulary-doc.test.ts
 * fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEXICON_FILES } from '../src/engine/lexicon/index.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function vocabularyDoc(): string {
  const lines = [
    '# Vocabulary entries',
    '',
    'The lexicon (`src/engine/lexicon/data/*.json`) holds every cue the text rules read, one entry per',
    'idea. A policy can add phrases to an entry, ignore some of its phrases, or switch it off with the',
    '`vocabulary` field (see [policy.md](policy.md#vocabulary)). This page is generated from the files',
    '(`npm run docs:vocabulary`); the `frame.*` entries are how the text model reads requests,',
    'instructions and reported speech.',
    '',
  ];
  for (const file of LEXICON_FILES) {
    if (file.entries.length === 0) continue;
    lines.push(`## ${file.family}`, '', cell(file.description), '', '| entry | idea | source |', '|---|---|---|');
    for (const e of file.entries) lines.push(`| \`${e.id}\` | ${cell(e.idea)} | ${cell(e.source)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/vocabulary.md', import.meta.url), vocabularyDoc());
  console.log('wrote docs/vocabulary.md');
}
