import { InternalAuth } from '../../platform/auth/internalAuth';
import { loadConfigOrExit } from '../../platform/config';

// Hive Gateway for comparison, configured only as production subgraphs need:
// the session header is propagated and every subgraph call is signed with the
// shared secret (INTERNAL_AUTH_SECRET). Everything else is Hive's default.

const config = loadConfigOrExit();
const secret = config.internalAuth.secret;
const auth = secret ? new InternalAuth({ secret, maxAgeMs: config.internalAuth.maxAgeMs }) : undefined;

// Typed here rather than with the package's defineConfig: importing its types
// would pull its global augmentations of graphql's types into the project.
interface FetchHook {
  url: string;
  options: { method?: string; body?: unknown; headers?: unknown };
  setOptions(options: FetchHook['options']): void;
}

export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }: { request: Request }) => {
      const token = request.headers.get('x-session-token');
      return token ? { 'x-session-token': token } : {};
    },
  },
  plugins: () => [
    {
      onFetch({ url, options, setOptions }: FetchHook) {
        if (!auth) return;
        const body = typeof options.body === 'string' ? options.body : '';
        setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...auth.sign(options.method ?? 'POST', url, body) } });
      },
    },
  ],
};
