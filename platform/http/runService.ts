import type { ServiceName } from '../config';
import type { Database } from '../database/database';
import { loadConfigOrExit } from '../config';
import { migrate } from '../database/migrate';
import { createInfrastructure, type Infrastructure } from '../infrastructure';
import { createLogger } from '../logger';
import { startTracing, stopTracing } from '../observability/tracing';
import type { GraphQLService } from './graphqlService';
import { runUntilSignalled } from './runUntilSignalled';

export interface BuiltService {
  service: GraphQLService<any>;
  /** The service's own database handle, when it has one (the gateway has none). */
  db?: Database;
  close(): Promise<void>;
}

/** The entry point of a service deployed on its own: configure, migrate, listen, stop on a signal. */
export async function runService(name: ServiceName, build: (infra: Infrastructure) => BuiltService | Promise<BuiltService>): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel, name);
  startTracing(config.observability.tracing, { instanceId: config.instanceId });
  try {
    const infra = await createInfrastructure(config, logger);
    if (config.migrateOnStart) {
      const applied = await migrate(infra.database);
      if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    }
    const built = await build(infra);
    const url = await built.service.listen(config.ports[name], config.host);
    logger.info({ url, database: config.database.kind, redis: Boolean(config.redis) }, `${name} ready`);
    runUntilSignalled(
      async () => {
        await built.close();
        await infra.close();
        await stopTracing();
      },
      logger,
      config.shutdownGraceMs,
    );
  } catch (error) {
    logger.fatal({ err: error }, `${name} failed to start`);
    process.exit(1);
  }
}
