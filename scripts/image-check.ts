import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../platform/paths';

// `npm run image:check`: the Dockerfile's stages, run without Docker (these machines
// have no engine). Each stage gets a directory standing for its filesystem; FROM,
// ARG, ENV, WORKDIR, COPY (from the build context, honouring .dockerignore, or
// --from another stage) and RUN are carried out as Docker would, in order. Then the
// runtime stage's ENTRYPOINT starts the services as the compose file and the
// Kubernetes manifests do, its HEALTHCHECK must pass, and a query must come back
// through the gateway. What cannot be reproduced here: the base image itself (this
// machine's Node and npm stand in for it) and USER/chown (no `node` user here).
//
// With DATABASE_URL set (CI: the local PostgreSQL), the job creates a fresh database
// and the four services run as four processes; without it, `all` runs embedded.

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  entrypoint: string[];
  cmd: string[];
  healthcheck: string[];
}

const ROOT = projectRoot;
const started = Date.now();
const log = (line: string) => process.stdout.write(`[image:check +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: op!.toUpperCase(), args: line.slice(op!.length).trim() };
    });
}

function substitute(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a, b) => vars[(a ?? b) as string] ?? m);
}

function jsonOrShell(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : ['sh', '-c', args];
}

function envPairs(args: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    pairs[match[1]!] = match[2]!.startsWith('"') ? (JSON.parse(match[2]!) as string) : match[2]!;
  }
  return pairs;
}

/** A path inside a stage's filesystem. */
function inStage(stage: Stage, target: string): string {
  return path.join(stage.root, path.isAbsolute(target) ? target : path.join(stage.workdir, target));
}

function dockerignore(): (relative: string) => boolean {
  const file = path.join(ROOT, '.dockerignore');
  const patterns = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    : [];
  const regexes = patterns.map((p) => new RegExp(`^${p.replace(/^\/+|\/+$/g, '').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`));
  return (relative) => regexes.some((r) => r.test(relative));
}

function copy(stages: Map<string, Stage>, stage: Stage, args: string): void {
  const parts = args.split(/\s+/);
  const from = parts[0]?.startsWith('--from=') ? parts.shift()!.slice('--from='.length) : undefined;
  const dest = parts.pop()!;
  const ignored = dockerignore();
  for (const source of parts) {
    let sourcePath: string;
    if (from) {
      const other = stages.get(from);
      if (!other) throw new Error(`COPY --from=${from}: no such stage`);
      sourcePath = inStage(other, source);
    } else sourcePath = path.join(ROOT, source);
    if (!fs.existsSync(sourcePath)) throw new Error(`COPY ${source}: not found`);
    const isDir = fs.statSync(sourcePath).isDirectory();
    // Docker: a directory's contents go into dest; a file into dest/ when dest ends with '/' (or is '.' / './').
    const target = isDir || !/\/$|^\.$/.test(dest) ? inStage(stage, dest) : path.join(inStage(stage, dest), path.basename(source));
    if (!isDir && /\/$|^\.$/.test(dest)) fs.mkdirSync(path.dirname(target), { recursive: true });
    else fs.mkdirSync(isDir ? target : path.dirname(target), { recursive: true });
    fs.cpSync(sourcePath, target, {
      recursive: true,
      filter: (file) => from !== undefined || !ignored(path.relative(ROOT, file)),
    });
  }
}

function run(stage: Stage, args: string): void {
  const command = jsonOrShell(args);
  const shims = path.join(stage.root, '.image-check-shims');
  fs.mkdirSync(shims, { recursive: true });
  // No `node` user on this machine: ownership is Docker's business, not this check's.
  fs.writeFileSync(path.join(shims, 'chown'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const cwd = inStage(stage, '.');
  fs.mkdirSync(cwd, { recursive: true });
  log(`${stage.name}: RUN ${args}`);
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...stage.env, PATH: `${shims}:${path.join(stage.root, 'usr/local/bin')}:${process.env.PATH}`, // Each stage has its own npm cache, as in Docker: `npm cache clean` must not touch this machine's.
      npm_config_cache: path.join(stage.root, '.npm'), HOME: path.join(stage.root, 'root') },
  });
  if (result.status !== 0) throw new Error(`${stage.name}: RUN ${args} exited ${result.status}`);
}

function build(): Stage {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-image-'));
  const args: Record<string, string> = {};
  const stages = new Map<string, Stage>();
  let stage: Stage | undefined;
  for (const { op, args: raw } of instructions(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'))) {
    const value = substitute(raw, { ...args, ...stage?.env });
    if (op === 'ARG') {
      const [name, fallback] = value.split('=');
      if (!(name! in args)) args[name!] = fallback ?? '';
    } else if (op === 'FROM') {
      const [image, , name] = value.split(/\s+/);
      stage = { name: name ?? String(stages.size), root: path.join(work, name ?? String(stages.size)), workdir: '/', env: {}, entrypoint: [], cmd: [], healthcheck: [] };
      fs.mkdirSync(stage.root, { recursive: true });
      stages.set(stage.name, stage);
      log(`stage ${stage.name} (from ${image}; this machine's node ${process.version} stands in)`);
    } else if (!stage) throw new Error(`${op} before FROM`);
    else if (op === 'WORKDIR') stage.workdir = path.posix.resolve(stage.workdir, value);
    else if (op === 'ENV') Object.assign(stage.env, envPairs(value));
    else if (op === 'COPY') copy(stages, stage, value);
    else if (op === 'RUN') run(stage, value);
    else if (op === 'ENTRYPOINT') stage.entrypoint = jsonOrShell(value);
    else if (op === 'CMD') stage.cmd = jsonOrShell(value);
    else if (op === 'HEALTHCHECK') stage.healthcheck = jsonOrShell(value.replace(/^(--\S+\s+)*CMD\s+/, ''));
    else if (!['USER', 'EXPOSE', 'LABEL', 'VOLUME', 'STOPSIGNAL', 'SHELL'].includes(op)) throw new Error(`image:check does not know ${op}`);
  }
  if (!stage) throw new Error('Dockerfile has no stage');
  return stage;
}

