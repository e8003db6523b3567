import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../platform/paths';
import { freePort } from '../support/freePort';
import { postGraphQL } from '../support/stack';

// `npm start` as a user runs it: a real process on the embedded database,
// killed without warning, then started again on the same data directory.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-restart-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Free ports can be taken by a parallel test between choosing and binding them: try again with others. */
async function start(): Promise<{ process: ChildProcess; url: string; output: () => string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test((error as Error).message)) throw error;
    }
  }
}

async function startOnce(): Promise<{ process: ChildProcess; url: string; output: () => string }> {
  const ports = { GATEWAY_PORT: await freePort(), PRODUCTS_PORT: await freePort(), USERS_PORT: await freePort(), RECOMMENDATIONS_PORT: await freePort() };
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  for (const [key, value] of Object.entries(ports)) env[key] = String(value);
  const proc = spawn(process.execPath, ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let output = '';
  proc.stdout!.on('data', (chunk) => (output += chunk));
  proc.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 180 s:\n${output}`)), 180_000);
    proc.stdout!.on('data', () => {
      const match = /SmartCart is running: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  return { process: proc, url, output: () => output };
}

function exited(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.exitCode);
    else proc.once('exit', (code) => resolve(code));
  });
}

it('keeps shoppers and the catalog across a kill -9 and a restart', async () => {
  const first = await start();
  const session = await postGraphQL(first.url, 'mutation { startSession { token shopper { id } } }');
  const { token, shopper } = session.data.startSession;
  const demoProduct = await postGraphQL(first.url, '{ product(id: "eb9b53a3-3af7-49fa-841a-61c9bcf4432d") { name similar(first: 2) { name } } }');
  expect(demoProduct.data.product.name).toBe('Whole milk 1 L');
  expect(demoProduct.data.product.similar).toHaveLength(2);

  first.process.kill('SIGKILL');
  await exited(first.process);

  const second = await start();
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
