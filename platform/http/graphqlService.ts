import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Request } from 'express';
import { createErrorFormatter } from '../errors';
import type { Logger } from '../logger';

export interface GraphQLServiceOptions<TContext extends BaseContext> {
  name: string;
  logger: Logger;
  /** A schema (subgraphs) or a gateway: exactly one. */
  apollo: Pick<ApolloServerOptions<TContext>, 'schema' | 'gateway' | 'validationRules' | 'parseOptions'>;
  context: (req: Request) => Promise<TContext>;
  /** Throws when a dependency is unreachable; drives GET /readyz. */
  ready: () => Promise<void>;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Subgraphs sit behind the gateway: no playground of their own. */
  landingPage?: boolean;
  maxBodyBytes?: number;
}

/**
 * An HTTP server with POST/GET /graphql, GET /healthz and GET /readyz,
 * built without listening so tests can pick the port.
 */
export class GraphQLService<TContext extends BaseContext = BaseContext> {
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<TContext>;
  private started = false;
  private stopped = false;

  constructor(private readonly options: GraphQLServiceOptions<TContext>) {
    this.httpServer = http.createServer();
    const plugins: ApolloServerPlugin<TContext>[] = [
      ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer }),
      // Traces are for Apollo's hosted studio, which this product does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.landingPage === false ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(options.plugins ?? []),
    ];
    this.apollo = new ApolloServer<TContext>({
      ...(options.apollo as ApolloServerOptions<TContext>),
      plugins,
      formatError: createErrorFormatter(options.logger),
      includeStacktraceInErrorResponses: false,
      introspection: true,
      // Shutdown is ours (runUntilSignalled): Apollo's own handler would re-raise the signal.
      stopOnTerminationSignals: false,
    });
  }

  get name(): string {
    return this.options.name;
  }

  /** Starts Apollo and listens; resolves to the GraphQL URL. Port 0 picks a free one. */
  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    await this.apollo.start();
    this.started = true;
    const app = express();
    app.disable('x-powered-by');
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok', service: this.options.name });
    });
    app.get('/readyz', async (_req, res) => {
      try {
        await withTimeout(this.options.ready(), 3000);
        res.json({ status: 'ready', service: this.options.name });
      } catch (error) {
        res.status(503).json({ status: 'not ready', service: this.options.name, reason: (error as Error).message });
      }
    });
    app.use(
      '/graphql',
      cors(),
      express.json({ limit: this.options.maxBodyBytes ?? 1_000_000 }),
      expressMiddleware(this.apollo, { context: async ({ req }) => this.options.context(req) }),
    );
    this.httpServer.on('request', app);
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(port, host, () => {
        this.httpServer.off('error', reject);
        resolve();
      });
    });
    const address = this.httpServer.address() as AddressInfo;
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    return `http://${shownHost}:${address.port}/graphql`;
  }

  get port(): number {
    return (this.httpServer.address() as AddressInfo).port;
  }

  /** Stops accepting requests and waits for the ones in flight (Apollo's drain plugin). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.started) await this.apollo.stop();
    if (this.httpServer.listening) await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