// ---------------------------------------------------------------- running the image

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function resolveInImage(image: Stage, file: string): string {
  // ENTRYPOINT ["smartcart"] is found on the image's PATH (/usr/local/bin).
  const onPath = path.join(image.root, 'usr/local/bin', file);
  return !file.includes('/') && fs.existsSync(onPath) ? onPath : file;
}

function containerEnv(image: Stage, extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: os.tmpdir(), ...image.env, LOG_LEVEL: 'warn', ...extra };
}

/** `docker run image <command>`: the entrypoint with the command, in the image's workdir. */
function container(image: Stage, command: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const [entry, ...rest] = image.entrypoint.length > 0 ? [...image.entrypoint, ...command] : command;
  const child = spawn(resolveInImage(image, entry!), rest, { cwd: inStage(image, '.'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  child.on('exit', (code, signal) => {
    if (code && code !== 0) process.stdout.write(`--- ${command.join(' ')} exited ${code ?? signal}:\n${output}\n`);
  });
  return child;
}

function runToEnd(image: Stage, command: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = container(image, command, env);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command.join(' ')} exited ${code}: ${output}`)))),
  );
}

/** The image's HEALTHCHECK, as Docker runs it inside the container, until it passes. */
async function healthy(image: Stage, env: NodeJS.ProcessEnv, what: string, timeoutMs = 60_000): Promise<number> {
  const since = Date.now();
  for (;;) {
    const [command, ...args] = image.healthcheck;
    const result = spawnSync(command!, args, { cwd: inStage(image, '.'), env, encoding: 'utf8' });
    if (result.status === 0) return Date.now() - since;
    if (Date.now() - since > timeoutMs) throw new Error(`${what}: HEALTHCHECK still failing after ${timeoutMs} ms: ${result.stdout}${result.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Until the service's own port answers /healthz: here all "containers" share one network, so the HEALTHCHECK also sees the others' ports. */
async function listening(port: number, what: string, timeoutMs = 120_000): Promise<number> {
  const since = Date.now();
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
    if (status === 200) return Date.now() - since;
    if (Date.now() - since > timeoutMs) throw new Error(`${what}: /healthz on :${port} not answering after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectOk(url: string): Promise<void> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}

async function productThroughGateway(gatewayPort: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ products(first: 1, sort: PRICE_ASC) { totalCount edges { node { name similar(first: 1) { name } } } } }' }),
  });
  const body = (await response.json()) as { data?: { products?: { totalCount: number; edges: { node: { name: string } }[] } }; errors?: unknown };
  if (!body.data?.products || body.errors) throw new Error(`gateway answered ${JSON.stringify(body)}`);
  if (body.data.products.totalCount === 0) throw new Error('the seeded catalog is empty');
  return `${body.data.products.totalCount} products, first "${body.data.products.edges[0]?.node.name}"`;
}

async function main(): Promise<void> {
  const image = build();
  log(`runtime stage built in ${image.root}: ${fs.readdirSync(inStage(image, '.')).join(' ')}`);
  for (const dev of ['typescript', 'tsx', 'prisma', 'jest']) {
    if (fs.existsSync(inStage(image, `node_modules/${dev}`))) throw new Error(`the runtime stage holds the dev dependency ${dev}`);
  }
  const ports = { GATEWAY_PORT: await freePort(), PRODUCTS_PORT: await freePort(), USERS_PORT: await freePort(), RECOMMENDATIONS_PORT: await freePort() };
  const common: Record<string, string> = { INTERNAL_AUTH_SECRET: 'image-check-only-secret-0123456789abcdef', ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  const children: ChildProcess[] = [];
  const adminUrl = process.env.DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  try {
    if (adminUrl) {
      const url = new URL(adminUrl);
      const name = `smartcart_image_${process.pid}`;
      url.pathname = `/${name}`;
      common.DATABASE_URL = url.toString();
      dropDatabase = async () => {
        const { Client } = await import('pg');
        const admin = new Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      };
      if (process.env.REDIS_URL) Object.assign(common, { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `smartcart-image-${process.pid}:` });
      log(`migrate (fresh database ${name}): ${(await runToEnd(image, ['migrate'], containerEnv(image, common))).trim().replace(/\n/g, ' | ')}`);
      log(`seed: ${(await runToEnd(image, ['seed'], containerEnv(image, common))).trim().replace(/\n/g, ' | ')}`);
      const env = containerEnv(image, { ...common, MIGRATE_ON_START: 'false', SEED_DEMO_DATA: 'false' });
      for (const service of ['products', 'users', 'recommendations']) {
        children.push(container(image, [service], env));
        const port = ports[`${service.toUpperCase()}_PORT` as keyof typeof ports];
        log(`${service}: /healthz answered ${await listening(port, service)} ms after start; HEALTHCHECK passes`);
        await healthy(image, env, service);
      }
      // The gateway is given nothing but the subgraphs' *_PORT: it must find them there.
      children.push(container(image, ['gateway'], env));
      log(`gateway: /healthz answered ${await listening(ports.GATEWAY_PORT, 'gateway')} ms after start`);
      await healthy(image, env, 'gateway');
    } else {
      const env = containerEnv(image, { ...common, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-image-data-')) });
      children.push(container(image, image.cmd, env));
      log(`${image.cmd.join(' ')} (embedded): gateway /healthz answered ${await listening(ports.GATEWAY_PORT, 'all', 180_000)} ms after start`);
      await healthy(image, env, 'all');
    }
    for (const port of Object.values(ports)) {
      await expectOk(`http://127.0.0.1:${port}/healthz`);
    }
    const readyIn = await healthy(image, containerEnv(image, common), 'readiness', 60_000).catch(() => -1);
    const readyCommand = spawnSync(image.healthcheck[0]!, [...image.healthcheck.slice(1, -1), 'readyz'], { cwd: inStage(image, '.'), env: containerEnv(image, common), encoding: 'utf8' });
    if (readyCommand.status !== 0) throw new Error(`healthcheck readyz: ${readyCommand.stdout}${readyCommand.stderr}`);
    log(`every service answers /healthz and /readyz (${readyIn} ms)`);
    log(`through the gateway: ${await productThroughGateway(ports.GATEWAY_PORT)}`);
    log('OK');
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    await dropDatabase?.();
    if (!process.env.IMAGE_CHECK_KEEP) fs.rmSync(path.dirname(image.root), { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`image:check failed: ${error.message}\n`);
  process.exit(1);
});
