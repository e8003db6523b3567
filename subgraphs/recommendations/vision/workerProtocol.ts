import type { DecodedBarcode } from './decodeBarcode';
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

export type WorkerReply =
  | { id: number; ok: true; barcode: DecodedBarcode | null; rssBytes: number }
  | { id: number; ok: false; kind: ImageDecodeError['kind']; message: string; rssBytes: number };

/** Sent once, when the worker has loaded its libraries and listens. */
export interface WorkerReady {
  ready: true;
}
