/**
 * Reads draft files in a worker thread with a memory limit and a time limit, so that no file,
 * however damaged, can take the command down or stall a batch: a worker that runs out of its
 * memory, or out of time, is stopped, that file is reported as unreadable in plain words, and
 * a fresh worker reads the next file. One worker is kept for the whole run (starting one costs
 * more than reading a typical draft).
 */
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Draft } from '../engine/types.ts';
import { InputError, parseDraftBytes } from './read-draft.ts';
import type { ReadReply, ReadRequest } from './read-worker.ts';

/** Seconds one file may take to read, unless --file-timeout says otherwise. */
export const DEFAULT_FILE_TIMEOUT_SECONDS = 30;
/** The reader's JavaScript heap, in MB: a real draft needs a small part of it. */
export const READER_MEMORY_MB = 192;
/**
 * Its young generation, in MB. Drafts read one after another leave little alive, and a larger
 * young generation only grows (measured: 8 MB after 500 drafts, 17 MB after 1,000 with 32 MB
 * allowed), which made a folder of 2,000 drafts need more memory than one of 80.
 */
const READER_YOUNG_MB = 12;
// Starting the worker compiles the readers; it is not counted against the first file's time.
const START_TIMEOUT_MS = 60_000;

const WORKER_URL = new URL('./read-worker-entry.mjs', import.meta.url);

export interface ReaderOptions {
  /** Milliseconds one file may take to read. */
  timeoutMs?: number;
  memoryMb?: number;
  /** The worker's script (tests give one that misbehaves on purpose). */
  workerUrl?: URL;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

export class IsolatedReader {
  private worker: Promise<Worker | undefined> | undefined;
  /** The worker being started or in use, so that a read can keep the process alive while it starts. */
  private current: Worker | undefined;
  private nextId = 0;
  /**
   * The read the worker is on: reads are handed to it one at a time, in the order asked for, so
   * that a caller may ask for the next file while it checks this one (the worker parses while the
   * caller checks), and each file's time limit, and a crash, still belong to that file alone.
   */
  private turn: Promise<unknown> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly workerUrl: URL;

  constructor(options: ReaderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_SECONDS * 1000;
    this.memoryMb = options.memoryMb ?? READER_MEMORY_MB;
    this.workerUrl = options.workerUrl ?? WORKER_URL;
  }

  /** Read and parse one draft file; throws an InputError saying, in plain words, why it cannot be read. */
  async read(path: string, fileName: string): Promise<Draft> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read: permission denied' : code === 'EISDIR' ? 'this is a folder, not a file' : 'the file cannot be read from the disk');
    }
    if (bytes.length === 0) throw new InputError('the file is empty');
    return this.inTurn(fileName, bytes);
  }

  /** Read and parse a draft already in memory (one message of an mbox export); the bytes are handed over to the worker. */
  async readBytes(fileName: string, bytes: Uint8Array): Promise<Draft> {
    if (bytes.length === 0) throw new InputError('the message is empty');
    return this.inTurn(fileName, bytes);
  }

  /** Parse the bytes in the worker once the reads asked for before have finished. */
  private inTurn(fileName: string, bytes: Uint8Array): Promise<Draft> {
    const read = this.turn.then(async () => {
      const starting = this.start();
      this.current?.ref();
      const worker = await starting;
      // Without a worker (it could not start), read in this thread: no isolation, but no file is lost.
      if (!worker) return parseDraftBytes(fileName, bytes);
      return this.readIn(worker, fileName, bytes);
    });
    // While a read waits its turn, the one before it holds the worker (and so the process) alive.
    this.turn = read.catch(() => undefined);
    return read;
  }

  /** Stop the worker; the reader can still be used (a new worker is started). */
  async close(): Promise<void> {
    const worker = this.current;
    this.worker = undefined;
    this.current = undefined;
    await worker?.terminate();
  }

  /**
   * Start the worker now, so that it loads the readers while the caller does other work (it
   * does not keep the process alive on its own).
   */
  prepare(): void {
    void this.start();
  }

  private start(): Promise<Worker | undefined> {
    this.worker ??= new Promise<Worker | undefined>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(this.workerUrl, {
          resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: READER_YOUNG_MB },
          stdout: true,
          stderr: true,
        });
      } catch {
        resolve(undefined);
        return;
      }
      this.current = worker;
      worker.unref();
      // Anything a library prints in the worker is not the user's business.
      worker.stdout.resume();
      worker.stderr.resume();
      const timer = setTimeout(() => fail(), START_TIMEOUT_MS);
      const fail = () => {
        clearTimeout(timer);
        if (this.current === worker) this.current = undefined;
        void worker.terminate();
        resolve(undefined);
      };
      worker.once('message', () => {
        clearTimeout(timer);
        worker.off('error', fail);
        worker.off('exit', fail);
        worker.unref();
        resolve(worker);
      });
      worker.once('error', fail);
      worker.once('exit', fail);
    });
    return this.worker;
  }

  private readIn(worker: Worker, fileName: string, bytes: Uint8Array): Promise<Draft> {
    const id = this.nextId++;
    return new Promise<Draft>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        outcome();
      };
      // The worker is gone or must go: the next file gets a new one.
      const replace = () => {
        this.worker = undefined;
        if (this.current === worker) this.current = undefined;
        void worker.terminate();
      };
      const onMessage = (reply: ReadReply) => {
        if (reply.id !== id) return;
        finish(() => ('draft' in reply ? resolve(reply.draft) : reject(new InputError(reply.error))));
      };
      const onError = (error: Error) => {
        replace();
        const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(() =>
          reject(
            new InputError(
              outOfMemory
                ? `reading it needed more than ${this.memoryMb} MB of memory, so it was stopped: the file is probably damaged`
                : 'the reader stopped on this file, which is probably damaged: open it in your mail program and save it again',
            ),
          ),
        );
      };
      const onExit = () => {
        replace();
        finish(() => reject(new InputError('the reader stopped on this file, which is probably damaged: open it in your mail program and save it again')));
      };
      const timer = setTimeout(() => {
        replace();
        finish(() =>
          reject(new InputError(`reading it took longer than ${seconds(this.timeoutMs)}, so it was stopped (a longer limit can be set with --file-timeout)`)),
        );
      }, this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      const request: ReadRequest = { id, fileName, bytes };
      worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
    });
  }
}
