import { serviceMetrics } from '../../observability/metrics';
import type { OutboxRelay } from './outboxRelay';

/**
 * The outbox backlog of a service on its /metrics, read at scrape time: rows
 * not yet published and the age of the oldest. A backlog that grows while the
 * bus is up means the relay is stuck (alert on it); one that grows while the
 * bus is down is the outbox doing its job. Returns the function that stops
 * reporting (the service stopped).
 */
export function reportOutboxBacklog(service: string, outbox: string, relay: Pick<OutboxRelay, 'backlog'>): () => void {
  const metrics = serviceMetrics(service);
  let last: Promise<{ unsent: number; oldest: Date | null }> | undefined;
  // Both gauges of one scrape share one query.
  const read = () => (last ??= relay.backlog().finally(() => setTimeout(() => (last = undefined), 100).unref()));
  const stops = [
    metrics.observeGauge('smartcart_outbox_backlog', 'Outbox rows written but not yet published to the bus', ['outbox'], async (gauge) => {
      gauge.set({ outbox }, (await read()).unsent);
    }),
    metrics.observeGauge('smartcart_outbox_oldest_unsent_age_seconds', 'Age of the oldest unpublished outbox row (0 when none)', ['outbox'], async (gauge) => {
      const { oldest } = await read();
      gauge.set({ outbox }, oldest ? Math.max(0, (Date.now() - new Date(oldest).getTime()) / 1000) : 0);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
