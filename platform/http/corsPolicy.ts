import cors from 'cors';
import type { HttpStep } from './httpStep';

/**
 * CORS from an allow-list: `'*'` lets any origin read answers (development's
 * default); a list allows exactly those origins; an empty list sends no CORS
 * headers at all, so browsers on other origins cannot read answers
 * (production's default until CORS_ORIGINS names the shop's front ends).
 * The `cors` package works on node's own request and response, so both
 * /graphql paths use it as it is.
 */
export function corsPolicy(origins: '*' | string[]): HttpStep {
  if (origins === '*') return cors();
  const allowed = new Set(origins);
  return cors({ origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)) });
}
