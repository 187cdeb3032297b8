/**
 * A labelled corpus (the shared Northbridge one by default), parsed once per test file. A corpus
 * is a folder of `.eml` drafts with `policy.json` and `labels.json` beside them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkAsCli } from './check-as-cli.ts';
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

export function corpusPolicy(dir: string = CORPUS_DIR): ResolvedPolicy {
  return resolvePolicy(JSON.parse(readFileSync(join(dir, 'policy.json'), 'utf8')), 'policy.json');
}

export async function loadCorpus(dir: string = CORPUS_DIR): Promise<CorpusCase[]> {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, { expect: RuleId[]; note: string }>;
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (file) => ({ file, draft: await parseEml(readFileSync(join(dir, file))), expect: labels[file]?.expect ?? [], note: labels[file]?.note ?? '' })),
  );
}

/** The test every rule's file has: on the corpus, the rule fires on exactly the drafts labelled with it. */
export function itFiresOnItsCorpusLabels(rule: RuleId): void {
  it('fires on exactly the files labelled with it', async () => {
    const policy = corpusPolicy();
    const cases = await loadCorpus();
    const fired = cases.filter((c) => checkAsCli(c.draft, policy).some((f) => f.rule === rule)).map((c) => c.file);
    const labelled = cases.filter((c) => c.expect.includes(rule)).map((c) => c.file);
    expect({ unexpected: fired.filter((f) => !labelled.includes(f)), missed: labelled.filter((f) => !fired.includes(f)) }).toEqual({ unexpected: [], missed: [] });
  });
}
