import sharp from 'sharp';
import {
  BarcodeFormat as ZxingFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
  type Result,
} from '@zxing/library';
import { ImageDecodeError } from './imageDecodeError';
import { expandUpcE } from './upcE';
import { readUpcE } from './upcEReader';

export { ImageDecodeError };

export type BarcodeFormat = 'EAN_13' | 'EAN_8' | 'UPC_A' | 'UPC_E';

export interface DecodedBarcode {
  /** The digits as printed under the bars. */
  code: string;
  format: BarcodeFormat;
  /** The digits to look up: a UPC-E read expanded to its UPC-A; the other formats as read. */
  lookupCode: string;
}

export interface DecodeOptions {
  /** sharp's limitInputPixels: a larger image is refused before it is decompressed. */
  maxPixels: number;
}

/**
 * What zxing is asked for. Not UPC_E: zxing's JavaScript UPCEReader (0.21) never
 * returns a read (its decodeMiddle returns a number where decodeRow expects
 * { rowOffset, resultString }, and its UPC-A expansion loops forever in
 * StringBuilder.appendChars), so asking for it only costs a failing pass per row;
 * upcEReader.ts reads UPC-E instead, after zxing.
 */
const FORMATS: ReadonlyMap<ZxingFormat, BarcodeFormat> = new Map([
  [ZxingFormat.EAN_13, 'EAN_13'],
  [ZxingFormat.EAN_8, 'EAN_8'],
  [ZxingFormat.UPC_A, 'UPC_A'],
]);

/**
 * The attempts, cheapest first: the photo as it is; contrast stretched and
 * sharpened (soft phone focus); twice the size (bars only a pixel or two wide).
 * On the zxing EAN-13 photo set the first alone reads 29 of 34, all three 32.
 */
const ATTEMPTS: ReadonlyArray<(image: sharp.Sharp, width: number) => sharp.Sharp> = [
  (image) => image,
  (image) => image.normalise().sharpen({ sigma: 2 }),
  (image, width) => image.resize({ width: width * 2, kernel: 'cubic' }),
];

/**
 * The first EAN/UPC barcode in an image, or null when none can be read.
 * Runs libvips and zxing synchronously in places: call it off the event loop
 * (the barcode worker does).
 */
export async function decodeBarcode(bytes: Uint8Array, options: DecodeOptions): Promise<DecodedBarcode | null> {
  const input = (): sharp.Sharp =>
    // Transparent pixels read as black to zxing: flatten onto white first. failOn 'error' so a truncated file is refused, not half-read.
    sharp(bytes, { limitInputPixels: options.maxPixels, failOn: 'error' }).rotate().flatten({ background: '#fff' }).greyscale();
  let width: number;
  try {
    const metadata = await sharp(bytes, { limitInputPixels: options.maxPixels, failOn: 'error' }).metadata();
    if (!metadata.width || !metadata.height) throw new ImageDecodeError('UNREADABLE', 'the image has no size');
    if (metadata.width * metadata.height > options.maxPixels) throw tooManyPixels(metadata.width, metadata.height, options.maxPixels);
    width = metadata.autoOrient?.width ?? metadata.width;
  } catch (error) {
    throw asDecodeError(error, options.maxPixels);
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [...FORMATS.keys()]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  reader.setHints(hints);
  for (const attempt of ATTEMPTS) {
    let raw: { data: Buffer; info: sharp.OutputInfo };
    try {
      // The 2× attempt may exceed the input limit; that limit is on what the client sent, not on this.
      raw = await attempt(input(), width).raw().toBuffer({ resolveWithObject: true });
    } catch (error) {
      throw asDecodeError(error, options.maxPixels);
    }
    const result = readLuminance(reader, raw.data, raw.info.width, raw.info.height, raw.info.channels);
    if (result) return result;
  }
  return null;
}

function readLuminance(reader: MultiFormatReader, data: Buffer, width: number, height: number, channels: number): DecodedBarcode | null {
  // greyscale() leaves one channel; a second would be alpha, which flatten removed.
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < luminance.length; i++) luminance[i] = data[i * channels]!;
  let result: Result;
  try {
    result = reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height))));
  } catch {
    // zxing signals "nothing here" (and checksum/format misses) by throwing.
    return readUpcEBarcode(luminance, width, height);
  } finally {
    reader.reset();
  }
  const format = FORMATS.get(result.getBarcodeFormat());
  const code = result.getText();
  if (!format || !/^\d+$/.test(code)) return null;
  return { code, format, lookupCode: code };
}

/** Our own UPC-E reader on the same luminance, when zxing read nothing (see FORMATS). */
function readUpcEBarcode(luminance: Uint8ClampedArray, width: number, height: number): DecodedBarcode | null {
  const code = readUpcE(luminance, width, height);
  const lookupCode = code ? expandUpcE(code) : null;
  return code && lookupCode ? { code, format: 'UPC_E', lookupCode } : null;
}

function tooManyPixels(width: number, height: number, max: number): ImageDecodeError {
  return new ImageDecodeError('TOO_MANY_PIXELS', `the image is ${width} × ${height} pixels, more than the ${max.toLocaleString('en')} allowed`);
}

function asDecodeError(error: unknown, maxPixels: number): ImageDecodeError {
  if (error instanceof ImageDecodeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return new ImageDecodeError('TOO_MANY_PIXELS', `the image has more than the ${maxPixels.toLocaleString('en')} pixels allowed`);
  return new ImageDecodeError('UNREADABLE', `the image cannot be read (${message.split('\n')[0]})`);
}
