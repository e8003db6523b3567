import { loadConfigOrExit } from '../platform/config';
import { createLogger } from '../platform/logger';
import { runUntilSignalled } from '../platform/http/runUntilSignalled';
import { buildGateway } from './server';

// The gateway is stateless: no database. It needs only the supergraph and the subgraphs' URLs.
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel, 'gateway');
  try {
    const gateway = buildGateway({ config, logger });
    const url = await gateway.service.listen(config.ports.gateway, config.host);
    logger.info({ url, subgraphs: gateway.subgraphs }, 'gateway ready');
    runUntilSignalled(() => gateway.close(), logger, config.shutdownGraceMs);
  } catch (error) {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  }
}

void main();
