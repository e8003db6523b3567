import crypto from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../platform/config';
import type { Logger } from '../platform/logger';
import type { Redis } from '../platform/redis';

export interface Requester {
  clientAddress: string;
  sessionToken?: string;
  apiKey?: string;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; budget: string; retryAfterSeconds: number };

/** Secrets never become Redis keys as they are. */
function digest(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('base64url').slice(0, 22);
}

interface Budget {
  name: string;
  limiter: RateLimiterAbstract;
  points: number;
}

/**
 * The gateway's request budgets, per client address, per session and per API
 * key (an operation consumes its cost from each it names), plus one stricter
 * budget per configured root field (RATE_LIMIT_STRICT_FIELDS, counted per
 * address). In Redis when the gateway has one, so every replica shares the
 * same budgets; in process memory otherwise. When Redis fails, each budget
 * falls back to a per-process limiter of the same size (rate-limiter-flexible's
 * insurance limiter) and one warning says so: requests go on being limited,
 * per replica, instead of failing.
 */
export class RateLimits {
  private readonly budgets: { address: Budget; session: Budget; apiKey: Budget };
  private readonly strict = new Map<string, Budget>();
  private fallbackUses = 0;
  private degraded = false;

  constructor(
    readonly config: RateLimitConfig,
    private readonly options: { logger: Logger; redis?: Redis; keyPrefix?: string },
  ) {
    const make = (name: string, points: number, duration: number): Budget => ({ name, points, limiter: this.limiter(name, points, duration) });
    this.budgets = {
      address: make('address', config.addressPoints, config.windowSeconds),
      session: make('session', config.sessionPoints, config.windowSeconds),
      apiKey: make('apiKey', config.apiKeyPoints, config.windowSeconds),
    };
    for (const { field, count, seconds } of config.strictFields) this.strict.set(field, make(`field:${field}`, count, seconds));
  }

  /** Whether the budgets are being counted per process because Redis failed. */
  get fallingBack(): boolean {
    return this.degraded;
  }

  /** Consumes `points` (the operation's cost) and one use of each strict root field it selects. */
  async consume(requester: Requester, points: number, rootFields: readonly string[] = []): Promise<RateLimitDecision> {
    if (!this.config.enabled) return { allowed: true };
    const charges: [Budget, string, number][] = [];
    for (const field of new Set(rootFields)) {
      const budget = this.strict.get(field);
      if (budget) charges.push([budget, requester.clientAddress, 1]);
    }
    const cost = Math.max(1, Math.ceil(points));
    charges.push([this.budgets.address, requester.clientAddress, cost]);
    if (requester.sessionToken) charges.push([this.budgets.session, digest(requester.sessionToken), cost]);
    if (requester.apiKey) charges.push([this.budgets.apiKey, digest(requester.apiKey), cost]);
    for (const [budget, key, amount] of charges) {
      const decision = await this.charge(budget, key, Math.min(amount, budget.points));
      if (!decision.allowed) return decision;
    }
    return { allowed: true };
  }

  private async charge(budget: Budget, key: string, points: number): Promise<RateLimitDecision> {
    const usesBefore = this.fallbackUses;
    try {
      await budget.limiter.consume(key, points);
      if (this.degraded && this.fallbackUses === usesBefore && this.options.redis) {
        this.degraded = false;
        this.options.logger.info('rate limits are shared through Redis again');
      }
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, budget: budget.name, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      // No insurance (cannot happen with Redis configured) or the memory limiter itself failed: let the request through.
      this.options.logger.error({ err: rejection, budget: budget.name }, 'rate limit not checked');
      return { allowed: true };
    }
  }

  private limiter(name: string, points: number, duration: number): RateLimiterAbstract {
    const keyPrefix = `${this.options.keyPrefix ?? 'smartcart:'}ratelimit:${name}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!this.options.redis) return memory;
    const insurance = new FallbackLimiter({ keyPrefix, points, duration }, () => this.onFallback());
    return new RateLimiterRedis({ storeClient: this.options.redis, keyPrefix, points, duration, insuranceLimiter: insurance, rejectIfRedisNotReady: true });
  }

  private onFallback(): void {
    this.fallbackUses++;
    if (this.degraded) return;
    this.degraded = true;
    this.options.logger.warn('Redis unavailable: rate limits are counted per gateway process until it is back');
  }
}

/** The per-process stand-in while Redis is down; tells its owner each time it is used. */
class FallbackLimiter extends RateLimiterMemory {
  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    this.onUse();
    return super.consume(key, points, options);
  }
}
