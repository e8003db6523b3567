import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Infrastructure } from '../infrastructure';
import type { Logger } from '../logger';
import { CommandError, type AnyCommand, type CommandContext } from './command';

// The running API's door for operator commands. Embedded mode only: the API
// holds the data directory, so a CLI cannot open it and hands its command
// here instead. Loopback only, on a port of the kernel's choosing; the
// address and a fresh random credential are written to a file in the data
// directory that only the owner can read (0600): whoever can read it could
// open the database files anyway, nobody else can call this.

export const ENDPOINT_FILE = 'admin-endpoint.json';

export interface EndpointInfo {
  pid: number;
  url: string;
  token: string;
}

export interface AdminEndpoint {
  readonly url: string;
  close(): Promise<void>;
}

export interface AdminEndpointOptions {
  dataDir: string;
  commands: readonly AnyCommand[];
  infra: Infrastructure;
  services: Record<string, unknown>;
  logger: Logger;
}

/** Every message of a hand-off response is one JSON line: progress, keep-alive, then a result or an error. */
export type EndpointMessage =
  | { progress: string }
  | { alive: true }
  | { result: unknown }
  | { error: { code: 'COMMAND_FAILED' | 'INTERNAL'; message: string } };

const MAX_BODY_BYTES = 1024 * 1024;
// Long commands (a big import) send a line this often, so no idle timeout on the way cuts them.
const KEEP_ALIVE_MS = 10_000;

export function readEndpointInfo(dataDir: string): EndpointInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, ENDPOINT_FILE), 'utf8')) as EndpointInfo;
    return Number.isInteger(info.pid) && typeof info.url === 'string' && typeof info.token === 'string' ? info : null;
  } catch {
    return null;
  }
}

export async function startAdminEndpoint(options: AdminEndpointOptions): Promise<AdminEndpoint> {
  const { dataDir, infra, services } = options;
  const logger = options.logger.child({ component: 'admin-endpoint' });
  const byName = new Map(options.commands.map((command) => [command.name, command]));
  const token = crypto.randomBytes(32).toString('base64url');
  const expected = crypto.createHash('sha256').update(`Bearer ${token}`).digest();
  const running = new Set<Promise<unknown>>();

  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    // Compared as fixed-length digests: no timing hint about the credential.
    const given = crypto.createHash('sha256').update(req.headers.authorization ?? '').digest();
    if (!crypto.timingSafeEqual(given, expected)) return reply(401, { error: { code: 'UNAUTHENTICATED', message: 'bad or missing credential' } });
    const match = /^\/commands\/([a-z][a-z0-9:-]*)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return reply(404, { error: { code: 'NOT_FOUND', message: 'POST /commands/<name>' } });
    const command = byName.get(match[1]!);
    if (!command) return reply(404, { error: { code: 'NOT_FOUND', message: `no command ${match[1]}` } });

    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let args: unknown;
      try {
        args = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { args?: unknown }).args;
      } catch {
        return reply(400, { error: { code: 'BAD_REQUEST', message: 'body must be JSON: {"args": …}' } });
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const send = (message: EndpointMessage) => {
        if (!res.writableEnded) res.write(`${JSON.stringify(message)}\n`);
      };
      const keepAlive = setInterval(() => send({ alive: true }), KEEP_ALIVE_MS);
      const context: CommandContext = { infra, services, where: 'api', progress: (line) => send({ progress: line }) };
      logger.info({ command: command.name }, 'command handed over');
      const work = command
        .run(context, args)
        .then(
          (result) => send({ result }),
          (error: unknown) => {
            if (error instanceof CommandError) return send({ error: { code: 'COMMAND_FAILED', message: error.message } });
            logger.error({ err: error, command: command.name }, 'handed-over command failed');
            send({ error: { code: 'INTERNAL', message: (error as Error).message } });
          },
        )
        .finally(() => {
          clearInterval(keepAlive);
          res.end();
          running.delete(work);
        });
      running.add(work);
    });
  });
  // A command may run for minutes (a big import): no request timeout here.
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const file = path.join(dataDir, ENDPOINT_FILE);
  const temp = `${file}.${process.pid}`;
  fs.writeFileSync(temp, JSON.stringify({ pid: process.pid, url, token } satisfies EndpointInfo), { mode: 0o600 });
  fs.chmodSync(temp, 0o600); // whatever the umask
  fs.renameSync(temp, file);
  logger.debug({ url }, 'admin endpoint listening');

  return {
    url,
    async close() {
      const info = readEndpointInfo(dataDir);
      if (info?.pid === process.pid) fs.rmSync(file, { force: true });
      // Commands in flight finish before the database they use closes.
      await Promise.allSettled([...running]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
