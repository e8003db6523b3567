/** A figure for the benchmarks' tables: grouped thousands, `digits` decimals, "–" when missing or not finite. */
export const formatFigure = (n: number | undefined, digits = 0): string =>
  n === undefined || !Number.isFinite(n) ? '–' : n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
