import path from 'node:path';
import sharp from 'sharp';
import { createWorker, OEM, PSM, type Worker as TesseractWorker } from 'tesseract.js';
import { cleanListLine } from './cleanListLine';
import { ImageDecodeError } from './imageDecodeError';

/** One line of a photographed list. */
export interface ReadLine {
  /** Cleaned up (cleanListLine.ts): what the intent parser reads. */
  text: string;
  /** As the text recognition read it. */
  read: string;
  /** 0–1: tesseract's confidence in the line's words. */
  confidence: number;
}

export interface ListReaderOptions {
  /** sharp's limitInputPixels: a larger image is refused before it is decompressed. */
  maxPixels: number;
}

// Tesseract reads best with capital letters 20–40 pixels high. A phone photo of a
// list (1,000–1,600 pixels wide, as the docs advise) has that already; a smaller
// image is enlarged, a much larger one reduced (time grows with the pixels).
const MIN_WIDTH = 1400;
const MAX_WIDTH = 2400;

/**
 * Reads the lines of a shopping list in a photo: sharp (libvips) prepares the
 * image (EXIF orientation, transparency on white, greyscale, contrast
 * stretched, resized into the width tesseract reads best), tesseract.js (LSTM
 * engine, English `4.0.0_best_int` model from @tesseract.js-data/eng) reads it,
 * and each line is cleaned up. The model is loaded on the first list, once;
 * tesseract.js runs it in a thread of its own, started by this reader.
 * Blocks for hundreds of milliseconds per image in places: a worker of the
 * list reader pool (ocrWorker.ts) runs it.
 */
export class ShoppingListReader {
  private engine: Promise<TesseractWorker> | null = null;

  constructor(private readonly options: ListReaderOptions) {}

  async read(bytes: Uint8Array): Promise<ReadLine[]> {
    const image = await this.prepare(bytes);
    const engine = await this.load();
    const { data } = await engine.recognize(image, {}, { text: false, blocks: true });
    const lines = (data.blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
    return lines
      .map((line) => ({ read: line.text.trim(), text: cleanListLine(line.text), confidence: Math.round(line.confidence * 10) / 1000 }))
      .filter((line) => line.text !== '');
  }

  async close(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    if (engine) await (await engine).terminate();
  }

  /** Lazily, once: starting tesseract and loading the model takes 0.4–3 s (decompressed from the package's .gz). */
  private load(): Promise<TesseractWorker> {
    this.engine ??= createWorker('eng', OEM.LSTM_ONLY, {
      // The model comes from the npm package, never from the network: without langPath tesseract.js fetches it from a CDN.
      langPath: path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'),
      gzip: true,
      // No cache: tesseract.js would write the decompressed model into cachePath, or into the working
      // directory without one (and a missing folder fails silently). Read once per worker, it needs none.
      cacheMethod: 'none',
    }).then(async (engine) => {
      // A list is one block of lines in one column, not a page of paragraphs.
      await engine.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, preserve_interword_spaces: '0' });
      return engine;
    });
    this.engine.catch(() => {
      this.engine = null;
    });
    return this.engine;
  }

  private async prepare(bytes: Uint8Array): Promise<Buffer> {
    const open = () => sharp(bytes, { limitInputPixels: this.options.maxPixels, failOn: 'error' });
    try {
      const metadata = await open().metadata();
      if (!metadata.width || !metadata.height) throw new ImageDecodeError('UNREADABLE', 'the image has no size');
      const width = metadata.autoOrient?.width ?? metadata.width;
      const target = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
      // Contrast stretched from the darkest pixel, not sharp's default 1st percentile: a short list is under 1 % ink,
      // and the default then turns the letters' grey edges black, so that they merge ("rye bread" read "ryelbread").
      let image = open().rotate().flatten({ background: '#fff' }).greyscale().normalise({ lower: 0, upper: 99 });
      if (target !== width) image = image.resize({ width: target, kernel: target > width ? 'cubic' : 'lanczos3' });
      // Fast PNG: tesseract decodes it again; compression would only cost time.
      return await image.png({ compressionLevel: 1 }).toBuffer();
    } catch (error) {
      if (error instanceof ImageDecodeError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (/pixel limit/i.test(message)) throw new ImageDecodeError('TOO_MANY_PIXELS', `the image has more than the ${this.options.maxPixels.toLocaleString('en')} pixels allowed`);
      throw new ImageDecodeError('UNREADABLE', `the image cannot be read (${message.split('\n')[0]})`);
    }
  }
}
