/**
 * Checks an Outlook `.msg` (an OLE compound file, [MS-CFB]) before the `.msg` reader is let
 * near it. The reader follows the file's own sector chains and counts as they are written: a
 * damaged file whose chain loops, or whose header claims two billion sectors, makes it allocate
 * until the process dies, which no try/catch can stop. Every count, size, index and chain it
 * would trust is checked here first, against the file's real length, in time linear in the file.
 *
 * Facts used ([MS-CFB] 2.2 header, 2.3 FAT, 2.5 DIFAT, 2.6 directory entries):
 * - the header is 512 bytes; the sector shift at 0x1E is 9 (512-byte sectors) or 12 (4,096);
 *   sector n starts at byte (n + 1) × sector size;
 * - 0x2C number of FAT sectors, 0x30 first directory sector, 0x3C first mini FAT sector,
 *   0x40 number of mini FAT sectors, 0x44 first DIFAT sector, 0x48 number of DIFAT sectors,
 *   0x4C the first 109 FAT sector numbers;
 * - a chain ends with ENDOFCHAIN (0xFFFFFFFE, -2 as a signed number); FREESECT is -1;
 * - a directory entry is 128 bytes: object type at 0x42 (1 storage, 2 stream, 5 root), left
 *   sibling 0x44, right sibling 0x48, child 0x4C (NOSTREAM is -1), starting sector 0x74,
 *   stream size 0x78; streams under 4,096 bytes live in the mini stream in 64-byte sectors,
 *   whose chain is the root entry's.
 * The reading model (which FAT sectors are consulted, which entries are walked) is the one the
 * reader in use applies, so that what passes here is what it can read without running away.
 */

const END_OF_CHAIN = -2;
const NO_STREAM = -1;
const ENTRY_SIZE = 128;
const MINI_SECTOR = 64;
const MINI_CUTOFF = 4096;
const HEADER_FAT_SLOTS = 109;

/** What is wrong with the file's structure, in words for its owner. */
export class DamagedMsgError extends Error {
  override name = 'DamagedMsgError';
}

const damaged = (why: string): never => {
  throw new DamagedMsgError(`The .msg file is damaged (${why}), so it cannot be read. Open it in Outlook and save it again, or export the message as .eml.`);
};

