/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019):
 * item-to-item weights B = I - P·diag(1/diag(P)), P = (G + λI)⁻¹, with G the
 * item co-occurrence (Gram) matrix and a zero diagonal constraint. Closed
 * form, no training loop; it learns that milk predicts butter *given* the
 * rest of the basket, which plain pairwise counts cannot.
 *
 * `gram` is n×n row-major and is consumed (overwritten). Returns B, n×n.
 */
export function fitEase(gram: Float64Array, n: number, lambda: number): Float64Array {
  for (let i = 0; i < n; i++) gram[i * n + i]! += lambda;
  const inverse = invertSymmetricPositiveDefinite(gram, n);
  const weights = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const diagonal = inverse[j * n + j]!;
    for (let i = 0; i < n; i++) if (i !== j) weights[i * n + j] = -inverse[i * n + j]! / diagonal;
  }
  return weights;
}

/** Dot product of a[ai..ai+len) and b[bi..bi+len), four partial sums (independent add chains). */
function dot(a: Float64Array, ai: number, b: Float64Array, bi: number, len: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let k = 0;
  for (; k + 3 < len; k += 4) {
    s0 += a[ai + k]! * b[bi + k]!;
    s1 += a[ai + k + 1]! * b[bi + k + 1]!;
    s2 += a[ai + k + 2]! * b[bi + k + 2]!;
    s3 += a[ai + k + 3]! * b[bi + k + 3]!;
  }
  for (; k < len; k++) s0 += a[ai + k]! * b[bi + k]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * Cholesky factorisation then inversion, in place; about n³/2 multiply-adds.
 * Every inner loop is a dot product of two rows (contiguous memory): L⁻¹ is
 * kept transposed, so the column of L⁻¹ each step needs is a row. At 1,500
 * items the matrix (18 MB) is far larger than the CPU caches; walking columns
 * and one chain of dependent additions made the fit about 1.6× slower
 * (measured side by side at 1,000 items).
 */
export function invertSymmetricPositiveDefinite(a: Float64Array, n: number): Float64Array {
  // Lower-triangular L with A = L·Lᵀ, stored in the lower half of `a`.
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    const sum = a[rowJ + j]! - dot(a, rowJ, a, rowJ, j);
    if (sum <= 0) throw new Error('matrix is not positive definite');
    const ljj = Math.sqrt(sum);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      a[rowI + j] = (a[rowI + j]! - dot(a, rowI, a, rowJ, j)) / ljj;
    }
  }
  // M = (L⁻¹)ᵀ, upper triangular: M[j][i] = L⁻¹[i][j]. Row i of L⁻¹ needs
  // L⁻¹[k][j] for j ≤ k < i, which is row j of M.
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    const lii = a[rowI + i]!;
    m[rowI + i] = 1 / lii;
    for (let j = 0; j < i; j++) {
      const rowJ = j * n;
      m[rowJ + i] = -dot(a, rowI + j, m, rowJ + j, i - j) / lii;
    }
  }
  // A⁻¹ = L⁻ᵀ·L⁻¹: (A⁻¹)[i][j] = Σₖ M[i][k]·M[j][k] over k ≥ max(i, j). Symmetric: the lower half, mirrored.
  const result = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * n;
      const s = dot(m, rowI + i, m, rowJ + i, n - i);
      result[rowI + j] = s;
      result[rowJ + i] = s;
    }
  }
  return result;
}
