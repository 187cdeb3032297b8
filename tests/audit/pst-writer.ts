/**
 * A small Outlook .pst writer for the audit tests and bench: no tool on a build machine writes
 * PST, so this one makes the smallest Unicode PST that holds one mail folder of N messages, each
 * with subject, sender, To/Cc/Bcc recipients, plain and HTML body, dates, transport headers and
 * internet headers kept as named properties (as Exchange keeps an add-in's X- headers on sent
 * items). Written from Microsoft's open specification [MS-PST] (section numbers below); checked
 * only against pst-extractor, the reader the CLI uses — no copy of Outlook or scanpst was at hand.
 *
 * What it leaves out, knowingly: the density list (2.2.2.7.4, optional), the search-related
 * nodes and folder templates of a full "minimal PST" (2.7.1), the hash buckets of the named
 * property map (2.4.7.5; names are listed in the entry and string streams only), and the FMap
 * and FPMap pages a file over 128 allocation maps (about 31 MB) would need: such a file is
 * refused rather than written wrongly. Data blocks are not encoded (bCryptMethod 0, 2.2.2.6).
 *
 * Layout, so that a cut-short copy loses the last messages first: header, allocation and page
 * maps at their fixed places, then every B-tree page (their number is known before any block is
 * placed), the store, the folders and their tables, then each message's blocks, its property
 * block last.
 */
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';

export interface PstAddress {
  name?: string;
  email: string;
}

export interface PstMessage {
  subject: string;
  from: PstAddress;
  to: PstAddress[];
  cc?: PstAddress[];
  bcc?: PstAddress[];
  body: string;
  html?: string;
  date: Date;
  messageId?: string;
  /** PidTagTransportMessageHeaders: the header block as received (absent on most sent items). */
  transportHeaders?: string;
  /** Internet headers kept as named properties in PS_INTERNET_HEADERS, by lower-case name. */
  internetHeaders?: Record<string, string>;
}

export interface PstLayout {
  size: number;
  /** Where each message's first block starts: a test cuts the file there. */
  messageOffsets: number[];
}

// ---- NDB layer: CRC, signatures, blocks (2.2.2) ----

/** [MS-PST] 5.3: CRC-32 with the reflected 0xEDB88320 table, started at 0, no final inversion. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function pstCrc(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return crc >>> 0;
}

/** [MS-PST] 5.5 ComputeSig: the two halves of the low 32 bits of ib XOR bid, XORed. */
function signature(ib: number, bid: bigint): number {
  const x = Number((BigInt(ib) ^ bid) & 0xffffffffn);
  return ((x >>> 16) ^ x) & 0xffff;
}

const BLOCK_MAX = 8176; // 2.2.2.8: 8192 bytes less the 16-byte trailer
const HEAP_ALLOC_MAX = 3580; // 2.3.1.1
const PAGE = 512;
const AMAP_FIRST = 0x4400; // 2.2.2.7.2
const AMAP_SPAN = 496 * 8 * 64; // each AMap covers 253,952 bytes
const PMAP_FIRST = 0x4600; // 2.2.2.7.3: one PMap for every eight AMaps
const MAX_AMAPS = 128; // beyond this a file needs FMap pages (2.2.2.7.5), not written here

// 2.2.2.7.1 page types
const PTYPE_BBT = 0x80;
const PTYPE_NBT = 0x81;
const PTYPE_PMAP = 0x83;
const PTYPE_AMAP = 0x84;

// 2.2.2.1 NID types
const NID_TYPE = { normalFolder: 0x02, normalMessage: 0x04, hierarchyTable: 0x0d, contentsTable: 0x0e, assocContentsTable: 0x0f, ltp: 0x1f } as const;
const nid = (type: number, index: number) => ((index << 5) | type) >>> 0;
const NID_MESSAGE_STORE = 0x21;
const NID_NAME_TO_ID_MAP = 0x61;
const NID_ROOT_FOLDER = 0x122;
const NID_RECIPIENT_TABLE = 0x692; // 2.4.5.3

// 2.1.1 property types
const PT = { int32: 0x0003, boolean: 0x000b, time: 0x0040, string: 0x001f, binary: 0x0102 } as const;

interface Block {
  bid: bigint;
  data: Buffer;
}
interface NodeEntry {
  nid: number;
  bidData: bigint;
  bidSub: bigint;
  parent: number;
}

/** The blocks and nodes of a file before they are placed. */
class Store {
  readonly blocks: Block[] = [];
  readonly nodes: NodeEntry[] = [];
  private nextBid = 4n; // 2.2.2.2: BIDs go up in fours; bit 1 marks an internal block

  block(data: Buffer, internal = false): bigint {
    if (data.length > BLOCK_MAX) throw new Error(`a block holds at most ${BLOCK_MAX} bytes`);
    const bid = this.nextBid | (internal ? 2n : 0n);
    this.nextBid += 4n;
    this.blocks.push({ bid, data });
    return bid;
  }

  get bidNext(): bigint {
    return this.nextBid;
  }

