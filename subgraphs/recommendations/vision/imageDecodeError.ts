/**
 * Why an image could not be read at all (not "no barcode": that is a null
 * result). Apart from the decoder so that the main thread can recognise it
 * without loading sharp and zxing, which only the workers need.
 */
export class ImageDecodeError extends Error {
  constructor(
    readonly kind: 'TOO_MANY_PIXELS' | 'UNREADABLE',
    message: string,
  ) {
    super(message);
  }
}
