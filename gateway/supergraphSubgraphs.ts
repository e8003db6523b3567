import { Kind, parse, type ConstArgumentNode } from 'graphql';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** Where a subgraph the supergraph names is found when no SUBGRAPH_<NAME>_URL says so. */
export interface LocalSubgraphDefaults {
  /** The port a subgraph of that name listens on here (`<NAME>_PORT`), by lower-case name. */
  ports: Readonly<Record<string, number | undefined>>;
  /** The host this machine's services listen on (`HOST`). */
  host: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function stringArgument(args: readonly ConstArgumentNode[] | undefined, name: string): string | undefined {
  const value = args?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/**
 * The committed supergraph names each subgraph at `localhost:<default port>`.
 * A gateway started on its own beside subgraphs moved with `<NAME>_PORT` must
 * follow them, so a loopback URL takes this machine's port and host for that
 * subgraph. A URL elsewhere (or no known port) is kept as composed.
 */
function localUrl(composed: string, name: string, local: LocalSubgraphDefaults | undefined): string {
  const port = local?.ports[name];
  if (port === undefined) return composed;
  let url: URL;
  try {
    url = new URL(composed);
  } catch {
    return composed;
  }
  if (!LOOPBACK.has(url.hostname)) return composed;
  // A wildcard listen address is reachable on the loopback; `localhost` may resolve to ::1 first.
  url.hostname = local!.host === '0.0.0.0' || local!.host === '::' || local!.host === 'localhost' ? '127.0.0.1' : local!.host;
  url.port = String(port);
  return url.toString();
}

/**
 * The subgraphs a supergraph names (its `join__Graph` enum), with any URL
 * overrides applied (SUBGRAPH_<NAME>_URL first, then the local ports). The
 * gateway learns what exists from here, never from code.
 */
export function supergraphSubgraphs(
  supergraphSdl: string,
  overrides: Record<string, string> = {},
  local?: LocalSubgraphDefaults,
): SubgraphEndpoint[] {
  const document = parse(supergraphSdl);
  const endpoints: SubgraphEndpoint[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = stringArgument(directive?.arguments, 'name');
      const url = stringArgument(directive?.arguments, 'url');
      if (!name || url === undefined) continue;
      const key = name.toLowerCase();
      endpoints.push({ name, url: overrides[key] ?? localUrl(url, key, local) });
    }
  }
  return endpoints;
}
