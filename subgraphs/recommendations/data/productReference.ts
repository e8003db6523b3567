/** What the recommendations subgraph knows of a product: its key. The gateway fetches the rest. */
export interface ProductReference {
  id: string;
}
