import { workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { ShoppingListReader } from './readShoppingList';
import { serveImageJobs } from './serveImageJobs';
import type { WorkerSettings } from './workerProtocol';

// One image at a time per worker, as for barcodes: libvips gets one thread and no cache.
sharp.concurrency(1);
sharp.cache(false);

const settings = workerData as WorkerSettings;
// The model is loaded by the first list this worker reads, then kept for the worker's life.
const reader = new ShoppingListReader({ maxPixels: settings.maxPixels });

serveImageJobs((bytes) => reader.read(bytes));
