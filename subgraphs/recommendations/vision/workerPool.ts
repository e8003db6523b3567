import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImageDecodeError } from './imageDecodeError';
import type { WorkerReady, WorkerReply, WorkerRequest } from './workerProtocol';

export interface WorkerPoolOptions {
  workers: number;
  /** Images waiting for a free worker; one more is refused with ReaderBusyError. */
  queue: number;
  /** Longest one image may take once a worker has it. */
  timeoutMs: number;
}

/** Which worker to start: `<entry>.js` beside the pool when compiled, `<entry>.ts` from the sources. */
export interface WorkerEntry {
  /** The folder of the entry (the pool's own `__dirname`). */
  directory: string;
  /** The file name without extension, e.g. `barcodeWorker`. */
  name: string;
  /** Given to every worker as its `workerData`. */
  workerData: unknown;
  /** In messages: "barcode reader", "list reader". */
  label: string;
}

/** Every worker is busy and the queue is full. */
export class ReaderBusyError extends Error {}
/** A worker took longer than timeoutMs on one image (it is replaced). */
export class ReaderTimeoutError extends Error {}

interface Job<T> {
  bytes: Uint8Array;
  resolve: (result: T) => void;
  reject: (error: Error) => void;
}

interface Slot<T> {
  worker: Worker;
  /** The image being read; its timer starts once the worker is ready (start-up is not the image's time). */
  job: (Job<T> & { id: number; timer: NodeJS.Timeout | null }) | null;
  /** The worker has loaded its libraries and said so. */
  ready: boolean;
  rssBytes: number;
}

/**
 * A fixed number of worker threads each reading one image at a time, so that
 * the native and WebAssembly code doing it (libvips, zxing, tesseract), which
 * blocks for tens of milliseconds to seconds per photo, never stalls the event
 * loop that serves every other request. Workers start on the first image and
 * are kept; one that times out or dies is terminated and replaced. The worker
 * entry answers the protocol of workerProtocol.ts (serveImageJobs.ts).
 */
export class WorkerPool<T> {
  private readonly slots: Slot<T>[] = [];
  private readonly waiting: Job<T>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    protected readonly options: WorkerPoolOptions,
    private readonly entry: WorkerEntry,
  ) {}

  /** What the worker made of the image. Rejects with ImageDecodeError, ReaderBusyError or ReaderTimeoutError. */
  protected run(bytes: Uint8Array): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`the ${this.entry.label} is closed`));
    return new Promise((resolve, reject) => {
      const job: Job<T> = { bytes, resolve, reject };
      const idle = this.idleSlot();
      if (idle) return this.send(idle, job);
      if (this.waiting.length >= this.options.queue) {
        return reject(new ReaderBusyError(`all ${this.options.workers} ${this.entry.label}s are busy and ${this.waiting.length} images wait`));
      }
      this.waiting.push(job);
    });
  }

  /** Resident set size each worker last reported (the process's, as worker threads share it). */
  workerRssBytes(): number[] {
    return this.slots.map((slot) => slot.rssBytes);
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = () => new Error(`the ${this.entry.label} is closed`);
    for (const job of this.waiting.splice(0)) job.reject(error());
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, error())));
  }

  private idleSlot(): Slot<T> | null {
    const idle = this.slots.find((slot) => slot.job === null);
    if (idle) return idle;
    if (this.slots.length < this.options.workers) {
      const slot: Slot<T> = { worker: this.startWorker(), job: null, ready: false, rssBytes: 0 };
      this.watch(slot);
      this.slots.push(slot);
      return slot;
    }
    return null;
  }

  private send(slot: Slot<T>, job: Job<T>): void {
    const id = this.nextId++;
    slot.job = { ...job, id, timer: slot.ready ? this.startTimer(slot) : null };
    // A copy the worker owns: the caller's bytes may be a view into a larger buffer (Node pools small
    // Buffers), and Buffer#slice would be another view, not a copy.
    const copy = new Uint8Array(job.bytes.byteLength);
    copy.set(job.bytes);
    const bytes = copy.buffer;
    const request: WorkerRequest = { id, bytes };
    slot.worker.postMessage(request, [bytes]);
  }

  /** Native code cannot be interrupted mid-image: on timeout the worker is terminated and replaced. */
  private startTimer(slot: Slot<T>): NodeJS.Timeout {
    return setTimeout(() => {
      void this.replace(slot, new ReaderTimeoutError(`reading the image took longer than ${this.options.timeoutMs} ms`));
    }, this.options.timeoutMs);
  }

  private watch(slot: Slot<T>): void {
    slot.worker.on('message', (reply: WorkerReply<T> | WorkerReady) => {
      if ('ready' in reply) {
        slot.ready = true;
        // Posted before the worker was ready, the image waited in its port; its time starts now.
        if (slot.job && !slot.job.timer) slot.job.timer = this.startTimer(slot);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      if (job.timer) clearTimeout(job.timer);
      slot.job = null;
      slot.rssBytes = reply.rssBytes;
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new ImageDecodeError(reply.kind, reply.message));
      this.next(slot);
    });
    slot.worker.on('error', (error) => void this.replace(slot, error));
    slot.worker.on('exit', () => {
      if (this.slots.includes(slot) && !this.closed) void this.replace(slot, new Error(`a ${this.entry.label} stopped`));
    });
  }

  private next(slot: Slot<T>): void {
    const job = this.waiting.shift();
    if (job) this.send(slot, job);
  }

  /** Fails the slot's image, ends its worker and puts a fresh one in its place. */
  private async replace(slot: Slot<T>, error: Error): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    await this.stop(slot, error);
    if (this.closed) return;
    const job = this.waiting.shift();
    if (!job) return;
    const fresh = this.idleSlot();
    if (fresh) this.send(fresh, job);
    else this.waiting.unshift(job);
  }

  private async stop(slot: Slot<T>, error: Error): Promise<void> {
    const job = slot.job;
    slot.job = null;
    if (job) {
      if (job.timer) clearTimeout(job.timer);
      job.reject(error);
    }
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    // Also ends the threads the worker started itself (tesseract.js runs its engine in one).
    await slot.worker.terminate();
  }

  private startWorker(): Worker {
    const { directory, name, workerData } = this.entry;
    // Compiled (dist/): the worker entry is JavaScript next to the pool. From the TypeScript
    // sources (npm start, tests, benchmarks): a worker does not inherit the loader this thread
    // runs under, so it registers tsx's CommonJS hook before requiring the .ts entry.
    const compiled = path.join(directory, `${name}.js`);
    if (fs.existsSync(compiled)) return new Worker(compiled, { workerData });
    const source = path.join(directory, `${name}.ts`);
    // Resolved here: an eval'd worker resolves bare names from the working directory, not from this file.
    const tsx = require.resolve('tsx/cjs/api');
    return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData });
  }
}
