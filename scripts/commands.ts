import type { AnyCommand } from '../platform/commands/command';
import { apikeyCommand } from './apikey';
import { apikeyCreateCommand } from './apikey-create';
import { dbMigrateCommand } from './db-migrate';
import { dbSeedCommand } from './db-seed';
import { eventsCommand } from './events';
import { importCommand } from './import';
import { recsTrainCommand } from './recs-train';
import { sessionsPurgeCommand } from './sessions-purge';

/**
 * Every operator command a running embedded API accepts over its admin
 * endpoint. A new CLI is a `defineCommand(…)` in its script, started with
 * `runCli(…)`, and listed here; it then works beside `npm start` as well.
 */
export const commands: readonly AnyCommand[] = [
  importCommand,
  apikeyCreateCommand,
  apikeyCommand,
  sessionsPurgeCommand,
  recsTrainCommand,
  dbSeedCommand,
  dbMigrateCommand,
  eventsCommand,
];
