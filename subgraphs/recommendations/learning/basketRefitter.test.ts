import crypto from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { ProductSnapshot } from '../../../platform/events/topics';
import { createLogger } from '../../../platform/logger';
import { eventually } from '../../../test/support/eventually';
import { productSnapshots } from '../../../test/support/productSnapshots';
import type { BasketFitInput, BasketFitOutput } from '../engine/basketModel';
import { defaultEngineOptions, RecommendationEngine } from '../engine/recommendationEngine';
import { inThreadBasketFitter, type BasketFitter } from './basketFitter';
import { BasketRefitter, dueRefit, type RefitPolicy } from './basketRefitter';
import { WorkerBasketFitter } from './workerBasketFitter';

// The background refit, on the engine with a fake clock: what triggers a fit,
// that requests are answered by the old model until the new one is swapped
// in, and that a failed or crashed fit leaves the old model serving and is
// retried. The fits themselves are real (a worker thread where it matters).

const product = productSnapshots({}, 7001);
const [milk, butter, bread, jam, tea, lemon] = ['Milk', 'Butter', 'Bread', 'Jam', 'Tea', 'Lemon'].map((name) => product(name));
const catalog = [milk!, butter!, bread!, jam!, tea!, lemon!];
const POLICY: RefitPolicy = { afterPurchases: 10, maxStalenessMs: 30_000 };

function shop(): { engine: RecommendationEngine; clock: { now: number } } {
  const clock = { now: 1_700_000_000_000 };
  const engine = new RecommendationEngine({ ...defaultEngineOptions, now: () => clock.now });
  for (const p of catalog) engine.applyProduct(p);
  for (let i = 0; i < 6; i++) buy(engine, clock.now, milk!, butter!);
  for (let i = 0; i < 6; i++) buy(engine, clock.now, bread!, jam!);
  buy(engine, clock.now, tea!);
  buy(engine, clock.now, lemon!);
  engine.refit();
  return { engine, clock };
}

function buy(engine: RecommendationEngine, at: number, ...items: ProductSnapshot[]): void {
  const basketId = crypto.randomUUID();
  const shopperId = crypto.randomUUID();
  for (const item of items) engine.ingest({ eventId: crypto.randomUUID(), shopperId, type: 'PURCHASE', productId: item.productId, basketId, occurredAt: at });
}

/** Cart completion for a one-item cart, as ids with scores (a different model scores differently). */
function cart(engine: RecommendationEngine, item: ProductSnapshot): [string, number][] {
  return engine.cartSuggestions([item.productId], { first: 3, strict: true }).items.map((r) => [r.productId, r.score]);
}

/** A fitter whose fits finish when the test says so. */
function heldFitter(): BasketFitter & { calls: number; release(): void } {
  const waiting: (() => void)[] = [];
  return {
    calls: 0,
    fit(input: BasketFitInput): Promise<BasketFitOutput> {
      this.calls += 1;
      return new Promise((resolve) => waiting.push(() => resolve(inThreadBasketFitter.fit(input))));
    },
    release: () => waiting.splice(0).forEach((go) => go()),
    close: async () => undefined,
  };
}

function capturedLogs(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', undefined, sink), lines };
}

const refitters: BasketRefitter[] = [];
const fitters: BasketFitter[] = [];

function refitterFor(engine: RecommendationEngine, clock: { now: number }, fitter: BasketFitter, logger = createLogger('silent')): BasketRefitter {
  const refitter = new BasketRefitter({ engine: () => engine, fitter, policy: POLICY, logger, now: () => clock.now, retry: { initialMs: 1000, maxMs: 1000 } });
  // The policy's own timer stays out of the way: the test pokes it as purchases would.
  refitter.start(3_600_000);
  refitters.push(refitter);
  return refitter;
}

afterAll(async () => {
  for (const refitter of refitters) await refitter.stop();
  for (const fitter of fitters) await fitter.close();
});

