import sharp from 'sharp';
import { sniffImageType } from './sniffImageType';

describe('sniffImageType', () => {
  const pixel = () => sharp({ create: { width: 2, height: 2, channels: 3, background: '#fff' } });

  it('knows PNG, JPEG and WebP by their bytes, whatever the client called them', async () => {
    expect(sniffImageType(await pixel().png().toBuffer())).toEqual({ ok: true, type: 'image/png' });
    expect(sniffImageType(await pixel().jpeg().toBuffer())).toEqual({ ok: true, type: 'image/jpeg' });
    expect(sniffImageType(await pixel().webp().toBuffer())).toEqual({ ok: true, type: 'image/webp' });
  });

  it('names what it found instead', async () => {
    expect(sniffImageType(await pixel().gif().toBuffer())).toEqual({ ok: false, found: 'GIF' });
    expect(sniffImageType(await pixel().tiff().toBuffer())).toEqual({ ok: false, found: 'TIFF' });
    expect(sniffImageType(Buffer.from('%PDF-1.7\n...'))).toEqual({ ok: false, found: 'PDF' });
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ ok: false, found: 'SVG/XML' });
    expect(sniffImageType(Buffer.from('hello, world'))).toEqual({ ok: false, found: 'text' });
    expect(sniffImageType(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0x80]))).toEqual({ ok: false, found: 'unknown bytes 00 01 02 fe' });
    expect(sniffImageType(new Uint8Array())).toEqual({ ok: false, found: 'no bytes' });
    // RIFF, but a WAV file, not WebP.
    expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')).ok).toBe(false);
  });
});
