import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/paths';
import { demoProductImages } from './productImages';
import { publishBuild } from './publishBuild';

// `npm run build:client`: the example clients of client/ bundled with esbuild
// into dist/client/ (git-ignored), with the generated product images.
// `npm start` and the tests call ensureClientBuilt(), which rebuilds only when
// an input changed (a hash of them is kept in dist/client/build.json).
//
//   dist/client/<app>/index.html   one per app, naming its hashed assets
//   dist/client/assets/*           hashed JavaScript and CSS (cached for a year)
//   dist/client/images/*.svg       product placeholders (productImages.ts)

export interface ClientApp {
  /** Folder under client/ and under dist/client/. */
  name: string;
  /** The bundle's entry and stylesheet, relative to the project root. */
  script: string;
  styles: string;
  /** HTML template with %SCRIPT% and %STYLES%. */
  html: string;
}

/** Every app the gateway can serve; an app of client/ adds itself here. */
export const CLIENT_APPS: ClientApp[] = [
  { name: 'storefront', script: 'client/storefront/main.tsx', styles: 'client/storefront/styles.css', html: 'client/storefront/index.html' },
];

export const clientDist = path.join(projectRoot, 'dist', 'client');
const STAMP = 'build.json';

const clientSources = path.join(projectRoot, 'client');

/** Everything a build reads besides node_modules: the client sources, this builder, the demo catalog, the lock file. */
function inputsHash(): string {
  const hash = crypto.createHash('sha256');
  const files = [
    ...fs.readdirSync(clientSources, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name)),
    path.join(projectRoot, 'scripts', 'clientBuild.ts'),
    path.join(projectRoot, 'scripts', 'productImages.ts'),
    path.join(projectRoot, 'subgraphs', 'products', 'seed', 'demoCatalog.ts'),
    path.join(projectRoot, 'package-lock.json'),
  ].sort();
  for (const file of files) {
    hash.update(path.relative(projectRoot, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

export interface ClientBuild {
  built: boolean;
  millis: number;
  dir: string;
}

/** Builds into a scratch folder and swaps it in, so a server never serves half a build. */
export async function buildClient(outDir = clientDist): Promise<ClientBuild> {
  const started = Date.now();
  const hash = inputsHash();
  const scratch = `${outDir}.building-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  fs.mkdirSync(path.join(scratch, 'images'), { recursive: true });
  try {
    for (const app of CLIENT_APPS) {
      const { build } = await import('esbuild');
      const result = await build({
        entryPoints: { [app.name]: path.join(projectRoot, app.script), [`${app.name}-styles`]: path.join(projectRoot, app.styles) },
        outdir: path.join(scratch, 'assets'),
        entryNames: '[name]-[hash]',
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: ['es2022'],
        minify: true,
        sourcemap: true,
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        legalComments: 'linked',
        metafile: true,
        logLevel: 'silent',
      });
      const outputOf = (ext: string) => {
        const file = Object.entries(result.metafile.outputs).find(([name, output]) => name.endsWith(ext) && output.entryPoint?.includes(app.name))?.[0];
        if (!file) throw new Error(`esbuild produced no ${ext} for ${app.name}`);
        return `/assets/${path.basename(file)}`;
      };
      const html = fs.readFileSync(path.join(projectRoot, app.html), 'utf8').replace('%SCRIPT%', outputOf('.js')).replace('%STYLES%', outputOf('.css'));
      fs.mkdirSync(path.join(scratch, app.name), { recursive: true });
      fs.writeFileSync(path.join(scratch, app.name, 'index.html'), html);
    }
    for (const [name, svg] of demoProductImages()) fs.writeFileSync(path.join(scratch, 'images', `${name}.svg`), svg);
    fs.writeFileSync(path.join(scratch, STAMP), JSON.stringify({ inputs: hash, apps: CLIENT_APPS.map((a) => a.name) }, null, 2));
    // Two processes built at once (two test files starting the API): the other one's build is as good.
    publishBuild(scratch, outDir, () => clientBuildIsCurrent(outDir));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { built: true, millis: Date.now() - started, dir: outDir };
}

/** Whether dist/client was built from the current inputs. */
export function clientBuildIsCurrent(outDir = clientDist): boolean {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(outDir, STAMP), 'utf8')) as { inputs?: string };
    return stamp.inputs === inputsHash();
  } catch {
    return false;
  }
}

/**
 * Builds the clients when dist/client is missing or older than its inputs;
 * otherwise does nothing. Without the sources (the container image, built by
 * `npm run build:web` in its build stage) the existing build is served as it is.
 */
export async function ensureClientBuilt(outDir = clientDist): Promise<ClientBuild> {
  const started = Date.now();
  if (!fs.existsSync(clientSources) && fs.existsSync(path.join(outDir, STAMP))) return { built: false, millis: 0, dir: outDir };
  if (clientBuildIsCurrent(outDir)) return { built: false, millis: Date.now() - started, dir: outDir };
  return buildClient(outDir);
}
