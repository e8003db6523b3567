import { standardCategories } from '../../subgraphs/products/seed/categoryTree';
import { defaultEngineOptions, RecommendationEngine } from '../../subgraphs/recommendations/engine/recommendationEngine';
import type { IntentVocabulary } from '../../subgraphs/recommendations/intent/intent';
import { demoProductSnapshots } from './demoProductSnapshots';

/**
 * The demo catalog as the recommender holds it (the engine's own projection,
 * no database), with the vocabulary free text is understood against: what
 * shopping lists are matched to in unit tests.
 */
export function demoListEngine(): { engine: RecommendationEngine; vocabulary: IntentVocabulary } {
  const engine = new RecommendationEngine({ ...defaultEngineOptions, now: () => 2_000_000_000_000 });
  const products = demoProductSnapshots();
  for (const product of products) engine.applyProduct(product);
  const vocabulary: IntentVocabulary = {
    categories: standardCategories().map((c) => ({ id: c.slug, name: c.name, slug: c.slug })),
    productNames: products.map((p) => p.name),
  };
  return { engine, vocabulary };
}
