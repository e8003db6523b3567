import { spawn, type ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { freePort, waitFor } from './freePort';

/** A redis-server of the test's own, on a free loopback port, that the test may stop (never the shared one). */
export interface ThrowawayRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (nothing is persisted): a Redis restarted after losing its data. */
  start(): Promise<void>;
}

async function serve(port: number): Promise<ChildProcess> {
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } finally {
        probe.disconnect();
      }
    },
    20_000,
    `redis-server on port ${port}`,
  );
  return child;
}

/** `port`: start again where a stopped one listened (Redis coming back, empty, at the same address). */
export async function startThrowawayRedis(options: { port?: number } = {}): Promise<ThrowawayRedis> {
  const port = options.port ?? (await freePort());
  let child: ChildProcess | undefined = await serve(port);
  let stopped: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop() {
      const running = child;
      stopped ??= new Promise<void>((resolve) => {
        if (!running || running.exitCode !== null) return resolve();
        running.once('exit', () => resolve());
        running.kill('SIGKILL');
      });
      return stopped;
    },
    async start() {
      await stopped;
      child = await serve(port);
      stopped = undefined;
    },
  };
}
