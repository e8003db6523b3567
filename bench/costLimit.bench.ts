import { performance } from 'node:perf_hooks';
import { startBenchStack } from './benchStack';
import { percentile } from './percentiles';

// `npm run bench:cost [-- <rounds>]`: what the cost limit buys, embedded, on
// loopback. The cost bomb of the security review (20 aliases of products(100)
// → similar(50) → similar(50), 2.2 KB, inside every other limit) is sent
// `rounds` times and refused before execution; a product page is timed alone,
// then again while bombs are sent back to back, side by side in one run.

const ROUNDS = Number(process.argv[2] ?? 200);
const BOMB = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: products(first: 100) { edges { node { similar(first: 50) { similar(first: 50) { name } } } } }`).join(' ')} }`;
const PAGE = `query ($id: ID!) { product(id: $id) { name price similar(first: 3) { name price } frequentlyBoughtTogether(first: 3) { items { product { name } } } } }`;

async function main(): Promise<void> {
  // The rate limiter is off: it would refuse the bombs by their cost before long, hiding the cost limit's own figure.
  const stack = await startBenchStack('cost', { RATE_LIMIT_ENABLED: 'false' });
  const { url } = stack;
  const post = async (query: string, variables?: Record<string, unknown>) => {
    const t0 = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] };
    return { ms: performance.now() - t0, status: response.status, body };
  };

  try {
    const first = await post('{ products(first: 1) { edges { node { id } } } }');
    const id = first.body.data.products.edges[0].node.id as string;
    const rejection = await post(BOMB);
    const extensions = rejection.body.errors?.[0]?.extensions ?? {};
    if (extensions.code !== 'COST_LIMIT_EXCEEDED') throw new Error(`the bomb was not refused by the cost limit: ${JSON.stringify(rejection.body).slice(0, 300)}`);
    console.log(`cost bomb: ${Buffer.byteLength(BOMB)} bytes → HTTP ${rejection.status} ${extensions.code} (cost ${extensions.cost}, max ${extensions.maxCost})`);

    for (let i = 0; i < 20; i++) await post(PAGE, { id }); // warm-up
    const alone: number[] = [];
    for (let i = 0; i < ROUNDS; i++) alone.push((await post(PAGE, { id })).ms);

    const bombs: number[] = [];
    let bombing = true;
    const attacker = (async () => {
      while (bombing) bombs.push((await post(BOMB)).ms);
    })();
    const underAttack: number[] = [];
    for (let i = 0; i < ROUNDS; i++) underAttack.push((await post(PAGE, { id })).ms);
    bombing = false;
    await attacker;

    const row = (label: string, samples: number[]) =>
      console.log(`${label.padEnd(34)} n=${String(samples.length).padStart(5)}  p50 ${percentile(samples, 50).toFixed(2)} ms  p99 ${percentile(samples, 99).toFixed(2)} ms`);
    row('cost bomb refused', bombs);
    row('product page alone', alone);
    row('product page beside the bombs', underAttack);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
