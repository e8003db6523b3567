import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { diffMigrationsToSchema, isEmptyMigration } from '../platform/database/migrate';
import { projectRoot } from '../platform/paths';
import { composeDefaultSupergraph, supergraphFile } from './compose';
import { subgraphApiSchema, subgraphApiSchemaFile } from './subgraph-api-schemas';
import { subgraphs } from '../subgraphs';

// `npm run check:generated`: every generated artefact must match its source.
// Fails, naming the file and the command that regenerates it, when one is stale.

type Check = () => Promise<string[]>;

/** The outputs of one codegen config that differ from the committed files. */
function codegenCheck(configFile: string, command: string): Check {
  return async () => {
    const { config } = await loadCodegenConfig({ configFilePath: path.join(projectRoot, configFile) });
    const outputs = await generate({ ...config, cwd: projectRoot, silent: true }, false);
    return outputs
      .filter((o: { filename: string; content: string }) => {
        const file = path.resolve(projectRoot, o.filename);
        return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== o.content;
      })
      .map((o: { filename: string }) => `${o.filename} (${command})`);
  };
}

const codegen = codegenCheck('codegen.yml', 'npm run codegen');
/** The admin console's typed operations, against the committed supergraph. */
const adminCodegen = codegenCheck('client/admin/codegen.yml', 'npm run codegen:admin');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

const prismaClient: Check = async () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-prisma-'));
  try {
    fs.cpSync(path.join(projectRoot, 'prisma', 'schema'), path.join(scratch, 'prisma', 'schema'), { recursive: true });
    execFileSync(path.join(projectRoot, 'node_modules', '.bin', 'prisma'), ['generate', '--schema', 'prisma/schema'], {
      cwd: scratch,
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: 'pipe',
    });
    const fresh = path.join(scratch, 'prisma', 'generated', 'client');
    const committed = path.join(projectRoot, 'prisma', 'generated', 'client');
    const files = new Set([...listFiles(fresh), ...listFiles(committed)]);
    return [...files]
      .filter((f) => {
        const a = path.join(fresh, f);
        const b = path.join(committed, f);
        return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b));
      })
      .map((f) => `prisma/generated/client/${f} (npm run prisma:generate)`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
};

const supergraph: Check = async () =>
  fs.existsSync(supergraphFile) && fs.readFileSync(supergraphFile, 'utf8') === composeDefaultSupergraph()
    ? []
    : ['gateway/supergraph.graphql (npm run compose)'];

const apiSchemas: Check = async () =>
  subgraphs
    .filter((s) => {
      const file = subgraphApiSchemaFile(s.name);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== subgraphApiSchema(s);
    })
    .map((s) => `${path.relative(projectRoot, subgraphApiSchemaFile(s.name))} (npm run codegen)`);

const migrations: Check = async () => {
  const shadow = new PGlite();
  try {
    const sql = await diffMigrationsToSchema(new PrismaPGlite(shadow));
    return isEmptyMigration(sql) ? [] : [`prisma/migrations lag the Prisma schema (npm run db:new-migration -- <name>):\n${sql}`];
  } finally {
    await shadow.close();
  }
};

async function main(): Promise<void> {
  const checks: [string, Check][] = [
    ['subgraph API schemas', apiSchemas],
    ['codegen (resolver types, service-call documents, client operations)', codegen],
    ['admin console operations', adminCodegen],
    ['Prisma client', prismaClient],
    ['supergraph', supergraph],
    ['migrations', migrations],
  ];
  const stale: string[] = [];
  for (const [name, check] of checks) {
    const found = await check();
    process.stdout.write(`${found.length === 0 ? 'up to date' : 'STALE     '}  ${name}\n`);
    stale.push(...found);
  }
  if (stale.length > 0) {
    process.stderr.write(`Stale generated files:\n${stale.map((s) => `- ${s}`).join('\n')}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
