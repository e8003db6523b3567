import sharp from 'sharp';
import { listPng, noisyJpeg, SHOPPING_LIST } from '../../../test/support/listImages';
import { ImageDecodeError } from './imageDecodeError';
import { OcrReaderPool } from './ocrReaderPool';
import { ReaderBusyError } from './workerPool';

// Lists the test draws itself (SVG text rendered by sharp with the system fonts), read through
// the list readers' pool as the service reads them: a worker thread, sharp, then tesseract.js
// with the model from @tesseract.js-data/eng (nothing fetched).

const CLEANED = ['2 l semi-skimmed milk', '500 g greek yogurt', 'rye bread', '1 kg sweet potatoes', '1 peanut butter'];

let pool: OcrReaderPool;

beforeAll(() => {
  pool = new OcrReaderPool({ workers: 1, queue: 4, timeoutMs: 60_000, maxPixels: 40_000_000 });
});

afterAll(() => pool.close());

describe('reading a shopping list from a photo', () => {
  it('reads every line of a clean list, cleaned up, with what OCR read and its confidence', async () => {
    const lines = await pool.read(await listPng());
    expect(lines.map((line) => line.text)).toEqual(CLEANED);
    // "2 l" comes out of OCR as "2 |", and the bullet, checkbox and "1x" are list furniture.
    expect(lines[0]!.read).toMatch(/^2 [|lI] semi-skimmed milk$/);
    expect(lines[2]!.read).toMatch(/^\[ ?[\]1lI|]? ?rye bread$/);
    for (const line of lines) {
      expect(line.confidence).toBeGreaterThan(0.5);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it('reads at least four of the five lines of the list turned 2.5°, blurred and noisy, as a JPEG', async () => {
    const jpeg = await noisyJpeg(await listPng(), { degrees: 2.5 });
    expect((await sharp(jpeg).metadata()).format).toBe('jpeg');
    const lines = await pool.read(jpeg);
    const exact = CLEANED.filter((text) => lines.some((line) => line.text === text));
    expect(exact.length).toBeGreaterThanOrEqual(4);
    expect(lines.length).toBeLessThanOrEqual(6);
  }, 60_000);

  it('reads a small list (enlarged first) and a list with other lines', async () => {
    const small = await pool.read(await listPng(['wholemeal bread', 'olive oil'], { width: 360, fontSize: 14 }));
    expect(small.map((line) => line.text)).toEqual(['wholemeal bread', 'olive oil']);
    const other = await pool.read(await listPng(['• 3 lemons', 'bananas x2', '1. ground coffee']));
    expect(other.map((line) => line.text)).toEqual(['3 lemons', '2 bananas', 'ground coffee']);
  }, 60_000);

  it('reads no line in an image without text', async () => {
    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#f8f6ee' } }).png().toBuffer();
    await expect(pool.read(blank)).resolves.toEqual([]);
  }, 60_000);

  it('refuses what is no image, and a list over the pixel limit, with ImageDecodeError', async () => {
    await expect(pool.read(Buffer.from('not an image'))).rejects.toBeInstanceOf(ImageDecodeError);
    const strict = new OcrReaderPool({ workers: 1, queue: 0, timeoutMs: 60_000, maxPixels: 1000 });
    try {
      await expect(strict.read(await listPng())).rejects.toMatchObject({ kind: 'TOO_MANY_PIXELS' });
    } finally {
      await strict.close();
    }
  }, 60_000);

  it('refuses a list when the reader is busy and the queue full, then serves again', async () => {
    const busy = new OcrReaderPool({ workers: 1, queue: 1, timeoutMs: 60_000, maxPixels: 40_000_000 });
    try {
      const png = await listPng(SHOPPING_LIST.slice(0, 2));
      // Queued synchronously: the first goes to the worker, the second waits, the third has no room.
      const first = busy.read(png);
      const second = busy.read(png);
      await expect(busy.read(png)).rejects.toBeInstanceOf(ReaderBusyError);
      await expect(first).resolves.toHaveLength(2);
      await expect(second).resolves.toHaveLength(2);
      await expect(busy.read(png)).resolves.toHaveLength(2);
      expect(busy.workerRssBytes()).toHaveLength(1);
    } finally {
      await busy.close();
    }
  }, 60_000);
});
