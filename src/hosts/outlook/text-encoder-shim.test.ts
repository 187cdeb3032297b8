import { describe, expect, it } from 'vitest';
import { Utf8Encoder } from './text-encoder-shim.ts';

describe('the UTF-8 encoder for runtimes without TextEncoder', () => {
  it('encodes as the platform TextEncoder does, astral characters and lone surrogates included', () => {
    for (const text of ['', 'plain ASCII', 'Cllr Siân Ó Dálaigh – £5', '漢字 and emoji 🐑', 'lone \ud800 surrogate', 'end \udc00']) {
      expect([...new Utf8Encoder().encode(text)]).toEqual([...new TextEncoder().encode(text)]);
    }
  });
});
