import type { Infrastructure } from '../infrastructure';

/**
 * An operator command (`npm run import`, `apikey:create`…) written once and
 * run in one of two places: in the CLI's own process when it can open the
 * database itself, or inside the running API, handed over through the admin
 * endpoint, when an embedded `npm start` holds the data directory. Either
 * way it runs against an Infrastructure; inside the API that is the API's own
 * (its database, its bus), so what the command writes and publishes reaches
 * the running services at once.
 */
export interface Command<Args, Result> {
  /** The name the CLI and the admin endpoint know it by, e.g. `import`. */
  readonly name: string;
  /** argv (after `--`) to arguments; throws UsageError. File paths must come out absolute: the API may run elsewhere. */
  parse(argv: string[]): Args;
  /** The work. `args` arrive as JSON when handed over: plain data only. */
  run(context: CommandContext, args: Args): Promise<Result>;
  /** Prints the result for a person; returns the exit code. */
  report(result: Result, out: NodeJS.WritableStream): number;
  /** Run in the CLI's own process, the database is migrated first (MIGRATE_ON_START) unless this is false. */
  readonly migrateFirst?: boolean;
}

export interface CommandContext {
  infra: Infrastructure;
  /**
   * The services running in this process, by name, when the command runs
   * inside the API (empty in the CLI's own process): a command may use a
   * running service's live parts, e.g. retrain the recommender that serves.
   */
  services: Readonly<Record<string, unknown>>;
  /** Where the command runs: `cli` (its own process) or `api` (handed over). */
  where: 'cli' | 'api';
  /** Progress lines for the person at the terminal (forwarded from the API when handed over). */
  progress(line: string): void;
}

/** Bad command-line arguments: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command's own, expected failure (bad input, not found): shown as it is, exit 1, no stack. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

// The registry's element type: a command of any arguments and result.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any, any>;

export function defineCommand<Args, Result>(command: Command<Args, Result>): Command<Args, Result> {
  return command;
}