  /** Data of any length as one block, or as data blocks under an XBLOCK (2.2.2.8.3.2.1). */
  dataTree(data: Buffer): bigint {
    if (data.length <= BLOCK_MAX) return this.block(data);
    return this.xblock(chunks(data, BLOCK_MAX).map((c) => this.block(c)), data.length);
  }

  /** An XBLOCK over blocks already made (a heap's pages, a row matrix's blocks). */
  xblock(bids: bigint[], total: number): bigint {
    if (bids.length === 1) return bids[0]!;
    if (bids.length > (BLOCK_MAX - 8) / 8) throw new Error('more data than one XBLOCK can list');
    const x = Buffer.alloc(8 + 8 * bids.length);
    x[0] = 0x01; // btype XBLOCK
    x[1] = 0x01; // cLevel
    x.writeUInt16LE(bids.length, 2);
    x.writeUInt32LE(total, 4);
    bids.forEach((b, i) => x.writeBigUInt64LE(b, 8 + 8 * i));
    return this.block(x, true);
  }

  /** A subnode tree of one SLBLOCK (2.2.2.8.3.3.1.1). */
  subnodes(entries: { nid: number; bidData: bigint; bidSub?: bigint }[]): bigint {
    if (!entries.length) return 0n;
    const sorted = [...entries].sort((a, b) => a.nid - b.nid);
    const s = Buffer.alloc(8 + 24 * sorted.length);
    s[0] = 0x02; // btype SLBLOCK
    s[1] = 0x00; // cLevel
    s.writeUInt16LE(sorted.length, 2);
    sorted.forEach((e, i) => {
      s.writeBigUInt64LE(BigInt(e.nid), 8 + 24 * i);
      s.writeBigUInt64LE(e.bidData, 16 + 24 * i);
      s.writeBigUInt64LE(e.bidSub ?? 0n, 24 + 24 * i);
    });
    return this.block(s, true);
  }

  node(entry: NodeEntry): void {
    this.nodes.push(entry);
  }
}

function chunks(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

// ---- LTP layer: heap-on-node, BTH, property and table contexts (2.3) ----

/** 2.3.1.2 fill levels: how much room a heap page has left, as a 4-bit bucket. */
function fillLevel(free: number): number {
  const floors = [3584, 2560, 2048, 1792, 1536, 1280, 1024, 768, 512, 256, 128, 64, 32, 16, 8];
  const i = floors.findIndex((f) => free >= f);
  return i === -1 ? 15 : i;
}

/** A heap-on-node over as many blocks as it needs (2.3.1). */
class Heap {
  private pages: Buffer[][] = [[]];
  private used = [0];
  private userRoot = 0;

  constructor(private readonly clientSig: number) {}

  private headerSize(page: number): number {
    if (page === 0) return 12; // HNHDR
    return (page - 8) % 128 === 0 && page >= 8 ? 66 : 2; // HNBITMAPHDR or HNPAGEHDR
  }

  /** Allocate `data` on the last page, or on a new one when it has no room; returns its HID. */
  alloc(data: Buffer): number {
    if (data.length > HEAP_ALLOC_MAX) throw new Error(`a heap item holds at most ${HEAP_ALLOC_MAX} bytes`);
    const size = data.length;
    let page = this.pages.length - 1;
    const mapSize = (n: number) => 4 + 2 * (n + 1);
    if (this.headerSize(page) + this.used[page]! + size + 1 + mapSize(this.pages[page]!.length + 1) > BLOCK_MAX) {
      this.pages.push([]);
      this.used.push(0);
      page++;
    }
    const padded = Buffer.alloc(size);
    data.copy(padded);
    this.pages[page]!.push(padded);
    this.used[page]! += size;
    return ((page << 16) | (this.pages[page]!.length << 5)) >>> 0; // 2.3.1.1 HID
  }

  /** Change an allocation in place (same length): for a header filled in after its records. */
  patch(hid: number, data: Buffer): void {
    data.copy(this.pages[hid >>> 16]![((hid & 0xffff) >> 5) - 1]!);
  }

  setUserRoot(hid: number): void {
    this.userRoot = hid;
  }

  /** The heap's pages, one block each. */
  pageBuffers(): Buffer[] {
    const out = this.pages.map((items, page) => {
      const head = this.headerSize(page);
      // The page map starts on an even offset (one unallocated byte after the items if need be).
      const raw = Buffer.concat(items);
      const body = raw.length & 1 ? Buffer.concat([raw, Buffer.alloc(1)]) : raw;
      const ibHnpm = head + body.length;
      const map = Buffer.alloc(4 + 2 * (items.length + 1));
      map.writeUInt16LE(items.length, 0); // cAlloc
      map.writeUInt16LE(0, 2); // cFree
      let at = head;
      map.writeUInt16LE(at, 4);
      items.forEach((it, i) => map.writeUInt16LE((at += it.length), 6 + 2 * i));
      const header = Buffer.alloc(head);
      header.writeUInt16LE(ibHnpm, 0);
      return Buffer.concat([header, body, map]);
    });
    const free = out.map((b) => BLOCK_MAX - b.length);
    const levels = (from: number, count: number) => {
      const bytes = Buffer.alloc(count / 2);
      for (let i = 0; i < count && from + i < free.length; i++) bytes[i >> 1]! |= fillLevel(free[from + i]!) << ((i & 1) * 4);
      return bytes;
    };
    const first = out[0]!;
    first[2] = 0xec; // bSig
    first[3] = this.clientSig;
    first.writeUInt32LE(this.userRoot, 4);
    levels(0, 8).copy(first, 8);
    for (let page = 8; page < out.length; page += 128) levels(page, 128).copy(out[page]!, 2);
    return out;
  }
}

/**
 * A BTH on a heap (2.3.2), its header written into `headerHid`, which the caller allocates first
 * so that it sits at HID 0x20 as in Outlook's files (pst-extractor looks for it there).
 */
function buildBth(heap: Heap, headerHid: number, keySize: number, valueSize: number, records: { key: number; value: Buffer }[]): void {
  const sorted = [...records].sort((a, b) => a.key - b.key);
  let level = sorted.map((r) => {
    const b = Buffer.alloc(keySize + valueSize);
    b.writeUIntLE(r.key, 0, keySize);
    r.value.copy(b, keySize);
    return { key: r.key, bytes: b };
  });
  let levels = 0;
  let root = 0;
  if (level.length) {
    for (;;) {
      const perAlloc = Math.floor(HEAP_ALLOC_MAX / level[0]!.bytes.length);
      const groups: (typeof level)[] = [];
      for (let i = 0; i < level.length; i += perAlloc) groups.push(level.slice(i, i + perAlloc));
      const hids = groups.map((g) => heap.alloc(Buffer.concat(g.map((r) => r.bytes))));
      if (groups.length === 1) {
        root = hids[0]!;
        break;
      }
      level = groups.map((g, i) => {
        const b = Buffer.alloc(keySize + 4);
        b.writeUIntLE(g[0]!.key, 0, keySize);
        b.writeUInt32LE(hids[i]!, keySize);
        return { key: g[0]!.key, bytes: b };
      });
      levels++;
    }
  }
  const header = Buffer.alloc(8);
  header[0] = 0xb5; // bType
  header[1] = keySize;
  header[2] = valueSize;
  header[3] = levels;
  header.writeUInt32LE(root, 4);
  heap.patch(headerHid, header);
}

interface Prop {
  id: number;
  type: number;
  value: number | boolean | bigint | Buffer;
}

const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/** 100-nanosecond intervals since 1 January 1601 (PtypTime, [MS-DTYP] FILETIME). */
function filetime(date: Date): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE((BigInt(date.getTime()) + 11644473600000n) * 10000n);
  return b;
}

