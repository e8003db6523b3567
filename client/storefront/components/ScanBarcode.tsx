import { useApolloClient } from '@apollo/client/react';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { RecommendFromPhotoDocument, type RecommendFromPhotoQuery } from '../../gql/graphql';
import { photoAsBase64 } from '../photo';
import { Link } from '../router';
import { Price, ProductImage } from './ProductCard';
import { RecommendationPanel } from './RecommendationPanel';

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
