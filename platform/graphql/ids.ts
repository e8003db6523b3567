import { badUserInput } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids are UUIDs: anything else is bad input, caught before it reaches SQL. */
export function requireUuid(value: string, field = 'id'): string {
  if (!isUuid(value)) throw badUserInput(field, 'must be a UUID');
  return value.toLowerCase();
}

/** Validates an optional page size against its bounds. */
export function requirePageSize(value: number | null | undefined, field: string, fallback: number, max = 100): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) throw badUserInput(field, `must be between 1 and ${max}`);
  return size;
}