/**
 * A value that needs more room than a heap item: stored in a subnode of the node (2.3.3.3,
 * 2.3.4.4); `subnodes` gathers them for the node's SLBLOCK.
 */
type Subnodes = { nid: number; bidData: bigint }[];

function variableValue(store: Store, heap: Heap, subnodes: Subnodes, data: Buffer): number {
  if (data.length === 0) return 0;
  if (data.length <= HEAP_ALLOC_MAX) return heap.alloc(data);
  const id = nid(NID_TYPE.ltp, 0x100 + subnodes.length);
  subnodes.push({ nid: id, bidData: store.dataTree(data) });
  return id;
}

/** A property context (2.3.3): the node's data block(s), and any subnodes its large values need. */
function buildPc(store: Store, props: Prop[], extraSubnodes: Subnodes = []): { bidData: bigint; bidSub: bigint } {
  const heap = new Heap(0xbc);
  const subnodes: Subnodes = [];
  const records: { key: number; value: Buffer }[] = [];
  const bthHid = heap.alloc(Buffer.alloc(8)); // reserved first so the BTH header is at HID 0x20
  for (const p of [...props].sort((a, b) => a.id - b.id)) {
    const v = Buffer.alloc(6);
    v.writeUInt16LE(p.type, 0);
    if (p.type === PT.int32) v.writeUInt32LE(Number(p.value) >>> 0, 2);
    else if (p.type === PT.boolean) v.writeUInt32LE(p.value ? 1 : 0, 2);
    else v.writeUInt32LE(variableValue(store, heap, subnodes, p.value as Buffer), 2);
    records.push({ key: p.id, value: v });
  }
  buildBth(heap, bthHid, 2, 6, records);
  heap.setUserRoot(bthHid);
  return { bidData: heapBlocks(store, heap), bidSub: store.subnodes([...subnodes, ...extraSubnodes]) };
}

/** A heap's pages as blocks, under an XBLOCK when there is more than one. */
function heapBlocks(store: Store, heap: Heap): bigint {
  const pages = heap.pageBuffers();
  return store.xblock(pages.map((b) => store.block(b)), pages.reduce((n, b) => n + b.length, 0));
}

interface Column {
  tag: number; // property id << 16 | type
  size: 1 | 2 | 4 | 8;
}

/**
 * A table context (2.3.4). Rows hold fixed-size values inline and variable ones as HNIDs; the
 * row matrix lives in the heap when small, else in a subnode of 8,176-byte blocks that rows
 * never straddle (2.3.4.4).
 */
