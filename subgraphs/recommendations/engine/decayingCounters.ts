/**
 * Per-item counters that halve every `halfLifeMs`: recent activity weighs
 * more, and an old burst fades by itself. Stored as (value, time of value)
 * so an update costs O(1) and reading needs no sweep.
 */
export class DecayingCounters {
  private values = new Float64Array(64);
  private stamps = new Float64Array(64);
  private readonly rate: number;

  constructor(readonly halfLifeMs: number) {
    this.rate = Math.LN2 / halfLifeMs;
  }

  add(item: number, amount: number, at: number): void {
    if (item >= this.values.length) this.grow(item + 1);
    const then = this.stamps[item]!;
    const value = this.values[item]!;
    // Events may arrive slightly out of order: decay whichever is older.
    if (at >= then) {
      this.values[item] = value * Math.exp(-this.rate * (at - then)) + amount;
      this.stamps[item] = at;
    } else {
      this.values[item] = value + amount * Math.exp(-this.rate * (then - at));
    }
  }

  /** Back to nothing, as if the item had never been counted. */
  reset(item: number): void {
    if (item >= this.values.length) return;
    this.values[item] = 0;
    this.stamps[item] = 0;
  }

  valueAt(item: number, now: number): number {
    if (item >= this.values.length) return 0;
    const value = this.values[item]!;
    return value === 0 ? 0 : value * Math.exp(-this.rate * Math.max(0, now - this.stamps[item]!));
  }

  get length(): number {
    return this.values.length;
  }

  toJSON(): { halfLifeMs: number; values: number[]; stamps: number[] } {
    return { halfLifeMs: this.halfLifeMs, values: Array.from(this.values), stamps: Array.from(this.stamps) };
  }

  static fromJSON(json: { halfLifeMs: number; values: number[]; stamps: number[] }): DecayingCounters {
    const counters = new DecayingCounters(json.halfLifeMs);
    counters.values = Float64Array.from(json.values);
    counters.stamps = Float64Array.from(json.stamps);
    return counters;
  }

  private grow(size: number): void {
    const length = Math.max(size, this.values.length * 2);
    const values = new Float64Array(length);
    const stamps = new Float64Array(length);
    values.set(this.values);
    stamps.set(this.stamps);
    this.values = values;
    this.stamps = stamps;
  }
}
