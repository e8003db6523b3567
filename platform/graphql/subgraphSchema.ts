import fs from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { type GraphQLSchema, parse } from 'graphql';

/** A subgraph's executable schema from its SDL file (schema-first) and resolver map. */
export function subgraphSchema(schemaPath: string, resolvers: object): GraphQLSchema {
  const typeDefs = parse(fs.readFileSync(schemaPath, 'utf8'));
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
}
