import sharp from 'sharp';
import { loadConfig } from '../../../platform/config';
import { barcodePng } from '../../../test/support/barcodeImages';
import { listPng } from '../../../test/support/listImages';
import { PhotoReader } from './photoReader';

// Barcode first, then text: what a photo is read as, and the list readers' own refusals.
describe('PhotoReader', () => {
  const limits = loadConfig({}).recommendations.images;
  const upload = (bytes: Buffer) => ({ base64: bytes.toString('base64') });
  let reader: PhotoReader;
  afterEach(() => reader?.close());

  it('reads a barcode as BARCODE, a list as LIST and a blank page as NOTHING_READ', async () => {
    reader = new PhotoReader(limits);
    await expect(reader.read(upload(await barcodePng('ean13', '4006381333931')))).resolves.toMatchObject({ kind: 'BARCODE', barcode: { code: '4006381333931' } });
    const list = await reader.read(upload(await listPng(['rye bread', 'olive oil'])));
    expect(list).toMatchObject({ kind: 'LIST', lines: [{ text: 'rye bread' }, { text: 'olive oil' }] });
    const blank = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    await expect(reader.read(upload(blank))).resolves.toEqual({ kind: 'NOTHING_READ' });
  }, 60_000);

  it('answers SERVICE_UNAVAILABLE (BUSY, the list reader) when the list readers are busy and their queue full', async () => {
    reader = new PhotoReader({ ...limits, ocr: { workers: 1, queue: 0, timeoutMs: 60_000 } });
    const photo = upload(await listPng(['rye bread']));
    // Both pass the barcode reader within milliseconds; the first then holds the one list reader (loading its model).
    const [first, second] = await Promise.allSettled([reader.read(photo), reader.read(photo)]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { kind: 'LIST', lines: [{ text: 'rye bread' }] } });
    expect(second).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'SERVICE_UNAVAILABLE', service: 'list reader', reason: 'BUSY', retryable: true } } });
    await expect(reader.read(photo)).resolves.toMatchObject({ kind: 'LIST' });
  }, 60_000);
});
