import crypto from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { barcodePng } from '../../../test/support/barcodeImages';
import { eventually } from '../../../test/support/eventually';
import { BarcodeReaderPool } from './barcodeReaderPool';
import { OcrReaderPool } from './ocrReaderPool';
import { ReaderTimeoutError } from './workerPool';

// The pool both readers extend (workerPool.ts): an image that takes longer than the timeout
// fails with ReaderTimeoutError, its worker is terminated, and a fresh one serves what follows.
describe('WorkerPool', () => {
  it('gives up on an image over the timeout, replaces the worker and serves the next image', async () => {
    const pool = new BarcodeReaderPool({ workers: 1, queue: 2, timeoutMs: 1000, maxPixels: 40_000_000 });
    try {
      // 3,000 × 3,000 pixels of noise: no barcode, so all three attempts run, the last at 6,000 × 6,000 (seconds).
      const side = 3000;
      const noise = await sharp(crypto.randomBytes(side * side), { raw: { width: side, height: side, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
      const png = await barcodePng('ean13', '4006381333931');
      const slow = pool.read(noise);
      // Waits behind the slow one, then goes to the worker that replaces it.
      const next = pool.read(png);
      await expect(slow).rejects.toBeInstanceOf(ReaderTimeoutError);
      await expect(next).resolves.toMatchObject({ code: '4006381333931' });
      await expect(pool.read(png)).resolves.toMatchObject({ code: '4006381333931' });
      expect(pool.workerRssBytes()).toHaveLength(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('ends a list reader that takes too long together with the OCR thread it started', async () => {
    // This process's threads (Linux): the list worker is one, tesseract.js's engine inside it another.
    const threads = () => fs.readdirSync('/proc/self/task').length;
    // Made before counting: sharp starts its own threads at its first image in this process.
    const noise = await sharp(crypto.randomBytes(4000 * 3000), { raw: { width: 4000, height: 3000, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
    const before = threads();
    // 2 s: a list worker's first list loads the OCR model first (started in its own thread), the list
    // then takes longer than that on 4,000 × 3,000 pixels of noise (read at 2,400 × 1,800).
    const pool = new OcrReaderPool({ workers: 1, queue: 0, timeoutMs: 2000, maxPixels: 40_000_000 });
    // Sampled while the read runs rather than waited for: on a busy machine the 2 s may be up
    // before the OCR thread starts, and the worker is ended with whatever it had started.
    let peak = threads();
    const sampler = setInterval(() => (peak = Math.max(peak, threads())), 5);
    const slow = pool.read(noise);
    try {
      await expect(slow).rejects.toBeInstanceOf(ReaderTimeoutError);
    } finally {
      clearInterval(sampler);
    }
    expect(peak).toBeGreaterThanOrEqual(before + 1);
    // Nothing of the worker is left to keep the process alive or answer late.
    await eventually(async () => (threads() <= before ? true : undefined), 30_000, 'both threads ended');
    expect(pool.workerRssBytes()).toEqual([]);
    await pool.close();
  }, 60_000);

  it('refuses the images still waiting when it is closed', async () => {
    const pool = new BarcodeReaderPool({ workers: 1, queue: 2, timeoutMs: 60_000, maxPixels: 40_000_000 });
    const png = await barcodePng('ean13', '4006381333931');
    const reads = Promise.allSettled([pool.read(png), pool.read(png)]);
    await pool.close();
    const [first, waiting] = await reads;
    expect(first).toMatchObject({ status: 'rejected', reason: new Error('the barcode reader is closed') });
    expect(waiting).toMatchObject({ status: 'rejected', reason: new Error('the barcode reader is closed') });
    await expect(pool.read(png)).rejects.toThrow('the barcode reader is closed');
  }, 60_000);
});
