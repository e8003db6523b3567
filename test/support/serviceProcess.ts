import { spawn, type ChildProcess } from 'node:child_process';
import type { ServiceName } from '../../platform/config';
import { projectRoot } from '../../platform/paths';
import { exited } from './embeddedProcess';
import { eventually } from './eventually';
import { freePort } from './freePort';

type Subgraph = Exclude<ServiceName, 'gateway'>;

// One subgraph as `npm run start:<name>` runs it: a real process of its own,
// which a test may kill as a crash would (SIGKILL: no shutdown hook runs).

const NODE_ARGS = ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx'];

export interface ServiceProcess {
  process: ChildProcess;
  /** The service's origin (`http://127.0.0.1:<port>`): /graphql, /metrics and /readyz are under it. */
  url: string;
  port: number;
  output(): string;
  /** SIGKILL, then the signal it died of. */
  kill(): Promise<NodeJS.Signals | null>;
}

/**
 * Starts `subgraphs/<name>/main.ts` with only `env` (plus PATH and HOME) and
 * waits until it has logged that it listens and its /readyz answers 200. `env` must give it a database; it
 * applies no migrations unless told to. `port`: where a killed one listened
 * (a restart); unset, a free one, retried with others when a parallel test
 * takes it between choosing and binding.
 */
export async function startServiceProcess(name: Subgraph, env: Record<string, string>, port?: number): Promise<ServiceProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(name, env, port ?? (await freePort()));
    } catch (error) {
      if (port !== undefined || attempt >= 3 || !/EADDRINUSE/.test((error as Error).message)) throw error;
    }
  }
}

async function startOnce(name: Subgraph, env: Record<string, string>, port: number): Promise<ServiceProcess> {
  const proc = spawn(process.execPath, [...NODE_ARGS, `subgraphs/${name}/main.ts`], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', MIGRATE_ON_START: 'false', ...env, [`${name.toUpperCase()}_PORT`]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (chunk) => (output += chunk));
  proc.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(
      async () => {
        if (proc.exitCode !== null) throw new Error(`${name} exited with ${proc.exitCode}:\n${output}`);
        // Its own "ready" line first: a port taken by another test's server would answer /readyz too.
        if (!output.includes(`"msg":"${name} ready"`)) return undefined;
        const response = await fetch(`${url}/readyz`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      120_000,
      `${name} ready on port ${port}`,
    );
  } catch (error) {
    proc.kill('SIGKILL');
    throw error;
  }
  return {
    process: proc,
    url,
    port,
    output: () => output,
    async kill() {
      const done = exited(proc);
      proc.kill('SIGKILL');
      await done;
      return proc.signalCode;
    },
  };
}
