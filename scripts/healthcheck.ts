import http from 'node:http';
import https from 'node:https';
import { loadConfigOrExit, type Config } from '../platform/config';

// The image's HEALTHCHECK (and compose's): `node dist/scripts/healthcheck.js [healthz|readyz]`.
// One image runs any service, chosen by its command, and a health check cannot see
// that command; so every service port this configuration names is asked: the ones
// listening in this container must all answer 200, and at least one must listen.
// Exit 0 healthy, 1 not.

type Probe = 'healthz' | 'readyz';
type Outcome = { port: number; status: number } | { port: number; refused: true } | { port: number; error: string };

const TIMEOUT_MS = 4000;

function ask(config: Config, port: number, probe: Probe): Promise<Outcome> {
  // A wildcard listen address answers on the loopback.
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
  const tls = Boolean(config.tls.certFile);
  // The certificate names the public host, not the loopback; this only asks the own process.
  const request = (tls ? https : http).get({ host, port, path: `/${probe}`, timeout: TIMEOUT_MS, rejectUnauthorized: false });
  return new Promise((resolve) => {
    request.on('response', (response) => {
      response.resume();
      resolve({ port, status: response.statusCode ?? 0 });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? { port, refused: true } : { port, error: error.message }),
    );
  });
}

export async function healthcheck(config: Config, probe: Probe): Promise<{ healthy: boolean; lines: string[] }> {
  const ports = [...new Set(Object.values(config.ports))];
  const outcomes = await Promise.all(ports.map((port) => ask(config, port, probe)));
  const listening = outcomes.filter((o): o is Exclude<Outcome, { refused: true }> => !('refused' in o));
  const lines = listening.map((o) => ('status' in o ? `:${o.port} /${probe} ${o.status}` : `:${o.port} /${probe} ${o.error}`));
  const healthy = listening.length > 0 && listening.every((o) => 'status' in o && o.status === 200);
  if (listening.length === 0) lines.push(`nothing listens on ${ports.join(', ')}`);
  return { healthy, lines };
}

if (require.main === module) {
  const probe = process.argv[2] ?? 'healthz';
  if (probe !== 'healthz' && probe !== 'readyz') {
    process.stderr.write('usage: healthcheck [healthz|readyz]\n');
    process.exit(2);
  }
  healthcheck(loadConfigOrExit(), probe).then(
    ({ healthy, lines }) => {
      process.stdout.write(`${lines.join('\n')}\n`);
      process.exit(healthy ? 0 : 1);
    },
    (error: Error) => {
      process.stderr.write(`healthcheck failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
