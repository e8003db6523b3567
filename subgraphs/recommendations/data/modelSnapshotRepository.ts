import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PrismaClient } from '../../../platform/database/database';
import { snapshotProblem, SNAPSHOT_VERSION, type EngineSnapshot } from '../engine/recommendationEngine';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);
const NAME = 'engine';
/**
 * Marks this format. Earlier ones ("SCE2": gzipped JSON plus the fitted
 * weights; before it gzipped JSON alone) are not read: the host rebuilds.
 */
const MAGIC = Buffer.from('SCE3');

type TypedArray = Int32Array | Float64Array | Float32Array | Uint8Array;
type TypedArrayKind = 'i32' | 'f64' | 'f32' | 'u8';
const KINDS: Record<TypedArrayKind, { bytes: number; view: (buffer: ArrayBuffer, offset: number, length: number) => TypedArray }> = {
  i32: { bytes: 4, view: (b, o, n) => new Int32Array(b, o, n) },
  f64: { bytes: 8, view: (b, o, n) => new Float64Array(b, o, n) },
  f32: { bytes: 4, view: (b, o, n) => new Float32Array(b, o, n) },
  u8: { bytes: 1, view: (b, o, n) => new Uint8Array(b, o, n) },
};

/** The typed arrays of a snapshot, in the order they are stored. */
function arraysOf(s: EngineSnapshot): [TypedArrayKind, TypedArray][] {
  const co = (c: EngineSnapshot['baskets']): [TypedArrayKind, TypedArray][] => [['f64', c.itemCounts], ['i32', c.offsets], ['i32', c.partners], ['i32', c.counts]];
  const counters = (c: EngineSnapshot['popularity']): [TypedArrayKind, TypedArray][] => [['f64', c.values], ['f64', c.stamps]];
  const p = s.shoppers;
  return [
    ...co(s.baskets),
    ...co(s.behaviour),
    ...counters(s.popularity),
    ...counters(s.trendShort),
    ...counters(s.trendLong),
    ['i32', p.recentOffsets], ['i32', p.recentItems], ['u8', p.recentTypes], ['f64', p.recentAt],
    ['i32', p.purchaseOffsets], ['i32', p.purchaseItems], ['f64', p.purchaseCounts], ['f64', p.purchaseLastAt],
    ...(s.basketModel ? ([['i32', s.basketModel.core], ['f32', s.basketModel.weights]] as [TypedArrayKind, TypedArray][]) : []),
  ];
}

/** Everything but the typed arrays: small, and the id dictionaries (strings). */
interface Header {
  version: number;
  items: string[];
  shopperIds: string[];
  lastEventAt: number;
  /** Optional: snapshots of earlier releases lack it. */
  interactionCount?: number;
  streamPosition: string | null;
  basketCount: number;
  behaviourCount: number;
  halfLives: [number, number, number];
  basketModel: { coreSize: number; lambda: number } | null;
  /** The stored arrays: kind and element count each, in arraysOf order. */
  arrays: [TypedArrayKind, number][];
}

export type DecodedSnapshot = { snapshot: EngineSnapshot; problem?: undefined } | { snapshot: null; problem: string };

/**
 * The trained engine in recs.model_snapshot (bytea), in a binary format:
 *
 *   "SCE3" | gzip( u32 header length | header JSON | typed arrays, each 8-byte aligned )
 *
 * The header holds the version, the id dictionaries (product and shopper
 * ids) and the scalars; the arrays hold the pair counts (each pair once),
 * the counters, the shopper histories and the fitted basket model. A new
 * replica restores them as views on the decompressed bytes: no JSON to parse
 * beyond the ids, no object per stored entry. gzip's checksum and the
 * structural checks (snapshotProblem) make a damaged or older snapshot
 * ignored (the host then rebuilds from the stored interactions), never misread.
 */
export class ModelSnapshotRepository {
  constructor(private readonly prisma: PrismaClient) {}

  // The bytes travel as base64 text: the drivers decode a large bytea value
  // (hex on the wire) far more slowly (PGlite about 15×, pg about 1.5×,
  // measured on 40 MB), base64 is decoded natively by both ends.
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

  /** When the saved snapshot was built (what a new replica loads); null before the first save. */
  async builtAt(): Promise<Date | null> {
    const rows = await this.prisma.$queryRawUnsafe<{ built_at: Date }[]>(`SELECT built_at FROM recs.model_snapshot WHERE name = $1`, NAME);
    return rows[0]?.built_at ?? null;
  }

  /** The latest snapshot; null when there is none or it cannot be read (`onUnreadable` says why). */
  async load(onUnreadable?: (problem: string) => void): Promise<EngineSnapshot | null> {
    const rows = await this.prisma.$queryRawUnsafe<{ data: string }[]>(`SELECT encode(data, 'base64') AS data FROM recs.model_snapshot WHERE name = $1`, NAME);
    if (rows.length === 0) return null;
    const decoded = await decodeSnapshot(Buffer.from(rows[0]!.data, 'base64'));
    if (decoded.problem !== undefined) onUnreadable?.(decoded.problem);
    return decoded.snapshot;
  }
}

