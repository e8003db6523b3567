import fs from 'node:fs';
import path from 'node:path';
import type { Express, Request } from 'express';
import { serveStaticFolder } from '../../platform/http/serveStaticFolder';
import { PLAYGROUND_ASSET_PREFIX, PLAYGROUND_BUILD_DIR } from '../playgroundBuild';

/**
 * Everything the page may load or reach: its own origin only (scripts,
 * styles, Monaco's workers and font, the API over HTTP and WebSocket; CSP
 * Level 3 `'self'` matches ws: and wss: on the same host). Inline styles are
 * allowed because Monaco writes its own, and data: fonts because GraphiQL's
 * stylesheet carries its typefaces inline; inline scripts are not.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A browser navigating to the API URL; API clients ask for JSON (or nothing). */
function wantsPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // A GET with a query is an operation, even from a browser's address bar.
  if (typeof req.query.query === 'string') return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * The GraphiQL playground (gateway/playground/, bundled into dist/playground
 * by `npm run build:playground`) on GET <graphqlPath> for browsers, and its
 * hashed assets under /playground/assets/. Register before the GraphQL
 * handler. When the bundle is missing the page says how to build it (503).
 */
export function servePlaygroundPage(app: Express, graphqlPath: string, buildDir = PLAYGROUND_BUILD_DIR): void {
  serveStaticFolder(app, PLAYGROUND_ASSET_PREFIX, path.join(buildDir, 'assets'), { immutable: true });
  // Read on the first visit (and again after a rebuild): no restart needed to pick up a new bundle.
  let page: { html: string; mtimeMs: number } | undefined;
  const indexFile = path.join(buildDir, 'index.html');
  app.get(graphqlPath, (req, res, next) => {
    if (!wantsPage(req)) return next();
    let html: string;
    try {
      const { mtimeMs } = fs.statSync(indexFile);
      if (!page || page.mtimeMs !== mtimeMs) page = { html: fs.readFileSync(indexFile, 'utf8'), mtimeMs };
      html = page.html;
      res.status(200);
    } catch {
      html =
        '<!doctype html><meta charset="utf-8"><title>Playground not built</title>' +
        '<p>The GraphQL playground is not built yet. In development the API builds it at start, once ' +
        '(<code>playground built</code> in its log); otherwise run <code>npm run build:playground</code>. Then reload.</p>';
      res.status(503).setHeader('retry-after', '5');
    }
    res.setHeader('content-security-policy', PLAYGROUND_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('vary', 'accept');
    res.type('html').send(html);
  });
}
