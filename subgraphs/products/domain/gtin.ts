/**
 * GTINs: the numbers behind EAN-13, EAN-8, UPC-A and ITF-14 barcodes.
 *
 * Stored as GTIN-14 (zero-padded on the left), the form GS1 defines for
 * comparing them: a UPC-A code (12 digits) and the EAN-13 a scanner reads
 * from the same bars (a leading 0) are the same product. Shown as 13 digits
 * (EAN-13), the form tills and most scanners print; UPC-A and EAN-8 numbers
 * are zero-padded to it, and only case codes (GTIN-14) keep 14 digits. An
 * 8-digit number cannot be shown as EAN-8 safely: "0000001071894" and
 * "01071894" are the same GTIN, and the pack may carry either.
 */

export type GtinCheck = { gtin14: string } | { reason: string };

/** The GS1 check digit of the digits before it (weights 3,1,3,… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) sum += Number(body[i]) * weight;
  return (10 - (sum % 10)) % 10;
}

/** Validates a GTIN as printed (spaces and dashes between digit groups allowed). */
export function parseGtin(input: string): GtinCheck {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { reason: 'must be digits only (an EAN-13, EAN-8, UPC-A or GTIN-14 number)' };
  if (![8, 12, 13, 14].includes(digits.length)) return { reason: `must have 8, 12, 13 or 14 digits, not ${digits.length}` };
  const expected = gs1CheckDigit(digits.slice(0, -1));
  if (Number(digits[digits.length - 1]) !== expected) return { reason: `has a wrong check digit (the last digit should be ${expected})` };
  const gtin14 = digits.padStart(14, '0');
  // An all-zero number, or one with fewer than 7 significant digits, is no product's.
  if (/^0{8}/.test(gtin14)) return { reason: 'is not a product number (too many leading zeros)' };
  return { gtin14 };
}

/** EAN-13 for every number that fits in 13 digits, GTIN-14 for case codes. */
export function displayGtin(gtin14: string): string {
  return gtin14.startsWith('0') ? gtin14.slice(1) : gtin14;
}

/** A valid EAN-13 from the 12 digits before its check digit. */
export function ean13(body12: string): string {
  return `${body12}${gs1CheckDigit(body12)}`;
}