describe('dueRefit', () => {
  it('is due after enough purchases, or when the model is too old and something was bought since', () => {
    const at = 1_000_000;
    expect(dueRefit({ fittedAt: at, purchasesSinceFit: 10, coreSize: 5, purchasesLearned: 0, purchasesFitted: 0 }, at + 1, POLICY)).toBe('purchases');
    expect(dueRefit({ fittedAt: at, purchasesSinceFit: 9, coreSize: 5, purchasesLearned: 0, purchasesFitted: 0 }, at + 1, POLICY)).toBeNull();
    expect(dueRefit({ fittedAt: at, purchasesSinceFit: 1, coreSize: 5, purchasesLearned: 0, purchasesFitted: 0 }, at + 30_000, POLICY)).toBe('staleness');
    // Old but nothing new: a fit would give the same model.
    expect(dueRefit({ fittedAt: at, purchasesSinceFit: 0, coreSize: 5, purchasesLearned: 0, purchasesFitted: 0 }, at + 3_600_000, POLICY)).toBeNull();
    expect(dueRefit({ fittedAt: at, purchasesSinceFit: 500, coreSize: 5, purchasesLearned: 0, purchasesFitted: 0 }, at + 3_600_000, { afterPurchases: 0, maxStalenessMs: 0 })).toBeNull();
  });
});

