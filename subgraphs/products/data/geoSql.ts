import { Prisma } from '../../../prisma/generated/client/client';
import { boundingBox, EARTH_RADIUS_KM } from '../domain/geo';

export interface Circle {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

/** Great-circle (haversine) distance in km from the circle's centre to store `s`. PGlite has no PostGIS; this needs none. */
export function distanceKm({ latitude, longitude }: Circle): Prisma.Sql {
  return Prisma.sql`(2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(s.latitude - ${latitude}::float8) / 2), 2)
    + cos(radians(${latitude}::float8)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - ${longitude}::float8) / 2), 2)
  ))))`;
}

/** Store `s` lies in the circle: a bounding box the (latitude, longitude) index can serve, then the exact distance. */
export function storeWithin(circle: Circle): Prisma.Sql {
  const box = boundingBox(circle.latitude, circle.longitude, circle.radiusKm);
  const longitude = box.longitudeRanges
    ? Prisma.join(box.longitudeRanges.map(([west, east]) => Prisma.sql`s.longitude BETWEEN ${west}::float8 AND ${east}::float8`), ' OR ')
    : Prisma.sql`TRUE`;
  return Prisma.sql`s.latitude BETWEEN ${box.minLatitude}::float8 AND ${box.maxLatitude}::float8
    AND (${longitude})
    AND ${distanceKm(circle)} <= ${circle.radiusKm}::float8`;
}
