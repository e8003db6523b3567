/** Money as the shopper reads it; amounts arrive as exact decimal strings. */
export function money(amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '';
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
}

export function words(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
}
