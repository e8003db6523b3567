import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import type { Logger } from '../platform/logger';
import { projectFile } from '../platform/paths';

/** Where `npm run build:admin` writes the console (git-ignored). */
export const ADMIN_CONSOLE_DIR = projectFile('dist', 'admin');
export const ADMIN_CONSOLE_PATH = '/admin';

/**
 * The page may load and call only its own origin: its script and style files
 * and /graphql. No inline script or style, no frames, no other host, so an
 * injected string can neither run nor send the API key elsewhere.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The admin console's static files at /admin, with a strict content security
 * policy. The console is a client of the public API like any other: it has no
 * route of its own into the services, and every operation it sends is checked
 * against the API key it carries. Not built yet: /admin says how to build it.
 */
export function adminConsoleRouter(logger: Logger, dir = ADMIN_CONSOLE_DIR): Router {
  const router = express.Router();
  const built = fs.existsSync(path.join(dir, 'index.html'));
  if (!built) logger.warn({ dir }, 'admin console not built (npm run build:admin); /admin answers 503');
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  if (!built) {
    router.use((_req, res) => {
      res.status(503).json({ errors: [{ message: 'The admin console is not built: run npm run build:admin', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    });
    return router;
  }
  router.use(express.static(dir, { index: 'index.html', redirect: true, dotfiles: 'ignore' }));
  return router;
}
