/**
 * UPC-E from a greyscale image, read the way zxing's UPCEReader is meant to:
 * start guard 101, six digits each in odd (L) or even (G) parity, end guard
 * 010101; the parity pattern gives the number system (0 or 1) and the check
 * digit, which must then agree with the check digit of the UPC-A the code
 * expands to. zxing's JavaScript port (0.21) has this reader but it never
 * returns a result (docs/vision.md, "UPC-E"), hence this one.
 *
 * Pure: luminance in, the 8 digits (number system, six digits, check) or null out.
 */
import { expandUpcE } from './upcE';

/** L (odd parity) patterns, element widths space-bar-space-bar, as zxing's L_PATTERNS. */
const L_PATTERNS: ReadonlyArray<readonly number[]> = [
  [3, 2, 1, 1], [2, 2, 2, 1], [2, 1, 2, 2], [1, 4, 1, 1], [1, 1, 3, 2],
  [1, 2, 3, 1], [1, 1, 1, 4], [1, 3, 1, 2], [1, 2, 1, 3], [3, 1, 1, 2],
];
/** L patterns then G (even parity) patterns: a G pattern is its L pattern reversed. */
const L_AND_G_PATTERNS: ReadonlyArray<readonly number[]> = [...L_PATTERNS, ...L_PATTERNS.map((p) => [...p].reverse())];

/**
 * Bit x (from the left, bit 5 first) set when digit x is even parity; index: check digit.
 * Number system 0 rows; number system 1 is each pattern's complement.
 */
const NUMBER_SYSTEM_0 = [0x38, 0x34, 0x32, 0x31, 0x2c, 0x26, 0x23, 0x2a, 0x29, 0x25];

// zxing's tolerances for one digit's widths against a pattern (fractions of a module).
const MAX_AVG_VARIANCE = 0.48;
const MAX_INDIVIDUAL_VARIANCE = 0.7;

const START = [1, 1, 1];
const END = [1, 1, 1, 1, 1, 1];
/** Modules from the start guard's first bar to the end guard's last bar. */
const SYMBOL_MODULES = 3 + 6 * 7 + 6;
/** Runs from the start guard's first bar to the end guard's last bar. */
const SYMBOL_RUNS = 3 + 6 * 4 + 6;
/** Light margins required, in modules (zxing: one start pattern before, one end pattern after). */
const QUIET_BEFORE = 3;
const QUIET_AFTER = 6;
/** Rows with less spread between dark and light than this (of 255) hold no barcode. */
const MIN_CONTRAST = 32;
/** Scan lines that must read the same code: one line passing by chance (a 1 in 30 parity/check coincidence) is not a read. */
const AGREEING_LINES = 2;

/**
 * The first UPC-E code read on at least two scan lines, trying rows then
 * columns (a barcode turned a quarter), each in both directions (upside down).
 */
export function readUpcE(luminance: ArrayLike<number>, width: number, height: number): string | null {
  const votes = new Map<string, number>();
  const vote = (line: Uint8Array): string | null => {
    const code = decodeUpcELine(line);
    if (!code) return null;
    const count = (votes.get(code) ?? 0) + 1;
    votes.set(code, count);
    return count >= AGREEING_LINES ? code : null;
  };
  const row = new Uint8Array(width);
  for (const y of scanOrder(height)) {
    for (let x = 0; x < width; x++) row[x] = luminance[y * width + x]!;
    const code = vote(row);
    if (code) return code;
  }
  votes.clear();
  const column = new Uint8Array(height);
  for (const x of scanOrder(width)) {
    for (let y = 0; y < height; y++) column[y] = luminance[y * width + x]!;
    const code = vote(column);
    if (code) return code;
  }
  return null;
}

/** The UPC-E code on one line of grey pixels (either direction), or null. */
export function decodeUpcELine(line: ArrayLike<number>): string | null {
  const black = binarise(line);
  if (!black) return null;
  const runs = runLengths(black);
  return decodeRuns(runs) ?? decodeRuns(reversedRuns(runs));
}

/**
 * The UPC-E code in the run lengths of a binarised line, read left to right.
 * runs[0] is light (possibly 0 wide), then dark and light alternate.
 */
export function decodeRuns(runs: readonly number[]): string | null {
  for (let start = 1; start + SYMBOL_RUNS < runs.length; start += 2) {
    const code = decodeAt(runs, start);
    if (code) return code;
  }
  return null;
}

