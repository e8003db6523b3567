import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name?: string): Logger {
  return pino({
    level,
    base: name ? { service: name } : undefined,
    // Session tokens and API keys travel in headers: never let them reach a log line.
    redact: ['req.headers["x-session-token"]', 'req.headers["x-api-key"]', 'req.headers.authorization'],
  });
}
