import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { vocabularyDoc } from '../scripts/vocabulary-doc.ts';

it('lists every vocabulary entry a policy can name (npm run docs:vocabulary to refresh)', () => {
  expect(readFileSync(resolve(import.meta.dirname, '../docs/vocabulary.md'), 'utf8')).toBe(vocabularyDoc());
});
