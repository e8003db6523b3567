import type { ProductCardFragment } from '../../gql/graphql';
import { money, words } from '../format';
import { Link } from '../router';

export function ProductImage({ product, size }: { product: Pick<ProductCardFragment, 'name' | 'images'>; size: number }) {
  const image = product.images[0];
  return <img className="product-image" src={image?.url ?? '/images/placeholder.svg'} alt={image?.alt || product.name} width={size} height={size} loading="lazy" />;
}

export function Price({ product }: { product: ProductCardFragment }) {
  return (
    <span className="price">
      <strong>{money(product.effectivePrice, product.currency)}</strong>
      {product.compareAtPrice && (
        <s aria-label={`was ${money(product.compareAtPrice, product.currency)}`}>{money(product.compareAtPrice, product.currency)}</s>
      )}
    </span>
  );
}

export function ProductCard({ product, onOpen, children }: { product: ProductCardFragment; onOpen?: () => void; children?: React.ReactNode }) {
  return (
    <li className="card" data-product-id={product.id}>
      <Link href={`/product/${product.id}`} onClick={onOpen} className="card-link">
        <ProductImage product={product} size={120} />
        <span className="card-name">{product.name}</span>
      </Link>
      <Price product={product} />
      {product.availability !== 'IN_STOCK' && <span className="badge">{words(product.availability)}</span>}
      {children}
    </li>
  );
}
