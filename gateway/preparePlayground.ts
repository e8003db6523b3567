import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePlaygroundBuilt, PLAYGROUND_BUILD_DIR } from './playgroundBuild';

/**
 * At start-up, beside the gateway: a development gateway with the playground
 * on builds it when dist/playground is missing or stale (a fresh clone: a few
 * seconds, once; cached afterwards). The API serves meanwhile; the page says
 * it is not built yet until it is. Production images ship the bundle
 * (`npm run build:web` in the Dockerfile) and never build. Never rejects: a
 * failed build is logged and the API runs without the page.
 */
export async function preparePlayground(config: Config, logger: Logger): Promise<void> {
  if (!config.gateway.playground) return;
  if (config.env === 'production') {
    // The image has the bundle but not its sources: present is all that can be checked.
    if (!fs.existsSync(path.join(PLAYGROUND_BUILD_DIR, 'index.html'))) logger.warn('GATEWAY_PLAYGROUND is on but dist/playground is missing: run `npm run build:playground`');
    return;
  }
  const started = Date.now();
  try {
    const outcome = await ensurePlaygroundBuilt((message) => logger.info(message));
    if (outcome === 'built') logger.info({ millis: Date.now() - started }, 'playground built');
  } catch (error) {
    logger.warn({ err: error }, 'playground not built; the API runs without it (`npm run build:playground` says why)');
  }
}
