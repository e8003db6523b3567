import type { InteractionEvent, InteractionRepository } from '../data/interactionRepository';
import type { TrackEventInput } from './inputs';
import { newInteraction } from './interactions';

/** Stores the events and their outbox rows in one transaction; the relay publishes them on the interactions stream. */
export async function trackInteractions(
  deps: { interactions: InteractionRepository },
  shopperId: string,
  inputs: TrackEventInput[],
): Promise<InteractionEvent[]> {
  const occurredAt = new Date();
  const created = inputs.map((input) => newInteraction({ shopperId, ...input }, occurredAt));
  await deps.interactions.insert(created.map((c) => c.row), created.map((c) => c.event));
  return created.map((c) => c.row);
}
