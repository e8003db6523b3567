import fs from 'node:fs';
import type { Config } from '../../platform/config';
import { createInfrastructure, type Infrastructure } from '../../platform/infrastructure';
import { createLogger } from '../../platform/logger';
import { buildGateway, type GatewayService } from '../../gateway/server';
import { subgraphs } from '../../subgraphs';
import type { BuiltService } from '../../platform/http/runService';
import { testConfig } from './testEnvironment';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface Stack {
  config: Config;
  infra: Infrastructure;
  gatewayUrl: string;
  services: Record<string, BuiltService>;
  /** Each subgraph's GraphQL URL, by name. */
  subgraphUrls: Record<string, string>;
  gateway: GatewayService;
  /** POSTs an operation to the gateway, as a web or mobile client would. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export interface StackOptions {
  /** The gateway also serves graphql-ws subscriptions, on the stack's own bus and pub/sub (as `npm start` does). */
  subscriptions?: boolean;
}

/**
 * Every subgraph in-process on a free port, behind a gateway serving the
 * committed supergraph file: what production runs, minus the separate processes.
 * `subscriptions`: the gateway also serves graphql-ws subscriptions.
 */
export async function startStack(overrides: Record<string, string> = {}, options: StackOptions = {}): Promise<Stack> {
  const config = testConfig(overrides);
  const logger = createLogger(config.logLevel);
  const infra = await createInfrastructure(config, logger);
  const services: Stack['services'] = {};
  const subgraphUrls: Record<string, string> = {};
  for (const definition of subgraphs) {
    // Each subgraph learns the URLs of those started before it.
    const built = await definition.build(infra, { ...subgraphUrls });
    services[definition.name] = built;
    subgraphUrls[definition.name] = await built.service.listen(0);
  }
  const gateway = buildGateway({
    config: { ...config, gateway: { ...config.gateway, supergraphSource: 'file', subgraphUrls } },
    logger,
    supergraphSdl: fs.readFileSync(config.gateway.supergraphPath, 'utf8'),
    // graphql-ws on the gateway's /graphql, fed by the stack's own bus and pub/sub.
    ...(options.subscriptions ? { pubsub: infra.pubsub, events: infra.events } : {}),
  });
  const gatewayUrl = await gateway.service.listen(0);
  return {
    config,
    infra,
    gatewayUrl,
    services,
    subgraphUrls,
    gateway,
    query: (query, variables, headers) => postGraphQL(gatewayUrl, query, variables, headers),
    async stop() {
      await gateway.close();
      for (const service of Object.values(services)) await service.close();
      await infra.close();
      if (config.database.kind === 'pglite') fs.rmSync(config.database.dataDir, { recursive: true, force: true });
    },
  };
}
