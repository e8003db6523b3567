import type { ImageDecodeError } from './imageDecodeError';

/** What the pool gives every barcode worker at start. */
export interface WorkerSettings {
  maxPixels: number;
}

export interface WorkerRequest {
  id: number;
  /** Transferred, not copied. */
  bytes: ArrayBuffer;
}

/** A worker's answer for one image: what it read (a barcode, the lines of a list), or why the image could not be read. */
export type WorkerReply<T> =
  | { id: number; ok: true; result: T; rssBytes: number }
  | { id: number; ok: false; kind: ImageDecodeError['kind']; message: string; rssBytes: number };

/** Sent once, when the worker has loaded its libraries and listens. */
export interface WorkerReady {
  ready: true;
}
