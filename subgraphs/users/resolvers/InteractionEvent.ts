import type { InteractionEventResolvers, InteractionType } from '../generated/resolvers-types';

export const InteractionEvent: InteractionEventResolvers = {
  type: (event) => event.type as InteractionType,
  product: (event) => (event.productId === null ? null : { id: event.productId }),
};
