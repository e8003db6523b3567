import fs from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { loadConfigOrExit } from '../../platform/config';
import { InternalAuth } from '../../platform/auth/internalAuth';

// A stock gateway for comparison: @apollo/gateway behind @apollo/server's
// standalone HTTP server, nothing of SmartCart's gateway (no limits, breakers,
// pools, access log, metrics). Two additions only, without which production
// subgraphs refuse or misread a call: the session header is forwarded, and each
// subgraph call is signed with the shared secret (INTERNAL_AUTH_SECRET).
// Usage: node … bench/api/stockGateway.ts <supergraph file> <port>

const [supergraphPath, port] = process.argv.slice(2);
const config = loadConfigOrExit();
const secret = config.internalAuth.secret;
const auth = secret ? new InternalAuth({ secret, maxAgeMs: config.internalAuth.maxAgeMs }) : undefined;

interface Context {
  sessionToken?: string;
}

const signingFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
  const headers = new Headers(init?.headers);
  if (auth) for (const [name, value] of Object.entries(auth.sign(init?.method ?? 'GET', url, typeof init?.body === 'string' ? init.body : ''))) headers.set(name, value);
  return fetch(input, { ...init, headers });
};

const gateway = new ApolloGateway({
  supergraphSdl: fs.readFileSync(supergraphPath!, 'utf8'),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource<Context>({
      url,
      fetcher: signingFetch as never,
      willSendRequest({ request, context }) {
        if (context.sessionToken) request.http?.headers.set('x-session-token', context.sessionToken);
      },
    }),
});

async function main(): Promise<void> {
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(port), host: '127.0.0.1' },
    context: async ({ req }) => {
      const token = req.headers['x-session-token'];
      return { sessionToken: typeof token === 'string' ? token : undefined };
    },
  });
  process.stdout.write(`stock gateway ready at ${url}\n`);
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

void main();
