import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DecodedBarcode } from './decodeBarcode';
import { ImageDecodeError } from './imageDecodeError';
import type { WorkerReady, WorkerReply, WorkerRequest, WorkerSettings } from './workerProtocol';

export interface BarcodeReaderPoolOptions {
  workers: number;
  /** Images waiting for a free worker; one more is refused with ReaderBusyError. */
  queue: number;
  /** Longest one image may take once a worker has it. */
  timeoutMs: number;
  maxPixels: number;
}

/** Every worker is busy and the queue is full. */
export class ReaderBusyError extends Error {}
/** A worker took longer than timeoutMs on one image (it is replaced). */
export class ReaderTimeoutError extends Error {}

interface Job {
  bytes: Uint8Array;
  resolve: (barcode: DecodedBarcode | null) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The image being read; its timer starts once the worker is ready (start-up is not the image's time). */
  job: (Job & { id: number; timer: NodeJS.Timeout | null }) | null;
  /** The worker has loaded sharp and zxing and said so. */
  ready: boolean;
  rssBytes: number;
}

/**
 * A fixed number of worker threads reading barcodes, so that libvips and zxing
 * (which block for tens of milliseconds per photo) never stall the event loop
 * that serves every other request. Workers start on the first image and are
 * kept; one that times out or dies is replaced.
 */
export class BarcodeReaderPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: BarcodeReaderPoolOptions) {}

  /** The first barcode in the image, null when none is read. Rejects with ImageDecodeError, ReaderBusyError or ReaderTimeoutError. */
  read(bytes: Uint8Array): Promise<DecodedBarcode | null> {
    if (this.closed) return Promise.reject(new Error('the barcode reader is closed'));
    return new Promise((resolve, reject) => {
      const job: Job = { bytes, resolve, reject };
      const idle = this.idleSlot();
      if (idle) return this.run(idle, job);
      if (this.waiting.length >= this.options.queue) return reject(new ReaderBusyError(`all ${this.options.workers} barcode readers are busy and ${this.waiting.length} images wait`));
      this.waiting.push(job);
    });
  }

  /** Resident set size each worker last reported (the process's, as worker threads share it). */
  workerRssBytes(): number[] {
    return this.slots.map((slot) => slot.rssBytes);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('the barcode reader is closed'));
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, new Error('the barcode reader is closed'))));
  }

  private idleSlot(): Slot | null {
    const idle = this.slots.find((slot) => slot.job === null);
    if (idle) return idle;
    if (this.slots.length < this.options.workers) {
      const slot: Slot = { worker: this.startWorker(), job: null, ready: false, rssBytes: 0 };
      this.watch(slot);
      this.slots.push(slot);
      return slot;
    }
    return null;
  }

  private run(slot: Slot, job: Job): void {
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

  /** libvips cannot be interrupted mid-image: on timeout the worker is terminated and replaced. */
  private startTimer(slot: Slot): NodeJS.Timeout {
    return setTimeout(() => {
      void this.replace(slot, new ReaderTimeoutError(`reading the image took longer than ${this.options.timeoutMs} ms`));
    }, this.options.timeoutMs);
  }

  private watch(slot: Slot): void {
    slot.worker.on('message', (reply: WorkerReply | WorkerReady) => {
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
      if (reply.ok) job.resolve(reply.barcode);
      else job.reject(new ImageDecodeError(reply.kind, reply.message));
      this.next(slot);
    });
    slot.worker.on('error', (error) => void this.replace(slot, error));
    slot.worker.on('exit', () => {
      if (this.slots.includes(slot) && !this.closed) void this.replace(slot, new Error('a barcode reader stopped'));
    });
  }

  private next(slot: Slot): void {
    const job = this.waiting.shift();
    if (job) this.run(slot, job);
  }

  /** Fails the slot's image, ends its worker and puts a fresh one in its place. */
  private async replace(slot: Slot, error: Error): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    await this.stop(slot, error);
    if (this.closed) return;
    const job = this.waiting.shift();
    if (!job) return;
    const fresh = this.idleSlot();
    if (fresh) this.run(fresh, job);
    else this.waiting.unshift(job);
  }

  private async stop(slot: Slot, error: Error): Promise<void> {
    const job = slot.job;
    slot.job = null;
    if (job) {
      if (job.timer) clearTimeout(job.timer);
      job.reject(error);
    }
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    await slot.worker.terminate();
  }

  private startWorker(): Worker {
    const workerData: WorkerSettings = { maxPixels: this.options.maxPixels };
    // Compiled (dist/): the worker entry is JavaScript next to this file. From the TypeScript
    // sources (npm start, tests, benchmarks): a worker does not inherit the loader this thread
    // runs under, so it registers tsx's CommonJS hook before requiring the .ts entry.
    const compiled = path.join(__dirname, 'barcodeWorker.js');
    if (fs.existsSync(compiled)) return new Worker(compiled, { workerData });
    const source = path.join(__dirname, 'barcodeWorker.ts');
    // Resolved here: an eval'd worker resolves bare names from the working directory, not from this file.
    const tsx = require.resolve('tsx/cjs/api');
    return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData });
  }
}
