import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exited, startApi } from '../support/embeddedProcess';
import { postGraphQL } from '../support/stack';

// `npm start` as a user runs it: a real process on the embedded database,
// killed without warning, then started again on the same data directory.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-restart-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('keeps shoppers and the catalog across a kill -9 and a restart', async () => {
  const first = await startApi(dataDir);
  child = first.process;
  const session = await postGraphQL(first.url, 'mutation { startSession { token shopper { id } } }');
  const { token, shopper } = session.data.startSession;
  const demoProduct = await postGraphQL(first.url, '{ product(id: "eb9b53a3-3af7-49fa-841a-61c9bcf4432d") { name similar(first: 2) { name } } }');
  expect(demoProduct.data.product.name).toBe('Whole milk 1 L');
  expect(demoProduct.data.product.similar).toHaveLength(2);

  first.process.kill('SIGKILL');
  await exited(first.process);

  const second = await startApi(dataDir);
  child = second.process;
  const me = await postGraphQL(second.url, '{ me { id } }', undefined, { 'x-session-token': token });
  expect(me.data.me).toEqual({ id: shopper.id });
  const again = await postGraphQL(second.url, '{ product(id: "eb9b53a3-3af7-49fa-841a-61c9bcf4432d") { name } }');
  expect(again.data.product.name).toBe('Whole milk 1 L');
  // The catalog was not empty, so nothing was seeded twice.
  expect(second.output()).not.toMatch(/demo catalog seeded/);

  // Ctrl-C: a clean stop with exit code 0.
  second.process.kill('SIGINT');
  expect(await exited(second.process)).toBe(0);
}, 400_000);