describe('BasketRefitter', () => {
  it('after a burst of purchases of a new pair, cart completion for one suggests the other from a model refitted in a worker', async () => {
    const { engine, clock } = shop();
    const fitter = new WorkerBasketFitter();
    fitters.push(fitter);
    const refitter = refitterFor(engine, clock, fitter);
    for (let i = 0; i < 5; i++) {
      buy(engine, clock.now, tea!, lemon!);
      refitter.poke();
    }
    await eventually(() => (engine.basketModelFreshness.purchasesSinceFit === 0 ? true : undefined), 60_000, 'the burst fitted');
    expect(refitter.status).toMatchObject({ fits: 1, failures: 0, fitting: false });
    expect(cart(engine, tea!)[0]![0]).toBe(lemon!.productId);
    // The very model a refit on the event loop gives for the same purchases.
    const { engine: inThread, clock: same } = shop();
    for (let i = 0; i < 5; i++) buy(inThread, same.now, tea!, lemon!);
    inThread.refit();
    expect(cart(engine, tea!)).toEqual(cart(inThread, tea!));
    expect(cart(engine, milk!)).toEqual(cart(inThread, milk!));
  });

  it('bounds staleness: one purchase is fitted once the model is older than the bound', async () => {
    const { engine, clock } = shop();
    const fitter = heldFitter();
    const refitter = refitterFor(engine, clock, fitter);
    buy(engine, clock.now, tea!);
    refitter.poke();
    expect(fitter.calls).toBe(0);
    clock.now += POLICY.maxStalenessMs;
    refitter.poke();
    expect(fitter.calls).toBe(1);
    fitter.release();
    await eventually(() => (refitter.status.fits === 1 ? true : undefined), 60_000, 'the fit installed');
    expect(engine.basketModelFreshness).toMatchObject({ purchasesSinceFit: 0, fittedAt: clock.now });
    // Nothing bought since: however old the model gets, nothing is fitted.
    clock.now += 10 * POLICY.maxStalenessMs;
    refitter.poke();
    expect(fitter.calls).toBe(1);
  });

  it('runs one fit at a time and serves the old model until the new one is swapped in', async () => {
    const { engine, clock } = shop();
    const fitter = heldFitter();
    const refitter = refitterFor(engine, clock, fitter);
    const before = cart(engine, milk!);
    for (let i = 0; i < 12; i++) buy(engine, clock.now, milk!, jam!);
    refitter.poke();
    // More purchases while it fits: no second fit starts.
    for (let i = 0; i < 12; i++) {
      buy(engine, clock.now, milk!, jam!);
      refitter.poke();
    }
    expect(fitter.calls).toBe(1);
    expect(refitter.status.fitting).toBe(true);
    // Jam has joined milk's baskets, but only as newer pairs: the fitted weights are the old model's.
    expect(engine.basketModelFreshness.purchasesSinceFit).toBe(48);
    const meanwhile = cart(engine, milk!);
    expect(meanwhile.map(([id]) => id)).toContain(jam!.productId);
    fitter.release();
    await eventually(() => (refitter.status.fits === 1 ? true : undefined), 60_000, 'the first fit installed');
    // It covered what was counted when it started; the rest waits for the next.
    expect(engine.basketModelFreshness.purchasesSinceFit).toBe(24);
    expect(cart(engine, milk!)).not.toEqual(before);
    refitter.poke();
    expect(fitter.calls).toBe(2);
    fitter.release();
    await eventually(() => (engine.basketModelFreshness.purchasesSinceFit === 0 ? true : undefined), 60_000, 'the second fit installed');
  });

  it('logs a crashed worker, keeps serving the old model, and retries after a backoff', async () => {
    const { engine, clock } = shop();
    const crashing = new WorkerBasketFitter({ workerPath: path.resolve(__dirname, '../../../test/support/crashingBasketFitWorker.js') });
    const working = new WorkerBasketFitter();
    fitters.push(crashing, working);
    let attempts = 0;
    const fitter: BasketFitter = { fit: (input) => (attempts++ === 0 ? crashing : working).fit(input), close: async () => undefined };
    const { logger, lines } = capturedLogs();
    const refitter = refitterFor(engine, clock, fitter, logger);
    const before = cart(engine, tea!);
    const fitted = engine.basketModelFreshness.fittedAt;
    clock.now += 5000;
    for (let i = 0; i < 10; i++) buy(engine, clock.now, tea!, butter!);
    refitter.poke();
    await eventually(() => (refitter.status.failures === 1 && !refitter.status.fitting ? true : undefined), 60_000, 'the crash noticed');
    const failure = lines.find((line) => line.msg === 'basket model fit failed; the current model keeps serving');
    expect(failure).toMatchObject({ level: 50, reason: 'purchases' });
    expect(String((failure!.err as { message: string }).message)).toMatch(/exited with code 3/);
    expect(refitter.status.lastError).toMatch(/exited with code 3/);
    // The old model still answers (its weights; the new pair only as newer pairs).
    expect(engine.basketModelFreshness).toMatchObject({ purchasesSinceFit: 20, fittedAt: fitted });
    expect(cart(engine, tea!)).not.toEqual(before);
    expect(cart(engine, tea!)[0]![0]).toBe(butter!.productId);
    // Not retried before the backoff, then retried with a new thread.
    refitter.poke();
    expect(attempts).toBe(1);
    clock.now += 1000;
    refitter.poke();
    expect(attempts).toBe(2);
    await eventually(() => (refitter.status.fits === 1 ? true : undefined), 60_000, 'the retry installed');
    expect(refitter.status).toMatchObject({ failures: 1, lastError: null, retryAt: null });
    expect(engine.basketModelFreshness.purchasesSinceFit).toBe(0);
    expect(lines.some((line) => line.msg === 'basket model refitted' && line.installed === true)).toBe(true);
  });

  it('a fit that fails in the worker (a matrix it cannot invert) is reported as such', async () => {
    const fitter = new WorkerBasketFitter();
    fitters.push(fitter);
    const broken: BasketFitInput = { coreSize: 2, lambda: 0, core: Int32Array.from([0, 1]), gram: Float64Array.from([1, 2, 2, 1]) };
    await expect(fitter.fit(broken)).rejects.toThrow(/not positive definite/);
    // The thread survives a failed fit and fits the next one.
    const fine = await fitter.fit({ coreSize: 2, lambda: 1, core: Int32Array.from([0, 1]), gram: Float64Array.from([4, 2, 2, 3]) });
    expect(fine.weights.length).toBe(4);
  });
});
