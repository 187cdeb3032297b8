/**
 * A Blob for the reading worker that joins its parts when it is made. The MIME parser collects a
 * part's body as one Blob part per line; Node's own Blob keeps every part, so a body of 200,000
 * short lines costs seconds and hundreds of MB to turn back into bytes. This keeps one array of
 * bytes instead: time and memory in proportion to the body. Only the worker installs it
 * (read-worker.ts); what it offers is what the parser uses (size, type, arrayBuffer, text, slice).
 */
type Part = string | ArrayBuffer | ArrayBufferView | JoinedBlob;

export class JoinedBlob {
  readonly type: string;
  private readonly bytes: Uint8Array;

  constructor(parts: readonly Part[] = [], options: { type?: string } = {}) {
    this.type = options.type ?? '';
    const encoder = new TextEncoder();
    const pieces = parts.map((part) =>
      typeof part === 'string'
        ? encoder.encode(part)
        : part instanceof JoinedBlob
          ? part.bytes
          : part instanceof ArrayBuffer
            ? new Uint8Array(part)
            : new Uint8Array(part.buffer, part.byteOffset, part.byteLength),
    );
    let size = 0;
    for (const piece of pieces) size += piece.length;
    this.bytes = new Uint8Array(size);
    let at = 0;
    for (const piece of pieces) {
      this.bytes.set(piece, at);
      at += piece.length;
    }
  }

  get size(): number {
    return this.bytes.length;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.bytes.slice().buffer;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(this.bytes);
  }

  slice(start?: number, end?: number, type?: string): JoinedBlob {
    return new JoinedBlob([this.bytes.slice(start, end)], { type: type ?? '' });
  }

  get [Symbol.toStringTag](): string {
    return 'Blob';
  }
}
