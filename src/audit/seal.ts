/**
 * The sealed override record (PRODUCT.md contract 8): a small JSON record, sealed to the
 * council's audit public key so that only the holder of the private key (the monitoring
 * officer) can read it. The header travels to every recipient, so nothing in it may be
 * readable without that key: not the rule ids, not the reason, never the draft's words.
 *
 * Construction (an "ECIES" sealed box): a fresh X25519 key pair per record; the shared secret
 * with the council's public key goes through HKDF-SHA-256 (salted with both public keys) to a
 * 32-byte key and a 24-byte nonce for XChaCha20-Poly1305. The sealed text is
 * base64url(ephemeral public key ‖ ciphertext ‖ tag). The plaintext is padded to a multiple of
 * 128 bytes so that the header's length says little about how many rules fired.
 *
 * Pure JavaScript (@noble/curves, @noble/ciphers, @noble/hashes: audited, maintained, no
 * dependencies): it runs in classic Outlook's JavaScript-only event runtime, where WebCrypto
 * cannot be assumed. DOM-free and Node-free: the send-time script bundles it.
 */
import { x25519 } from './x25519.ts';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** The header the record travels in, and its version tag. */
export const AUDIT_HEADER = 'X-Protocol-Checker';
export const AUDIT_HEADER_VERSION = 'v=1';

export type AuditOutcome = 'sent-anyway' | 'overridden' | 'fixed';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['sent-anyway', 'overridden', 'fixed'];

/** What the sealed record holds, and nothing else (never the draft's words). */
export interface AuditRecord {
  outcome: AuditOutcome;
  /** The ids of the rules whose findings the user sent past (or fixed). */
  rules: string[];
  /** A reason code from the policy's audit.reasons (or "false-positive", "other"). */
  reason?: string;
  /** The user's own words for the reason, only when the policy's audit.includeReasonText is true. */
  reasonText?: string;
  /** The policy's council name, so that a report over several councils' mail can tell them apart. */
  policy: string;
  /** When the check ran, ISO 8601. */
  checkedAt: string;
  /** The add-in's version. */
  version: string;
}

// Public keys come from the Montgomery ladder on the base point (x25519.ts has no Edwards fast path).
const publicOf = (secret: Uint8Array): Uint8Array => x25519.getPublicKey(secret);

/**
 * UTF-8 by hand: TextEncoder and TextDecoder cannot be assumed in the JavaScript-only runtime.
 * (encodeURIComponent gives the UTF-8 bytes of a well-formed string, as %XX escapes.)
 */
function utf8Encode(text: string): Uint8Array {
  const escaped = encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
  const out: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '%') {
      out.push(parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(escaped.charCodeAt(i));
  }
  return new Uint8Array(out);
}

