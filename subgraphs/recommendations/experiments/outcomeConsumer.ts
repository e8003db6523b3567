import type { BusEvent, EventBus, Subscription } from '../../../platform/events/eventBus';
import { Streams, type InteractionEventPayload } from '../../../platform/events/topics';
import type { Logger } from '../../../platform/logger';
import { serviceMetrics } from '../../../platform/observability/metrics';
import type { ExperimentRepository, NewOutcome } from '../data/experimentRepository';
import { fromCents, toCents } from '../engine/money';
import type { RecommendationEngine } from '../engine/recommendationEngine';
import { parseRecommendationId } from './experimentRecommendationIds';
import type { ExperimentRegistry } from './experimentRegistry';

/** One shared group: each outcome is recorded once, by whichever replica reads it. */
export const OUTCOME_GROUP = 'recs-experiment-outcomes';

const ATTRIBUTED = new Set(['CLICK', 'ADD_TO_CART', 'PURCHASE']);

/** The outcome an interaction is, or null when it carries no experiment's recommendation id. */
export async function outcomeOf(
  payload: InteractionEventPayload,
  registry: Pick<ExperimentRegistry, 'byReference'>,
  priceCents: (productId: string) => number | undefined,
): Promise<NewOutcome | null> {
  if (!ATTRIBUTED.has(payload.type)) return null;
  const tagged = parseRecommendationId(payload.recommendationId);
  if (!tagged) return null;
  const experiment = await registry.byReference(tagged.experimentRef);
  // An id that names no experiment or variant (forged, or of a deleted experiment) is not counted.
  if (!experiment || !experiment.variants.some((v) => v.key === tagged.variantKey)) return null;
  let revenue = '0.00';
  if (payload.type === 'PURCHASE') {
    // The checkout's unit price; for a purchase published without one, the catalog's current price.
    const unit = payload.unitPrice ? toCents(payload.unitPrice) : payload.productId ? priceCents(payload.productId) : undefined;
    revenue = fromCents((unit ?? 0) * Math.max(1, payload.quantity ?? 1));
  }
  return {
    eventId: payload.eventId,
    experimentId: experiment.id,
    variant: tagged.variantKey,
    shopperId: payload.shopperId,
    type: payload.type as NewOutcome['type'],
    recommendationId: payload.recommendationId!,
    revenue,
    occurredAt: new Date(payload.occurredAt),
  };
}

/**
 * Reads the interactions stream in a shared group and stores every click, add
 * to cart and purchase that carries an experiment's recommendation id. Which
 * impression it belongs to is decided when the report is computed, so an
 * outcome that arrives before its (batched) impression is written still counts.
 */
export async function startOutcomeConsumer(options: {
  consumers: Pick<EventBus, 'consume'>;
  events: EventBus;
  registry: ExperimentRegistry;
  repository: ExperimentRepository;
  engine: () => RecommendationEngine;
  instanceId: string;
  logger: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const recorded = serviceMetrics('recommendations').counter(
    'smartcart_recs_experiment_outcomes_total',
    'Clicks, adds to cart and purchases attributed to an experiment (by type)',
    ['type'],
  );
  const priceCents = (productId: string) => options.engine().catalog.byId(productId)?.effectivePriceCents;
  const handle = async (event: BusEvent) => {
    if (event.type !== 'interaction') return;
    const outcome = await outcomeOf(event.payload as InteractionEventPayload, options.registry, priceCents);
    if (!outcome) return;
    await options.repository.insertOutcomes([outcome]);
    recorded.inc({ type: outcome.type });
  };
  const subscription: Subscription = await options.consumers.consume(Streams.interactions, OUTCOME_GROUP, handle, {
    consumer: options.instanceId,
    onError: (error, event) => options.logger.error({ err: error, eventId: event.id }, 'experiment outcome not recorded'),
  });
  return {
    async stop() {
      await subscription.stop();
      // Leave the group on a clean stop when nothing is pending here (as the engine's groups do).
      try {
        const me = (await options.events.groups(Streams.interactions)).find((g) => g.name === OUTCOME_GROUP)?.consumers.find((c) => c.name === options.instanceId);
        if (me && me.pending === 0) await options.events.removeConsumer(Streams.interactions, OUTCOME_GROUP, me.name);
      } catch (error) {
        options.logger.warn({ err: error }, 'could not leave the experiment outcome group');
      }
    },
  };
}
