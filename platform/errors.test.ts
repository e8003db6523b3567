import { GraphQLError, parse, visit, type ASTNode } from 'graphql';
import pino from 'pino';
import { badUserInput, createErrorFormatter, inputErrorField, isDatabaseUnavailable } from './errors';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('createErrorFormatter', () => {
  it('answers an unreachable database as SERVICE_UNAVAILABLE, retryable, without masking it or logging a stack', () => {
    const { logger, lines } = capturingLogger();
    const unreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' });
    const error = new GraphQLError('x', { path: ['product'], originalError: unreachable });
    expect(createErrorFormatter(logger, { service: 'products' })(error.toJSON(), error)).toEqual({
      message: 'The products service cannot reach its database; try again later',
      path: ['product'],
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'products', reason: 'DATABASE_UNAVAILABLE', retryable: true },
    });
    expect(lines).toEqual([]); // a warning, below this logger's level: no error line with a stack
    // At warning level: one line for a burst of failures, not one per request.
    const warned: Record<string, unknown>[] = [];
    const warnLogger = pino({ level: 'warn' }, { write: (line: string) => warned.push(JSON.parse(line)) });
    const format = createErrorFormatter(warnLogger, { service: 'burst-test' });
    for (let i = 0; i < 20; i++) format(error.toJSON(), error);
    expect(warned.map((line) => [line.msg, line.service, line.suppressed])).toEqual([['database unavailable', 'burst-test', 0]]);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { cause: { code: '57P01' } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('unique violation'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });

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
    expect(formatted).toEqual({ message: 'Internal server error', path: ['product'], extensions: { code: 'INTERNAL_SERVER_ERROR', reference: expect.any(String) } });
    expect(JSON.stringify(formatted)).not.toContain('10.0.0.5');
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).toContain('connection to 10.0.0.5:5432 refused');
    // The reference the client sees finds the log line.
    expect(lines[0]!.reference).toBe(formatted.extensions!.reference);
  });

  it('strips stack traces even from public errors', () => {
    const { logger } = capturingLogger();
    const error = new GraphQLError('nope', { extensions: { code: 'FORBIDDEN', stacktrace: ['at secret.ts:1'] } });
    expect(createErrorFormatter(logger)(error.toJSON(), error).extensions).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('errors a subgraph answered with a 4xx', () => {
  // What the gateway's data source throws for a non-2xx subgraph answer: one error carrying the body.
  const refused = (errors: unknown[]) =>
    new GraphQLError('400: Bad Request', { extensions: { response: { status: 400, body: { errors } } } });

  it.each(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'PAYLOAD_TOO_LARGE'])('hand on %s as the subgraph stated it', (code) => {
    const { logger, lines } = capturingLogger();
    const error = refused([{ message: 'stated', extensions: { code, field: 'price', reason: 'why', stacktrace: ['at x.ts'] } }]);
    const formatted = createErrorFormatter(logger)(error.toJSON(), error);
    expect(formatted).toEqual({ message: 'stated', extensions: { code, field: 'price', reason: 'why' } });
    expect(lines).toHaveLength(0);
  });

  it('mask anything else', () => {
    const { logger, lines } = capturingLogger();
    const error = refused([{ message: 'syntax error near SELECT', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(createErrorFormatter(logger)(error.toJSON(), error)).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines).toHaveLength(1);
  });
});

describe('inputErrorField', () => {
  it('names the input field of a variable from the path graphql-js reports', () => {
    expect(inputErrorField(undefined, ['Variable "$inputs" got invalid value "1.234" at "inputs[0].price"; Invalid Decimal: x'])).toBe('price');
    expect(inputErrorField(undefined, ['Variable "$b" got invalid value "1.234"; Invalid Decimal: x'])).toBe('b');
  });

  it('names the argument or input field around a literal', () => {
    const document = parse('mutation { a(input: { tags: ["x"], prices: ["1.00", "1.234"] }, min: "2.345") { id } }');
    const values: Record<string, ASTNode> = {};
    visit(document, { StringValue: (node) => void (values[node.value] = node) });
    expect(inputErrorField(values['1.234'], [])).toBe('prices');
    expect(inputErrorField(values['2.345'], [])).toBe('min');
  });
});
