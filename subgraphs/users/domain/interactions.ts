import crypto from 'node:crypto';
import { outboxEvent, type OutboxEvent } from '../../../platform/events/outbox/outboxEvent';
import type { InteractionEventPayload, InteractionType } from '../../../platform/events/topics';
import type { InteractionEvent } from '../../../prisma/generated/client/client';

export const INTERACTION_TYPES = ['VIEW', 'CLICK', 'ADD_TO_CART', 'REMOVE_FROM_CART', 'PURCHASE', 'SEARCH'] as const satisfies readonly InteractionType[];

export interface Interaction {
  shopperId: string;
  type: InteractionType;
  productId?: string | null;
  query?: string | null;
  recommendationId?: string | null;
  basketId?: string | null;
  /** Units added, removed or bought; published, not stored. */
  quantity?: number | null;
  /** What one unit cost, for a PURCHASE; published, not stored. */
  unitPrice?: string | null;
}

export interface NewInteraction {
  row: InteractionEvent;
  /** Its event for the outbox: the same id as the row, so the recommender's copy is keyed alike. */
  event: OutboxEvent;
}

export function interactionPayload(row: InteractionEvent, quantity: number | null, unitPrice: string | null = null): InteractionEventPayload {
  return {
    eventId: row.id,
    shopperId: row.shopperId,
    type: row.type as InteractionType,
    productId: row.productId,
    query: row.query,
    recommendationId: row.recommendationId,
    basketId: row.basketId,
    quantity,
    ...(unitPrice !== null ? { unitPrice } : {}),
    occurredAt: row.occurredAt.toISOString(),
  };
}

/** The row to store and the event to publish for one interaction; the id is ours, so row, outbox row and `eventId` agree. */
export function newInteraction(interaction: Interaction, occurredAt = new Date()): NewInteraction {
  const row: InteractionEvent = {
    id: crypto.randomUUID(),
    shopperId: interaction.shopperId,
    type: interaction.type,
    productId: interaction.productId ?? null,
    query: interaction.query ?? null,
    recommendationId: interaction.recommendationId ?? null,
    basketId: interaction.basketId ?? null,
    occurredAt,
  };
  const payload = interactionPayload(row, interaction.quantity ?? null, interaction.unitPrice ?? null);
  return { row, event: outboxEvent('interactions', 'interaction', row.shopperId, payload, { id: row.id, occurredAt }) };
}
