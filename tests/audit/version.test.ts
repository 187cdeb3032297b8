import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDIN_VERSION } from '../../src/audit/version.ts';

describe('the version the override record carries', () => {
  it('is the version in package.json and manifest.json', () => {
    const root = resolve(import.meta.dirname, '../..');
    expect(ADDIN_VERSION).toBe(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version);
    expect(ADDIN_VERSION).toBe(JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')).version);
  });
});
