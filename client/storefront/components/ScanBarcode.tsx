import { useApolloClient } from '@apollo/client/react';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { RecommendFromPhotoDocument, type RecommendFromPhotoQuery } from '../../gql/graphql';
import { Link } from '../router';
import { Price, ProductImage } from './ProductCard';
import { RecommendationPanel } from './RecommendationPanel';

/**
 * A photo this small and narrow goes as it is (a generated or cropped barcode
 * stays sharp); anything else is redrawn 1,280 pixels wide as a JPEG, which
 * reads as well as the camera's full size and is a fraction of what the API
 * takes (4,000,000 bytes of image, docs/vision.md): less to send on a phone's
 * connection, nothing lost for reading the barcode.
 */
const SEND_AS_IS_BYTES = 600_000;
const SEND_AS_IS_WIDTH = 1600;
const SCALED_WIDTH = 1280;

type Scan =
  | { state: 'idle' }
  | { state: 'reading'; fileName: string }
  | { state: 'read'; list: RecommendFromPhotoQuery['recommend'] }
  | { state: 'failed'; message: string };

/**
 * "Scan a barcode": the phone's camera (or a photo picked) through a file
 * input, sent as base64 to recommend(context: { image }). A dialog shows what
 * was read, the product it names (a link to its page) and what goes around
 * it, or why nothing could be shown.
 */
export function ScanBarcode() {
  const apollo = useApolloClient();
  const [scan, setScan] = useState<Scan>({ state: 'idle' });
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (scan.state !== 'idle' && !element.open) element.showModal();
    if (scan.state === 'idle' && element.open) element.close();
  }, [scan.state]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that the same photo picked again is a new change.
    input.value = '';
    if (!file) return;
    setScan({ state: 'reading', fileName: file.name });
    try {
      const base64 = await photoAsBase64(file);
      // What is sent: the photo's own type, or image/jpeg when it was redrawn (a hint; the API sniffs the bytes).
      const contentType = /^data:([^;,]+)/.exec(base64)?.[1] ?? null;
      // no-cache: the base64 would otherwise be kept in Apollo's cache as part of the query's key.
      const { data } = await apollo.query({ query: RecommendFromPhotoDocument, variables: { image: { base64, contentType } }, fetchPolicy: 'no-cache' });
      setScan(data ? { state: 'read', list: data.recommend } : { state: 'failed', message: 'The photo could not be sent. Try again.' });
    } catch (error) {
      setScan({ state: 'failed', message: failureMessage(error) });
    }
  };

  const close = () => setScan({ state: 'idle' });
  return (
    <>
      <label className="scan-button">
        <input className="visually-hidden" type="file" accept="image/*" capture="environment" aria-label="Scan a barcode" onChange={(event) => void choose(event)} />
        <span aria-hidden="true">Scan a barcode</span>
      </label>
      <dialog ref={dialog} className="scan-dialog" aria-labelledby="scan-title" onClose={close}>
        <div className="scan-head">
          <h2 id="scan-title">Barcode scan</h2>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
        {scan.state === 'reading' && <p aria-busy="true">Reading the barcode in {scan.fileName}…</p>}
        {scan.state === 'failed' && <p role="alert">{scan.message}</p>}
        {scan.state === 'read' && <ScanResult list={scan.list} onOpen={close} />}
      </dialog>
    </>
  );
}

function ScanResult({ list, onOpen }: { list: RecommendFromPhotoQuery['recommend']; onOpen: () => void }) {
  const image = list.intent?.image;
  if (!image || image.kind !== 'BARCODE' || !image.code) {
    return <p role="alert">No barcode could be read in this photo. Hold the phone closer, with the whole barcode sharp and well lit, and try again.</p>;
  }
  const read = (
    <p className="scan-read">
      Read <strong>{image.code}</strong> ({image.format?.replace('_', '-')})
    </p>
  );
  if (!image.product) {
    return (
      <>
        {read}
        <p role="alert">We don’t sell a product with the barcode {image.code}.</p>
      </>
    );
  }
  const product = image.product;
  return (
    <>
      {read}
      <div className="scan-product" data-product-id={product.id}>
        <ProductImage product={product} size={96} />
        <div>
          <Link href={`/product/${product.id}`} onClick={onOpen} className="scan-product-name">
            {product.name}
          </Link>
          <Price product={product} />
        </div>
      </div>
      <RecommendationPanel title={`Goes with ${product.name}`} name="scan" list={list} />
    </>
  );
}

/** The photo as a data: URL (the API accepts the prefix), downscaled to a JPEG when it is large. */
async function photoAsBase64(file: File): Promise<string> {
  let bitmap: ImageBitmap | undefined;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // A format the browser cannot draw (HEIC in most): sent as it is, so the API says what it is.
    return readAsDataUrl(file);
  }
  try {
    if (file.size <= SEND_AS_IS_BYTES && bitmap.width <= SEND_AS_IS_WIDTH) return await readAsDataUrl(file);
    const scale = Math.min(1, SCALED_WIDTH / bitmap.width);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d')!;
    // White under a transparent PNG, as the API reads it.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.85);
  } finally {
    bitmap.close();
  }
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the photo could not be read'));
    reader.readAsDataURL(file);
  });
}

/** What the shopper is told for each refusal (docs/vision.md, "Refusals"). */
function failureMessage(error: unknown): string {
  if (ServerError.is(error) && error.statusCode === 413) return 'This photo is too large to send. Take it again closer to the barcode, or pick a smaller one.';
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    const reason = typeof first?.extensions?.reason === 'string' ? first.extensions.reason : undefined;
    if (code === 'PAYLOAD_TOO_LARGE') return `This photo is too large${reason ? ` (${reason})` : ''}. Take it again closer to the barcode, or pick a smaller one.`;
    if (code === 'BAD_USER_INPUT') return `This photo cannot be read${reason ? ` (${reason})` : ''}. Send a JPEG, PNG or WebP photo of the barcode.`;
    if (code === 'SERVICE_UNAVAILABLE') return 'The barcode reader is busy. Try again in a moment.';
  }
  return 'The photo could not be sent. Check the connection and try again.';
}
