import { boundingBox } from './geo';

describe('bounding box around a search circle', () => {
  it('spans the radius north-south: about 0.09° of latitude per 10 km', () => {
    const box = boundingBox(52.52, 13.405, 10);
    expect(box.maxLatitude - 52.52).toBeCloseTo(0.0899, 3);
    expect(52.52 - box.minLatitude).toBeCloseTo(0.0899, 3);
  });

  it('widens in longitude away from the equator', () => {
    const [westEquator, eastEquator] = boundingBox(0, 0, 10).longitudeRanges![0]!;
    const [westBerlin, eastBerlin] = boundingBox(52.52, 13.405, 10).longitudeRanges![0]!;
    expect(eastEquator - westEquator).toBeCloseTo(0.18, 2);
    // 1 / cos(52.52°) ≈ 1.64 times wider
    expect((eastBerlin - westBerlin) / (eastEquator - westEquator)).toBeCloseTo(1.64, 1);
    expect(westBerlin).toBeLessThan(13.405);
    expect(eastBerlin).toBeGreaterThan(13.405);
  });

  it('splits at the antimeridian', () => {
    expect(boundingBox(0, 179.95, 20).longitudeRanges).toEqual([
      [expect.closeTo(179.77, 2), 180],
      [-180, expect.closeTo(-179.87, 2)],
    ]);
    expect(boundingBox(0, -179.95, 20).longitudeRanges).toEqual([
      [expect.closeTo(179.87, 2), 180],
      [-180, expect.closeTo(-179.77, 2)],
    ]);
  });

  it('drops the longitude bound when the circle covers a pole', () => {
    expect(boundingBox(89.95, 10, 20)).toEqual({ minLatitude: expect.closeTo(89.77, 2), maxLatitude: 90, longitudeRanges: null });
  });
});
