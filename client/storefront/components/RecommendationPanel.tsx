import { useApolloClient } from '@apollo/client/react';
import type { RecommendationPanelFragment } from '../../gql/graphql';
import { trackRecommendationClick } from '../tracking';
import { AddButton } from './AddButton';
import { ProductCard } from './ProductCard';

/**
 * A list of recommendations with the reason for each. Opening or adding an
 * item is tracked with its recommendation id.
 */
export function RecommendationPanel({ title, list, name, version }: { title: string; list: RecommendationPanelFragment | null | undefined; name: string; version?: number }) {
  const apollo = useApolloClient();
  const headingId = `panel-${name}`;
  return (
    <section className="panel" aria-labelledby={headingId} data-panel={name} data-version={version}>
      <h2 id={headingId}>{title}</h2>
      {!list && <p className="muted">Recommendations are unavailable right now.</p>}
      {list && list.items.length === 0 && <p className="muted">{list.emptyReason ?? 'Nothing to suggest yet.'}</p>}
      {list && list.items.length > 0 && (
        <ul className="grid">
          {list.items.map((item) => (
            <ProductCard key={item.recommendationId} product={item.product} onOpen={() => trackRecommendationClick(apollo, item.product.id, item.recommendationId)}>
              <p className="reason">
                {item.reason} <span className="confidence">({chanceOf(item.confidence)} chance you add it next)</span>
              </p>
              <AddButton productId={item.product.id} name={item.product.name} recommendationId={item.recommendationId} />
            </ProductCard>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `confidence` is a probability of the next add (docs/recommendations.md#confidence): most are a few percent. */
function chanceOf(confidence: number): string {
  const percent = confidence * 100;
  return percent < 1 ? 'under 1 %' : `${Math.round(percent)} %`;
}
