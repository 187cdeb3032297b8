/**
 * The send-time script is downloaded and run by Outlook on every send, so its size is a budget:
 * a change that makes it larger fails here rather than slowing every user's Send. The budget is
 * what the script measured when it was set (issue 15: 204 KB gzip before, 198 KB after), with
 * a little room; lower it when the script shrinks. Most of what remains is the engine itself:
 * its rules and analysis code, the lexicon's phrases, the coded free-mail set (37 KB) and the
 * HTML reader's table of named character references.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { SCHEMA_PATH } from '../../scripts/gen-policy-validator.ts';

const script = readFileSync(join(inject('siteDir'), 'send-check.js'), 'utf8');

/**
 * Gzip at zlib's default level, as a web server compresses a script it sends. The issue's target
 * is 100 KB; the engine and its vocabulary alone are about 105 KB (see issue 15's closing note),
 * so this budget guards against growth while that work goes on: it was 198 KB after the
 * validator was trimmed, 206 KB after a session's vocabulary for the text rules, and 217 KB once
 * four rules gained learned scorers (lexicon/data/topic-scorers.json, about 10 KB gzip: they
 * raised the held-out recall of favours from 0.46 to 0.79 and of pressure from 0.56 to 0.69).
 * It is 228 KB since the phrases for five more blind councils (about 6 KB): held-out
 * pre-election-publicity reached its target then. Behaviour-preserving cuts were looked for and
 * not found: what remains at run time is phrases, scorer weights, the validator, the free-mail
 * set and the HTML reader's entity table.
 */
const GZIP_BUDGET_BYTES = 228 * 1024;

describe('the size of the built send-time script', () => {
  it(`is at most ${GZIP_BUDGET_BYTES / 1024} KB gzipped`, () => {
    expect(gzipSync(script).length).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
  });

  it("carries the policy validator without the schema's descriptions and compiles no schema when it runs", () => {
    const schemaText = readFileSync(SCHEMA_PATH, 'utf8');
    const descriptions = [...schemaText.matchAll(/"description":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(descriptions.length).toBeGreaterThan(20);
    expect(descriptions.filter((d) => script.includes(d))).toEqual([]);
    // ajv's run-time compiler builds each validator with new Function.
    expect(script).not.toMatch(/new Function\b/);
  });

  it('carries nothing the send check never runs: no .msg reader, no React', () => {
    expect(script).not.toContain('__substg1.0_');
    expect(script).not.toMatch(/react\.production|__SECRET_INTERNALS|useState/);
  });
});
