import { buildPlayground, ensurePlaygroundBuilt, PLAYGROUND_BUILD_DIR } from '../gateway/playgroundBuild';

// `npm run build:playground`: bundle the GraphiQL playground into dist/playground.
// `-- --if-stale` builds only when the sources changed since the last build.
async function main(): Promise<void> {
  const started = Date.now();
  if (process.argv.includes('--if-stale')) {
    const outcome = await ensurePlaygroundBuilt((message) => process.stdout.write(`${message}\n`));
    process.stdout.write(`playground ${outcome === 'cached' ? 'up to date' : 'built'} in ${PLAYGROUND_BUILD_DIR} (${Date.now() - started} ms)\n`);
    return;
  }
  const { files, bytes } = await buildPlayground();
  process.stdout.write(`playground built in ${PLAYGROUND_BUILD_DIR}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${Date.now() - started} ms\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
