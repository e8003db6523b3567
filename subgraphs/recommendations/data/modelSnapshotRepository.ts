import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PrismaClient } from '../../../platform/database/database';
import type { FittedBasketModel } from '../engine/basketModel';
import type { EngineSnapshot } from '../engine/recommendationEngine';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);
const NAME = 'engine';
/** Marks the binary format; the first format was the gzipped JSON alone (it starts with gzip's 1f 8b). */
const MAGIC = Buffer.from('SCE2');

/**
 * The trained engine in recs.model_snapshot, in a compact binary format:
 *
 *   "SCE2" | u32 length | gzip(JSON of everything but the fitted weights)
 *          | u32 core size n | u32 coreSize option | f64 λ | n × i32 core | n² × f32 weights
 *
 * The fitted basket model (up to 1500² weights) is stored raw so that a new
 * replica restores it instead of fitting it again, which was most of its
 * start; JSON would be several times larger and slow to parse. Snapshots of
 * the first format (gzipped JSON) still load: the replica then refits.
 */
export class ModelSnapshotRepository {
  constructor(private readonly prisma: PrismaClient) {}

  // The bytes travel as base64 text: a driver decodes a large bytea value
  // (hex on the wire) slowly, base64 is decoded natively by both ends.
  async save(snapshot: EngineSnapshot): Promise<number> {
    const data = await encodeSnapshot(snapshot);
    const lastEventAt = snapshot.lastEventAt > 0 ? new Date(snapshot.lastEventAt) : null;
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO recs.model_snapshot (name, data, last_event_at) VALUES ($1, decode($2, 'base64'), $3::timestamptz)
       ON CONFLICT (name) DO UPDATE SET data = excluded.data, last_event_at = excluded.last_event_at, built_at = now()`,
      NAME,
      data.toString('base64'),
      lastEventAt?.toISOString() ?? null,
    );
    return data.length;
  }

  async load(): Promise<EngineSnapshot | null> {
    const rows = await this.prisma.$queryRawUnsafe<{ data: string }[]>(`SELECT encode(data, 'base64') AS data FROM recs.model_snapshot WHERE name = $1`, NAME);
    if (rows.length === 0) return null;
    return decodeSnapshot(Buffer.from(rows[0]!.data, 'base64'));
  }
}

export async function encodeSnapshot(snapshot: EngineSnapshot): Promise<Buffer> {
  const { basketModel, ...rest } = snapshot;
  const json = await gzip(Buffer.from(JSON.stringify(rest)));
  const n = basketModel?.core.length ?? 0;
  const head = Buffer.alloc(8);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(json.length, 4);
  const model = Buffer.alloc(4 + 4 + 8);
  model.writeUInt32LE(basketModel ? n : 0xffffffff, 0);
  model.writeUInt32LE(basketModel?.coreSize ?? 0, 4);
  model.writeDoubleLE(basketModel?.lambda ?? 0, 8);
  const parts: Buffer[] = [head, json, model];
  if (basketModel) {
    parts.push(littleEndian(basketModel.core), littleEndian(basketModel.weights));
  }
  return Buffer.concat(parts);
}

export async function decodeSnapshot(data: Buffer): Promise<EngineSnapshot> {
  if (!data.subarray(0, 4).equals(MAGIC)) return JSON.parse((await gunzip(data)).toString('utf8')) as EngineSnapshot;
  const jsonLength = data.readUInt32LE(4);
  let offset = 8 + jsonLength;
  const snapshot = JSON.parse((await gunzip(data.subarray(8, offset))).toString('utf8')) as EngineSnapshot;
  const n = data.readUInt32LE(offset);
  if (n === 0xffffffff) return snapshot;
  const coreSize = data.readUInt32LE(offset + 4);
  const lambda = data.readDoubleLE(offset + 8);
  offset += 16;
  if (offset + 4 * n + 4 * n * n !== data.length) throw new Error('model snapshot is truncated or malformed');
  // Copied out: a Buffer's bytes need not be aligned for a typed array view.
  const core = new Int32Array(n);
  Buffer.from(core.buffer).set(data.subarray(offset, offset + 4 * n));
  offset += 4 * n;
  const weights = new Float32Array(n * n);
  Buffer.from(weights.buffer).set(data.subarray(offset, offset + 4 * n * n));
  const basketModel: FittedBasketModel = { coreSize, lambda, core, weights };
  return { ...snapshot, basketModel };
}

/** The array's bytes (typed arrays are little-endian on every platform Node runs on here; checked below). */
function littleEndian(array: Int32Array | Float32Array): Buffer {
  if (!IS_LITTLE_ENDIAN) throw new Error('model snapshots are written on little-endian machines only');
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
