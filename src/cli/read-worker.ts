/**
 * The worker thread that reads draft files for the CLI (see isolated-reader.ts): one message
 * in (a file's name and bytes), one message out (the draft, or why it cannot be read). A file
 * that makes the reader run away kills this thread, not the command.
 */
import { parentPort } from 'node:worker_threads';
import type { Draft } from '../engine/types.ts';
import { heapBudget } from './heap-budget.ts';
import { JoinedBlob } from './joined-blob.ts';
import { parseDraftBytes } from './read-draft.ts';

// The MIME parser's bodies are built as Blobs of one part per line: see joined-blob.ts.
globalThis.Blob = JoinedBlob as unknown as typeof Blob;

export interface ReadRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

export type ReadReply = { id: number; draft: Draft } | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  const keepMemoryFlat = heapBudget();
  port.on('message', (request: ReadRequest) => {
    void (async () => {
      let reply: ReadReply;
      try {
        reply = { id: request.id, draft: await parseDraftBytes(request.fileName, request.bytes) };
      } catch (error) {
        reply = { id: request.id, error: (error as Error)?.message ?? String(error) };
      }
      port.postMessage(reply);
      keepMemoryFlat();
    })();
  });
  port.postMessage({ ready: true });
}
