import { CommandError, defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import type { DeadLetter, GroupInfo } from '../platform/events/eventBus';
import { Streams } from '../platform/events/topics';

// `npm run events -- <subcommand>`: what the event consumers are doing.
//   groups                         every consumer group of every stream: lag, pending, members; dead letters
//   dead-letters [stream]          the dead letters (events whose handler failed EVENTS_MAX_DELIVERIES times)
//   redrive <stream> <id…|--all>   put dead letters back on their stream, for every group to see again
// With REDIS_URL it reads Redis directly; beside a running embedded `npm start`
// it is handed to the API, whose in-process bus it then reads.

const STREAMS: readonly string[] = Object.values(Streams);
const USAGE = `usage: npm run events -- groups
       npm run events -- dead-letters [stream]
       npm run events -- redrive <stream> <id…|--all>
streams: ${STREAMS.join(', ')}`;

export type EventsArgs = { action: 'groups' } | { action: 'dead-letters'; stream?: string } | { action: 'redrive'; stream: string; ids: string[] | 'all' };

export type EventsResult =
  | { action: 'groups'; streams: { stream: string; groups: GroupInfo[]; deadLetters: number }[] }
  | { action: 'dead-letters'; streams: { stream: string; total: number; letters: DeadLetter[] }[] }
  | { action: 'redrive'; stream: string; redriven: string[]; missing: string[] };

/** Shown per stream: the oldest this many (the count says how many there are in all). */
const LIST_LIMIT = 100;

function stream(name: string | undefined): string {
  if (!name || !STREAMS.includes(name)) throw new UsageError(`${name ? `unknown stream ${name}\n` : ''}${USAGE}`);
  return name;
}

export const eventsCommand = defineCommand<EventsArgs, EventsResult>({
  name: 'events',
  migrateFirst: false,
  parse(argv) {
    const [action, ...rest] = argv;
    if (action === 'groups' && rest.length === 0) return { action };
    if (action === 'dead-letters' && rest.length <= 1) return { action, stream: rest[0] === undefined ? undefined : stream(rest[0]) };
    if (action === 'redrive') {
      const [name, ...ids] = rest;
      const target = stream(name);
      if (ids.length === 1 && ids[0] === '--all') return { action, stream: target, ids: 'all' };
      if (ids.length > 0 && !ids.includes('--all')) return { action, stream: target, ids };
    }
    throw new UsageError(USAGE);
  },
  async run({ infra }, args) {
    const bus = infra.events;
    if (args.action === 'groups') {
      return {
        action: 'groups',
        streams: await Promise.all(STREAMS.map(async (name) => ({ stream: name, groups: await bus.groups(name), deadLetters: await bus.deadLetterCount(name) }))),
      };
    }
    if (args.action === 'dead-letters') {
      const names = args.stream ? [args.stream] : STREAMS;
      return {
        action: 'dead-letters',
        streams: await Promise.all(names.map(async (name) => ({ stream: name, total: await bus.deadLetterCount(name), letters: await bus.deadLetters(name, LIST_LIMIT) }))),
      };
    }
    const redriven = await bus.redrive(args.stream, args.ids);
    const missing = args.ids === 'all' ? [] : args.ids.filter((id) => !redriven.includes(id));
    if (args.ids !== 'all' && redriven.length === 0) throw new CommandError(`no dead letter ${missing.join(', ')} on ${args.stream}`);
    return { action: 'redrive', stream: args.stream, redriven, missing };
  },
  report(result, out) {
    if (result.action === 'groups') {
      for (const { stream: name, groups, deadLetters } of result.streams) {
        out.write(`${name}: ${groups.length} group${groups.length === 1 ? '' : 's'}, ${deadLetters} dead letter${deadLetters === 1 ? '' : 's'}\n`);
        for (const group of groups) {
          const members = group.consumers.map((c) => `${c.name} (pending ${c.pending}, idle ${Math.round(c.idleMs / 1000)} s)`).join(', ') || 'none';
          out.write(`  ${group.name}: lag ${group.lag ?? 'unknown'}, pending ${group.pending}, last delivered ${group.lastDeliveredId}; members: ${members}\n`);
        }
      }
      return 0;
    }
    if (result.action === 'dead-letters') {
      for (const { stream: name, total, letters } of result.streams) {
        out.write(`${name}: ${total} dead letter${total === 1 ? '' : 's'}${total > letters.length ? ` (the oldest ${letters.length} shown)` : ''}\n`);
        for (const letter of letters) {
          out.write(
            `  ${letter.id}  ${letter.type}  group ${letter.group}  original ${letter.originalId}  ${letter.deliveries} deliveries  dead since ${letter.deadAt}\n    error: ${letter.error}\n    payload: ${letter.payloadJson.length > 500 ? `${letter.payloadJson.slice(0, 500)}…` : letter.payloadJson}\n`,
          );
        }
      }
      return 0;
    }
    out.write(`Redrove ${result.redriven.length} dead letter${result.redriven.length === 1 ? '' : 's'} to ${result.stream}${result.redriven.length ? `: ${result.redriven.join(', ')}` : ''}.\n`);
    if (result.missing.length > 0) out.write(`Not found: ${result.missing.join(', ')}\n`);
    return result.missing.length > 0 ? 1 : 0;
  },
});

if (require.main === module) runCli(eventsCommand);
