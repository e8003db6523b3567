import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSmartCartClient } from '../apollo';
import { App } from './App';
import { ensureSession, sessionStore } from './session';

// The storefront talks to the gateway on its own origin: served by it, no CORS.
async function start(): Promise<void> {
  let running = false;
  const root = createRoot(document.getElementById('app')!);
  const client = createSmartCartClient({
    httpUrl: '/graphql',
    sessionToken: sessionStore.get,
    // An ended or expired session: start afresh (a new anonymous session, an empty cart).
    onSessionRefused: () => {
      // Before the app runs, ensureSession replaces a refused token itself.
      if (!running) return;
      sessionStore.clear();
      location.reload();
    },
  });
  try {
    await ensureSession(client.apollo);
    running = true;
  } catch (error) {
    root.render(<p role="alert">The shop is not reachable: {(error as Error).message}</p>);
    return;
  }
  root.render(
    <StrictMode>
      <ApolloProvider client={client.apollo}>
        <App />
      </ApolloProvider>
    </StrictMode>,
  );
}

void start();
