import fs from 'node:fs';
import { createInfrastructure, type Infrastructure } from '../../platform/infrastructure';
import { createLogger } from '../../platform/logger';
import type { BuiltService } from '../../platform/http/runService';
import { buildGateway, type GatewayService } from '../../gateway/server';
import { subgraphs } from '../../subgraphs';
import { freePort } from '../support/freePort';
import { postGraphQL } from '../support/stack';
import { testConfig } from '../support/testEnvironment';

// Production start order is not guaranteed: the gateway must come up from the
// committed supergraph alone, say it is not ready, then serve once subgraphs appear.

let gateway: GatewayService;
let infra: Infrastructure | undefined;
const started: BuiltService[] = [];

afterAll(async () => {
  await gateway?.close();
  for (const service of started) await service.close();
  await infra?.close();
});

it('starts from the static supergraph with no subgraph running, is not ready, then serves', async () => {
  const config = testConfig();
  const ports: Record<string, number> = {};
  for (const s of subgraphs) ports[s.name] = await freePort();
  const subgraphUrls = Object.fromEntries(subgraphs.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`]));

  // The file as committed, not a freshly composed one.
  expect(config.gateway.supergraphPath).toMatch(/gateway\/supergraph\.graphql$/);
  gateway = buildGateway({
    config: { ...config, gateway: { ...config.gateway, supergraphSource: 'file', subgraphUrls } },
    logger: createLogger('silent'),
  });
  const url = await gateway.service.listen(0);
  const origin = new URL(url).origin;

  expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  const notReady = await fetch(`${origin}/readyz`);
  expect(notReady.status).toBe(503);
  expect(((await notReady.json()) as { reason: string }).reason).toMatch(/unreachable/);

  infra = await createInfrastructure(config, createLogger('silent'));
  for (const s of subgraphs) {
    const built = await s.build(infra, subgraphUrls);
    started.push(built);
    await built.service.listen(ports[s.name]!);
  }

  const ready = await fetch(`${origin}/readyz`);
  expect(ready.status).toBe(200);
  const response = await postGraphQL(url, 'mutation { startSession { shopper { id } } }');
  expect(response.errors).toBeUndefined();
  expect(response.data.startSession.shopper.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(fs.existsSync(config.gateway.supergraphPath)).toBe(true);
});
