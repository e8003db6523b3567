// Stream entry ids are `<milliseconds>-<sequence>` on Redis and on the
// in-process bus alike: ordered by time, then by sequence.

export const STREAM_START = '0-0';

function parts(id: string): [number, number] {
  const dash = id.indexOf('-');
  return dash < 0 ? [Number(id), 0] : [Number(id.slice(0, dash)), Number(id.slice(dash + 1))];
}

/** Negative when `a` comes before `b`, 0 when equal, positive after. */
export function compareStreamIds(a: string, b: string): number {
  const [am, as] = parts(a);
  const [bm, bs] = parts(b);
  return am !== bm ? am - bm : as - bs;
}

/** When the entry was appended (milliseconds since the epoch). */
export function streamIdTime(id: string): number {
  return parts(id)[0];
}

/** The position just before anything appended at `millis` or later. */
export function streamIdBefore(millis: number): string {
  return millis <= 0 ? STREAM_START : `${Math.floor(millis) - 1}-${Number.MAX_SAFE_INTEGER}`;
}
