import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { loadConfig } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { projectFile } from '../../platform/paths';
import { buildGateway, type GatewayService } from '../server';
import { PLAYGROUND_CSP, servePlaygroundPage } from './playgroundPage';

// Serving the bundled playground: which requests get the page, the headers it
// and its assets carry, and what a browser sees when it is missing or off.

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const opened: { close(): unknown }[] = [];

afterAll(async () => {
  for (const thing of opened) await thing.close();
});

/** An app with the page on /graphql over a build folder of the test's own, and a stand-in GraphQL handler. */
async function appServing(buildDir: string): Promise<string> {
  const app = express();
  servePlaygroundPage(app, '/graphql', buildDir);
  app.use('/graphql', (_req, res) => {
    res.json({ data: { served: 'graphql' } });
  });
  const server: http.Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  opened.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function buildFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-playground-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/playground/assets/index-abc123.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("playground")');
  fs.writeFileSync(path.join(dir, 'assets', '.hidden'), 'secret');
  opened.push({ close: () => fs.rmSync(dir, { recursive: true, force: true }) });
  return dir;
}

describe('servePlaygroundPage', () => {
  it('answers browsers with the page and its same-origin policy, API clients with GraphQL', async () => {
    const base = await appServing(buildFolder());
    const page = await fetch(`${base}/graphql`, { headers: BROWSER });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('vary')).toMatch(/accept/i);
    expect(await page.text()).toContain('/playground/assets/index-abc123.js');

    for (const headers of [{} as Record<string, string>, { accept: 'application/json' }, { accept: 'application/graphql-response+json, application/json' }]) {
      expect(await (await fetch(`${base}/graphql`, { headers })).json()).toEqual({ data: { served: 'graphql' } });
    }
    // A GET operation typed into the address bar is an operation, not a visit.
    expect(await (await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: BROWSER })).json()).toEqual({ data: { served: 'graphql' } });
    expect(await (await fetch(`${base}/graphql`, { method: 'POST', headers: { ...BROWSER, 'content-type': 'application/json' }, body: '{}' })).json()).toEqual({ data: { served: 'graphql' } });
  });

  it('serves hashed assets cached for a year, and nothing else from the folder', async () => {
    const base = await appServing(buildFolder());
    const asset = await fetch(`${base}/playground/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/playground/assets/.hidden`)).status).toBe(404);
    expect((await fetch(`${base}/playground/assets/`)).status).toBe(404);
    expect((await fetch(`${base}/playground/assets/..%2findex.html`)).status).not.toBe(200);
  });

  it('says how to build the page when the bundle is missing', async () => {
    const base = await appServing(path.join(os.tmpdir(), 'smartcart-no-such-playground'));
    const page = await fetch(`${base}/graphql`, { headers: BROWSER });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:playground');
  });
});

describe('the gateway', () => {
  async function gatewayWith(env: Record<string, string>): Promise<{ gateway: GatewayService; url: string }> {
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
    const gateway = buildGateway({ config, logger: createLogger('silent'), supergraphSdl: fs.readFileSync(projectFile('gateway', 'supergraph.graphql'), 'utf8') });
    opened.push(gateway);
    return { gateway, url: await gateway.service.listen(0) };
  }

  it('shows no landing page of its own when the playground is off (GATEWAY_PLAYGROUND=false)', async () => {
    const { url } = await gatewayWith({ GATEWAY_PLAYGROUND: 'false' });
    const response = await fetch(url, { headers: BROWSER });
    expect(response.headers.get('content-type')).not.toMatch(/html/);
    expect(await response.text()).not.toMatch(/sandbox|apollographql/i);
  });

  it('serves the playground at its API URL when it is on', async () => {
    const { url } = await gatewayWith({ GATEWAY_PLAYGROUND: 'true' });
    const response = await fetch(url, { headers: BROWSER });
    // 503 only where the bundle is not built; globalSetup builds it for the suite.
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
  });
});
