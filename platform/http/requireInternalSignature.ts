import { SIGNATURE_HEADER, type InternalAuth } from '../auth/internalAuth';
import type { ServiceMetrics } from '../observability/metrics';
import type { HttpStep } from './httpStep';
import { sendJson } from './jsonErrors';

/** Requests to a subgraph's /graphql that were not signed by a SmartCart service are refused with FORBIDDEN. */
export function requireInternalSignature({ verifier, required }: { verifier: InternalAuth | undefined; required: boolean }, metrics: ServiceMetrics): HttpStep {
  // Refused callers by verdict (missing, invalid, expired): anything but zero means someone calls a subgraph directly.
  const refused = metrics.counter('smartcart_internal_signature_refused_total', 'Requests refused for a missing or bad gateway signature', ['reason']);
  const empty = Buffer.alloc(0);
  return (req, res, next) => {
    const header = req.headers[SIGNATURE_HEADER];
    // The signed URL is the one the caller asked for: Express's mounted router rewrites `url`.
    const url = req.originalUrl ?? req.url ?? '';
    const verdict = verifier ? verifier.verify(req.method ?? '', url, typeof header === 'string' ? header : undefined, req.rawBody ?? empty) : 'missing';
    if (verdict === 'ok' || (verdict === 'missing' && !required)) {
      next();
      return;
    }
    refused.inc({ reason: verdict });
    sendJson(res, 403, {
      errors: [
        {
          message: 'This service answers only calls signed by the SmartCart gateway or its peers',
          extensions: { code: 'FORBIDDEN', reason: `INTERNAL_SIGNATURE_${verdict.toUpperCase()}` },
        },
      ],
    });
  };
}
