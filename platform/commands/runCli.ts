import { loadConfigOrExit, type Config } from '../config';
import { migrate } from '../database/migrate';
import { DataDirInUseError, liveLockHolder } from '../embedded/dataDirLock';
import { createInfrastructure } from '../infrastructure';
import { createLogger } from '../logger';
import { readEndpointInfo, type EndpointInfo, type EndpointMessage } from './adminEndpoint';
import { CommandError, UsageError, type Command } from './command';

// The CLI side of every operator command. With PostgreSQL, or with an
// embedded data directory nobody holds, the command runs here against its
// own infrastructure. When a live `npm start` holds the embedded directory,
// the command is handed to it over its admin endpoint and runs there. When
// another short-lived command holds it, this one waits its turn.

/** How long to wait for a directory held by another command, or by an API still starting. */
const WAIT_FOR_TURN_MS = 120_000;
const POLL_MS = 200;

export interface Execution<Result> {
  result: Result;
  /** `api`: handed to the running API (pid); `cli`: ran in this process. */
  where: { kind: 'cli' } | { kind: 'api'; pid: number };
}

/** Runs `command` where it can run now, waiting for its turn at most WAIT_FOR_TURN_MS. */
export async function executeCommand<Args, Result>(
  command: Command<Args, Result>,
  args: Args,
  config: Config,
  progress: (line: string) => void = () => undefined,
): Promise<Execution<Result>> {
  const deadline = Date.now() + WAIT_FOR_TURN_MS;
  for (;;) {
    try {
      return { result: await runHere(command, args, config, progress), where: { kind: 'cli' } };
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error;
      const endpoint = endpointOf(error.dataDir, error.holder.pid);
      if (endpoint) return { result: await handOver(command, args, endpoint, progress), where: { kind: 'api', pid: endpoint.pid } };
      // Held by another command, or by an API that has not opened its endpoint yet.
      if (Date.now() > deadline) throw new CommandError(`${error.message}; gave up waiting for it after ${WAIT_FOR_TURN_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

async function runHere<Args, Result>(command: Command<Args, Result>, args: Args, config: Config, progress: (line: string) => void): Promise<Result> {
  const quiet = config.logLevel === 'info' ? 'warn' : config.logLevel;
  const infra = await createInfrastructure(config, createLogger(quiet));
  try {
    if (config.migrateOnStart && command.migrateFirst !== false) await migrate(infra.database);
    return await command.run({ infra, services: {}, where: 'cli', progress }, args);
  } finally {
    await infra.close();
  }
}

/** The endpoint of the process holding the directory, if that process is an API serving one. */
function endpointOf(dataDir: string, holderPid: number): EndpointInfo | null {
  const info = readEndpointInfo(dataDir);
  if (!info || info.pid !== holderPid) return null;
  // The holder may have died since: then the next attempt takes its lock over.
  return liveLockHolder(dataDir)?.pid === info.pid ? info : null;
}

async function handOver<Args, Result>(command: Command<Args, Result>, args: Args, endpoint: EndpointInfo, progress: (line: string) => void): Promise<Result> {
  const response = await fetch(`${endpoint.url}/commands/${command.name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${endpoint.token}` },
    body: JSON.stringify({ args }),
  });
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '');
    throw new Error(`The running API (process ${endpoint.pid}) refused the command: HTTP ${response.status} ${text}`);
  }
  let buffered = '';
  const decoder = new TextDecoder();
  let outcome: EndpointMessage | undefined;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const message = JSON.parse(buffered.slice(0, newline)) as EndpointMessage;
      buffered = buffered.slice(newline + 1);
      if ('progress' in message) progress(message.progress);
      else if ('result' in message || 'error' in message) outcome = message;
    }
  }
  if (outcome && 'result' in outcome) return outcome.result as Result;
  if (outcome && 'error' in outcome) {
    if (outcome.error.code === 'COMMAND_FAILED') throw new CommandError(outcome.error.message);
    throw new Error(`${outcome.error.message} (in the running API, process ${endpoint.pid}; see its log)`);
  }
  throw new Error(`The running API (process ${endpoint.pid}) stopped before the command finished`);
}

/**
 * The whole life of a CLI entry point: parse, execute where possible, print,
 * exit. `npm run <name> -- …` scripts are one line calling this.
 */
export function runCli<Args, Result>(command: Command<Args, Result>, argv: string[] = process.argv.slice(2)): void {
  let args: Args;
  try {
    args = command.parse(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const config = loadConfigOrExit();
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  executeCommand(command, args, config, progress).then(
    ({ result, where }) => {
      if (where.kind === 'api') process.stderr.write(`(ran inside the running API, process ${where.pid})\n`);
      process.exitCode = command.report(result, process.stdout);
    },
    (error: unknown) => {
      process.stderr.write(`${command.name} failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
