import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../../platform/errors';

/** A dependency (the catalog) could not answer: the client may retry later; nothing was written. */
export function serviceUnavailable(reason: string): GraphQLError {
  return new GraphQLError(reason, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
}

/** A product that cannot be bought as asked: names the field, the reason and the product. */
export function productUnavailable(field: string, productId: string, reason: string): GraphQLError {
  return new GraphQLError(`Invalid ${field}: ${reason}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, reason, productId },
  });
}

/** The request clashes with the cart's state or with an earlier request; `reason` says how. */
export function conflictBecause(reason: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(reason, { extensions: { code: ErrorCode.CONFLICT, reason, ...extensions } });
}
