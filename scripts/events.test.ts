import { PassThrough } from 'node:stream';
import { UsageError } from '../platform/commands/command';
import type { Subscription } from '../platform/events/eventBus';
import { MemoryEventBus } from '../platform/events/memoryEventBus';
import { Streams } from '../platform/events/topics';
import type { Infrastructure } from '../platform/infrastructure';
import { waitFor } from '../platform/testing/contractTargets';
import { eventsCommand, type EventsResult } from './events';

// `npm run events`: parsed, run against a bus holding a real dead letter, and
// printed. (Beside a running API it is the same command, handed over: see
// test/e2e/commandsBesideApi.test.ts.)

const bus = new MemoryEventBus();
const context = { infra: { events: bus } as unknown as Infrastructure, services: {}, where: 'cli' as const, progress: () => undefined };
let consumer: Subscription;
const handled: string[] = [];
let healed = false;

async function run(argv: string[]): Promise<{ result: EventsResult; text: string; code: number }> {
  const result = await eventsCommand.run(context, eventsCommand.parse(argv));
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => (text += chunk));
  const code = eventsCommand.report(result, out);
  return { result, text, code };
}

beforeAll(async () => {
  consumer = await bus.consume(
    Streams.catalog,
    'users-carts',
    async (event) => {
      handled.push(event.type);
      if (!healed) throw new Error('price is not a number');
    },
    { consumer: 'c1', maxDeliveries: 1 },
  );
  await bus.publish(Streams.catalog, 'product.price_changed', { price: 'abc' });
  await waitFor(async () => (await bus.deadLetterCount(Streams.catalog)) === 1, 'the dead letter');
});

afterAll(() => consumer.stop());

it('refuses unknown subcommands and streams with the usage', () => {
  expect(() => eventsCommand.parse([])).toThrow(UsageError);
  expect(() => eventsCommand.parse(['dead-letters', 'nope'])).toThrow(/unknown stream nope/);
  expect(() => eventsCommand.parse(['redrive', 'catalog'])).toThrow(/usage: npm run events/);
  expect(eventsCommand.parse(['redrive', 'catalog', '--all'])).toEqual({ action: 'redrive', stream: 'catalog', ids: 'all' });
});

it('groups: every stream with its groups, lag, pending and dead letters', async () => {
  const { text, code } = await run(['groups']);
  expect(code).toBe(0);
  expect(text).toMatch(/^catalog: 1 group, 1 dead letter$/m);
  expect(text).toMatch(/^ {2}users-carts: lag 0, pending 0, last delivered \d+-\d+; members: c1 \(pending 0, idle \d+ s\)$/m);
  expect(text).toMatch(/^interactions: 0 groups, 0 dead letters$/m);
});

it('dead-letters: each with its group, error, deliveries and payload', async () => {
  const { text, code, result } = await run(['dead-letters', 'catalog']);
  expect(code).toBe(0);
  expect(text).toMatch(/^catalog: 1 dead letter$/m);
  expect(text).toMatch(/product\.price_changed {2}group users-carts {2}original \d+-\d+ {2}1 deliveries/);
  expect(text).toMatch(/error: price is not a number/);
  expect(text).toMatch(/payload: \{"price":"abc"\}/);
  expect(result.action === 'dead-letters' && result.streams).toHaveLength(1);
});

it('redrive: back on the stream for the group to handle again, and gone from the dead letters', async () => {
  const [letter] = await bus.deadLetters(Streams.catalog);
  healed = true;
  const { text, code } = await run(['redrive', 'catalog', letter!.id]);
  expect(code).toBe(0);
  expect(text).toBe(`Redrove 1 dead letter to catalog: ${letter!.id}.\n`);
  await waitFor(() => handled.length >= 2, 'the redriven event');
  expect(await bus.deadLetterCount(Streams.catalog)).toBe(0);
  await expect(run(['redrive', 'catalog', letter!.id])).rejects.toThrow(/no dead letter/);
  expect((await run(['redrive', 'catalog', '--all'])).text).toBe('Redrove 0 dead letters to catalog.\n');
});
