import { useAddToCart } from '../cart';

export function AddButton({ productId, name, recommendationId }: { productId: string; name: string; recommendationId?: string }) {
  const { add, adding, error } = useAddToCart();
  return (
    <>
      <button type="button" className="add" onClick={() => void add(productId, recommendationId).catch(() => undefined)} disabled={adding} aria-label={`Add ${name} to cart`}>
        {adding ? 'Adding…' : 'Add to cart'}
      </button>
      {error && <span role="alert" className="error">{error.message}</span>}
    </>
  );
}
