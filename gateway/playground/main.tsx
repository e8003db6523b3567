// Monaco's editor, JSON and GraphQL workers, bundled by Vite as same-origin files.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultHeaders, EXAMPLE_TABS } from './examples';
import { createSessionFetcher } from './sessionFetcher';
import { noticeSessionToken, SessionTokenSync } from './sessionTokenSync';

// The page is served at the API's own URL: HTTP and WebSocket go to the same place.
const httpUrl = new URL(window.location.pathname, window.location.origin).toString();
const webSocketUrl = httpUrl.replace(/^http/, 'ws');
// A token from StartSession goes into the headers editor by itself.
const fetcher = createSessionFetcher(httpUrl, webSocketUrl, noticeSessionToken);
const headers = defaultHeaders();
const tabs = EXAMPLE_TABS.map((tab) => ({
  query: tab.query,
  variables: tab.variables ? JSON.stringify(tab.variables, null, 2) : null,
  headers,
}));

createRoot(document.getElementById('playground')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultTabs={tabs} defaultHeaders={headers} isHeadersEditorEnabled defaultEditorToolsVisibility="headers">
      <SessionTokenSync />
    </GraphiQL>
  </StrictMode>,
);
