import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../platform/config';
import { supergraphSubgraphs } from './supergraphSubgraphs';

// The committed supergraph, as a gateway started on its own reads it.
const sdl = fs.readFileSync(path.join(__dirname, 'supergraph.graphql'), 'utf8');
const byName = (endpoints: { name: string; url: string }[]) => Object.fromEntries(endpoints.map((e) => [e.name, e.url]));

function endpointsFor(env: Record<string, string>) {
  const config = loadConfig(env);
  return byName(supergraphSubgraphs(sdl, config.gateway.subgraphUrls, { ports: config.ports, host: config.host }));
}

describe('where a gateway started on its own looks for the subgraphs', () => {
  it('with nothing set: the default ports on this machine', () => {
    expect(endpointsFor({})).toEqual({
      products: 'http://127.0.0.1:4001/graphql',
      users: 'http://127.0.0.1:4002/graphql',
      recommendations: 'http://127.0.0.1:4003/graphql',
    });
  });

  it('follows <NAME>_PORT when a subgraph was moved', () => {
    expect(endpointsFor({ PRODUCTS_PORT: '5101', RECOMMENDATIONS_PORT: '5103' })).toEqual({
      products: 'http://127.0.0.1:5101/graphql',
      users: 'http://127.0.0.1:4002/graphql',
      recommendations: 'http://127.0.0.1:5103/graphql',
    });
  });

  it('uses a specific HOST the services listen on', () => {
    expect(endpointsFor({ HOST: '10.1.2.3', USERS_PORT: '6002' }).users).toBe('http://10.1.2.3:6002/graphql');
  });

  it('SUBGRAPH_<NAME>_URL wins over the port', () => {
    expect(endpointsFor({ USERS_PORT: '6002', SUBGRAPH_USERS_URL: 'http://users.internal:8080/graphql' }).users).toBe(
      'http://users.internal:8080/graphql',
    );
  });

  it('keeps a composed URL that is not on the loopback', () => {
    const remote = sdl.replace('http://localhost:4001/graphql', 'https://catalog.example.com/graphql');
    const config = loadConfig({ PRODUCTS_PORT: '5101' });
    expect(byName(supergraphSubgraphs(remote, {}, { ports: config.ports, host: config.host })).products).toBe('https://catalog.example.com/graphql');
  });

  it('keeps the composed URL of a subgraph it knows no port for', () => {
    expect(byName(supergraphSubgraphs(sdl, {}, { ports: {}, host: '127.0.0.1' })).products).toBe('http://localhost:4001/graphql');
  });
});
