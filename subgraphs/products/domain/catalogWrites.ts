import type { PrismaClient } from '../../../platform/database/database';
import { withOutbox } from '../../../platform/events/outbox/withOutbox';
import { catalogData, type CatalogData } from '../data/catalogData';
import { CatalogEvents } from './catalogEvents';

/** What a catalog write works with: the repositories and the events, both inside its one transaction. */
export interface CatalogUnit {
  data: CatalogData;
  events: CatalogEvents;
}

/**
 * Runs a catalog change and its events in one transaction: the events go to
 * catalog.outbox_event and the relay publishes them once it has committed.
 * A change that fails writes no event; a committed one is never without its event.
 */
export type CatalogWrites = <T>(change: (unit: CatalogUnit) => Promise<T>) => Promise<T>;

export function catalogWrites(prisma: PrismaClient): CatalogWrites {
  return (change) =>
    withOutbox(prisma, 'catalog', (tx, outbox) => {
      const data = catalogData(tx);
      return change({ data, events: new CatalogEvents(outbox, data) });
    });
}
