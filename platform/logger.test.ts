import { createLogger } from './logger';
import { currentRequestId, requestIdFrom, runWithRequestContext } from './requestContext';

describe('request ids in log lines', () => {
  it('names the request on every line written while it is served, and on no other', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', 'test', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const child = logger.child({ component: 'engine' });
    await runWithRequestContext({ requestId: 'req-1', subgraphCalls: 0 }, async () => {
      logger.info('before an await');
      await new Promise((resolve) => setImmediate(resolve));
      child.warn('after it, from a child logger');
      expect(currentRequestId()).toBe('req-1');
    });
    logger.info('outside');
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ['before an await', 'req-1'],
      ['after it, from a child logger', 'req-1'],
      ['outside', undefined],
    ]);
  });

  it('keeps a sane client id and replaces anything else', () => {
    expect(requestIdFrom('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    for (const insane of [undefined, '', 'two words', 'x'.repeat(129), 'line\nbreak', ['a', 'b']]) {
      expect(requestIdFrom(insane as string | string[] | undefined)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
