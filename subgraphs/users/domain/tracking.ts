import type { EventBus } from '../../../platform/events/eventBus';
import type { Logger } from '../../../platform/logger';
import type { InteractionEvent, InteractionRepository } from '../data/interactionRepository';
import type { TrackEventInput } from './inputs';
import { newInteraction } from './interactions';
import { publishPending } from './pendingEvents';

/** Stores the events in one statement, then publishes them on the interactions stream. */
export async function trackInteractions(
  deps: { interactions: InteractionRepository; events: EventBus; logger: Logger },
  shopperId: string,
  inputs: TrackEventInput[],
): Promise<InteractionEvent[]> {
  const occurredAt = new Date();
  const created = inputs.map((input) => newInteraction({ shopperId, ...input }, occurredAt));
  await deps.interactions.insert(created.map((c) => c.row));
  await publishPending(deps.events, deps.logger, created.map((c) => c.publish));
  return created.map((c) => c.row);
}
