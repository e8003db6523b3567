import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { publishEvent } from '../platform/events/publish';
import { compareStreamIds } from '../platform/events/streamIds';
import type { InteractionEventPayload } from '../platform/events/topics';
import { seededRandom } from '../platform/seededRandom';
import type { RecommendationsService } from '../subgraphs/recommendations/server';
import { startBenchStack } from './benchStack';
import { percentile } from './percentiles';

// `npm run bench:cache [-- <seconds>]`: is the recommendation cache worth
// having under a live event stream? Embedded, every service in this process,
// queries through the gateway on loopback. After a warm-up history, shoppers
// keep sending interactions at 100 events/s (views, and purchases in baskets,
// over the demo catalog with Zipf-like popularity) while product pages
// (similar + frequently bought together) are read for products drawn from the
// same popularity. It reports the hit ratio of those lists, and freshness:
// every 2 s a new co-purchase burst makes one product's frequently-bought-
// together lead change, timed from publishing the burst to the first answer
// that shows it.

const SECONDS = Number(process.argv[2] ?? 60);
const EVENTS_PER_SECOND = 100;
const WARM_UP_EVENTS = Number(process.env.BENCH_WARM_UP ?? 20_000);
const PAGE = `query ($id: ID!) { product(id: $id) { similar(first: 6) { id } frequentlyBoughtTogether(first: 4) { items { product { id } } } } }`;

async function main(): Promise<void> {
  const stack = await startBenchStack('cache', { RATE_LIMIT_ENABLED: 'false' });
  const { url, infra } = stack;
  const recs = stack.services.recommendations as RecommendationsService;
  let resets = 0;
  const post = async (query: string, variables?: Record<string, unknown>): Promise<any> => {
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    } catch (error) {
      // A kept-alive socket the server closed as it was reused: counted and sent again once.
      if (resets++ > 100) throw error;
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    }
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    return body.data;
  };

  try {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await post('query ($after: String) { products(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }', { after })).products;
      ids.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);

    const random = seededRandom(7);
    // Zipf-like: product i drawn with weight 1/(i+1).
    const weights = ids.map((_, i) => 1 / (i + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const draw = () => {
      let r = random() * total;
      for (let i = 0; i < ids.length; i++) if ((r -= weights[i]!) <= 0) return ids[i]!;
      return ids[ids.length - 1]!;
    };
    const shoppers = Array.from({ length: 2000 }, () => crypto.randomUUID());
    let lastPublished = '0-0';
    let publishedCount = 0;
    const publish = async (payload: Omit<InteractionEventPayload, 'eventId' | 'occurredAt' | 'query' | 'recommendationId'>) => {
      publishedCount++;
      lastPublished = await publishEvent(infra.events, 'interactions', 'interaction', {
        eventId: crypto.randomUUID(),
        occurredAt: new Date().toISOString(),
        query: null,
        recommendationId: null,
        ...payload,
      });
    };
    /** One shopper event: 80 % views, else a basket of 2–4 purchases (counted as that many events). */
    const oneEvent = async (): Promise<number> => {
      const shopperId = shoppers[Math.floor(random() * shoppers.length)]!;
      if (random() < 0.8) {
        await publish({ shopperId, type: 'VIEW', productId: draw(), basketId: null, quantity: null });
        return 1;
      }
      const basketId = crypto.randomUUID();
      const items = new Set(Array.from({ length: 2 + Math.floor(random() * 3) }, draw));
      for (const productId of items) await publish({ shopperId, type: 'PURCHASE', productId, basketId, quantity: 1 });
      return items.size;
    };
    const learned = async () => {
      const target = lastPublished;
      while (compareStreamIds(recs.host.streamPosition ?? '0-0', target) < 0) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    // Stored too, not only learned: the embedded database stores them one by one, and reads queue behind.
    const stored = async () => {
      while ((await recs.db.prisma.interaction.count()) < publishedCount) await new Promise((resolve) => setTimeout(resolve, 200));
    };
    const t0 = performance.now();
    for (let n = 0; n < WARM_UP_EVENTS; ) n += await oneEvent();
    await learned();
    const learnedAfter = performance.now() - t0;
    await stored();
    console.log(`warm-up: ${ids.length} products, ${publishedCount.toLocaleString('en')} interactions learned in ${(learnedAfter / 1000).toFixed(1)} s, stored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // The measured window: the stream, the readers and the freshness probes at once.
    const deadline = performance.now() + SECONDS * 1000;
    const statsBefore = { ...recs.cache.stats };
    let streamed = 0;
    const stream = (async () => {
      const start = performance.now();
      while (performance.now() < deadline) {
        streamed += await oneEvent();
        const due = start + (streamed / EVENTS_PER_SECOND) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    })();
    const pageLatencies: number[] = [];
    const reader = async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await post(PAGE, { id: draw() });
        pageLatencies.push(performance.now() - t);
      }
    };
    const freshness: number[] = [];
    let probeFailures = 0;
    const probes = (async () => {
      let k = 0;
      while (performance.now() + 12_000 < deadline) {
        // A product from the long tail and a partner it was never bought with, bought together 30 times.
        const anchor = ids[ids.length - 1 - (k % 50)]!;
        const partner = ids[ids.length - 60 - (k % 50)]!;
        k++;
        const start = performance.now();
        for (let i = 0; i < 30; i++) {
          const basketId = crypto.randomUUID();
          const shopperId = crypto.randomUUID();
          await publish({ shopperId, type: 'PURCHASE', productId: anchor, basketId, quantity: 1 });
          await publish({ shopperId, type: 'PURCHASE', productId: partner, basketId, quantity: 1 });
        }
        let seen = false;
        while (performance.now() - start < 10_000) {
          const lead = (await post(PAGE, { id: anchor })).product.frequentlyBoughtTogether.items[0]?.product.id;
          if (lead === partner) {
            seen = true;
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        if (seen) freshness.push(performance.now() - start);
        else probeFailures++;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    })();
    await Promise.all([stream, reader(), reader(), probes]);
    await learned();
    const backlog = publishedCount - (await recs.db.prisma.interaction.count());

    const hits = recs.cache.stats.hits - statsBefore.hits;
    const misses = recs.cache.stats.misses - statsBefore.misses;
    console.log(`stream: ${streamed.toLocaleString('en')} interactions in ${SECONDS} s (${(streamed / SECONDS).toFixed(0)}/s), plus ${freshness.length + probeFailures} co-purchase bursts of 60; not yet stored at the end: ${backlog}`);
    console.log(`product pages: ${pageLatencies.length.toLocaleString('en')} read (2 readers), p50 ${percentile(pageLatencies, 50).toFixed(1)} ms, p99 ${percentile(pageLatencies, 99).toFixed(1)} ms`);
    console.log(`recommendation lists: ${hits.toLocaleString('en')} hits, ${misses.toLocaleString('en')} misses → hit ratio ${((100 * hits) / Math.max(1, hits + misses)).toFixed(1)} %`);
    if (resets > 0) console.log(`(${resets} request(s) sent again after a reset connection)`);
    console.log(`freshness (burst published → changed frequentlyBoughtTogether answer): n=${freshness.length}, p50 ${percentile(freshness, 50).toFixed(0)} ms, p99 ${percentile(freshness, 99).toFixed(0)} ms, max ${Math.max(...freshness).toFixed(0)} ms; not seen within 10 s: ${probeFailures}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
