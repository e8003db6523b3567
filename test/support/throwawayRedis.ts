import { spawn, type ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { freePort, waitFor } from './freePort';

/** A redis-server of the test's own, on a free loopback port, that the test may stop (never the shared one). */
export interface ThrowawayRedis {
  url: string;
  stop(): Promise<void>;
}

export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
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
  let stopped: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
      return stopped;
    },
  };
}
