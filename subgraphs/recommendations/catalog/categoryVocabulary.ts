import { postGraphQL } from '../../../platform/http/postGraphQL';
import { CategoryNamesDocument } from '../generated/products-calls';
import type { FetchLike } from '../../../platform/http/internalCalls';
import type { Logger } from '../../../platform/logger';
import type { VocabularyCategory } from '../intent/intent';

/** One level of the tree as calls/products/categoryNames.graphql asks for it. */
interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  children?: CategoryNode[] | null;
}

/**
 * The catalog's category names, for understanding free text. Asked of the
 * products subgraph through the graph (recommendations own no category
 * table) and kept for a few minutes; a failed fetch keeps the last answer.
 */
export class CategoryVocabulary {
  private categories: VocabularyCategory[] = [];
  private fetchedAt = 0;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly productsUrl: string,
    private readonly logger: Logger,
    private readonly fetch: FetchLike,
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  async current(): Promise<VocabularyCategory[]> {
    if (Date.now() - this.fetchedAt > this.maxAgeMs) {
      this.pending ??= this.refresh().finally(() => (this.pending = undefined));
      await this.pending;
    }
    return this.categories;
  }

  private async refresh(): Promise<void> {
    try {
      const body = await postGraphQL(this.productsUrl, CategoryNamesDocument, { fetch: this.fetch });
      const flat: VocabularyCategory[] = [];
      const walk = (nodes: readonly CategoryNode[] | null | undefined) => {
        for (const node of nodes ?? []) {
          flat.push({ id: node.id, name: node.name, slug: node.slug });
          walk(node.children);
        }
      };
      walk(body.data?.categories);
      // A new array: detectIntent caches what it derives per array.
      this.categories = flat;
      this.fetchedAt = Date.now();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not refresh category names; keeping the previous ones');
      this.fetchedAt = Date.now() - this.maxAgeMs + 10_000;
    }
  }
}