export async function encodeSnapshot(snapshot: EngineSnapshot): Promise<Buffer> {
  if (!IS_LITTLE_ENDIAN) throw new Error('model snapshots are written on little-endian machines only');
  const arrays = arraysOf(snapshot);
  const header: Header = {
    version: snapshot.version,
    items: snapshot.items,
    shopperIds: snapshot.shoppers.ids,
    lastEventAt: snapshot.lastEventAt,
    interactionCount: snapshot.interactionCount ?? 0,
    streamPosition: snapshot.streamPosition ?? null,
    basketCount: snapshot.baskets.baskets,
    behaviourCount: snapshot.behaviour.baskets,
    halfLives: [snapshot.popularity.halfLifeMs, snapshot.trendShort.halfLifeMs, snapshot.trendLong.halfLifeMs],
    basketModel: snapshot.basketModel ? { coreSize: snapshot.basketModel.coreSize, lambda: snapshot.basketModel.lambda } : null,
    arrays: arrays.map(([kind, array]) => [kind, array.length]),
  };
  const json = Buffer.from(JSON.stringify(header));
  const parts: Buffer[] = [];
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  parts.push(length, json);
  let offset = 4 + json.length;
  for (const [, array] of arrays) {
    const pad = (8 - (offset % 8)) % 8;
    if (pad > 0) parts.push(Buffer.alloc(pad));
    parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    offset += pad + array.byteLength;
  }
  // Level 1: nearly the size of the default level at a fraction of the time (saved on every training).
  const body = await gzip(Buffer.concat(parts), { level: 1 });
  return Buffer.concat([MAGIC, body]);
}

export async function decodeSnapshot(data: Buffer): Promise<DecodedSnapshot> {
  if (data.length < MAGIC.length || !data.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { snapshot: null, problem: data.subarray(0, 2).equals(GZIP_MAGIC) || data.subarray(0, 4).toString('latin1') === 'SCE2' ? 'an older format' : 'not a snapshot' };
  }
  let body: Buffer;
  try {
    // gzip ends with the uncompressed size: one output buffer of that size
    // instead of thousands of 16 KiB chunks to join (bounded: the size may be damaged too).
    const size = data.length >= MAGIC.length + 4 ? data.readUInt32LE(data.length - 4) : 0;
    body = await gunzip(data.subarray(MAGIC.length), { chunkSize: Math.min(Math.max(size + 1, 64 * 1024), 256 * 1024 * 1024) });
  } catch {
    return { snapshot: null, problem: 'damaged (decompression failed)' };
  }
  // Typed-array views need aligned offsets: copy once if the bytes are not.
  if (body.byteOffset % 8 !== 0) body = Buffer.from(new Uint8Array(body));
  try {
    const snapshot = readBody(body);
    if (typeof snapshot === 'string') return { snapshot: null, problem: snapshot };
    const problem = snapshotProblem(snapshot);
    return problem ? { snapshot: null, problem: `damaged (${problem})` } : { snapshot };
  } catch {
    return { snapshot: null, problem: LAYOUT };
  }
}

const LAYOUT = 'damaged (layout)';

/** The snapshot the body holds, or why it cannot be read. Throws on unparsable JSON. */
function readBody(body: Buffer): EngineSnapshot | string {
  const headerLength = body.readUInt32LE(0);
  const header = JSON.parse(body.toString('utf8', 4, 4 + headerLength)) as Header;
  // Another version may lay out its arrays differently: not even their sizes are read.
  if (header.version !== SNAPSHOT_VERSION) return `version ${String(header.version)}`;
  const expected = 22 + (header.basketModel ? 2 : 0);
  if (!Array.isArray(header.arrays) || header.arrays.length !== expected) return LAYOUT;
  let offset = 4 + headerLength;
  const arrays: TypedArray[] = [];
  for (const [kind, length] of header.arrays) {
    const spec = KINDS[kind];
    if (!spec || !Number.isInteger(length) || length < 0) return LAYOUT;
    offset += (8 - (offset % 8)) % 8;
    if (offset + length * spec.bytes > body.length) return LAYOUT;
    arrays.push(spec.view(body.buffer as ArrayBuffer, body.byteOffset + offset, length));
    offset += length * spec.bytes;
  }
  if (offset !== body.length) return LAYOUT;
  const next = <T extends TypedArray>(kind: TypedArrayKind, type: new (...args: never[]) => T): T => {
    const array = arrays.shift();
    if (!(array instanceof type)) throw new Error(`expected ${kind}`);
    return array;
  };
  const co = (baskets: number) => ({
    baskets,
    itemCounts: next('f64', Float64Array),
    offsets: next('i32', Int32Array),
    partners: next('i32', Int32Array),
    counts: next('i32', Int32Array),
  });
  const counters = (halfLifeMs: number) => ({ halfLifeMs, values: next('f64', Float64Array), stamps: next('f64', Float64Array) });
  const baskets = co(header.basketCount);
  const behaviour = co(header.behaviourCount);
  const [popularity, trendShort, trendLong] = header.halfLives.map(counters) as [ReturnType<typeof counters>, ReturnType<typeof counters>, ReturnType<typeof counters>];
  const shoppers = {
    ids: header.shopperIds,
    recentOffsets: next('i32', Int32Array),
    recentItems: next('i32', Int32Array),
    recentTypes: next('u8', Uint8Array),
    recentAt: next('f64', Float64Array),
    purchaseOffsets: next('i32', Int32Array),
    purchaseItems: next('i32', Int32Array),
    purchaseCounts: next('f64', Float64Array),
    purchaseLastAt: next('f64', Float64Array),
  };
  const basketModel = header.basketModel
    ? { coreSize: header.basketModel.coreSize, lambda: header.basketModel.lambda, core: next('i32', Int32Array), weights: next('f32', Float32Array) }
    : undefined;
  return {
    version: SNAPSHOT_VERSION,
    items: header.items,
    baskets,
    behaviour,
    popularity,
    trendShort,
    trendLong,
    shoppers,
    lastEventAt: header.lastEventAt,
    ...(Number.isInteger(header.interactionCount) ? { interactionCount: header.interactionCount } : {}),
    streamPosition: header.streamPosition,
    ...(basketModel ? { basketModel } : {}),
  };
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
