import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../platform/paths';
import { publishBuild } from './publishBuild';

// `npm run build:admin`: the admin console (client/admin) bundled into
// dist/admin (git-ignored), which the gateway serves at /admin. One script
// file, one style sheet, one page: nothing loaded from anywhere else.

const source = path.join(projectRoot, 'client', 'admin');

/** Builds the console into `out` (dist/admin by default); returns the script's size in bytes. */
export async function buildAdminConsole(out = path.join(projectRoot, 'dist', 'admin')): Promise<{ scriptBytes: number; totalBytes: number }> {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Built beside the target and swapped in by renames, so a gateway starting
  // meanwhile (or another build: parallel test processes) never sees half a console.
  const staging = fs.mkdtempSync(path.join(path.dirname(out), '.admin-build-'));
  try {
    const result = await build({
      entryPoints: [path.join(source, 'main.ts')],
      outfile: path.join(staging, 'admin.js'),
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
    for (const file of ['index.html', 'admin.css']) fs.copyFileSync(path.join(source, file), path.join(staging, file));
    const totalBytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    const scriptBytes = fs.statSync(path.join(staging, 'admin.js')).size;
    // Another build published the same sources in between: keep that one.
    publishBuild(staging, out, (error) => ['ENOTEMPTY', 'EEXIST'].includes(error.code ?? ''));
    return { scriptBytes, totalBytes };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
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
