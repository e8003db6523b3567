import { SignalIterator } from './signalIterator';

describe('SignalIterator', () => {
  const latestOnly = (pending: number[], signal: number) => pending.splice(0, pending.length, signal);

  it('hands a signal to a waiting reader, and keeps only what admit keeps for a slow one', async () => {
    const iterator = new SignalIterator<number>({ admit: latestOnly, onClose: async () => undefined });
    const waiting = iterator.next();
    iterator.push(1);
    expect(await waiting).toEqual({ value: 1, done: false });
    iterator.push(2);
    iterator.push(3);
    iterator.push(4);
    expect(await iterator.next()).toEqual({ value: 4, done: false });
  });

  it('drops signals that accept refuses when they are read', async () => {
    let seen = 0;
    const iterator = new SignalIterator<number>({
      admit: (pending, signal) => pending.push(signal),
      accept: (signal) => signal > seen,
      onClose: async () => undefined,
    });
    iterator.push(1);
    iterator.push(2);
    seen = 1;
    expect(await iterator.next()).toEqual({ value: 2, done: false });
    seen = 2;
    const waiting = iterator.next();
    iterator.push(2);
    iterator.push(3);
    expect(await waiting).toEqual({ value: 3, done: false });
  });

  it('ends a pending read and runs onClose exactly once on return', async () => {
    const onClose = jest.fn(async () => undefined);
    const iterator = new SignalIterator<number>({ admit: latestOnly, onClose });
    const waiting = iterator.next();
    await iterator.return();
    await iterator.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    iterator.push(5);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