function utf8Decode(bytes: Uint8Array): string {
  let escaped = '';
  for (const b of bytes) escaped += b < 0x80 && b !== 0x25 ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`;
  return decodeURIComponent(escaped);
}

const INFO = utf8Encode('protocol-checker audit record v1');
const PAD_TO = 128;
const KEY_LENGTH = 32;

function toBase64(bytes: Uint8Array, url: boolean): string {
  const abc = url ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? abc[(n >> 6) & 63]! : url ? '' : '=';
    out += i + 2 < bytes.length ? abc[n & 63]! : url ? '' : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array | undefined {
  let clean = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  while (clean.endsWith('=')) clean = clean.slice(0, -1);
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of clean) {
    value = (value << 6) | abc.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}

/** A key as the policy and the key files hold it: standard base64 of 32 bytes (44 characters). */
export const encodeKey = (key: Uint8Array): string => toBase64(key, false);

/** A key from its base64 text, or undefined when it is not 32 bytes of base64. */
export function decodeKey(text: string): Uint8Array | undefined {
  const bytes = fromBase64(text);
  return bytes && bytes.length === KEY_LENGTH ? bytes : undefined;
}

let fallbackCounter = 0;

/**
 * Random bytes: the platform's CSPRNG where there is one (crypto.getRandomValues: browsers,
 * Node, new Outlook). Classic Outlook's JavaScript-only runtime may have none; there the
 * ephemeral key comes from SHA-256 over Math.random, the clock and a counter — weaker than a
 * CSPRNG, which docs/audit.md says, but still unknown to anyone who only sees the header.
 */
export function randomBytes(length: number): Uint8Array {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c && typeof c.getRandomValues === 'function') return c.getRandomValues(new Uint8Array(length));
  const out = new Uint8Array(length);
  for (let filled = 0; filled < length; filled += 32) {
    const seed = new Float64Array(10);
    for (let i = 0; i < 8; i++) seed[i] = Math.random();
    seed[8] = Date.now();
    seed[9] = ++fallbackCounter;
    out.set(sha256(new Uint8Array(seed.buffer)).subarray(0, Math.min(32, length - filled)), filled);
  }
  return out;
}

/** A new audit key pair, as base64 text. */
export function generateAuditKeyPair(random: (n: number) => Uint8Array = randomBytes): { publicKey: string; privateKey: string } {
  const secret = random(KEY_LENGTH);
  return { publicKey: encodeKey(publicOf(secret)), privateKey: encodeKey(secret) };
}

/** The public key that belongs to a private key (both base64). */
export function publicKeyOf(privateKey: string): string | undefined {
  const secret = decodeKey(privateKey);
  return secret ? encodeKey(publicOf(secret)) : undefined;
}

function derive(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array): { key: Uint8Array; nonce: Uint8Array } {
  const salt = new Uint8Array(64);
  salt.set(ephemeralPublic, 0);
  salt.set(recipientPublic, 32);
  const okm = hkdf(sha256, shared, salt, INFO, 56);
  return { key: okm.subarray(0, 32), nonce: okm.subarray(32, 56) };
}

/** Seal a record to the council's public key (base64). Throws when the key is not a key. */
export function sealRecord(record: AuditRecord, publicKey: string, random: (n: number) => Uint8Array = randomBytes): string {
  const recipient = decodeKey(publicKey);
  if (!recipient) throw new Error('audit.publicKey is not an X25519 public key');
  const ephemeralSecret = random(KEY_LENGTH);
  const ephemeralPublic = publicOf(ephemeralSecret);
  const { key, nonce } = derive(x25519.scalarMult(ephemeralSecret, recipient), ephemeralPublic, recipient);
  const json = utf8Encode(JSON.stringify(record));
  // Pad with spaces (JSON ignores trailing white space) to hide the record's exact length.
  const padded = new Uint8Array(Math.ceil((json.length + 1) / PAD_TO) * PAD_TO).fill(0x20);
  padded.set(json, 0);
  const sealed = xchacha20poly1305(key, nonce).encrypt(padded);
  const out = new Uint8Array(32 + sealed.length);
  out.set(ephemeralPublic, 0);
  out.set(sealed, 32);
  return toBase64(out, true);
}

/** The header's value for a record: `v=1; <sealed>`. */
export function stampValue(record: AuditRecord, publicKey: string, random?: (n: number) => Uint8Array): string {
  return `${AUDIT_HEADER_VERSION}; ${sealRecord(record, publicKey, random)}`;
}

export type OpenResult = { ok: true; record: AuditRecord } | { ok: false; why: 'not-a-stamp' | 'other-key' | 'damaged' };

function isRecord(value: unknown): value is AuditRecord {
  const r = value as AuditRecord;
  return (
    !!r &&
    typeof r === 'object' &&
    AUDIT_OUTCOMES.includes(r.outcome) &&
    Array.isArray(r.rules) &&
    r.rules.every((id) => typeof id === 'string') &&
    typeof r.policy === 'string' &&
    typeof r.checkedAt === 'string' &&
    typeof r.version === 'string' &&
    (r.reason === undefined || typeof r.reason === 'string') &&
    (r.reasonText === undefined || typeof r.reasonText === 'string')
  );
}

/**
 * Open a header value (`v=1; <sealed>`, folded or not) with the private key (base64).
 * "other-key" means the record was sealed to another key (or altered on the way).
 */
export function openStamp(headerValue: string, privateKey: string): OpenResult {
  // "v=1;" and then the sealed bytes in base64url, which folding may have broken with white space.
  const semicolon = headerValue.indexOf(';');
  const sealed = headerValue.slice(semicolon + 1).replace(/\s+/g, '');
  if (semicolon < 0 || headerValue.slice(0, semicolon).replace(/\s+/g, '') !== 'v=1' || !/^[A-Za-z0-9_-]+$/.test(sealed)) return { ok: false, why: 'not-a-stamp' };
  const bytes = fromBase64(sealed);
  const secret = decodeKey(privateKey);
  if (!bytes || bytes.length < 32 + 16 + PAD_TO || !secret) return { ok: false, why: 'damaged' };
  const ephemeralPublic = bytes.subarray(0, 32);
  const recipient = publicOf(secret);
  let plain: Uint8Array;
  try {
    const { key, nonce } = derive(x25519.scalarMult(secret, ephemeralPublic), ephemeralPublic, recipient);
    plain = xchacha20poly1305(key, nonce).decrypt(bytes.subarray(32));
  } catch {
    return { ok: false, why: 'other-key' };
  }
  try {
    const record = JSON.parse(utf8Decode(plain)) as unknown;
    return isRecord(record) ? { ok: true, record } : { ok: false, why: 'damaged' };
  } catch {
    return { ok: false, why: 'damaged' };
  }
}
