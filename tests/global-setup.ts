/**
 * Builds the site once per test run (with a test base URL) for the tests that load what users
 * get: the send-time bundle in a bare vm, the pages in Chromium. Each run builds into its own
 * folder, so that test runs side by side cannot pull files from under each other.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../scripts/build.ts';
import { buildCli, cliBuildIsCurrent } from '../scripts/build-cli.ts';

export const TEST_BASE_URL = 'https://addin.test.example/';
const ARTIFACTS = resolve(import.meta.dirname, '../test-artifacts');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site for this run. */
    siteDir: string;
    /** The office-js double as one browser script (global `OfficeDouble`). */
    officeDoubleScript: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const runDir = join(ARTIFACTS, `run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const siteDir = join(runDir, 'site');
  await buildSite(TEST_BASE_URL, siteDir);
  // The command line as it ships (plain JavaScript, bin/protocol-check.js runs it), when the sources are newer.
  if (!cliBuildIsCurrent()) await buildCli();
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: join(runDir, 'office-double'),
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'doubles/office.ts'), formats: ['iife'], name: 'OfficeDouble', fileName: () => 'office-double.js' },
    },
  });
  project.provide('siteDir', siteDir);
  project.provide('officeDoubleScript', join(runDir, 'office-double', 'office-double.js'));
  return () => rmSync(runDir, { recursive: true, force: true });
}
