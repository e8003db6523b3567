import type { DecodedBarcode } from './decodeBarcode';
import { WorkerPool, type WorkerPoolOptions } from './workerPool';
import type { WorkerSettings } from './workerProtocol';

export { ReaderBusyError, ReaderTimeoutError } from './workerPool';

export interface BarcodeReaderPoolOptions extends WorkerPoolOptions {
  maxPixels: number;
}

/**
 * Worker threads reading barcodes (barcodeWorker.ts: sharp and zxing, loaded
 * by each worker at its start), so that libvips and zxing, which block for
 * tens of milliseconds per photo, never stall the event loop.
 */
export class BarcodeReaderPool extends WorkerPool<DecodedBarcode | null> {
  constructor(options: BarcodeReaderPoolOptions) {
    const workerData: WorkerSettings = { maxPixels: options.maxPixels };
    super(options, { directory: __dirname, name: 'barcodeWorker', workerData, label: 'barcode reader' });
  }

  /** The first barcode in the image, null when none is read. Rejects with ImageDecodeError, ReaderBusyError or ReaderTimeoutError. */
  read(bytes: Uint8Array): Promise<DecodedBarcode | null> {
    return this.run(bytes);
  }
}
