import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../requestContext';

/**
 * A request to /graphql as its steps see it: node's own, plus what the steps
 * leave on it. Express's Request is one too (it adds `originalUrl` when a
 * router is mounted), so the same steps serve both the lean POST path
 * (leanGraphQLHandler.ts) and Express's /graphql (GET, and anything else).
 */
export interface GraphQLHttpRequest extends IncomingMessage {
  /** Express's: the URL the client asked for, `url` being rewritten inside a mounted router. */
  originalUrl?: string;
  /** Set first (graphqlRequestSteps.ts) and re-entered after the body is read. */
  requestContext?: RequestContext;
  /** The exact bytes read (the internal signature's body hash, the size the body limits check). */
  rawBody?: Buffer;
  /** The parsed JSON body; `undefined` when there was none to parse. */
  body?: unknown;
}

/**
 * One step of /graphql's handling, in connect's shape so Express can mount it
 * as it is: answers and stops, or calls `next` (with an error to be answered
 * by jsonErrors.ts).
 */
export type HttpStep = (req: GraphQLHttpRequest, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Runs `steps` in order, then `done` with no argument; or `done(error)` as
 * soon as a step passes one to `next` or throws. A step that answers without
 * calling `next` ends the run. Express's router does this too, at a price the
 * lean path exists to avoid (layer matching, URL parsing, its req/res getters).
 */
export function runSteps(steps: readonly HttpStep[], req: GraphQLHttpRequest, res: ServerResponse, done: (error?: unknown) => void): void {
  let index = 0;
  const next = (error?: unknown): void => {
    if (error !== undefined && error !== null) {
      done(error);
      return;
    }
    const step = steps[index++];
    if (!step) {
      done();
      return;
    }
    try {
      step(req, res, next);
    } catch (thrown) {
      done(thrown);
    }
  };
  next();
}