function buildTc(store: Store, extraColumns: Column[], rows: { rowId: number; values: Map<number, number | bigint | Buffer> }[]): { bidData: bigint; bidSub: bigint } {
  const heap = new Heap(0x7c);
  const subnodes: Subnodes = [];
  const rowIndexHid = heap.alloc(Buffer.alloc(8)); // the row index BTH header, at HID 0x20
  // 2.3.4.4.1: the row id and its version come first; then 4- and 8-byte, 2-byte, 1-byte values.
  const columns: Column[] = [
    { tag: 0x67f20003, size: 4 },
    { tag: 0x67f30003, size: 4 },
    ...extraColumns.filter((c) => c.size >= 4).sort((a, b) => b.size - a.size || a.tag - b.tag),
    ...extraColumns.filter((c) => c.size === 2),
    ...extraColumns.filter((c) => c.size === 1),
  ];
  const ib = new Map<number, number>();
  let at = 0;
  for (const c of columns) ib.set(c.tag, (at += c.size) - c.size);
  const end4 = columns.filter((c) => c.size >= 4).reduce((n, c) => n + c.size, 0);
  const end2 = end4 + columns.filter((c) => c.size === 2).length * 2;
  const end1 = end2 + columns.filter((c) => c.size === 1).length;
  const rowSize = end1 + Math.ceil(columns.length / 8);
  const iBit = new Map(columns.map((c, i) => [c.tag, i]));

  const rowBytes = rows.map((r, index) => {
    const b = Buffer.alloc(rowSize);
    const set = (tag: number, value: number | bigint | Buffer) => {
      const col = columns.find((c) => c.tag === tag)!;
      const off = ib.get(tag)!;
      const type = tag & 0xffff;
      if (type === PT.string || type === PT.binary) b.writeUInt32LE(variableValue(store, heap, subnodes, value as Buffer), off);
      else if (col.size === 8) (value as Buffer).copy(b, off);
      else b.writeUIntLE(Number(value), off, col.size);
      const bit = iBit.get(tag)!;
      b[end1 + (bit >> 3)]! |= 0x80 >> (bit & 7); // cell existence bits, most significant first
    };
    set(0x67f20003, r.rowId);
    set(0x67f30003, index + 1);
    for (const [tag, value] of r.values) set(tag, value);
    return b;
  });

  // The row matrix: whole rows per 8,176-byte block, each full block padded to that length.
  const perBlock = Math.floor(BLOCK_MAX / rowSize);
  const matrixBlocks: Buffer[] = [];
  for (let i = 0; i < rowBytes.length; i += perBlock) matrixBlocks.push(Buffer.concat(rowBytes.slice(i, i + perBlock)));
  for (let i = 0; i < matrixBlocks.length - 1; i++) matrixBlocks[i] = Buffer.concat([matrixBlocks[i]!, Buffer.alloc(BLOCK_MAX - matrixBlocks[i]!.length)]);
  const matrix = Buffer.concat(matrixBlocks);
  let hnidRows = 0;
  if (matrix.length > 0 && matrix.length <= HEAP_ALLOC_MAX) hnidRows = heap.alloc(matrix);
  else if (matrix.length > 0) {
    hnidRows = nid(NID_TYPE.ltp, 0x80);
    subnodes.push({ nid: hnidRows, bidData: store.xblock(matrixBlocks.map((m) => store.block(m)), matrix.length) });
  }

  const rowIndexRecords = rows.map((r, index) => {
    const v = Buffer.alloc(4);
    v.writeUInt32LE(index);
    return { key: r.rowId, value: v };
  });
  buildBth(heap, rowIndexHid, 4, 4, rowIndexRecords);

  // 2.3.4.1 TCINFO; the columns sorted by tag (2.3.4.2).
  const info = Buffer.alloc(22 + 8 * columns.length);
  info[0] = 0x7c;
  info[1] = columns.length;
  info.writeUInt16LE(end4, 2);
  info.writeUInt16LE(end2, 4);
  info.writeUInt16LE(end1, 6);
  info.writeUInt16LE(rowSize, 8);
  info.writeUInt32LE(rowIndexHid, 10);
  info.writeUInt32LE(hnidRows, 14);
  info.writeUInt32LE(0, 18); // hidIndex, deprecated
  [...columns].sort((a, b) => a.tag - b.tag).forEach((c, i) => {
    info.writeUInt32LE(c.tag >>> 0, 22 + 8 * i);
    info.writeUInt16LE(ib.get(c.tag)!, 26 + 8 * i);
    info[28 + 8 * i] = c.size;
    info[29 + 8 * i] = iBit.get(c.tag)!;
  });
  heap.setUserRoot(heap.alloc(info));
  return { bidData: heapBlocks(store, heap), bidSub: store.subnodes(subnodes) };
}

// ---- Messaging layer: store, folders, messages (2.4) ----

const PS_INTERNET_HEADERS = Buffer.from([0x86, 0x03, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46]); // {00020386-0000-0000-C000-000000000046}
const str = (id: number, s: string): Prop => ({ id, type: PT.string, value: utf16(s) });
const int = (id: number, n: number): Prop => ({ id, type: PT.int32, value: n });
const time = (id: number, d: Date): Prop => ({ id, type: PT.time, value: filetime(d) });