interface Entry {
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/**
 * Throw a DamagedMsgError unless the compound file's structure is consistent enough for the
 * reader to walk without looping or allocating beyond the file's size.
 */
export function assertReadableCompoundFile(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int = (at: number) => view.getInt32(at, true);
  const shift = bytes[30];
  if (shift !== 9 && shift !== 12) damaged('its header gives an impossible sector size');
  const sector = shift === 12 ? 4096 : 512;
  const perSector = sector / 4;
  // Sectors that start inside the file; a last sector cut short is read up to the file's end.
  const sectors = Math.max(0, Math.floor((bytes.length - sector) / sector));
  if (sectors === 0) damaged('it ends straight after its header');
  const isSector = (n: number) => Number.isInteger(n) && n >= 0 && n < sectors;
  const sectorOffset = (n: number) => (n + 1) * sector;
  const fullyInside = (n: number) => sectorOffset(n) + sector <= bytes.length;

  const fatCount = int(0x2c);
  const directoryStart = int(0x30);
  const miniFatStart = int(0x3c);
  const miniFatCount = int(0x40);
  const difatStart = int(0x44);
  const difatCount = int(0x48);
  if (fatCount < 0 || fatCount > sectors) damaged('its header counts more allocation sectors than the file holds');
  if (miniFatCount < 0 || miniFatCount > sectors) damaged('its header counts more small-block sectors than the file holds');
  if (difatCount < 0 || difatCount > sectors) damaged('its header counts more index sectors than the file holds');

  // The FAT's own sectors: up to 109 in the header, the rest in the DIFAT chain.
  const fat: number[] = [];
  for (let i = 0; i < Math.min(fatCount, HEADER_FAT_SLOTS); i++) fat.push(int(0x4c + 4 * i));
  let remaining = fatCount - fat.length;
  let next = difatStart;
  for (let i = 0; i < difatCount; i++) {
    if (!isSector(next) || !fullyInside(next)) damaged('an index sector lies outside the file');
    const base = sectorOffset(next);
    const take = Math.max(0, Math.min(remaining, perSector - 1));
    for (let k = 0; k < take; k++) {
      const value = int(base + 4 * k);
      if (value === -1 || value === END_OF_CHAIN) break;
      fat.push(value);
    }
    remaining -= take;
    next = int(base + 4 * (perSector - 1));
    if (next === -1 || next === END_OF_CHAIN) break;
  }
  for (const n of fat) if (!isSector(n) || !fullyInside(n)) damaged('an allocation sector lies outside the file');

  /** The next sector after n in a FAT-like table whose sectors are `table`. */
  const nextIn = (table: readonly number[], n: number): number => {
    const holder = table[Math.floor(n / perSector)];
    return holder === undefined ? END_OF_CHAIN : int(sectorOffset(holder) + 4 * (n % perSector));
  };

  // Chain lengths already known to end properly, so that shared tails are walked once.
  const knownFat = new Map<number, number>();
  /** The sectors of a big-sector chain, or a DamagedMsgError when it loops or leaves the file. */
  const chainLength = (start: number, known: Map<number, number>, table: readonly number[], limit: number, valid: (n: number) => boolean): number => {
    const walked: number[] = [];
    const onPath = new Set<number>();
    let n = start;
    let tail = 0;
    while (n !== END_OF_CHAIN) {
      const already = known.get(n);
      if (already !== undefined) {
        tail = already;
        break;
      }
      if (!valid(n)) damaged('a chain of sectors points outside the file');
      if (onPath.has(n) || walked.length >= limit) damaged('a chain of sectors runs in a circle');
      onPath.add(n);
      walked.push(n);
      n = nextIn(table, n);
    }
    for (let i = walked.length - 1; i >= 0; i--) known.set(walked[i]!, ++tail);
    return tail;
  };
  const bigChain = (start: number) => chainLength(start, knownFat, fat, sectors, isSector);
  const bigSectors = (start: number): number[] => {
    bigChain(start);
    const out: number[] = [];
    for (let n = start; n !== END_OF_CHAIN; n = nextIn(fat, n)) out.push(n);
    return out;
  };

  // The mini FAT's sectors, as the reader collects them: at most the count, stopping at 0 or the end.
  const miniFat: number[] = [];
  for (let i = 0, n = miniFatStart; i < miniFatCount && n && n !== END_OF_CHAIN; i++) {
    if (!isSector(n) || !fullyInside(n)) damaged('a small-block index sector lies outside the file');
    if (miniFat.includes(n)) damaged('the small-block index runs in a circle');
    miniFat.push(n);
    n = nextIn(fat, n);
  }

  // Directory entries: every sector of the directory chain holds sector / 128 of them.
  if (!isSector(directoryStart)) damaged('its directory lies outside the file');
  const directory = bigSectors(directoryStart);
  const entries: Entry[] = [];
  for (const n of directory) {
    for (let k = 0; k < sector / ENTRY_SIZE; k++) {
      const at = sectorOffset(n) + k * ENTRY_SIZE;
      if (at + ENTRY_SIZE > bytes.length) break;
      const type = bytes[at + 0x42]!;
      const known = type === 1 || type === 2 || type === 5;
      entries.push(
        known
          ? { type, left: int(at + 0x44), right: int(at + 0x48), child: int(at + 0x4c), start: int(at + 0x74), size: int(at + 0x78) }
          : { type, left: NO_STREAM, right: NO_STREAM, child: NO_STREAM, start: 0, size: 0 },
      );
    }
  }
  const root = entries[0];
  if (!root) damaged('it has no directory entries');

  // The entry tree: every index in range, every entry reached once (a loop would never end).
  const seen = new Uint8Array(entries.length);
  const streams: Entry[] = [];
  const pending: number[] = [];
  const visitChildren = (of: Entry) => {
    if (of.child !== NO_STREAM) pending.push(of.child);
  };
  visitChildren(root!);
  seen[0] = 1;
  while (pending.length) {
    const index = pending.pop()!;
    if (!Number.isInteger(index) || index < 0 || index >= entries.length) damaged('its directory names an entry it does not have');
    if (seen[index]) damaged('its directory refers to the same entry twice');
    seen[index] = 1;
    const entry = entries[index]!;
    if (entry.left !== NO_STREAM) pending.push(entry.left);
    if (entry.right !== NO_STREAM) pending.push(entry.right);
    if (entry.type === 1) visitChildren(entry);
    else if (entry.type === 2) streams.push(entry);
  }

  // The mini stream (the root entry's chain) and every stream's own chain.
  const miniStream = root!.start === END_OF_CHAIN || root!.size === 0 ? [] : bigSectors(root!.start);
  const miniSectors = Math.floor((miniStream.length * sector) / MINI_SECTOR);
  const knownMini = new Map<number, number>();
  for (const stream of streams) {
    if (stream.size === 0) continue;
    if (stream.size < 0 || stream.size > bytes.length) damaged('a part of the message claims to be larger than the whole file');
    if (stream.size < MINI_CUTOFF) {
      const isMini = (n: number) => Number.isInteger(n) && n >= 0 && n < miniSectors;
      const length = chainLength(stream.start, knownMini, miniFat, miniSectors, isMini);
      if (length !== Math.ceil(stream.size / MINI_SECTOR)) damaged('a part of the message is shorter or longer than its size says');
    } else {
      const length = bigChain(stream.start);
      if (length < Math.ceil(stream.size / sector)) damaged('a part of the message is cut short');
    }
  }
}
