import type { EventBus } from '../../../platform/events/eventBus';
import type { Logger } from '../../../platform/logger';

/** An event to publish once the transaction that caused it has committed. */
export type PendingEvent = (bus: EventBus) => Promise<unknown>;

/**
 * Publishes in order, after the commit: a consumer never hears of a change
 * that was rolled back. The change stands even if the bus fails, so a failure
 * is logged rather than reported to the shopper as if nothing had happened.
 */
export async function publishPending(bus: EventBus, logger: Logger, events: PendingEvent[]): Promise<void> {
  for (const publish of events) {
    try {
      await publish(bus);
    } catch (error) {
      logger.error({ err: error }, 'event not published after commit');
    }
  }
}
