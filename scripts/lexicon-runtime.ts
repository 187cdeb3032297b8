/**
 * A build plugin: the lexicon files as the engine needs them at run time. The ideas, sources,
 * family descriptions and examples are for people and for the generated test; the taskpane and
 * the send-time script only need the phrases and their conditions, so those fields are left out
 * of the bundles (about half the lexicon's size).
 */
import type { Plugin } from 'vite';

const LEXICON_DATA = /[\\/]src[\\/]engine[\\/]lexicon[\\/]data[\\/][^\\/]+\.json$/;

export function lexiconForRuntime(): Plugin {
  return {
    name: 'protocol-checker:lexicon-runtime',
    enforce: 'pre',
    transform(code, id) {
      if (!LEXICON_DATA.test(id.split('?')[0]!)) return null;
      const data = JSON.parse(code) as { description?: string; source?: string; entries?: Record<string, unknown>[]; parties?: Record<string, unknown>[] };
      delete data.description;
      delete (data as { about?: string }).about;
      delete data.source;
      for (const e of data.entries ?? []) {
        delete e.idea;
        delete e.source;
        delete e.examples;
      }
      for (const p of data.parties ?? []) delete p.examples;
      return { code: JSON.stringify(data), map: null };
    },
  };
}
