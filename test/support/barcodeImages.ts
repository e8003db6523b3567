import zlib from 'node:zlib';
import bwipjs from 'bwip-js';
import sharp from 'sharp';
import { seededRandom } from '../../platform/seededRandom';

export type Symbology = 'ean13' | 'ean8' | 'upca' | 'upce';

/** A barcode as a PNG, drawn by bwip-js with its digits under the bars and a quiet zone. */
export async function barcodePng(symbology: Symbology, digits: string, options: { scale?: number } = {}): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: symbology, text: digits, scale: options.scale ?? 3, height: 15, includetext: true, paddingwidth: 12, paddingheight: 8, backgroundcolor: 'ffffff' });
}

/** The same image out of focus (Gaussian blur of `sigma` pixels), as JPEG like a phone would send. */
export async function blurred(png: Buffer, sigma: number): Promise<Buffer> {
  return sharp(png).blur(sigma).jpeg({ quality: 85 }).toBuffer();
}

/** The same image resized by `factor` (0.6: smaller, bars blur into each other; 2: larger). */
export async function scaled(png: Buffer, factor: number): Promise<Buffer> {
  const { width } = await sharp(png).metadata();
  return sharp(png).resize({ width: Math.round(width! * factor) }).png().toBuffer();
}

/** A transparent PNG with black bars: what a screenshot of a web page's barcode often is. */
export async function withAlpha(png: Buffer): Promise<Buffer> {
  // White becomes fully transparent, black stays opaque.
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const rgba = Buffer.alloc(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) rgba[i * 4 + 3] = 255 - data[i * info.channels]!;
  return sharp(rgba, { raw: { width: info.width, height: info.height, channels: 4 } }).png().toBuffer();
}

/**
 * A valid, tiny PNG that declares `width` × `height` pixels (one blank row
 * compressed, the rest missing): a decompression bomb's header, refused on
 * its size before any pixel is decoded.
 */
export function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const row = Buffer.alloc(width + 1); // filter byte + pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(row)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The GS1 check digit of the digits before it. */
export function withCheckDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) sum += Number(body[i]) * weight;
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * A photo-sized PNG of about `bytes` bytes: the barcode in the middle of a
 * field of seeded random pixels, which PNG cannot compress (about 3 bytes a
 * pixel), like the sensor noise of a camera's full-size photo.
 */
export async function largePhoto(barcode: Buffer, bytes: number, seed = 'large photo'): Promise<Buffer> {
  const width = 1200;
  const height = Math.ceil(bytes / (width * 3));
  const random = seededRandom(seed);
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(random() * 256);
  const { width: codeWidth, height: codeHeight } = await sharp(barcode).metadata();
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .composite([{ input: barcode, left: Math.round((width - codeWidth!) / 2), top: Math.round((height - codeHeight!) / 2) }])
    .png({ adaptiveFiltering: false })
    .toBuffer();
}
