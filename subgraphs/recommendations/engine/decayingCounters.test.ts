import { DecayingCounters } from './decayingCounters';

describe('DecayingCounters', () => {
  const hour = 3_600_000;

  it('halves a count every half-life', () => {
    const counters = new DecayingCounters(hour);
    counters.add(3, 8, 0);
    expect(counters.valueAt(3, 0)).toBeCloseTo(8);
    expect(counters.valueAt(3, hour)).toBeCloseTo(4);
    expect(counters.valueAt(3, 3 * hour)).toBeCloseTo(1);
    expect(counters.valueAt(7, hour)).toBe(0);
  });

  it('adds new activity to what is left of the old', () => {
    const counters = new DecayingCounters(hour);
    counters.add(0, 4, 0);
    counters.add(0, 1, hour);
    expect(counters.valueAt(0, hour)).toBeCloseTo(3);
  });

  it('accepts late events without inflating them', () => {
    const counters = new DecayingCounters(hour);
    counters.add(0, 1, 2 * hour);
    counters.add(0, 4, 0);
    expect(counters.valueAt(0, 2 * hour)).toBeCloseTo(2);
  });

  it('survives a pack round trip, and the packed copy does not follow later updates', () => {
    const counters = new DecayingCounters(hour);
    counters.add(100, 5, 1000);
    const packed = counters.pack();
    counters.add(100, 5, 1000);
    const copy = DecayingCounters.unpack(packed);
    expect(copy.valueAt(100, 1000 + hour)).toBeCloseTo(2.5);
  });
});
