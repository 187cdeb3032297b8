/** The shared Northbridge corpus, parsed once per test file. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedPolicy } from '../../src/engine/policy.ts';
import type { Draft, RuleId } from '../../src/engine/types.ts';
import { parseEml } from '../../src/mail/eml.ts';
import { resolvePolicy } from '../../src/policy/resolve.ts';
import { CORPUS_DIR } from './shared.ts';

export { CORPUS_DIR };

export interface CorpusCase {
  file: string;
  draft: Draft;
  expect: RuleId[];
  note: string;
}

export function corpusPolicy(): ResolvedPolicy {
  return resolvePolicy(JSON.parse(readFileSync(join(CORPUS_DIR, 'policy.json'), 'utf8')), 'policy.json');
}

export async function loadCorpus(): Promise<CorpusCase[]> {
  const labels = JSON.parse(readFileSync(join(CORPUS_DIR, 'labels.json'), 'utf8')) as Record<string, { expect: RuleId[]; note: string }>;
  const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (file) => ({ file, draft: await parseEml(readFileSync(join(CORPUS_DIR, file))), expect: labels[file]?.expect ?? [], note: labels[file]?.note ?? '' })),
  );
}
