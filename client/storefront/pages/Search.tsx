import { useQuery } from '@apollo/client/react';
import { type FormEvent } from 'react';
import { CategoryTreeDocument, SearchProductsDocument, type DietaryTag, type ProductFilter, type ProductSort } from '../../gql/graphql';
import { AddButton } from '../components/AddButton';
import { ProductCard } from '../components/ProductCard';
import { words } from '../format';
import { navigate } from '../router';

export const DIETS: DietaryTag[] = ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'];
const SORTS: ProductSort[] = ['RELEVANCE', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'SUSTAINABILITY'];
const SORT_LABEL: Record<ProductSort, string> = {
  RELEVANCE: 'Best match',
  PRICE_ASC: 'Price, low to high',
  PRICE_DESC: 'Price, high to low',
  NEWEST: 'Newest',
  SUSTAINABILITY: 'Most sustainable',
};

/** The filter as the URL carries it, so a search can be bookmarked and shared. */
function filterOf(params: URLSearchParams): ProductFilter {
  const filter: ProductFilter = {};
  if (params.get('q')) filter.text = params.get('q');
  if (params.get('category')) filter.categoryId = params.get('category');
  if (params.get('maxPrice')) filter.maxPrice = params.get('maxPrice');
  if (params.get('minScore')) filter.minSustainabilityScore = Number(params.get('minScore'));
  if (params.get('inStock') === '1') filter.inStock = true;
  const diets = params.getAll('diet').filter((d): d is DietaryTag => (DIETS as string[]).includes(d));
  if (diets.length > 0) filter.dietaryTags = diets;
  return filter;
}

export function Search({ params }: { params: URLSearchParams }) {
  const filter = filterOf(params);
  const sort = (SORTS as string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as ProductSort) : 'RELEVANCE';
  const categories = useQuery(CategoryTreeDocument);
  const { data, loading, error, fetchMore } = useQuery(SearchProductsDocument, { variables: { filter, sort } });
  const flat = (categories.data?.categories ?? []).flatMap((root) => [root, ...root.children.flatMap((child) => [child, ...child.children])]);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const [key, value] of form.entries()) if (typeof value === 'string' && value !== '') next.append(key, value);
    navigate(`/search?${next.toString()}`);
  };

  const connection = data?.products;
  return (
    <div className="search">
      <h1>{filter.text ? `Results for “${filter.text}”` : 'Products'}</h1>
      <form className="filters" onSubmit={apply} aria-label="Filters" key={params.toString()}>
        <input type="hidden" name="q" value={params.get('q') ?? ''} />
        <label>
          Category
          <select name="category" defaultValue={params.get('category') ?? ''}>
            <option value="">All</option>
            {flat.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Max price
          <input name="maxPrice" type="number" min="0" step="0.01" inputMode="decimal" defaultValue={params.get('maxPrice') ?? ''} />
        </label>
        <label>
          Min sustainability (0–100)
          <input name="minScore" type="number" min="0" max="100" defaultValue={params.get('minScore') ?? ''} />
        </label>
        <fieldset>
          <legend>Diet</legend>
          {DIETS.map((diet) => (
            <label key={diet} className="check">
              <input type="checkbox" name="diet" value={diet} defaultChecked={params.getAll('diet').includes(diet)} /> {words(diet)}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input type="checkbox" name="inStock" value="1" defaultChecked={params.get('inStock') === '1'} /> In stock only
        </label>
        <label>
          Sort
          <select name="sort" defaultValue={sort}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Apply filters</button>
      </form>
      {loading && !data && <p aria-busy="true">Searching…</p>}
      {error && <p role="alert">{error.message}</p>}
      {connection && (
        <section aria-label="Search results">
          <p className="muted" aria-live="polite">
            {connection.totalCount} {connection.totalCount === 1 ? 'product' : 'products'}
          </p>
          <ul className="grid">
            {connection.edges.map(({ node }) => (
              <ProductCard key={node.id} product={node}>
                <AddButton productId={node.id} name={node.name} />
              </ProductCard>
            ))}
          </ul>
          {connection.pageInfo.hasNextPage && (
            <button
              type="button"
              onClick={() =>
                void fetchMore({
                  variables: { after: connection.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    products: { ...fetchMoreResult.products, edges: [...previous.products.edges, ...fetchMoreResult.products.edges] },
                  }),
                })
              }
            >
              Show more
            </button>
          )}
        </section>
      )}
    </div>
  );
}
