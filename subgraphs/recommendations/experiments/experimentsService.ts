import type { Database } from '../../../platform/database/database';
import type { EventBus } from '../../../platform/events/eventBus';
import type { Infrastructure } from '../../../platform/infrastructure';
import type { Logger } from '../../../platform/logger';
import { ExperimentRepository } from '../data/experimentRepository';
import type { EngineHost } from '../learning/engineHost';
import { ExperimentRegistry } from './experimentRegistry';
import { ExperimentReports } from './experimentReports';
import { ImpressionRecorder } from './impressionRecorder';
import { startOutcomeConsumer } from './outcomeConsumer';

export interface ExperimentsService {
  registry: ExperimentRegistry;
  repository: ExperimentRepository;
  impressions: ImpressionRecorder;
  reports: ExperimentReports;
  close(): Promise<void>;
}

/** The recommendations subgraph's online experiments: registry, impression recorder, outcome consumer, reports on /metrics. */
export async function startExperiments(options: {
  infra: Infrastructure;
  db: Database;
  consumers: Pick<EventBus, 'consume'>;
  host: EngineHost;
  logger: Logger;
}): Promise<ExperimentsService> {
  const { infra, db, logger } = options;
  const settings = infra.config.recommendations.experiments;
  const repository = new ExperimentRepository(db.prisma);
  const registry = new ExperimentRegistry(repository, infra.pubsub, logger, settings.refreshMs);
  await registry.start();
  const impressions = new ImpressionRecorder(repository, logger, { flushMs: settings.impressionFlushMs, batchSize: 500, maxBuffered: 50_000 });
  impressions.start();
  const reports = new ExperimentReports(repository, settings.attributionWindowHours);
  reports.reportMetrics(registry);
  const outcomes = await startOutcomeConsumer({
    consumers: options.consumers,
    events: infra.events,
    registry,
    repository,
    engine: () => options.host.engine,
    instanceId: infra.config.instanceId,
    logger,
  });
  return {
    registry,
    repository,
    impressions,
    reports,
    async close() {
      await outcomes.stop();
      await impressions.stop();
      reports.stop();
      await registry.stop();
    },
  };
}
