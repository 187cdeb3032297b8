/** Shared by the policy tests: the sample council's policy file and drafts, read from the repository. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PolicyFile } from '../../src/engine/policy.ts';
import type { Draft } from '../../src/engine/types.ts';
import { parseDraftFile } from '../../src/mail/index.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** samples/policy.json as a fresh object, to change for a test. */
export function samplePolicyFile(): PolicyFile & Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(ROOT, 'samples/policy.json'), 'utf8'));
}

export async function sampleDraft(name: string): Promise<Draft> {
  const path = resolve(ROOT, 'samples/drafts', name);
  return parseDraftFile(name, new Uint8Array(readFileSync(path)));
}
