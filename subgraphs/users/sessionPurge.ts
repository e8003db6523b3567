import type { Logger } from '../../platform/logger';
import type { SessionRepository } from './data/sessionRepository';

/**
 * Deletes abandoned anonymous shoppers, and idempotency records past their
 * lifetime, on a timer. Every replica may run it:
 * the deletes are idempotent, so two replicas at once only repeat a query.
 */
export function startSessionPurge(
  sessions: SessionRepository,
  settings: { anonymousRetentionMs: number; purgeIntervalMs: number; idempotencyRetentionMs: number },
  logger: Logger,
): { stop(): void } {
  if (settings.purgeIntervalMs === 0) return { stop() {} };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sessions
      .purgeAnonymous(settings.anonymousRetentionMs)
      .then(async (purged) => {
        if (purged > 0) logger.info({ purged }, 'abandoned anonymous shoppers purged');
        const keys = await sessions.purgeIdempotencyRecords(settings.idempotencyRetentionMs);
        if (keys > 0) logger.info({ purged: keys }, 'expired idempotency records purged');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'anonymous shopper purge failed; retried next interval'))
      .finally(() => (running = false));
  }, settings.purgeIntervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
