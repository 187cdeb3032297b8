/**
 * A streaming mbox splitter: yields one message's bytes at a time, so that an export of any
 * size is read in constant memory (one message and one read buffer). Written here rather than
 * taken from npm: the mbox readers there (node-mbox, mbox-reader, mbox-parser) are unmaintained
 * for years, and the format is small — RFC 4155: each message starts with a line beginning
 * "From " (the "From_" line); a body line that began "From " was written as ">From ", and
 * mboxrd writers add one ">" to lines that already began ">From ", which is taken off again here.
 *
 * A file that ends part-way through a line (a cut-short download or copy) yields its last
 * message as damaged, with the reason, and every message before it as usual.
 */
import { createReadStream } from 'node:fs';

export type MboxItem =
  /** `index` counts from 1, as people count messages; `offset` is where its From_ line starts. */
  | { index: number; offset: number; bytes: Uint8Array }
  | { index: number; offset: number; error: string };

/** One message above this size is reported and skipped, not held in memory. */
export const MAX_MBOX_MESSAGE_BYTES = 64 * 1024 * 1024;

const FROM_ = Buffer.from('From ');

function isFromLine(line: Buffer): boolean {
  return line.length >= 5 && line.subarray(0, 5).equals(FROM_);
}

/** ">From " → "From ", ">>From " → ">From " (mboxrd). */
function unquote(line: Buffer): Buffer {
  if (line[0] !== 0x3e) return line;
  let k = 0;
  while (line[k] === 0x3e) k++;
  return line.subarray(k, k + 5).equals(FROM_) ? line.subarray(1) : line;
}

/**
 * The messages of one mbox file, in order.
 * @param onBytes called with the bytes read so far (for a progress bar).
 */
export async function* mboxMessages(path: string, options: { maxMessageBytes?: number; onBytes?: (n: number) => void } = {}): AsyncGenerator<MboxItem> {
  const max = options.maxMessageBytes ?? MAX_MBOX_MESSAGE_BYTES;
  let carry: Buffer = Buffer.alloc(0);
  let lines: Buffer[] = [];
  let size = 0;
  let tooBig = false;
  let index = 0;
  let offset = 0;
  let start = -1;
  let seenFirst = false;

  const finish = (): MboxItem | undefined => {
    if (start < 0) return undefined;
    // The blank line that separates one message from the next From_ line is not part of it.
    if (lines.length && lines[lines.length - 1]!.toString('latin1').trim() === '') lines.pop();
    const item: MboxItem = tooBig
      ? { index, offset: start, error: `message ${index} is larger than ${Math.round(max / 1048576)} MB, so it was skipped` }
      : { index, offset: start, bytes: new Uint8Array(Buffer.concat(lines)) };
    lines = [];
    size = 0;
    tooBig = false;
    return item;
  };

  const take = function* (line: Buffer): Generator<MboxItem> {
    if (!seenFirst) {
      seenFirst = true;
      if (!isFromLine(line)) {
        yield { index: 0, offset: 0, error: 'this is not an mbox file: it does not start with a "From " line' };
        throw new StopMbox();
      }
    }
    if (isFromLine(line)) {
      const done = finish();
      if (done) yield done;
      index++;
      start = offset;
    } else if (!tooBig) {
      const body = unquote(line);
      size += body.length;
      if (size > max) {
        tooBig = true;
        lines = [];
      } else lines.push(body);
    }
    offset += line.length;
  };

  let read = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      read += chunk.length;
      options.onBytes?.(read);
      let data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let from = 0;
      for (let nl = data.indexOf(0x0a, from); nl !== -1; nl = data.indexOf(0x0a, from)) {
        // Each line is copied out of the read buffer so that the buffer can be freed.
        yield* take(Buffer.from(data.subarray(from, nl + 1)));
        from = nl + 1;
      }
      carry = Buffer.from(data.subarray(from));
      data = Buffer.alloc(0);
      if (carry.length > max + 1024) {
        // One enormous line: keep counting, but not holding it.
        tooBig = true;
        offset += carry.length;
        carry = Buffer.alloc(0);
      }
    }
    if (!seenFirst && carry.length === 0) {
      yield { index: 0, offset: 0, error: 'the file is empty' };
      return;
    }
    if (carry.length) {
      // The file ends part-way through a line: the last message was cut short.
      yield* take(carry);
      const last = finish();
      if (last) yield { index: last.index, offset: last.offset, error: `the export ends part-way through message ${last.index}: it was cut short, so it was not checked` };
      return;
    }
    const last = finish();
    if (last) yield last;
  } catch (error) {
    if (error instanceof StopMbox) return;
    throw error;
  }
}

class StopMbox extends Error {}
