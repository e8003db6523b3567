import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { decodeBarcode, ImageDecodeError } from './decodeBarcode';
import type { WorkerReady, WorkerReply, WorkerRequest, WorkerSettings } from './workerProtocol';

// One image at a time per worker: the pool's size is the decoding concurrency,
// so libvips gets one thread here and keeps no cache between unrelated photos.
sharp.concurrency(1);
sharp.cache(false);

const settings = workerData as WorkerSettings;

parentPort!.on('message', (request: WorkerRequest) => {
  decodeBarcode(new Uint8Array(request.bytes), { maxPixels: settings.maxPixels }).then(
    (barcode) => reply({ id: request.id, ok: true, barcode, rssBytes: process.memoryUsage.rss() }),
    (error: unknown) =>
      reply({
        id: request.id,
        ok: false,
        kind: error instanceof ImageDecodeError ? error.kind : 'UNREADABLE',
        message: error instanceof Error ? error.message : String(error),
        rssBytes: process.memoryUsage.rss(),
      }),
  );
});

function reply(message: WorkerReply | WorkerReady): void {
  parentPort!.postMessage(message);
}

reply({ ready: true });
