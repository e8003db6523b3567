import type { GraphQLError } from 'graphql';
import type { ImageLimits } from '../../../platform/config';
import { badUserInput, imageTooLarge, serviceUnavailable } from '../../../platform/errors';
import { BarcodeReaderPool } from './barcodeReaderPool';
import type { DecodedBarcode } from './decodeBarcode';
import { ImageDecodeError } from './imageDecodeError';
import { OcrReaderPool } from './ocrReaderPool';
import type { ReadLine } from './readShoppingList';
import { sniffImageType } from './sniffImageType';
import { ReaderBusyError, ReaderTimeoutError } from './workerPool';

export interface ImageUpload {
  base64: string;
  contentType?: string | null;
}

/** What a photo showed: a barcode, else the lines of a shopping list, else nothing readable. */
export type PhotoReading =
  | { kind: 'BARCODE'; barcode: DecodedBarcode }
  | { kind: 'LIST'; lines: ReadLine[] }
  | { kind: 'NOTHING_READ' };

/** The argument the photo came in, named in refusals: recommend's unless the caller says (fillCartFromList's `list.image`). */
const FIELD = 'context.image';
const DATA_URL = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)?(;[a-z0-9=.+-]+)*;base64,/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Turns an uploaded photo into what it shows, enforcing the limits (bytes,
 * type, pixels, time, concurrency) and answering each refusal with its error:
 * BAD_USER_INPUT (field `context.image`) for what is not a usable image,
 * PAYLOAD_TOO_LARGE for one over a limit, SERVICE_UNAVAILABLE when the readers
 * are busy (BUSY) or took too long (TIMEOUT).
 *
 * Barcode first: it is the cheap reading (tens of milliseconds) and, when it
 * reads, a certain one (zxing checks the check digit). Only a photo with no
 * barcode goes to the list readers (text recognition, hundreds of
 * milliseconds), a pool of their own so that slow lists never hold up barcodes.
 */
export class PhotoReader {
  private readonly barcodes: BarcodeReaderPool;
  private readonly lists: OcrReaderPool;

  constructor(private readonly limits: ImageLimits) {
    this.barcodes = new BarcodeReaderPool(limits);
    this.lists = new OcrReaderPool({ ...limits.ocr, maxPixels: limits.maxPixels });
  }

  async read(upload: ImageUpload, field = FIELD): Promise<PhotoReading> {
    const bytes = this.bytesOf(upload, field);
    const sniffed = sniffImageType(bytes);
    if (!sniffed.ok) throw badUserInput(field, `must be a PNG, JPEG or WebP image; the bytes are ${sniffed.found}`);
    let barcode: DecodedBarcode | null;
    try {
      barcode = await this.barcodes.read(bytes);
    } catch (error) {
      throw this.toGraphQLError(error, 'barcode reader', field);
    }
    if (barcode) return { kind: 'BARCODE', barcode };
    let lines: ReadLine[];
    try {
      lines = await this.lists.read(bytes);
    } catch (error) {
      throw this.toGraphQLError(error, 'list reader', field);
    }
    return lines.length > 0 ? { kind: 'LIST', lines } : { kind: 'NOTHING_READ' };
  }

  /** Resident set size as the workers last reported it: barcode readers, then list readers. */
  workerRssBytes(): number[] {
    return [...this.barcodes.workerRssBytes(), ...this.lists.workerRssBytes()];
  }

  async close(): Promise<void> {
    await Promise.all([this.barcodes.close(), this.lists.close()]);
  }

  private bytesOf(upload: ImageUpload, field: string): Uint8Array {
    const text = upload.base64.replace(DATA_URL, '').replace(/\s+/g, '');
    // Refused before decoding: base64 is 4 characters per 3 bytes.
    if (Math.floor((text.length * 3) / 4) > this.limits.maxBytes + 2) {
      throw imageTooLarge(field, `the image is larger than the ${this.limits.maxBytes} bytes allowed`, { maxBytes: this.limits.maxBytes });
    }
    if (!BASE64.test(text) || text.length % 4 === 1) throw badUserInput(field, 'base64 must be base64 text (A–Z, a–z, 0–9, + and / or - and _, = padding)');
    const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length > this.limits.maxBytes) {
      throw imageTooLarge(field, `the image is ${bytes.length} bytes, more than the ${this.limits.maxBytes} allowed`, { maxBytes: this.limits.maxBytes });
    }
    return bytes;
  }

  private toGraphQLError(error: unknown, reader: string, field: string): GraphQLError | unknown {
    if (error instanceof ImageDecodeError) {
      if (error.kind === 'TOO_MANY_PIXELS') return imageTooLarge(field, error.message, { maxPixels: this.limits.maxPixels });
      return badUserInput(field, error.message);
    }
    if (error instanceof ReaderBusyError) return serviceUnavailable(reader, 'BUSY');
    if (error instanceof ReaderTimeoutError) return serviceUnavailable(reader, 'TIMEOUT');
    return error;
  }
}
