import net from 'node:net';

/**
 * A TCP proxy in front of one service that a test can break:
 * `forward` passes bytes through, `hang` accepts connections and never
 * answers (a hung process), `down` refuses them (a killed one). Switching
 * mode drops the open connections, as a crash or restart would.
 * `requestIds` lists the x-request-id headers seen on requests it forwarded;
 * `accepted` counts the connections it took in any mode (a client that
 * reconnected into a hang shows here).
 */
export interface ChaosProxy {
  url: string;
  port: number;
  readonly mode: ChaosMode;
  readonly accepted: number;
  readonly requestIds: string[];
  setMode(mode: ChaosMode): Promise<void>;
  close(): Promise<void>;
}

export type ChaosMode = 'forward' | 'hang' | 'down';

const REQUEST_ID = /\r\nx-request-id: *([^\r\n]*)/gi;

export async function startChaosProxy(target: { host?: string; port: number }, path = '/graphql'): Promise<ChaosProxy> {
  let mode: ChaosMode = 'forward';
  const sockets = new Set<net.Socket>();
  const requestIds: string[] = [];
  let accepted = 0;
  const server = net.createServer((client) => {
    accepted++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'hang') {
      // Read and drop whatever arrives; never write a byte back.
      client.resume();
      return;
    }
    const upstream = net.connect(target.port, target.host ?? '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString('latin1').matchAll(REQUEST_ID)) requestIds.push(match[1]!);
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    get mode() {
      return mode;
    },
    get accepted() {
      return accepted;
    },
    requestIds,
    async setMode(next) {
      dropConnections();
      if (next === 'down' && server.listening) {
        const closed = stopListening();
        dropConnections();
        await closed;
      }
      if (next !== 'down' && !server.listening) await listen(port);
      mode = next;
    },
    async close() {
      const closed = stopListening();
      dropConnections();
      await closed;
    },
  };
}
