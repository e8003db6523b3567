import { useSyncExternalStore } from 'react';

// Counts preference changes, so the cart's live suggestions can start over
// with the new budget, diet and location (a preference is not a cart change:
// the gateway pushes nothing for it).

let generation = 0;
const listeners = new Set<() => void>();

export function preferencesChanged(): void {
  generation += 1;
  for (const listener of listeners) listener();
}

export function usePreferencesGeneration(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => generation,
  );
}
