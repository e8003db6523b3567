import fs from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { type GraphQLSchema, parse } from 'graphql';
import { declaredBodyLimits, type DeclaredBodyLimits } from '../http/requestBodyLimits';

/** A subgraph's executable schema from its SDL file (schema-first) and resolver map. */
export function subgraphSchema(schemaPath: string, resolvers: object): GraphQLSchema {
  const typeDefs = parse(fs.readFileSync(schemaPath, 'utf8'));
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
}

/**
 * The body limits a subgraph's root fields declare in its SDL file
 * (`@requestBodyLimit`): the same the gateway reads from the supergraph, so a
 * body the gateway let through for an operation is let through here too.
 */
export function subgraphBodyLimits(schemaPath: string): () => DeclaredBodyLimits {
  const limits = declaredBodyLimits(parse(fs.readFileSync(schemaPath, 'utf8')));
  return () => limits;
}
