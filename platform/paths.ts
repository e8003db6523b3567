import fs from 'node:fs';
import path from 'node:path';

/** The repository root, whether running from sources or from the compiled `dist/` tree. */
export const projectRoot: string = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'dist') {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
})();

export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
export const prismaSchemaDir = path.join(projectRoot, 'prisma', 'schema');
