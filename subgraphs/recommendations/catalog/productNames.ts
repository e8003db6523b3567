import type { RecommendationEngine } from '../engine/recommendationEngine';

// The catalog's product names, for spelling and item detection. detectIntent rebuilds its speller per
// array (about 30 ms on the demo), so the array is replaced only when a name changed, not on every stock change.
let names: { version: string; names: string[] } | null = null;
export function productNamesOf(engine: RecommendationEngine): string[] {
  const version = engine.version.split('.')[0]!;
  if (names?.version === version) return names.names;
  const current = engine.catalog.all().filter((item) => !item.archived).map((item) => item.name);
  const same = names !== null && names.names.length === current.length && names.names.every((name, i) => name === current[i]);
  names = { version, names: same ? names!.names : current };
  return names.names;
}
