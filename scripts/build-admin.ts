import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../platform/paths';

// `npm run build:admin`: the admin console (client/admin) bundled into
// dist/admin (git-ignored), which the gateway serves at /admin. One script
// file, one style sheet, one page: nothing loaded from anywhere else.

const source = path.join(projectRoot, 'client', 'admin');

/** Builds the console into `out` (dist/admin by default); returns the script's size in bytes. */
export async function buildAdminConsole(out = path.join(projectRoot, 'dist', 'admin')): Promise<{ scriptBytes: number; totalBytes: number }> {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: [path.join(source, 'main.ts')],
    outfile: path.join(out, 'admin.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    tsconfig: path.join(source, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'admin.css']) fs.copyFileSync(path.join(source, file), path.join(out, file));
  const totalBytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { scriptBytes: fs.statSync(path.join(out, 'admin.js')).size, totalBytes };
}

if (require.main === module) {
  buildAdminConsole().then(
    ({ scriptBytes, totalBytes }) => {
      process.stdout.write(`Built the admin console into dist/admin/ (admin.js ${scriptBytes.toLocaleString('en')} bytes; ${totalBytes.toLocaleString('en')} bytes with its source map)\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
