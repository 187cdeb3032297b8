/**
 * A compact form of a long free-mail list: a Golomb–Rice coded set of domain hashes (the
 * construction is Golomb's 1966 run-length code with a power-of-two parameter, as Rice used it).
 *
 * Each domain is hashed to a number below `count × 2^bits`; the sorted hashes are stored as the
 * differences between neighbours, each as a unary quotient and a `bits`-bit remainder, about
 * `bits + 1.5` bits a domain instead of the domain's own letters. Every listed domain is found
 * (no false negatives); a domain that is not listed is taken for one with probability about
 * 2^-bits per lookup (one in a million at 20 bits). scripts/gen-free-mail.ts writes the set
 * for the maintained list; tests/free-mail-set.test.ts checks every listed domain and a sample
 * of others.
 */

export interface EncodedDomainSet {
  /** How many domains were hashed (the hash range is count × 2^bits). */
  count: number;
  /** Remainder bits: the false-positive rate is about 2^-bits per lookup. */
  bits: number;
  /** The coded differences, base64. */
  data: string;
}

/**
 * A 53-bit hash of a lower-case domain: two 32-bit multiplicative hashes of its UTF-16 code
 * units (FNV-1a's prime for one, a second odd constant for the other), each finished with
 * MurmurHash3's 32-bit mixing step, joined into one integer that a double holds exactly.
 */
export function domainHash(domain: string): number {
  let a = 0x811c9dc5;
  let b = 0x27d4eb2f;
  for (let i = 0; i < domain.length; i++) {
    const c = domain.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (mix(a) >>> 0) * 0x200000 + (mix(b ^ domain.length) >>> 11);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Where a domain's hash falls in a set of `count` domains coded with `bits` remainder bits. */
export function hashInRange(domain: string, count: number, bits: number): number {
  return domainHash(domain) % (count * 2 ** bits);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Build the coded set (used at build time by scripts/gen-free-mail.ts). */
export function encodeDomainSet(domains: Iterable<string>, bits: number): EncodedDomainSet {
  const unique = [...new Set([...domains].map((d) => d.toLowerCase()))];
  const count = unique.length;
  const values = [...new Set(unique.map((d) => hashInRange(d, count, bits)))].sort((x, y) => x - y);
  const out: number[] = [];
  let byte = 0;
  let used = 0;
  const put = (bit: number): void => {
    byte = (byte << 1) | bit;
    if (++used === 6) {
      out.push(byte);
      byte = 0;
      used = 0;
    }
  };
  const step = 2 ** bits;
  let previous = 0;
  for (const v of values) {
    const delta = v - previous;
    previous = v;
    for (let q = Math.floor(delta / step); q > 0; q--) put(1);
    put(0);
    const r = delta % step;
    for (let k = bits - 1; k >= 0; k--) put(Math.floor(r / 2 ** k) % 2);
  }
  while (used !== 0) put(1); // padding: a quotient that never ends, read as no further value
  return { count, bits, data: out.map((v) => BASE64[v]).join('') };
}

/** The sorted hashes of a coded set. */
export function decodeDomainSet(set: EncodedDomainSet): Float64Array {
  const values: number[] = [];
  const step = 2 ** set.bits;
  let value = 0;
  let quotient = 0;
  let remainder = 0;
  let inRemainder = -1; // bits of the remainder still to read; -1 while reading the quotient
  for (let i = 0; i < set.data.length; i++) {
    const sextet = BASE64.indexOf(set.data[i]!);
    if (sextet < 0) throw new Error(`free-mail set: unexpected character ${JSON.stringify(set.data[i])} at ${i}`);
    for (let k = 5; k >= 0; k--) {
      const bit = (sextet >> k) & 1;
      if (inRemainder < 0) {
        if (bit) quotient++;
        else if (set.bits === 0) {
          value += quotient * step;
          values.push(value);
          quotient = 0;
        } else {
          inRemainder = set.bits;
          remainder = 0;
        }
        continue;
      }
      remainder = remainder * 2 + bit;
      if (--inRemainder === 0) {
        value += quotient * step + remainder;
        values.push(value);
        quotient = 0;
        inRemainder = -1;
      }
    }
  }
  return Float64Array.from(values);
}

/** Whether a sorted array holds a value (binary search). */
export function sortedHas(sorted: Float64Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Membership of one lower-case domain in a coded set, decoding it on first use. */
export function domainSetMembership(set: EncodedDomainSet): (domain: string) => boolean {
  let sorted: Float64Array | undefined;
  return (domain) => {
    sorted ??= decodeDomainSet(set);
    return sortedHas(sorted, hashInRange(domain, set.count, set.bits));
  };
}
