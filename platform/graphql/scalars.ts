import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ScalarInputError } from '../errors';

const DECIMAL = /^-?\d{1,10}(\.\d{1,2})?$/;

// The value's node goes with the error, so that the formatter can name the field that held it.
function parseDecimal(value: unknown, node?: ValueNode): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) {
    throw new ScalarInputError('Decimal', 'must be a decimal number with at most 2 decimal places, such as "3.49"', node);
  }
  return text;
}

/** Money and other exact quantities, as strings on the wire. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number sent as a string ("3.49").',
  serialize: (value) => (typeof value === 'string' ? value : String(value)),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value, ast);
    throw new ScalarInputError('Decimal', 'must be a string such as "3.49"', ast);
  },
});

function parseDate(value: unknown, node?: ValueNode): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new ScalarInputError('DateTime', 'must be an ISO-8601 date-time', node);
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseDate(ast.value, ast);
    throw new ScalarInputError('DateTime', 'must be an ISO-8601 string', ast);
  },
});
