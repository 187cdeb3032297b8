/**
 * Builds the site once per test run (into test-artifacts/site, with a test base URL) for the
 * tests that load what users get: the send-time bundle in a bare vm, the pages in Chromium.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSite } from '../scripts/build.ts';

export const TEST_BASE_URL = 'https://addin.test.example/';
export const SITE_DIR = resolve(import.meta.dirname, '../test-artifacts/site');

export default async function setup(): Promise<void> {
  rmSync(SITE_DIR, { recursive: true, force: true });
  await buildSite(TEST_BASE_URL, SITE_DIR);
}