/**
 * The named property map (2.4.7): the GUID, entry and string streams for string-named
 * properties in PS_INTERNET_HEADERS. Property ids 0x8000 + n follow the order of `names`.
 */
function nameToIdMap(store: Store, names: readonly string[]): void {
  const entries = Buffer.alloc(8 * names.length);
  const strings: Buffer[] = [];
  let offset = 0;
  names.forEach((name, i) => {
    const text = utf16(name);
    const item = Buffer.alloc(4 + text.length + ((4 - (text.length % 4)) % 4)); // each name 4-byte aligned (2.4.7.4)
    item.writeUInt32LE(text.length, 0);
    text.copy(item, 4);
    entries.writeUInt32LE(offset, 8 * i); // dwPropertyID: where the name starts in the string stream
    entries.writeUInt16LE(((3 + 0) << 1) | 1, 8 * i + 4); // wGuid: first GUID of the stream, string-named (N = 1)
    entries.writeUInt16LE(i, 8 * i + 6); // wPropIdx
    strings.push(item);
    offset += item.length;
  });
  const pc = buildPc(store, [int(0x0001, 251), { id: 0x0002, type: PT.binary, value: PS_INTERNET_HEADERS }, { id: 0x0003, type: PT.binary, value: entries }, { id: 0x0004, type: PT.binary, value: Buffer.concat(strings) }]);
  store.node({ nid: NID_NAME_TO_ID_MAP, ...pc, parent: 0 });
}

const RECIPIENT_COLUMNS: Column[] = [
  { tag: 0x0c150003, size: 4 }, // PidTagRecipientType
  { tag: 0x3001001f, size: 4 }, // PidTagDisplayName
  { tag: 0x3002001f, size: 4 }, // PidTagAddressType
  { tag: 0x3003001f, size: 4 }, // PidTagEmailAddress
  { tag: 0x39fe001f, size: 4 }, // PidTagSmtpAddress
];

const show = (a: PstAddress) => a.name ?? a.email;

function messageNode(store: Store, m: PstMessage, id: number, folder: number, named: readonly string[]): void {
  const recipients = [
    ...m.to.map((a) => ({ a, type: 1 })),
    ...(m.cc ?? []).map((a) => ({ a, type: 2 })),
    ...(m.bcc ?? []).map((a) => ({ a, type: 3 })),
  ];
  const table = buildTc(
    store,
    RECIPIENT_COLUMNS,
    recipients.map(({ a, type }, i) => ({
      rowId: i + 1,
      values: new Map<number, number | Buffer>([
        [0x0c150003, type],
        [0x3001001f, utf16(show(a))],
        [0x3002001f, utf16('SMTP')],
        [0x3003001f, utf16(a.email)],
        [0x39fe001f, utf16(a.email)],
      ]),
    })),
  );
  const recipientSubnode = { nid: NID_RECIPIENT_TABLE, bidData: table.bidData, ...(table.bidSub ? { bidSub: table.bidSub } : {}) };
  const props: Prop[] = [
    str(0x001a, 'IPM.Note'), // PidTagMessageClass
    str(0x0037, m.subject), // PidTagSubject
    time(0x0039, m.date), // PidTagClientSubmitTime
    str(0x0042, show(m.from)), // PidTagSentRepresentingName
    str(0x0064, 'SMTP'), // PidTagSentRepresentingAddressType
    str(0x0065, m.from.email), // PidTagSentRepresentingEmailAddress
    str(0x0c1a, show(m.from)), // PidTagSenderName
    str(0x0c1e, 'SMTP'), // PidTagSenderAddressType
    str(0x0c1f, m.from.email), // PidTagSenderEmailAddress
    str(0x0e02, (m.bcc ?? []).map(show).join('; ')), // PidTagDisplayBcc
    str(0x0e03, (m.cc ?? []).map(show).join('; ')), // PidTagDisplayCc
    str(0x0e04, m.to.map(show).join('; ')), // PidTagDisplayTo
    time(0x0e06, m.date), // PidTagMessageDeliveryTime
    int(0x0e07, 0x01), // PidTagMessageFlags: mfRead
    int(0x0e08, m.body.length + (m.html?.length ?? 0)), // PidTagMessageSize (approximate)
    str(0x1000, m.body), // PidTagBody
    time(0x3007, m.date), // PidTagCreationTime
    time(0x3008, m.date), // PidTagLastModificationTime
  ];
  if (m.html) props.push({ id: 0x1013, type: PT.binary, value: Buffer.from(m.html, 'utf8') }, int(0x3fde, 65001)); // PidTagHtml, PidTagInternetCodepage
  if (m.messageId) props.push(str(0x1035, m.messageId)); // PidTagInternetMessageId
  if (m.transportHeaders) props.push(str(0x007d, m.transportHeaders)); // PidTagTransportMessageHeaders
  for (const [name, value] of Object.entries(m.internetHeaders ?? {})) {
    const index = named.indexOf(name.toLowerCase());
    if (index === -1) throw new Error(`${name}: not in the named property map`);
    props.push(str(0x8000 + index, value));
  }
  store.node({ nid: id, ...buildPc(store, props, [recipientSubnode]), parent: folder });
}

