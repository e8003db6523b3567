/** The image formats a photo may arrive in; anything else is refused before it reaches the decoder. */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

export type Sniffed = { ok: true; type: ImageType } | { ok: false; found: string };

/**
 * What the bytes are, from their signature (the client's contentType is only a
 * hint: a mislabelled upload is common and a lying one must not reach libvips
 * as a format it was not checked for). `found` names what was seen instead.
 */
export function sniffImageType(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { ok: false, found: 'no bytes' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, type: 'image/jpeg' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && ascii(bytes, 8, 4) === 'WEBP') return { ok: true, type: 'image/webp' };
  return { ok: false, found: describe(bytes) };
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/** A name for common non-image-or-unsupported uploads, so the client's error says what it sent. */
function describe(bytes: Uint8Array): string {
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'GIF';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'PDF';
  if (startsWith(bytes, [0x42, 0x4d])) return 'BMP';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (ascii(bytes, 4, 4) === 'ftyp') return `ISO media (${ascii(bytes, 8, 4).trim() || 'unknown brand'}, e.g. HEIC)`;
  const head = ascii(bytes, 0, Math.min(bytes.length, 64)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || head.startsWith('<?xml')) return 'SVG/XML';
  if (bytes.subarray(0, 64).every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f))) return 'text';
  return `unknown bytes ${[...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}
