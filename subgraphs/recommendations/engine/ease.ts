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

/** Cholesky factorisation then inversion, in place; about n³/2 multiply-adds. */
export function invertSymmetricPositiveDefinite(a: Float64Array, n: number): Float64Array {
  // Lower-triangular L with A = L·Lᵀ, stored in the lower half of `a`.
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let sum = a[rowJ + j]!;
    for (let k = 0; k < j; k++) sum -= a[rowJ + k]! * a[rowJ + k]!;
    if (sum <= 0) throw new Error('matrix is not positive definite');
    const ljj = Math.sqrt(sum);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j]!;
      for (let k = 0; k < j; k++) s -= a[rowI + k]! * a[rowJ + k]!;
      a[rowI + j] = s / ljj;
    }
  }
  // L⁻¹ (lower triangular), row by row.
  const linv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    linv[rowI + i] = 1 / a[rowI + i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s += a[rowI + k]! * linv[k * n + j]!;
      linv[rowI + j] = -s / a[rowI + i]!;
    }
  }
  // A⁻¹ = L⁻ᵀ·L⁻¹, symmetric: compute the lower half and mirror it.
  const result = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += linv[k * n + i]! * linv[k * n + j]!;
      result[i * n + j] = s;
      result[j * n + i] = s;
    }
  }
  return result;
}
