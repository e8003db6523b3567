import { workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { decodeBarcode } from './decodeBarcode';
import { serveImageJobs } from './serveImageJobs';
import type { WorkerSettings } from './workerProtocol';

// One image at a time per worker: the pool's size is the decoding concurrency,
// so libvips gets one thread here and keeps no cache between unrelated photos.
sharp.concurrency(1);
sharp.cache(false);

const settings = workerData as WorkerSettings;

serveImageJobs((bytes) => decodeBarcode(bytes, { maxPixels: settings.maxPixels }));
