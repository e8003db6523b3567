import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../platform/paths';

// `npm run build:admin`: the admin console (client/admin) bundled into
// dist/admin (git-ignored), which the gateway serves at /admin. One script
// file, one style sheet, one page: nothing loaded from anywhere else.

const source = path.join(projectRoot, 'client', 'admin');
const out = path.join(projectRoot, 'dist', 'admin');

async function main(): Promise<void> {
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
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  const script = fs.statSync(path.join(out, 'admin.js')).size;
  process.stdout.write(`Built the admin console into ${path.relative(projectRoot, out)}/ (admin.js ${script.toLocaleString('en')} bytes; ${bytes.toLocaleString('en')} bytes with its source map)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
