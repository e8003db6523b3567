import type { CartViewFragment } from '../../gql/graphql';
import { money } from '../format';
import { Link } from '../router';

const STATUS: Record<string, string> = { UNDER: 'within budget', NEAR: 'close to your budget', OVER: 'over budget', NO_BUDGET: 'no budget set' };

/** The cart's total against the shopper's budget; updates with every cart change. */
export function BudgetBar({ cart }: { cart: CartViewFragment | undefined }) {
  if (!cart) return <div className="budget" aria-busy="true" />;
  const { limit, status, remaining } = cart.budget;
  const total = Number(cart.total);
  const share = limit && Number(limit) > 0 ? Math.min(100, Math.round((total / Number(limit)) * 100)) : 0;
  return (
    <section className={`budget budget-${status.toLowerCase()}`} aria-label="Budget" aria-live="polite" data-total={cart.total} data-status={status} data-version={cart.version}>
      <div className="budget-line">
        <span>
          Cart: <strong>{money(cart.total, cart.currency)}</strong> · {cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'}
        </span>
        {limit ? (
          <span>
            {money(remaining, cart.currency)} left of {money(limit, cart.currency)} ({STATUS[status]})
          </span>
        ) : (
          <Link href="/preferences">Set a budget</Link>
        )}
      </div>
      {limit && <progress max={100} value={share} aria-label={`${share} % of your budget used`} />}
    </section>
  );
}
