import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { PreferencesDocument, ProductDetailDocument } from '../../gql/graphql';
import { AddButton } from '../components/AddButton';
import { Price, ProductImage } from '../components/ProductCard';
import { RecommendationPanel } from '../components/RecommendationPanel';
import { words } from '../format';
import { Link } from '../router';
import { trackView } from '../tracking';

const NUTRITION: [string, string][] = [
  ['energyKcal', 'Energy (kcal)'],
  ['fat', 'Fat (g)'],
  ['saturatedFat', 'of which saturates (g)'],
  ['carbohydrates', 'Carbohydrates (g)'],
  ['sugars', 'of which sugars (g)'],
  ['fibre', 'Fibre (g)'],
  ['protein', 'Protein (g)'],
  ['salt', 'Salt (g)'],
];

export function Product({ id }: { id: string }) {
  const apollo = useApolloClient();
  const preferences = useQuery(PreferencesDocument);
  const location = preferences.data?.me?.preferences?.location;
  const { data, loading, error } = useQuery(ProductDetailDocument, {
    variables: { id, location: { latitude: location?.latitude ?? 0, longitude: location?.longitude ?? 0 }, withStores: Boolean(location) },
    skip: preferences.loading,
  });
  useEffect(() => trackView(apollo, id), [apollo, id]);

  if (loading || preferences.loading) return <p aria-busy="true">Loading…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  const product = data?.product;
  if (!product) return <p role="alert">There is no such product.</p>;
  const nutrition = product.nutrition as Record<string, unknown> | null;
  return (
    <article className="product" aria-labelledby="product-name">
      {product.category && (
        <nav aria-label="Breadcrumb" className="muted">
          {[...product.category.path, product.category].map((c, i) => (
            <span key={c.id}>
              {i > 0 && ' › '}
              <Link href={`/search?category=${c.id}`}>{c.name}</Link>
            </span>
          ))}
        </nav>
      )}
      <div className="product-head">
        <ProductImage product={product} size={240} />
        <div>
          <h1 id="product-name">{product.name}</h1>
          {product.brand && <p className="muted">{product.brand}</p>}
          <Price product={product} />
          {product.discount && <span className="badge">−{Number(product.discount.percent)} %</span>}
          <p>{product.description}</p>
          <p className="muted">
            {words(product.availability)}
            {product.rating !== null && ` · rated ${product.rating.toFixed(1)} / 5 (${product.ratingCount})`}
          </p>
          {product.dietaryTags.length > 0 && <p>{product.dietaryTags.map(words).join(' · ')}</p>}
          <AddButton productId={product.id} name={product.name} />
        </div>
      </div>

      <section aria-labelledby="nutrition">
        <h2 id="nutrition">Nutrition per 100 g</h2>
        {nutrition ? (
          <table>
            <tbody>
              {NUTRITION.filter(([key]) => typeof nutrition[key] === 'number').map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{String(nutrition[key])}</td>
                </tr>
              ))}
              {product.nutrition?.extras?.map((extra) => (
                <tr key={extra.name}>
                  <th scope="row">{extra.name}</th>
                  <td>
                    {extra.value} {extra.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">Not known.</p>
        )}
      </section>

      <section aria-labelledby="sustainability">
        <h2 id="sustainability">Sustainability</h2>
        {product.sustainability ? (
          <ul>
            {product.sustainability.score !== null && <li>Score {product.sustainability.score} / 100</li>}
            {product.sustainability.carbonFootprintKg !== null && <li>{product.sustainability.carbonFootprintKg} kg CO₂e per item</li>}
            {product.sustainability.labels.map((label) => (
              <li key={label}>{words(label)}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Not rated.</p>
        )}
      </section>

      <section aria-labelledby="stores">
        <h2 id="stores">Stores near you</h2>
        {!location && (
          <p className="muted">
            <Link href="/preferences">Set your location</Link> to see which stores nearby stock it.
          </p>
        )}
        {product.availableNear && product.availableNear.length === 0 && <p className="muted">No store within 50 km stocks it.</p>}
        {product.availableNear && product.availableNear.length > 0 && (
          <ul>
            {product.availableNear.map(({ store, distanceKm }) => (
              <li key={store.id}>
                {store.name}, {store.city}: {distanceKm.toFixed(1)} km
              </li>
            ))}
          </ul>
        )}
      </section>

      <RecommendationPanel title="Similar products" name="similar" list={product.similarItems} />
      <RecommendationPanel title="Frequently bought together" name="bought-together" list={product.frequentlyBoughtTogether} />
    </article>
  );
}
