import type { PrismaClient } from '../../../platform/database/database';
import type { Intent } from '../intent/intent';

/** Free-text intents, kept in the shopper's history when the shopper is known. */
export class IntentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async record(shopperId: string | null, intent: Intent): Promise<void> {
    await this.prisma.intentRecord.create({ data: { shopperId, text: intent.text, intent: intent as object } });
  }

  async forShopper(shopperId: string, first: number): Promise<Intent[]> {
    const rows = await this.prisma.intentRecord.findMany({ where: { shopperId }, orderBy: { createdAt: 'desc' }, take: first });
    return rows.map((row) => row.intent as unknown as Intent);
  }
}
