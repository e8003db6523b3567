/** Mean Earth radius (km), the one the haversine distance in SQL uses too. */
export const EARTH_RADIUS_KM = 6371;

export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  /** Longitude intervals to search; null when every longitude must be (the circle covers a pole). */
  longitudeRanges: [number, number][] | null;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/**
 * The smallest latitude/longitude box around a circle on the sphere, so the
 * (latitude, longitude) index can discard far stores before any trigonometry.
 * Split in two where it crosses the antimeridian.
 */
export function boundingBox(latitude: number, longitude: number, radiusKm: number): BoundingBox {
  const angular = radiusKm / EARTH_RADIUS_KM;
  const latitudeDelta = toDegrees(angular);
  const minLatitude = latitude - latitudeDelta;
  const maxLatitude = latitude + latitudeDelta;
  if (minLatitude <= -90 || maxLatitude >= 90) {
    return { minLatitude: Math.max(minLatitude, -90), maxLatitude: Math.min(maxLatitude, 90), longitudeRanges: null };
  }
  const ratio = Math.sin(angular) / Math.cos(toRadians(latitude));
  const longitudeDelta = ratio >= 1 ? 180 : toDegrees(Math.asin(ratio));
  if (longitudeDelta >= 180) return { minLatitude, maxLatitude, longitudeRanges: null };
  const west = longitude - longitudeDelta;
  const east = longitude + longitudeDelta;
  let longitudeRanges: [number, number][];
  if (west < -180) longitudeRanges = [[west + 360, 180], [-180, east]];
  else if (east > 180) longitudeRanges = [[west, 180], [-180, east - 360]];
  else longitudeRanges = [[west, east]];
  return { minLatitude, maxLatitude, longitudeRanges };
}
