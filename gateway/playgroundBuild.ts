import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/paths';

/** The playground's sources (GraphiQL, React, Monaco: gateway/playground/). */
export const PLAYGROUND_SOURCE_DIR = path.join(projectRoot, 'gateway', 'playground');
/** Where `npm run build:playground` writes the bundle the gateway serves (git-ignored). */
export const PLAYGROUND_BUILD_DIR = path.join(projectRoot, 'dist', 'playground');
/** URL prefix of the bundle's hashed files. */
export const PLAYGROUND_ASSET_PREFIX = '/playground/assets';
const STAMP = 'build-stamp.json';

/**
 * What the bundle is made of: the playground's sources, the locked versions
 * of every package (GraphiQL, React, Monaco, Vite) and this file (the build
 * settings). A bundle built from other inputs is stale.
 */
export function playgroundInputsHash(): string {
  const hash = crypto.createHash('sha256');
  const sources = fs
    .readdirSync(PLAYGROUND_SOURCE_DIR)
    .filter((name) => !name.endsWith('.test.ts'))
    .sort();
  for (const name of sources) hash.update(name).update('\0').update(fs.readFileSync(path.join(PLAYGROUND_SOURCE_DIR, name))).update('\0');
  hash.update(fs.readFileSync(path.join(projectRoot, 'package-lock.json')));
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex');
}

/** Whether dist/playground holds a complete bundle of the current sources. */
export function playgroundIsBuilt(dir = PLAYGROUND_BUILD_DIR): boolean {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, STAMP), 'utf8')) as { inputs?: string };
    return stamp.inputs === playgroundInputsHash() && fs.existsSync(path.join(dir, 'index.html'));
  } catch {
    return false;
  }
}

/**
 * Bundles the playground with Vite into dist/playground: index.html plus
 * content-hashed assets (Monaco's workers and fonts included), nothing loaded
 * from elsewhere. Vite is a development dependency: imported only here.
 */
export async function buildPlayground(outDir = PLAYGROUND_BUILD_DIR): Promise<{ files: number; bytes: number }> {
  const inputs = playgroundInputsHash();
  const { build } = await import('vite');
  await build({
    configFile: false,
    // A production bundle whoever builds it: under Jest (NODE_ENV=test) Vite would otherwise
    // compile JSX for React's development runtime, which the production React below lacks.
    mode: 'production',
    root: PLAYGROUND_SOURCE_DIR,
    base: '/playground/',
    logLevel: 'warn',
    publicDir: false,
    // Only the browser's own code in the bundle: no `process.env` reads survive.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      assetsDir: 'assets',
      // Monaco is large by nature; the warning would say nothing new.
      chunkSizeWarningLimit: 8000,
      // Small fonts and icons as files too: one CSP (`'self'`) for everything.
      assetsInlineLimit: 0,
      sourcemap: false,
      rolldownOptions: {
        // React libraries mark files "use client" for server renderers; meaningless in this bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  fs.writeFileSync(path.join(outDir, STAMP), JSON.stringify({ inputs, builtAt: new Date().toISOString() }) + '\n');
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * Builds the playground when dist/playground is missing or was built from
 * other sources (a fresh clone, a pulled change); otherwise returns at once.
 */
export async function ensurePlaygroundBuilt(log: (message: string) => void = () => undefined): Promise<'cached' | 'built'> {
  if (playgroundIsBuilt()) return 'cached';
  log('building the playground (dist/playground, once per change of its sources)');
  await buildPlayground();
  return 'built';
}
