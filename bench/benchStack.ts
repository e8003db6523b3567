import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGateway } from '../gateway/server';
import { loadConfig, type Config } from '../platform/config';
import { migrate } from '../platform/database/migrate';
import { createInfrastructure, type Infrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { seedDemoDataIfEmpty } from '../scripts/demoData';
import { subgraphs } from '../subgraphs';

export interface BenchStack {
  config: Config;
  infra: Infrastructure;
  /** The gateway's /graphql. */
  url: string;
  /** The built subgraphs, by name (a benchmark may read a service's live parts). */
  services: Record<string, unknown>;
  stop(): Promise<void>;
}

/**
 * What `npm start` runs, for a benchmark: a fresh embedded data directory
 * (or DATABASE_URL / REDIS_URL from the environment), migrated and seeded
 * with the demo catalog (without the demo shoppers), every subgraph and the gateway in this process on
 * free loopback ports. `env` adds settings (e.g. the rate limiter off).
 */
export async function startBenchStack(name: string, env: Record<string, string> = {}): Promise<BenchStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `smartcart-bench-${name}-`));
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', DATA_DIR: dataDir, MIGRATE_ON_START: 'false', ...env });
  const logger = createLogger(config.logLevel);
  const infra = await createInfrastructure(config, logger);
  await migrate(infra.database);
  // The catalog only: the demo shoppers' history would change what each benchmark measured before it existed.
  await seedDemoDataIfEmpty(infra, { population: false });
  const started: { close(): Promise<void> }[] = [];
  const services: Record<string, unknown> = {};
  const subgraphUrls: Record<string, string> = {};
  for (const definition of subgraphs) {
    const built = await definition.build(infra, { ...subgraphUrls });
    started.push(built);
    services[definition.name] = built;
    subgraphUrls[definition.name] = await built.service.listen(0);
  }
  const gateway = buildGateway({ config: { ...config, gateway: { ...config.gateway, supergraphSource: 'file', subgraphUrls } }, logger });
  started.push(gateway);
  const url = await gateway.service.listen(0);
  return {
    config,
    infra,
    url,
    services,
    async stop() {
      for (const service of started.reverse()) await service.close();
      await infra.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
