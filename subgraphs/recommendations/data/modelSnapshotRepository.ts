import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PrismaClient } from '../../../platform/database/database';
import type { EngineSnapshot } from '../engine/recommendationEngine';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);
const NAME = 'engine';

/** The trained engine, compressed, in recs.model_snapshot. */
export class ModelSnapshotRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async save(snapshot: EngineSnapshot): Promise<number> {
    const data = await gzip(Buffer.from(JSON.stringify(snapshot)));
    const lastEventAt = snapshot.lastEventAt > 0 ? new Date(snapshot.lastEventAt) : null;
    await this.prisma.modelSnapshot.upsert({
      where: { name: NAME },
      create: { name: NAME, data, lastEventAt },
      update: { data, lastEventAt, builtAt: new Date() },
    });
    return data.length;
  }

  async load(): Promise<EngineSnapshot | null> {
    const row = await this.prisma.modelSnapshot.findUnique({ where: { name: NAME } });
    if (!row) return null;
    return JSON.parse((await gunzip(row.data)).toString('utf8')) as EngineSnapshot;
  }
}