/** A folder (2.4.4): its property context and its hierarchy, contents and associated contents tables. */
function folderNodes(store: Store, id: number, parent: number, name: string, children: { folders: number[]; messages: { nid: number; date: Date; size: number }[] }): void {
  const index = id >>> 5;
  const pc = buildPc(store, [
    str(0x3001, name), // PidTagDisplayName
    int(0x3602, children.messages.length), // PidTagContentCount
    int(0x3603, 0), // PidTagContentUnreadCount
    { id: 0x360a, type: PT.boolean, value: children.folders.length > 0 }, // PidTagSubfolders
    str(0x3613, 'IPF.Note'), // PidTagContainerClass
  ]);
  store.node({ nid: id, ...pc, parent });
  const hierarchy = buildTc(store, [], children.folders.map((f) => ({ rowId: f, values: new Map() })));
  store.node({ nid: nid(NID_TYPE.hierarchyTable, index), ...hierarchy, parent: 0 });
  const contents = buildTc(
    store,
    [
      { tag: 0x00390040, size: 8 }, // PidTagClientSubmitTime
      { tag: 0x0e070003, size: 4 }, // PidTagMessageFlags
      { tag: 0x0e080003, size: 4 }, // PidTagMessageSize
    ],
    children.messages.map((m) => ({ rowId: m.nid, values: new Map<number, number | Buffer>([[0x00390040, filetime(m.date)], [0x0e070003, 1], [0x0e080003, m.size]]) })),
  );
  store.node({ nid: nid(NID_TYPE.contentsTable, index), ...contents, parent: 0 });
  const assoc = buildTc(store, [], []);
  store.node({ nid: nid(NID_TYPE.assocContentsTable, index), ...assoc, parent: 0 });
}

// ---- Placing it all in a file ----

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/**
 * Hands out file space after the fixed pages: each AMap range starts with its AMap page (and,
 * every eighth range, a PMap page after it); nothing is placed across the end of a range.
 */
class Space {
  private at = PMAP_FIRST + PAGE;
  readonly used: [number, number][] = [];

  take(size: number, alignment: number): number {
    for (;;) {
      const a = Math.floor((this.at - AMAP_FIRST) / AMAP_SPAN);
      const base = AMAP_FIRST + a * AMAP_SPAN;
      const start = align(Math.max(this.at, base + PAGE * (a % 8 === 0 ? 2 : 1)), alignment);
      if (start + size <= base + AMAP_SPAN) {
        this.at = start + size;
        this.used.push([start, size]);
        return start;
      }
      this.at = base + AMAP_SPAN;
    }
  }

  get end(): number {
    return this.at;
  }
}

/** B-tree pages (2.2.2.7.7): leaves of entries, then levels of (first key, child) until one page. */
function planBtree(entries: { key: bigint; bytes: Buffer }[], leafEntrySize: number): { level: number; items: { key: bigint; bytes: Buffer }[] }[][] {
  const levels: { level: number; items: { key: bigint; bytes: Buffer }[] }[][] = [];
  let current = entries;
  let level = 0;
  for (;;) {
    const per = Math.floor(488 / (level === 0 ? leafEntrySize : 24));
    const pages: { level: number; items: { key: bigint; bytes: Buffer }[] }[] = [];
    for (let i = 0; i < Math.max(current.length, 1); i += per) pages.push({ level, items: current.slice(i, i + per) });
    levels.push(pages);
    if (pages.length === 1) return levels;
    current = pages.map((p) => ({ key: p.items[0]!.key, bytes: Buffer.alloc(24) })); // child BREF filled in when placed
    level++;
  }
}

/**
 * Write a PST of one folder ("Sent Items" under the root) holding `count` messages, message i
 * coming from `messageAt(i)`. Returns where each message's blocks start (for cutting tests).
 */
