import sharp from 'sharp';
import { barcodePng } from '../../../test/support/barcodeImages';
import { decodeRuns, readUpcE } from './upcEReader';

async function luminance(png: Buffer): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const grey = new Uint8Array(info.width * info.height);
  for (let i = 0; i < grey.length; i++) grey[i] = data[i * info.channels]!;
  return { data: grey, width: info.width, height: info.height };
}

/** Run lengths of UPC-E 01234565 drawn with 2-pixel modules: light, start 101, six digits, end 010101, light. */
function runsOf01234565(): number[] {
  // 1 2 3 4 5 6 with number system 0 and check 5 -> parity EOOEEO (0x26 = 100110: E O O E E O).
  const L = [[3, 2, 1, 1], [2, 2, 2, 1], [2, 1, 2, 2], [1, 4, 1, 1], [1, 1, 3, 2], [1, 2, 3, 1], [1, 1, 1, 4]];
  const parity = ['E', 'O', 'O', 'E', 'E', 'O'];
  const digits = [1, 2, 3, 4, 5, 6].map((d, i) => (parity[i] === 'E' ? [...L[d]!].reverse() : L[d]!));
  return [20, 1, 1, 1, ...digits.flat(), 1, 1, 1, 1, 1, 1, 20].map((modules) => modules * 2);
}

describe('upcEReader', () => {
  it('reads the number system and check digit from the parity of the six digits', () => {
    expect(decodeRuns(runsOf01234565())).toBe('01234565');
  });

  it('refuses the same bars without a light margin after the end guard, or with one digit off', () => {
    const runs = runsOf01234565();
    expect(decodeRuns([...runs.slice(0, -1), 4])).toBeNull();
    const damaged = [...runs];
    damaged[5] = 8; // a 1-module space of the first digit drawn 4 modules wide
    expect(decodeRuns(damaged)).toBeNull();
  });

  it('reads a generated UPC-E, upright, upside down and turned a quarter', async () => {
    const png = await barcodePng('upce', '04252614');
    for (const image of [png, await sharp(png).rotate(180).png().toBuffer(), await sharp(png).rotate(90).png().toBuffer()]) {
      const { data, width, height } = await luminance(image);
      expect(readUpcE(data, width, height)).toBe('04252614');
    }
  });

  it('reads nothing in an EAN-13 or a blank image', async () => {
    const ean = await luminance(await barcodePng('ean13', '4006381333931'));
    expect(readUpcE(ean.data, ean.width, ean.height)).toBeNull();
    expect(readUpcE(new Uint8Array(200 * 100).fill(255), 200, 100)).toBeNull();
  });
});
