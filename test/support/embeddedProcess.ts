import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../platform/paths';
import { freePort } from './freePort';

// The product's own entry points as a user runs them: `npm start` and the
// `npm run <command>` scripts, as real child processes on one embedded data directory.

const NODE_ARGS = ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx'];

function environment(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // No storefront: these processes test the API, and building it would only slow their start.
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: 'warn', GATEWAY_STOREFRONT: 'false', ...extra };
}

export interface StartedApi {
  process: ChildProcess;
  url: string;
  output(): string;
  /** Ctrl-C, then the exit code. */
  stop(): Promise<number | null>;
}

export function exited(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.exitCode);
    else proc.once('exit', (code) => resolve(code));
  });
}

/** `npm start` on `dataDir` with free ports; a port taken by a parallel test between choosing and binding is retried with others. */
export async function startApi(dataDir: string, extra: Record<string, string> = {}): Promise<StartedApi> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(dataDir, extra);
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test((error as Error).message)) throw error;
    }
  }
}

async function startOnce(dataDir: string, extra: Record<string, string>): Promise<StartedApi> {
  const ports = { GATEWAY_PORT: await freePort(), PRODUCTS_PORT: await freePort(), USERS_PORT: await freePort(), RECOMMENDATIONS_PORT: await freePort() };
  const env = environment(dataDir, extra);
  for (const [key, value] of Object.entries(ports)) env[key] = String(value);
  const proc = spawn(process.execPath, [...NODE_ARGS, 'scripts/start.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (chunk) => (output += chunk));
  proc.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`no start within 180 s:\n${output}`));
    }, 180_000);
    proc.stdout!.on('data', () => {
      const match = /SmartCart is running: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  return {
    process: proc,
    url,
    output: () => output,
    async stop() {
      proc.kill('SIGINT');
      return exited(proc);
    },
  };
}

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/<script>.ts` with `args` on `dataDir`, as `npm run <command> -- args` does, to its end. */
export async function runScript(script: string, args: string[], dataDir: string, extra: Record<string, string> = {}): Promise<ScriptRun> {
  const proc = spawn(process.execPath, [...NODE_ARGS, `scripts/${script}.ts`, ...args], {
    cwd: projectRoot,
    env: environment(dataDir, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (chunk) => (stdout += chunk));
  proc.stderr!.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => proc.kill('SIGKILL'), 180_000);
  const code = await exited(proc);
  clearTimeout(timer);
  return { code, stdout, stderr };
}
