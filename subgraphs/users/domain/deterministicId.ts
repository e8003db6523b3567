import crypto from 'node:crypto';

const VARIANT = '89ab';

// crypto.hash (one call, no Hash object) is from Node 20.12; the engines field allows 20.10.
const sha256Hex: (name: string) => string =
  typeof crypto.hash === 'function' ? (name) => crypto.hash('sha256', name, 'hex') : (name) => crypto.createHash('sha256').update(name).digest('hex');

/**
 * A UUID derived from a name (SHA-256, formatted as a version-5-style UUID):
 * the same name gives the same id on every run, which makes imports idempotent.
 * Built on the hex digest with string operations: an order-history import
 * derives one per line, and this is about twice as fast as editing a buffer.
 */
export function deterministicUuid(name: string): string {
  const hex = sha256Hex(name);
  // Version nibble 5; variant bits 10 (the high nibble of byte 8 becomes 8, 9, a or b).
  const variant = VARIANT[parseInt(hex[16]!, 16) & 0x3]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
