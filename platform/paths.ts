import fs from 'node:fs';
import path from 'node:path';

/** The repository root, whether running from sources or from the compiled `dist/` tree. */
export const projectRoot: string = (() => {
  // Loaded as an ES module (a peer tool importing a config file of ours, such as the Hive Gateway
  // the API benchmark runs) there is no __dirname: the search then starts where the tool runs.
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'dist') {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + (typeof __dirname === 'string' ? __dirname : process.cwd()));
    dir = parent;
  }
  return dir;
})();

/**
 * A file the services read at run time from the source tree (a subgraph's SDL, the
 * supergraph, migrations). Resolved from the project root, not from `__dirname`, so the
 * compiled `dist/` tree (the image) finds the same files as the TypeScript sources do.
 */
export function projectFile(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}

export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
export const prismaSchemaDir = path.join(projectRoot, 'prisma', 'schema');
