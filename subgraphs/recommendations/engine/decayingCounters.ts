export interface PackedCounters {
  halfLifeMs: number;
  /** Same length: value and time of value per item. */
  values: Float64Array;
  stamps: Float64Array;
}

/**
 * Per-item counters that halve every `halfLifeMs`: recent activity weighs
 * more, and an old burst fades by itself. Stored as (value, time of value)
 * so an update costs O(1) and reading needs no sweep.
 */
export class DecayingCounters {
  private values: Float64Array = new Float64Array(64);
  private stamps: Float64Array = new Float64Array(64);
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

  /** Copies of the counters, as a snapshot keeps them. */
  pack(): PackedCounters {
    return { halfLifeMs: this.halfLifeMs, values: this.values.slice(), stamps: this.stamps.slice() };
  }

  /** Counters from a snapshot, used in place (the arrays become this object's). */
  static unpack(packed: PackedCounters): DecayingCounters {
    const counters = new DecayingCounters(packed.halfLifeMs);
    counters.values = packed.values;
    counters.stamps = packed.stamps;
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
