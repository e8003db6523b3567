import { execFileSync } from 'node:child_process';
import { projectRoot } from '../../platform/paths';

// Generated code is committed. This fails when a schema changed without
// regenerating (subgraph API schemas, resolver types and service-call documents,
// Prisma client, supergraph) or without a migration.
it('API schemas, resolver types, call documents, Prisma client, supergraph and migrations match their sources', () => {
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx', 'scripts/check-generated.ts'],
      { cwd: projectRoot, encoding: 'utf8', stdio: 'pipe', env: { PATH: process.env.PATH, HOME: process.env.HOME } },
    );
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
  expect(output.trim().split('\n')).toEqual([
    'up to date  subgraph API schemas',
    'up to date  codegen (resolver types, service-call documents, client operations)',
    'up to date  admin console operations',
    'up to date  Prisma client',
    'up to date  supergraph',
    'up to date  migrations',
  ]);
}, 120_000);
