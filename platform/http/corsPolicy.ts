import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS from an allow-list: `'*'` lets any origin read answers (development's
 * default); a list allows exactly those origins; an empty list sends no CORS
 * headers at all, so browsers on other origins cannot read answers
 * (production's default until CORS_ORIGINS names the shop's front ends).
 */
export function corsPolicy(origins: '*' | string[]): RequestHandler {
  if (origins === '*') return cors();
  const allowed = new Set(origins);
  return cors({ origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)) });
}
