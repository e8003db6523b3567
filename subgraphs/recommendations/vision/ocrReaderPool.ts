import type { ReadLine } from './readShoppingList';
import { WorkerPool, type WorkerPoolOptions } from './workerPool';
import type { WorkerSettings } from './workerProtocol';

export interface OcrReaderPoolOptions extends WorkerPoolOptions {
  maxPixels: number;
}

/**
 * Worker threads reading the lines of shopping-list photos (ocrWorker.ts:
 * sharp, then tesseract.js). Each worker loads the OCR model at its first
 * list (0.4–3 s, inside that list's timeout) and keeps it: 100–125 MB per
 * worker (docs/vision.md). A worker that times out is terminated with the
 * tesseract thread it started, and replaced.
 */
export class OcrReaderPool extends WorkerPool<ReadLine[]> {
  constructor(options: OcrReaderPoolOptions) {
    const workerData: WorkerSettings = { maxPixels: options.maxPixels };
    super(options, { directory: __dirname, name: 'ocrWorker', workerData, label: 'list reader' });
  }

  /** The list's lines, cleaned up, in reading order; empty when no text is read. Rejects like BarcodeReaderPool.read. */
  read(bytes: Uint8Array): Promise<ReadLine[]> {
    return this.run(bytes);
  }
}
