import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import type { Logger } from '../platform/logger';

// The example storefront (client/storefront, built into dist/client by
// `npm run build:client`) at `/`, and the product images at `/images/*`.
// Everything the storefront loads comes from this origin, which the
// Content-Security-Policy also tells the browser.

/** Paths the storefront never answers: the API's own. */
const API_PATHS = /^\/(graphql|healthz|readyz|metrics)(\/|$)/;
/** Folders of the build that are not apps. */
const RESERVED = new Set(['storefront', 'assets', 'images']);
const IMAGE_NAME = /^([A-Za-z0-9][A-Za-z0-9._-]{0,127})\.(jpe?g|png|webp|gif|svg)$/i;
const CSP = ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "style-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>SmartCart</title>
<p>The storefront is not built. Run <code>npm run build:client</code> (<code>npm start</code> does it when needed).</p></html>`;

export interface StorefrontOptions {
  /** The build's folder: `<app>/index.html`, `assets/`, `images/`. */
  dir: string;
  logger: Logger;
}

/**
 * Routes for the gateway's HTTP server: hashed assets cached for a year, the
 * app's HTML for every other GET (the app routes on the client; another app
 * of the build, such as `admin/`, under its own prefix), and images
 * by file name. A product image path the build has no file for (an imported
 * product's `/images/x.jpg`) gets the generic placeholder: no image 404s.
 */
export function storefrontRoutes({ dir, logger }: StorefrontOptions): Router {
  const router = express.Router();
  const indexFile = path.join(dir, 'storefront', 'index.html');
  const imagesDir = path.join(dir, 'images');
  let warned = false;

  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));

  router.get('/images/:file', (req, res) => {
    const match = IMAGE_NAME.exec(req.params.file);
    const own = match ? path.join(imagesDir, `${match[1]}.svg`) : undefined;
    const file = own && fs.existsSync(own) ? own : path.join(imagesDir, 'placeholder.svg');
    if (!fs.existsSync(file)) {
      res.status(404).type('text/plain').send('No such image');
      return;
    }
    // An SVG under a .jpg name: the browser goes by the content type.
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.type('image/svg+xml').sendFile(file);
  });

  router.get(/.*/, (req, res, next) => {
    if (API_PATHS.test(req.path) || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // The HTML names the current hashed assets: always revalidated.
    res.setHeader('Cache-Control', 'no-cache');
    // Another app of the build (dist/client/<app>/index.html) answers under /<app>/; the storefront everywhere else.
    const segment = /^\/([a-z][a-z0-9-]*)(\/|$)/.exec(req.path)?.[1];
    const appIndex = segment && !RESERVED.has(segment) ? path.join(dir, segment, 'index.html') : undefined;
    if (appIndex && fs.existsSync(appIndex)) {
      res.type('html').sendFile(appIndex);
      return;
    }
    if (!fs.existsSync(indexFile)) {
      if (!warned) logger.warn({ dir }, 'storefront not built: run npm run build:client');
      warned = true;
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.type('html').sendFile(indexFile);
  });
  return router;
}
