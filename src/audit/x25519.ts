/**
 * X25519 (RFC 7748) from @noble/curves' Montgomery-ladder building block, without the Edwards
 * curve that `@noble/curves/ed25519.js` brings along for its fast fixed-base path: the same
 * arithmetic for a third of the send-time script's bytes, and no call for random blinding
 * bytes (the JavaScript-only runtime may have no crypto.getRandomValues).
 * tests/audit/seal.test.ts checks it against RFC 7748's test vectors and noble's own x25519.
 */
import { montgomery } from '@noble/curves/abstract/montgomery.js';
import { pow } from '@noble/curves/abstract/modular.js';

// The field prime 2^255 - 19 (RFC 7748 section 4.1).
const P = 2n ** 255n - 19n;

/** RFC 7748 section 5: decoding 32 random bytes as a scalar clears bits 0–2 and 255 and sets bit 254. */
function adjustScalarBytes(bytes: Uint8Array): Uint8Array {
  bytes[0]! &= 248;
  bytes[31]! &= 127;
  bytes[31]! |= 64;
  return bytes;
}

export const x25519 = montgomery({ P, type: 'x25519', adjustScalarBytes, powPminus2: (x: bigint) => pow(x, P - 2n, P) });
