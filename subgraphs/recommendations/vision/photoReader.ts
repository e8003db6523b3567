import type { GraphQLError } from 'graphql';
import type { ImageLimits } from '../../../platform/config';
import { badUserInput, imageTooLarge, serviceUnavailable } from '../../../platform/errors';
import { BarcodeReaderPool, ReaderBusyError, ReaderTimeoutError } from './barcodeReaderPool';
import type { DecodedBarcode } from './decodeBarcode';
import { ImageDecodeError } from './imageDecodeError';
import { sniffImageType } from './sniffImageType';

export interface ImageUpload {
  base64: string;
  contentType?: string | null;
}

const FIELD = 'context.image';
const DATA_URL = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)?(;[a-z0-9=.+-]+)*;base64,/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Turns an uploaded photo into the barcode it shows, enforcing the limits
 * (bytes, type, pixels, time, concurrency) and answering each refusal with
 * its error: BAD_USER_INPUT (field `context.image`) for what is not a usable
 * image, PAYLOAD_TOO_LARGE for one over a limit, SERVICE_UNAVAILABLE when the
 * readers are busy (BUSY) or took too long (TIMEOUT).
 */
export class PhotoReader {
  private readonly pool: BarcodeReaderPool;

  constructor(private readonly limits: ImageLimits) {
    this.pool = new BarcodeReaderPool(limits);
  }

  async readBarcode(upload: ImageUpload): Promise<DecodedBarcode | null> {
    const bytes = this.bytesOf(upload);
    const sniffed = sniffImageType(bytes);
    if (!sniffed.ok) throw badUserInput(FIELD, `must be a PNG, JPEG or WebP image; the bytes are ${sniffed.found}`);
    try {
      return await this.pool.read(bytes);
    } catch (error) {
      throw this.toGraphQLError(error);
    }
  }

  /** Resident set size as the workers last reported it. */
  workerRssBytes(): number[] {
    return this.pool.workerRssBytes();
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private bytesOf(upload: ImageUpload): Uint8Array {
    const text = upload.base64.replace(DATA_URL, '').replace(/\s+/g, '');
    // Refused before decoding: base64 is 4 characters per 3 bytes.
    if (Math.floor((text.length * 3) / 4) > this.limits.maxBytes + 2) {
      throw imageTooLarge(FIELD, `the image is larger than the ${this.limits.maxBytes} bytes allowed`, { maxBytes: this.limits.maxBytes });
    }
    if (!BASE64.test(text) || text.length % 4 === 1) throw badUserInput(FIELD, 'base64 must be base64 text (A–Z, a–z, 0–9, + and / or - and _, = padding)');
    const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length > this.limits.maxBytes) {
      throw imageTooLarge(FIELD, `the image is ${bytes.length} bytes, more than the ${this.limits.maxBytes} allowed`, { maxBytes: this.limits.maxBytes });
    }
    return bytes;
  }

  private toGraphQLError(error: unknown): GraphQLError | unknown {
    if (error instanceof ImageDecodeError) {
      if (error.kind === 'TOO_MANY_PIXELS') return imageTooLarge(FIELD, error.message, { maxPixels: this.limits.maxPixels });
      return badUserInput(FIELD, error.message);
    }
    if (error instanceof ReaderBusyError) return serviceUnavailable('barcode reader', 'BUSY');
    if (error instanceof ReaderTimeoutError) return serviceUnavailable('barcode reader', 'TIMEOUT');
    return error;
  }
}
