import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentRequestId } from './requestContext';

export type { Logger };

/** `destination`: stdout unless given (tests read the lines they make). */
export function createLogger(level: string, name?: string, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: name ? { service: name } : undefined,
    // Every line written while a request is handled names it, whichever module logs.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    // Session tokens and API keys travel in headers: never let them reach a log line.
    redact: ['req.headers["x-session-token"]', 'req.headers["x-api-key"]', 'req.headers.authorization'],
  };
  return destination ? pino(options, destination) : pino(options);
}
