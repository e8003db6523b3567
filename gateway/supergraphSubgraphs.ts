import { Kind, parse, type ConstArgumentNode } from 'graphql';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

function stringArgument(args: readonly ConstArgumentNode[] | undefined, name: string): string | undefined {
  const value = args?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/**
 * The subgraphs a supergraph names (its `join__Graph` enum), with any URL
 * overrides applied. The gateway learns what exists from here, never from code.
 */
export function supergraphSubgraphs(supergraphSdl: string, overrides: Record<string, string> = {}): SubgraphEndpoint[] {
  const document = parse(supergraphSdl);
  const endpoints: SubgraphEndpoint[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = stringArgument(directive?.arguments, 'name');
      const url = stringArgument(directive?.arguments, 'url');
      if (name && url !== undefined) endpoints.push({ name, url: overrides[name.toLowerCase()] ?? url });
    }
  }
  return endpoints;
}
