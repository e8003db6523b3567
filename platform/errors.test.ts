import { GraphQLError } from 'graphql';
import pino from 'pino';
import { badUserInput, createErrorFormatter } from './errors';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('createErrorFormatter', () => {
  it('passes deliberate errors through with their code, field and reason', () => {
    const { logger, lines } = capturingLogger();
    const error = badUserInput('quantity', 'must be between 1 and 999');
    const formatted = createErrorFormatter(logger)(error.toJSON(), error);
    expect(formatted).toMatchObject({
      message: 'Invalid quantity: must be between 1 and 999',
      extensions: { code: 'BAD_USER_INPUT', field: 'quantity', reason: 'must be between 1 and 999' },
    });
    expect(lines).toHaveLength(0);
  });

  it('masks unexpected errors, logs them with their stack, and leaks nothing', () => {
    const { logger, lines } = capturingLogger();
    const cause = new Error('connection to 10.0.0.5:5432 refused');
    const error = new GraphQLError(cause.message, { originalError: cause, path: ['product'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: cause.stack?.split('\n') } });
    const formatted = createErrorFormatter(logger)(error.toJSON(), error);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['product'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(formatted)).not.toContain('10.0.0.5');
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).toContain('connection to 10.0.0.5:5432 refused');
  });

  it('strips stack traces even from public errors', () => {
    const { logger } = capturingLogger();
    const error = new GraphQLError('nope', { extensions: { code: 'FORBIDDEN', stacktrace: ['at secret.ts:1'] } });
    expect(createErrorFormatter(logger)(error.toJSON(), error).extensions).toEqual({ code: 'FORBIDDEN' });
  });
});
