import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { CartDocument, FillCartFromListDocument, type FillCartFromListMutation } from '../../gql/graphql';
import { photoAsBase64 } from '../photo';
import { Link } from '../router';

type Filled = FillCartFromListMutation['fillCartFromList'];

const STATUS_LABEL: Record<Filled['items'][number]['status'], string> = {
  ADDED: 'Added',
  NO_MATCH: 'Not found',
  NOT_IN_DIET: 'Not in your diet',
  OVER_BUDGET: 'Over budget',
};

/**
 * "Shopping list": the shopper types or pastes a list, one item per line, or
 * scans a printed one with the camera ("Scan a list"), and fillCartFromList
 * adds the best match for each item within their diet and budget. The dialog
 * then says, item by item, what was added and what was not, and why.
 */
export function ShoppingList() {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<Filled | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  // The cart query is updated from the answer's cart (same id, normalised by Apollo); refetched too, for its suggestions.
  const [fill, { loading }] = useMutation(FillCartFromListDocument, { refetchQueries: [CartDocument] });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const send = async (list: { text: string } | { image: { base64: string; contentType: string | null } }) => {
    setFailure(null);
    setResult(null);
    try {
      // One key per submission: a retry of this request by the network layer adds nothing twice.
      const { data } = await fill({ variables: { ...list, idempotencyKey: crypto.randomUUID() } });
      if (data) setResult(data.fillCartFromList);
    } catch (error) {
      setFailure(failureMessage(error));
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send({ text: String(new FormData(event.currentTarget).get('list') ?? '') });
  };

  const scan = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that the same photo picked again is a new change.
    input.value = '';
    if (!file) return;
    let base64: string;
    try {
      base64 = await photoAsBase64(file);
    } catch {
      setFailure('The photo could not be opened. Try another one.');
      return;
    }
    await send({ image: { base64, contentType: /^data:([^;,]+)/.exec(base64)?.[1] ?? null } });
  };

  return (
    <>
      <button type="button" className="scan-button" onClick={() => setOpen(true)}>
        Shopping list
      </button>
      <dialog ref={dialog} className="scan-dialog" aria-labelledby="list-title" onClose={() => setOpen(false)}>
        <div className="scan-head">
          <h2 id="list-title">Shopping list</h2>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
        <label className="scan-button">
          <input className="visually-hidden" type="file" accept="image/*" capture="environment" aria-label="Scan a list" onChange={(event) => void scan(event)} />
          <span aria-hidden="true">Scan a list</span>
        </label>
        <p>or type it:</p>
        <form onSubmit={submit}>
          <label htmlFor="list-text">One item per line, for example “2 x oat drink” or “1 kg spaghetti”</label>
          <textarea id="list-text" name="list" rows={6} maxLength={2000} required className="list-text" />
          <button type="submit" disabled={loading}>
            {loading ? 'Filling your cart…' : 'Fill my cart'}
          </button>
        </form>
        {failure && <p role="alert">{failure}</p>}
        {result && <ListResult result={result} onOpen={() => setOpen(false)} />}
      </dialog>
    </>
  );
}

function ListResult({ result, onOpen }: { result: Filled; onOpen: () => void }) {
  return (
    <section aria-label="What was added">
      <p role="status">
        {result.added === 0 ? 'Nothing was added.' : `Added ${result.added} of ${result.items.length} ${result.items.length === 1 ? 'item' : 'items'} to your cart.`}
      </p>
      <ul className="list-lines">
        {result.items.map((line, n) => (
          <li key={n} data-status={line.status}>
            <strong>{STATUS_LABEL[line.status]}</strong> <q>{line.text}</q>
            {line.product && line.status === 'ADDED' ? (
              <>
                {' → '}
                {line.quantity > 1 ? `${line.quantity} × ` : ''}
                <Link href={`/product/${line.product.id}`} onClick={onOpen}>
                  {line.product.name}
                </Link>
              </>
            ) : (
              <span className="reason"> {line.reason}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function failureMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const reason = typeof first?.extensions?.reason === 'string' ? first.extensions.reason : undefined;
    if (first?.extensions?.code === 'BAD_USER_INPUT') return `This list cannot be used${reason ? `: it ${reason}` : ''}.`;
    if (first?.extensions?.code === 'PAYLOAD_TOO_LARGE') return 'This photo is too large. Take it again closer to the list.';
    if (first?.extensions?.code === 'SERVICE_UNAVAILABLE') return 'The shop is busy. Try again in a moment.';
  }
  return 'The list could not be sent. Check the connection and try again.';
}