export function writePst(path: string, count: number, messageAt: (i: number) => PstMessage, options: { folderName?: string; namedHeaders?: readonly string[] } = {}): PstLayout {
  const named = (options.namedHeaders ?? ['x-protocol-checker', 'x-ms-has-attach']).map((n) => n.toLowerCase());
  const store = new Store();
  const folderId = nid(NID_TYPE.normalFolder, 0x401);
  const messageIds = Array.from({ length: count }, (_, i) => nid(NID_TYPE.normalMessage, 0x10000 + i));

  // The message store (2.4.3): record key, display name, and the folder as the top of the tree.
  const recordKey = Buffer.from('5052 4f54 4f43 4f4c 2d43 4845 434b 4552'.replace(/ /g, ''), 'hex');
  const subtree = Buffer.concat([Buffer.alloc(4), recordKey, Buffer.alloc(4)]);
  subtree.writeUInt32LE(folderId, 20);
  store.node({ nid: NID_MESSAGE_STORE, ...buildPc(store, [{ id: 0x0ff9, type: PT.binary, value: recordKey }, str(0x3001, 'Protocol Checker test export'), { id: 0x35e0, type: PT.binary, value: subtree }]), parent: 0 });
  nameToIdMap(store, named);
  folderNodes(store, NID_ROOT_FOLDER, NID_ROOT_FOLDER, '', { folders: [folderId], messages: [] });
  // The contents table needs each message's date and size before the messages are written.
  const messages = messageIds.map((_, i) => messageAt(i));
  const summaries = messageIds.map((id, i) => ({ nid: id, date: messages[i]!.date, size: messages[i]!.body.length + (messages[i]!.html?.length ?? 0) }));
  folderNodes(store, folderId, NID_ROOT_FOLDER, options.folderName ?? 'Sent Items', { folders: [], messages: summaries });
  const messageStarts: number[] = [];
  for (let i = 0; i < count; i++) {
    messageStarts.push(store.blocks.length);
    messageNode(store, messages[i]!, messageIds[i]!, folderId, named);
  }

  // Entries of the two B-trees (2.2.2.7.7.3 BBTENTRY, 2.2.2.7.7.4 NBTENTRY), then their pages.
  const bbtEntries = store.blocks.map((b) => ({ key: b.bid, bytes: Buffer.alloc(24) }));
  const nbtEntries = [...store.nodes]
    .sort((a, b) => a.nid - b.nid)
    .map((n) => {
      const e = Buffer.alloc(32);
      e.writeBigUInt64LE(BigInt(n.nid), 0);
      e.writeBigUInt64LE(n.bidData, 8);
      e.writeBigUInt64LE(n.bidSub, 16);
      e.writeUInt32LE(n.parent, 24);
      return { key: BigInt(n.nid), bytes: e };
    });
  const bbtPlan = planBtree(bbtEntries, 24);
  const nbtPlan = planBtree(nbtEntries, 32);

  const space = new Space();
  let nextPageBid = 1n; // page BIDs count separately from block BIDs (bidNextP)
  const placePages = (plan: ReturnType<typeof planBtree>) => plan.map((level) => level.map((page) => ({ page, ib: space.take(PAGE, PAGE), bid: (nextPageBid++ << 2n) })));
  const bbtPages = placePages(bbtPlan);
  const nbtPages = placePages(nbtPlan);
  const blockAt = new Map<bigint, { ib: number; size: number }>();
  for (const b of store.blocks) blockAt.set(b.bid, { ib: space.take(align(b.data.length + 16, 64), 64), size: b.data.length });
  const amapCount = Math.ceil((space.end - AMAP_FIRST) / AMAP_SPAN);
  if (amapCount > MAX_AMAPS) throw new Error(`this writer stops at ${MAX_AMAPS} allocation maps (about 31 MB); write fewer or smaller messages`);
  const eof = AMAP_FIRST + amapCount * AMAP_SPAN;

  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, eof);
    // Blocks with their trailers (2.2.2.8.1).
    for (const b of store.blocks) {
      const { ib, size } = blockAt.get(b.bid)!;
      const out = Buffer.alloc(align(size + 16, 64));
      b.data.copy(out);
      const t = out.length - 16;
      out.writeUInt16LE(size, t);
      out.writeUInt16LE(signature(ib, b.bid), t + 2);
      out.writeUInt32LE(pstCrc(b.data), t + 4);
      out.writeBigUInt64LE(b.bid, t + 8);
      writeSync(fd, out, 0, out.length, ib);
    }
    // BBT leaf entries now that the blocks have places: BREF, cb, cRef 2.
    for (const level of bbtPlan) for (const page of level) if (page.level === 0) for (const e of page.items) {
      const at = blockAt.get(e.key)!;
      e.bytes.writeBigUInt64LE(e.key, 0);
      e.bytes.writeBigUInt64LE(BigInt(at.ib), 8);
      e.bytes.writeUInt16LE(at.size, 16);
      e.bytes.writeUInt16LE(2, 18);
    }
    const writePages = (placed: ReturnType<typeof placePages>, ptype: number, leafSize: number) => {
      placed.forEach((level, li) => {
        if (li > 0) {
          // Each entry of this level points at a page of the level below (2.2.2.7.7.2 BTENTRY).
          level.forEach((p) => p.page.items.forEach((e, k) => {
            const childIndex = level.slice(0, level.indexOf(p)).reduce((n, q) => n + q.page.items.length, 0) + k;
            const child = placed[li - 1]![childIndex]!;
            e.bytes.writeBigUInt64LE(e.key, 0);
            e.bytes.writeBigUInt64LE(child.bid, 8);
            e.bytes.writeBigUInt64LE(BigInt(child.ib), 16);
          }));
        }
        for (const p of level) {
          const page = Buffer.alloc(PAGE);
          const size = li === 0 ? leafSize : 24;
          p.page.items.forEach((e, k) => e.bytes.copy(page, k * size));
          page[488] = p.page.items.length; // cEnt
          page[489] = Math.floor(488 / size); // cEntMax
          page[490] = size; // cbEnt
          page[491] = li; // cLevel
          pageTrailer(page, ptype, signature(p.ib, p.bid), p.bid);
          writeSync(fd, page, 0, PAGE, p.ib);
        }
      });
    };
    writePages(bbtPages, PTYPE_BBT, 24);
    writePages(nbtPages, PTYPE_NBT, 32);

    // Allocation maps (2.2.2.7.2): one bit per 64 bytes, most significant bit first.
    let free = 0;
    for (let a = 0; a < amapCount; a++) {
      const base = AMAP_FIRST + a * AMAP_SPAN;
      const page = Buffer.alloc(PAGE);
      const mark = (start: number, size: number) => {
        for (let o = Math.max(start, base); o < Math.min(start + size, base + AMAP_SPAN); o += 64) {
          const bit = (o - base) / 64;
          page[bit >> 3]! |= 0x80 >> (bit & 7);
        }
      };
      mark(base, PAGE);
      if (a % 8 === 0) mark(base + PAGE, PAGE); // the PMap that follows every eighth AMap
      for (const [start, size] of space.used) if (start < base + AMAP_SPAN && start + size > base) mark(start, size);
      for (let k = 0; k < 496; k++) for (let bit = 0; bit < 8; bit++) if (!(page[k]! & (0x80 >> bit))) free += 64;
      pageTrailer(page, PTYPE_AMAP, 0, BigInt(base));
      writeSync(fd, page, 0, PAGE, base);
      if (a % 8 === 0) {
        // 2.2.2.7.3: PMaps are deprecated; every bit set ("all pages in use").
        const pmap = Buffer.alloc(PAGE, 0xff);
        pageTrailer(pmap, PTYPE_PMAP, 0, BigInt(base + PAGE));
        writeSync(fd, pmap, 0, PAGE, base + PAGE);
      }
    }

    const header = unicodeHeader({
      eof,
      amapLast: AMAP_FIRST + (amapCount - 1) * AMAP_SPAN,
      amapFree: free,
      nbt: { bid: nbtPages.at(-1)![0]!.bid, ib: nbtPages.at(-1)![0]!.ib },
      bbt: { bid: bbtPages.at(-1)![0]!.bid, ib: bbtPages.at(-1)![0]!.ib },
      bidNextB: store.bidNext,
      bidNextP: nextPageBid << 2n,
      nextMessageIndex: 0x10000 + count,
    });
    writeSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return { size: eof, messageOffsets: messageStarts.map((k) => blockAt.get(store.blocks[k]!.bid)!.ib) };
}

