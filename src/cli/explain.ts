/** `--explain <rule-id>`: print the rule's page from docs/rules/. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RULE_IDS } from '../engine/types.ts';
import { closestMatch } from './closest.ts';

export type ExplainOutcome = { ok: true; text: string } | { ok: false; message: string };

export async function explainRule(id: string, docsDir: string): Promise<ExplainOutcome> {
  if (!(RULE_IDS as readonly string[]).includes(id)) {
    const suggestion = closestMatch(id, RULE_IDS);
    return {
      ok: false,
      message: `there is no rule called "${id}".${suggestion ? ` Did you mean ${suggestion}?` : ''} The rules are: ${RULE_IDS.join(', ')}.`,
    };
  }
  try {
    return { ok: true, text: await readFile(join(docsDir, `${id}.md`), 'utf8') };
  } catch {
    return { ok: false, message: `the rule ${id} has no documentation yet: docs/rules/${id}.md is missing` };
  }
}

/** Every rule page that exists, for SARIF's rule help. */
export async function readRuleDocs(docsDir: string): Promise<Map<string, string>> {
  const docs = new Map<string, string>();
  await Promise.all(
    RULE_IDS.map(async (id) => {
      try {
        docs.set(id, await readFile(join(docsDir, `${id}.md`), 'utf8'));
      } catch {
        // No page yet: SARIF falls back on the rule's one-line description.
      }
    }),
  );
  return docs;
}
