import sharp from 'sharp';
import { gaussian, seededRandom } from '../../platform/seededRandom';

/** The five lines of the test shopping list: as written, with a bullet, a checkbox, a unit and a count. */
export const SHOPPING_LIST = ['2 l semi-skimmed milk', '- 500 g greek yogurt', '[ ] rye bread', '1 kg sweet potatoes', '1x peanut butter'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A list as a phone would photograph a printed one: dark text on off-white paper, rendered by sharp from SVG (system fonts). */
export async function listPng(lines: readonly string[] = SHOPPING_LIST, options: { width?: number; fontSize?: number } = {}): Promise<Buffer> {
  const fontSize = options.fontSize ?? 34;
  const width = options.width ?? 900;
  const step = Math.round(fontSize * 1.7);
  const height = step * lines.length + fontSize * 2;
  const text = lines
    .map((line, n) => `<text x="${fontSize * 1.5}" y="${fontSize * 1.6 + n * step}" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="${fontSize}" fill="#1c1c28">${escape(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f8f6ee"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * The same list photographed less well: turned by `degrees`, slightly out of
 * focus, with sensor noise (Gaussian, σ `noise` grey levels, seeded so every
 * run draws the same) and saved as a JPEG.
 */
export async function noisyJpeg(png: Buffer, options: { degrees?: number; noise?: number; seed?: string } = {}): Promise<Buffer> {
  const rotated = await sharp(png).rotate(options.degrees ?? 2.5, { background: '#f8f6ee' }).blur(0.8).greyscale().raw().toBuffer({ resolveWithObject: true });
  const random = seededRandom(options.seed ?? 'noisy list');
  const sigma = options.noise ?? 18;
  const { data, info } = rotated;
  const pixels = Buffer.alloc(info.width * info.height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, Math.round(data[i * info.channels]! + sigma * gaussian(random))));
  return sharp(pixels, { raw: { width: info.width, height: info.height, channels: 1 } }).jpeg({ quality: 70 }).toBuffer();
}
