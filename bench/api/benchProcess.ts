import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

// One service of the benchmark as its own OS process (as production runs
// it), with its output in a log file and its CPU time read from /proc.

export interface BenchProcess {
  name: string;
  pid: number;
  /** Base URL (http://127.0.0.1:port). */
  origin: string;
  logFile: string;
  /** User + system CPU of the process and all its descendants, in ms. */
  cpuMs(): number;
  /** The most resident memory the process (and its descendants, each at its own peak) has held, in MiB. */
  peakMemoryMiB(): number;
  stop(): Promise<void>;
}

/** The Node flags the package.json start scripts use. */
export const NODE_FLAGS = ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx'];

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node runs on.

function readStat(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: split after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** utime + stime of `root` and every live descendant (a forking server's workers count too). */
export function treeCpuMs(root: number): number {
  return (tree(root).reduce((ticks, pid) => ticks + (readStat(pid)?.ticks ?? 0), 0) * 1000) / TICKS_PER_SECOND;
}

/** VmHWM (peak resident set) of one process in KiB, 0 when it is gone. */
function peakKiB(pid: number): number {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** `root` and every live descendant. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const all: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    all.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return all;
}

export function startProcess(name: string, command: string, args: string[], options: { env: NodeJS.ProcessEnv; port: number; logDir: string; cwd: string }): BenchProcess {
  const logFile = `${options.logDir}/${name}.log`;
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  const pid = child.pid!;
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  return {
    name,
    pid,
    origin: `http://127.0.0.1:${options.port}`,
    logFile,
    cpuMs: () => treeCpuMs(pid),
    peakMemoryMiB: () => tree(pid).reduce((sum, p) => sum + peakKiB(p), 0) / 1024,
    async stop() {
      if (exited) return;
      // The whole process group: a forking gateway's workers go too.
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      const stopped = await Promise.race([exit.then(() => true), delay(15_000).then(() => false)]);
      if (!stopped) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone meanwhile */
        }
        await exit;
      }
    },
  };
}

/** Polls `url` until it answers 2xx; fails with the log's tail when the process dies or `timeoutMs` passes. */
export async function waitUntilReady(processes: BenchProcess[], path: (p: BenchProcess) => string, timeoutMs: number, init: RequestInit = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await Promise.all(
    processes.map(async (p) => {
      for (;;) {
        try {
          const response = await fetch(`${p.origin}${path(p)}`, { ...init, signal: AbortSignal.timeout(2000) });
          await response.body?.cancel();
          if (response.ok) return;
        } catch {
          /* not listening yet */
        }
        if (readStat(p.pid) === undefined || Date.now() > deadline) {
          const tail = fs.existsSync(p.logFile) ? fs.readFileSync(p.logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
          throw new Error(`${p.name} did not become ready at ${p.origin}${path(p)}:\n${tail}`);
        }
        await delay(250);
      }
    }),
  );
}
