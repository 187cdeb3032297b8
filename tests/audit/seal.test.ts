/**
 * The sealed override record (contract 8): opens with the private key to what was sealed, and
 * shows nothing readable to anyone else.
 */
import { x25519 as nobleX25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { x25519 } from '../../src/audit/x25519.ts';
import { type AuditRecord, decodeKey, generateAuditKeyPair, openStamp, publicKeyOf, stampValue } from '../../src/audit/seal.ts';

const RECORD: AuditRecord = { outcome: 'sent-anyway', rules: ['silent-copy', 'party-political-use'], reason: 'urgent', policy: 'Westmoor Borough Council', checkedAt: '2027-04-12T09:30:00.000Z', version: '0.1.0' };

describe('the sealed override record', () => {
  it('opens with the private key to the record sealed', () => {
    const keys = generateAuditKeyPair();
    const value = stampValue(RECORD, keys.publicKey);
    expect(value).toMatch(/^v=1; [A-Za-z0-9_-]+$/);
    expect(openStamp(value, keys.privateKey)).toEqual({ ok: true, record: RECORD });
    expect(publicKeyOf(keys.privateKey)).toBe(keys.publicKey);
  });

  it('shows no rule id, reason or council name to anyone without the key', () => {
    const keys = generateAuditKeyPair();
    const value = stampValue(RECORD, keys.publicKey);
    for (const word of ['silent', 'copy', 'party', 'urgent', 'Westmoor', 'sent-anyway', 'rules']) expect(value.toLowerCase()).not.toContain(word.toLowerCase());
    // Another key cannot open it.
    expect(openStamp(value, generateAuditKeyPair().privateKey)).toEqual({ ok: false, why: 'other-key' });
    // The same record sealed twice looks different each time (a fresh key per record).
    expect(stampValue(RECORD, keys.publicKey)).not.toBe(value);
  });

  it('hides how many rules fired: one rule and three rules seal to the same length', () => {
    const keys = generateAuditKeyPair();
    const one = stampValue({ ...RECORD, rules: ['silent-copy'] }, keys.publicKey);
    const three = stampValue({ ...RECORD, rules: ['silent-copy', 'personal-email', 'out-of-hours'] }, keys.publicKey);
    expect(one.length).toBe(three.length);
  });

  it('reports an altered or cut header as not opening, and a header of another kind as not a stamp', () => {
    const keys = generateAuditKeyPair();
    const value = stampValue(RECORD, keys.publicKey);
    const flipped = value.slice(0, 40) + (value[40] === 'A' ? 'B' : 'A') + value.slice(41);
    expect(openStamp(flipped, keys.privateKey).ok).toBe(false);
    expect(openStamp(value.slice(0, 60), keys.privateKey)).toEqual({ ok: false, why: 'damaged' });
    expect(openStamp('rules=silent-copy', keys.privateKey)).toEqual({ ok: false, why: 'not-a-stamp' });
    // A header folded over lines by a mail server still opens.
    expect(openStamp(`${value.slice(0, 50)}\r\n ${value.slice(50)}`, keys.privateKey)).toEqual({ ok: true, record: RECORD });
  });

  it('works without WebCrypto, as in classic Outlook’s JavaScript-only runtime', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const a = generateAuditKeyPair();
      const b = generateAuditKeyPair();
      expect(a.privateKey).not.toBe(b.privateKey);
      expect(openStamp(stampValue(RECORD, a.publicKey), a.privateKey)).toEqual({ ok: true, record: RECORD });
    } finally {
      if (saved) Object.defineProperty(globalThis, 'crypto', saved);
    }
  });

  it('computes X25519 as RFC 7748 section 6.1 and noble’s own x25519 do', () => {
    const alice = hexToBytes('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const bob = hexToBytes('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
    expect(bytesToHex(x25519.getPublicKey(alice))).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(bytesToHex(x25519.getPublicKey(bob))).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    const shared = x25519.getSharedSecret(alice, x25519.getPublicKey(bob));
    expect(bytesToHex(shared)).toBe(bytesToHex(x25519.getSharedSecret(bob, x25519.getPublicKey(alice))));
    expect(bytesToHex(shared)).toBe(bytesToHex(nobleX25519.getSharedSecret(alice, nobleX25519.getPublicKey(bob))));
    for (let i = 0; i < 5; i++) {
      const secret = nobleX25519.utils.randomSecretKey();
      expect(bytesToHex(x25519.getPublicKey(secret))).toBe(bytesToHex(nobleX25519.getPublicKey(secret)));
    }
  });

  it('takes keys only as 44 characters of base64 for 32 bytes', () => {
    expect(decodeKey('not a key')).toBeUndefined();
    expect(decodeKey('AAAA')).toBeUndefined();
    expect(decodeKey(generateAuditKeyPair().publicKey)?.length).toBe(32);
  });
});
