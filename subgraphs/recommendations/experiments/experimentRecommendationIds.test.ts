import { parseRecommendationId, tagRecommendationId } from './experimentRecommendationIds';

describe('experiment recommendation ids', () => {
  it('round-trips and stays within 64 characters', () => {
    const id = tagRecommendationId('a1b2c3d4e5', 'fewer-same-aisl', 'CART.abcdefghijklmnop');
    expect(id).toBe('x.a1b2c3d4e5.fewer-same-aisl.CART.abcdefghijklmnop');
    expect(id.length).toBeLessThanOrEqual(64);
    expect(parseRecommendationId(id)).toEqual({ experimentRef: 'a1b2c3d4e5', variantKey: 'fewer-same-aisl', baseId: 'CART.abcdefghijklmnop' });
  });

  it('ignores ids served outside experiments and malformed ones', () => {
    for (const id of [null, undefined, '', 'CC.abcdefghijklmnop', 'x.short.k.CC.a', 'x.a1b2c3d4e5..CC.a', 'x.a1b2c3d4e5.KEY.CC.a', 'x.a1b2c3d4e5.k.']) {
      expect(parseRecommendationId(id)).toBeNull();
    }
  });

  it('refuses to build an id that would not parse', () => {
    expect(() => tagRecommendationId('nope', 'k', 'CC.a')).toThrow();
    expect(() => tagRecommendationId('a1b2c3d4e5', 'Bad Key', 'CC.a')).toThrow();
    expect(() => tagRecommendationId('a1b2c3d4e5', 'k', 'x'.repeat(30))).toThrow();
  });
});
