import { barcodePng } from '../../../test/support/barcodeImages';
import { BarcodeReaderPool, ReaderBusyError } from './barcodeReaderPool';
import { ImageDecodeError } from './imageDecodeError';

// The pool's workers load the TypeScript worker entry through tsx here, as under `npm start`.
describe('BarcodeReaderPool', () => {
  let pool: BarcodeReaderPool;
  afterEach(() => pool?.close());

  it('reads barcodes on worker threads, several images at once', async () => {
    pool = new BarcodeReaderPool({ workers: 2, queue: 4, timeoutMs: 60_000, maxPixels: 40_000_000 });
    const codes = ['4006381333931', '5901234123457', '9780201379624', '4003994155486'];
    const reads = await Promise.all(codes.map(async (code) => pool.read(await barcodePng('ean13', code))));
    expect(reads.map((read) => read?.code)).toEqual(codes);
    expect(pool.workerRssBytes()).toHaveLength(2);
    expect(pool.workerRssBytes().every((rss) => rss > 0)).toBe(true);
  });

  it('refuses an image when every worker is busy and the queue is full, then serves again', async () => {
    pool = new BarcodeReaderPool({ workers: 1, queue: 1, timeoutMs: 60_000, maxPixels: 40_000_000 });
    const png = await barcodePng('ean13', '4006381333931');
    // Queued synchronously: the first goes to the worker, the second waits, the third has no room.
    const first = pool.read(png);
    const second = pool.read(png);
    await expect(pool.read(png)).rejects.toBeInstanceOf(ReaderBusyError);
    await expect(first).resolves.toMatchObject({ code: '4006381333931' });
    await expect(second).resolves.toMatchObject({ code: '4006381333931' });
    await expect(pool.read(png)).resolves.toMatchObject({ code: '4006381333931' });
  });

  it('passes a worker\'s refusal on as an ImageDecodeError and keeps the worker', async () => {
    pool = new BarcodeReaderPool({ workers: 1, queue: 0, timeoutMs: 60_000, maxPixels: 1000 });
    await expect(pool.read(await barcodePng('ean13', '4006381333931'))).rejects.toMatchObject({ kind: 'TOO_MANY_PIXELS' });
    await expect(pool.read(Buffer.from('not an image'))).rejects.toBeInstanceOf(ImageDecodeError);
  });
});
