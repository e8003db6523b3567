import { parse } from 'graphql';
import { declaredBodyLimits, type DeclaredBodyLimits } from '../../platform/http/requestBodyLimits';

/**
 * The request body limits the root fields of a supergraph declare
 * (`@requestBodyLimit`, composed from the subgraph that owns the field). The
 * gateway serves whatever supergraph it is given: one without the directive
 * declares nothing and every operation keeps HTTP_MAX_BODY_BYTES.
 */
export function supergraphBodyLimits(supergraphSdl: string): DeclaredBodyLimits {
  return declaredBodyLimits(parse(supergraphSdl, { noLocation: true }));
}

/** `Query.recommend: 5600000` per declared field, for the log line of a loaded supergraph. */
export function describeBodyLimits(limits: DeclaredBodyLimits): Record<string, number> {
  const described: Record<string, number> = {};
  for (const [operation, fields] of Object.entries(limits)) for (const [field, bytes] of fields) described[`${operation}.${field}`] = bytes;
  return described;
}
