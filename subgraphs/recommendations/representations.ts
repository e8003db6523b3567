import type { RecommendationList } from './engine/recommendationEngine';
import type { Intent, IntentItem } from './intent/intent';
import type { RequiredPreferences } from './requestArgs';

// What the gateway hands this subgraph for entities it extends: the key plus
// the fields named in @requires, fetched from the users subgraph.

export interface ShopperRepresentation {
  id: string;
  preferences?: RequiredPreferences | null;
}

export interface CartRepresentation {
  id: string;
  items?: { product: { id: string } }[];
  budget?: { remaining: string | null };
  shopper?: { id?: string; preferences?: RequiredPreferences | null };
}

export type ListModel = RecommendationList & {
  intent?: Intent | null;
  perItem?: (RecommendationList & { item: IntentItem })[] | null;
};