/** 2.2.2.7.1 PAGETRAILER over the first 496 bytes of a page. */
function pageTrailer(page: Buffer, ptype: number, sig: number, bid: bigint): void {
  page[496] = ptype;
  page[497] = ptype; // ptypeRepeat
  page.writeUInt16LE(sig, 498);
  page.writeUInt32LE(pstCrc(page.subarray(0, 496)), 500);
  page.writeBigUInt64LE(bid, 504);
}

/** 2.2.2.6 HEADER (Unicode, 564 bytes) with 2.2.2.5 ROOT at offset 180. */
function unicodeHeader(h: { eof: number; amapLast: number; amapFree: number; nbt: { bid: bigint; ib: number }; bbt: { bid: bigint; ib: number }; bidNextB: bigint; bidNextP: bigint; nextMessageIndex: number }): Buffer {
  const b = Buffer.alloc(564);
  b.write('!BDN', 0, 'latin1'); // dwMagic
  b.write('SM', 8, 'latin1'); // wMagicClient
  b.writeUInt16LE(23, 10); // wVer: Unicode
  b.writeUInt16LE(19, 12); // wVerClient
  b[14] = 0x01; // bPlatformCreate
  b[15] = 0x01; // bPlatformAccess
  b.writeBigUInt64LE(h.bidNextP, 32);
  b.writeUInt32LE(1, 40); // dwUnique
  // rgnid[32]: the next free index for each NID type; 0x400 unless more are in use.
  for (let t = 0; t < 32; t++) b.writeUInt32LE(t === NID_TYPE.normalMessage ? h.nextMessageIndex : t === NID_TYPE.normalFolder ? 0x402 : 0x400, 44 + 4 * t);
  const root = 180;
  b.writeBigUInt64LE(BigInt(h.eof), root + 4); // ibFileEof
  b.writeBigUInt64LE(BigInt(h.amapLast), root + 12); // ibAMapLast
  b.writeBigUInt64LE(BigInt(h.amapFree), root + 20); // cbAMapFree
  b.writeBigUInt64LE(0n, root + 28); // cbPMapFree
  b.writeBigUInt64LE(h.nbt.bid, root + 36); // BREFNBT
  b.writeBigUInt64LE(BigInt(h.nbt.ib), root + 44);
  b.writeBigUInt64LE(h.bbt.bid, root + 52); // BREFBBT
  b.writeBigUInt64LE(BigInt(h.bbt.ib), root + 60);
  b[root + 68] = 0x02; // fAMapValid: VALID_AMAP2
  b.fill(0xff, 256, 512); // rgbFM, rgbFP: deprecated, all set
  b[512] = 0x80; // bSentinel
  b[513] = 0x00; // bCryptMethod: NDB_CRYPT_NONE
  b.writeBigUInt64LE(h.bidNextB, 516);
  b.writeUInt32LE(pstCrc(b.subarray(8, 8 + 471)), 4); // dwCRCPartial
  b.writeUInt32LE(pstCrc(b.subarray(8, 8 + 516)), 524); // dwCRCFull
  return b;
}
