import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { createLogger } from '../platform/logger';
import { adminConsoleRouter } from './adminConsole';

// The console's files behind the gateway: served with their security headers
// when built, a JSON 503 saying how to build them when not.

async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use('/admin', adminConsoleRouter(createLogger('silent'), dir));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('adminConsoleRouter', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-admin-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the built page and its files with a policy that allows only its own origin', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>admin</title>');
    fs.writeFileSync(path.join(dir, 'admin.js'), 'export {};');
    const server = await serve(dir);
    try {
      const page = await fetch(`${server.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>admin</title>');
      expect(page.headers.get('content-security-policy')).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      );
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const script = await fetch(`${server.url}/admin.js`);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      // /admin without the slash is sent to the page.
      const bare = await fetch(server.url, { redirect: 'manual' });
      expect(bare.status).toBe(301);
      expect(bare.headers.get('location')).toBe('/admin/');
    } finally {
      await server.close();
    }
  });

  it('answers 503 with how to build it when it is not built', async () => {
    const server = await serve(tempDir());
    try {
      const response = await fetch(`${server.url}/`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ errors: [{ message: 'The admin console is not built: run npm run build:admin', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    } finally {
      await server.close();
    }
  });
});
