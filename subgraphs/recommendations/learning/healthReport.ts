import type { ConsumerHealth, ConsumerProblem } from '../../../platform/events/eventConsumers';
import type { EngineHealth } from './engineHost';

/** The recommendationHealth answer (schema type RecommendationHealth). */
export interface HealthReport {
  instance: string;
  ready: boolean;
  problems: string[];
  modelBuiltAt: Date | null;
  modelAgeSeconds: number | null;
  basketModelFittedAt: Date | null;
  basketModelAgeSeconds: number | null;
  loadedFrom: string | null;
  interactionsLearned: number;
  lastInteractionAt: Date | null;
  productsKnown: number;
  shoppersKnown: number;
  consumers: { stream: string; group: string | null; state: string; lag: number | null; pending: number | null; lastError: string | null }[];
  deadLetters: number;
  deadLettersByStream: { stream: string; count: number }[];
}

export interface HealthFacts {
  instance: string;
  engine: EngineHealth;
  modelBuiltAt: Date | null;
  consumers: ConsumerHealth[];
  deadLetters: { stream: string; count: number }[];
  problems: ConsumerProblem[];
  now: Date;
}

const LOADED_FROM: Record<NonNullable<EngineHealth['loadedFrom']>, string> = {
  'snapshot+stream': 'SNAPSHOT_STREAM',
  'snapshot+database': 'SNAPSHOT_DATABASE',
  rebuild: 'REBUILD',
};

function ageSeconds(since: Date | null, now: Date): number | null {
  return since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000)) : null;
}

/** A readiness problem as one line, as /readyz words it. */
function describe(problem: ConsumerProblem): string {
  if ('task' in problem) return `${problem.task} has not started${problem.lastError ? `: ${problem.lastError}` : ''}`;
  const who = problem.group === null ? `follower of ${problem.stream}` : `group ${problem.group} on ${problem.stream}`;
  return `${who} cannot consume since ${problem.since}${problem.lastError ? `: ${problem.lastError}` : ''}`;
}

/** Puts the figures the engine host, the database and the consumers know into the report's shape. */
export function healthReport(facts: HealthFacts): HealthReport {
  const { engine, now } = facts;
  return {
    instance: facts.instance,
    ready: facts.problems.length === 0,
    problems: facts.problems.map(describe),
    modelBuiltAt: facts.modelBuiltAt,
    modelAgeSeconds: ageSeconds(facts.modelBuiltAt, now),
    basketModelFittedAt: engine.basketModelFittedAt,
    basketModelAgeSeconds: ageSeconds(engine.basketModelFittedAt, now),
    loadedFrom: engine.loadedFrom ? LOADED_FROM[engine.loadedFrom] : null,
    interactionsLearned: engine.interactionsLearned,
    lastInteractionAt: engine.lastInteractionAt,
    productsKnown: engine.products,
    shoppersKnown: engine.shoppers,
    consumers: facts.consumers.map((c) => ({ stream: c.stream, group: c.group, state: c.state.toUpperCase(), lag: c.lag, pending: c.pending, lastError: c.lastError ?? null })),
    deadLetters: facts.deadLetters.reduce((sum, d) => sum + d.count, 0),
    deadLettersByStream: facts.deadLetters,
  };
}
