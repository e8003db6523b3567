import { Decimal } from './money';

export type BudgetStatus = 'NO_BUDGET' | 'UNDER' | 'NEAR' | 'OVER';

const NEAR_SHARE = new Decimal('0.9');

export function budgetStatus(total: Decimal, limit: Decimal | null): BudgetStatus {
  if (limit === null) return 'NO_BUDGET';
  if (total.greaterThan(limit)) return 'OVER';
  if (total.greaterThanOrEqualTo(limit.mul(NEAR_SHARE))) return 'NEAR';
  return 'UNDER';
}

const SEVERITY: Record<BudgetStatus, number> = { NO_BUDGET: 0, UNDER: 0, NEAR: 1, OVER: 2 };

/**
 * A shopper is alerted when the cart gets worse: into NEAR, or into OVER.
 * Staying put, or getting better (OVER → NEAR by removing items), says nothing new.
 */
export function budgetAlert(before: BudgetStatus, after: BudgetStatus): 'NEAR' | 'OVER' | null {
  if (after !== 'NEAR' && after !== 'OVER') return null;
  return SEVERITY[after] > SEVERITY[before] ? after : null;
}