function decodeAt(runs: readonly number[], start: number): string | null {
  let total = 0;
  for (let i = start; i < start + SYMBOL_RUNS; i++) total += runs[i]!;
  const module = total / SYMBOL_MODULES;
  if (module < 1) return null;
  if (runs[start - 1]! < QUIET_BEFORE * module || runs[start + SYMBOL_RUNS]! < QUIET_AFTER * module) return null;
  if (variance(runs.slice(start, start + 3), START) > MAX_AVG_VARIANCE) return null;
  if (variance(runs.slice(start + 27, start + 33), END) > MAX_AVG_VARIANCE) return null;
  let digits = '';
  let evenParity = 0;
  for (let d = 0; d < 6; d++) {
    const counters = runs.slice(start + 3 + d * 4, start + 7 + d * 4);
    const width = counters.reduce((sum, c) => sum + c, 0);
    // A digit is 7 modules; far off means the guards framed something else.
    if (Math.abs(width - 7 * module) > 1.5 * module) return null;
    const match = bestPattern(counters);
    if (match === null) return null;
    digits += String(match % 10);
    if (match >= 10) evenParity |= 1 << (5 - d);
  }
  const system = numberSystemAndCheck(evenParity);
  if (!system) return null;
  const code = `${system.numberSystem}${digits}${system.check}`;
  return checkDigitAgrees(code) ? code : null;
}

function bestPattern(counters: readonly number[]): number | null {
  let best: number | null = null;
  let bestVariance = MAX_AVG_VARIANCE;
  for (let index = 0; index < L_AND_G_PATTERNS.length; index++) {
    const v = variance(counters, L_AND_G_PATTERNS[index]!);
    if (v < bestVariance) {
      bestVariance = v;
      best = index;
    }
  }
  return best;
}

/** zxing's patternMatchVariance: mean deviation per pixel, Infinity when one element is off by more than MAX_INDIVIDUAL_VARIANCE of a module. */
function variance(counters: readonly number[], pattern: readonly number[]): number {
  const total = counters.reduce((sum, c) => sum + c, 0);
  const patternLength = pattern.reduce((sum, p) => sum + p, 0);
  if (total < patternLength) return Infinity;
  const unit = total / patternLength;
  let deviation = 0;
  for (let i = 0; i < counters.length; i++) {
    const d = Math.abs(counters[i]! - pattern[i]! * unit);
    if (d > MAX_INDIVIDUAL_VARIANCE * unit) return Infinity;
    deviation += d;
  }
  return deviation / total;
}

function numberSystemAndCheck(evenParity: number): { numberSystem: number; check: number } | null {
  for (let check = 0; check < 10; check++) {
    if (NUMBER_SYSTEM_0[check] === evenParity) return { numberSystem: 0, check };
    if ((~NUMBER_SYSTEM_0[check]! & 0x3f) === evenParity) return { numberSystem: 1, check };
  }
  return null;
}

/** The check digit the parity carries must be the GS1 check digit of the expanded UPC-A. */
function checkDigitAgrees(code: string): boolean {
  const upcA = expandUpcE(code);
  if (!upcA) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(upcA[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(upcA[11]);
}

/**
 * Dark (1) or light (0) per pixel, split halfway between the line's dark and
 * light levels (5th and 95th percentiles, so a speck does not set them); null
 * for a line without the contrast of printed bars.
 */
function binarise(line: ArrayLike<number>): Uint8Array | null {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < line.length; i++) histogram[line[i]!]! += 1;
  const dark = percentile(histogram, line.length, 0.05);
  const light = percentile(histogram, line.length, 0.95);
  if (light - dark < MIN_CONTRAST) return null;
  const threshold = (dark + light) / 2;
  const black = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) black[i] = line[i]! < threshold ? 1 : 0;
  return black;
}

function percentile(histogram: Uint32Array, count: number, fraction: number): number {
  const target = count * fraction;
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value]!;
    if (seen > target) return value;
  }
  return 255;
}

/** Run lengths starting with a light run (0 wide when the line starts dark) and ending with a light one. */
function runLengths(black: Uint8Array): number[] {
  const runs: number[] = [];
  let colour = 0;
  let length = 0;
  for (let i = 0; i < black.length; i++) {
    if (black[i] === colour) length += 1;
    else {
      runs.push(length);
      colour = black[i]!;
      length = 1;
    }
  }
  runs.push(length);
  if (colour === 1) runs.push(0);
  return runs;
}

function reversedRuns(runs: readonly number[]): number[] {
  // runs starts and ends light, so reversed it still does.
  return [...runs].reverse();
}

/** Lines from the middle outwards (a barcode is usually centred), about 128 of them, at least one pixel apart. */
function* scanOrder(size: number): Generator<number> {
  const step = Math.max(1, Math.floor(size / 128));
  const middle = Math.floor(size / 2);
  yield middle;
  for (let offset = step; middle - offset >= 0 || middle + offset < size; offset += step) {
    if (middle - offset >= 0) yield middle - offset;
    if (middle + offset < size) yield middle + offset;
  }
}
