import { RecentMap } from './recentSet';

describe('RecentMap', () => {
  it('keeps at least the last capacity/2 keys and forgets older ones', () => {
    const map = new RecentMap<number, number>(10);
    for (let i = 0; i < 100; i++) map.set(i, i * 2);
    for (let i = 95; i < 100; i++) expect(map.get(i)).toBe(i * 2);
    expect(map.has(0)).toBe(false);
    expect(map.has(50)).toBe(false);
  });

  it('keeps a key alive while it is being used', () => {
    const map = new RecentMap<string, number>(4);
    map.set('hot', 1);
    for (let i = 0; i < 20; i++) {
      map.set(`cold${i}`, i);
      expect(map.get('hot')).toBe(1);
    }
  });
});
