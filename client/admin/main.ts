import { ApiError, request } from './api';
import { field, h, statusArea } from './dom';
import { CurrentApiKeyDocument, type ApiKeyRowFragment } from './gql/graphql';
import { apiKeysPage } from './pages/apiKeys';
import { categoriesPage } from './pages/categories';
import { healthPage } from './pages/health';
import { importPage } from './pages/importProducts';
import { productEditPage, productsPage } from './pages/products';
import { storesPage } from './pages/stores';
import { currentRoute, navigate } from './router';
import { session } from './session';

// The SmartCart admin console: a client of the public GraphQL API like any
// other. It holds the API key of this tab only, and shows what the key's
// roles permit; the API checks every operation itself.

interface Page {
  path: string;
  title: string;
  /** Shown when the key holds this permission (platform/auth/roles.ts). */
  permission: string;
  render(key: ApiKeyRowFragment, rest: string[]): HTMLElement;
}

const PAGES: Page[] = [
  { path: 'products', title: 'Products', permission: 'catalog:write', render: (_key, rest) => (rest[0] ? productEditPage(rest[0]) : productsPage()) },
  { path: 'categories', title: 'Categories', permission: 'catalog:write', render: (key) => categoriesPage(key.permissions.includes('catalog:delete')) },
  { path: 'stores', title: 'Stores', permission: 'catalog:write', render: (key) => storesPage(key.permissions.includes('catalog:delete')) },
  { path: 'import', title: 'Import', permission: 'catalog:import', render: () => importPage() },
  { path: 'keys', title: 'API keys', permission: 'apikeys:manage', render: (key) => apiKeysPage(key.id) },
  { path: 'health', title: 'Health', permission: 'health:read', render: () => healthPage() },
];

const root = document.getElementById('app')!;

function loginForm(message?: string): void {
  const status = statusArea();
  const key = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', required: true, spellcheck: false });
  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    status.clear();
    try {
      const { currentApiKey } = await request(CurrentApiKeyDocument, undefined, key.value.trim());
      session.signIn(key.value.trim());
      start(currentApiKey);
    } catch (error) {
      status.fail(error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? 'This API key is unknown or revoked.' : error instanceof Error ? error.message : String(error));
    }
  }
  root.replaceChildren(
    h(
      'main',
      { class: 'login' },
      h('h1', {}, 'SmartCart admin'),
      h(
        'form',
        { onsubmit: (event: Event) => void submit(event), 'aria-label': 'Sign in' },
        field('API key', key, 'A key with a catalog role (catalog-editor or admin), from your administrator or `npm run apikey -- create`. Kept in this tab only.'),
        h('button', { type: 'submit' }, 'Sign in'),
      ),
      status.element,
    ),
  );
  if (message) status.fail(message);
  key.focus();
}

function start(key: ApiKeyRowFragment): void {
  const pages = PAGES.filter((page) => key.permissions.includes(page.permission));
  const content = h('main', { id: 'content', tabindex: -1 });
  const links = pages.map((page) => h('a', { href: `#/${page.path}`, 'data-page': page.path }, page.title));
  const signOut = () => {
    session.signOut();
    window.removeEventListener('hashchange', show);
    loginForm();
  };
  root.replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, 'SmartCart admin'),
      h('p', { class: 'who' }, `${key.name} (${key.roles.join(', ')})`, ' ', h('button', { type: 'button', class: 'secondary', onclick: signOut }, 'Sign out')),
      h('nav', { 'aria-label': 'Sections' }, links),
    ),
    content,
  );
  function show(): void {
    const [path, ...rest] = currentRoute();
    const page = pages.find((p) => p.path === path);
    if (!page) {
      if (pages[0]) navigate(`#/${pages[0].path}`);
      else content.replaceChildren(h('p', {}, 'This key’s roles allow none of the console’s pages (it needs catalog-editor or admin).'));
      return;
    }
    for (const link of links) {
      if (link.dataset.page === page.path) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = `${page.title} · SmartCart admin`;
    content.replaceChildren(page.render(key, rest));
  }
  window.addEventListener('hashchange', show);
  show();
}

async function boot(): Promise<void> {
  const saved = session.apiKey();
  if (!saved) {
    loginForm();
    return;
  }
  try {
    start((await request(CurrentApiKeyDocument)).currentApiKey);
  } catch (error) {
    session.signOut();
    loginForm(error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? 'The API key of this tab no longer works; sign in again.' : String(error));
  }
}

void boot();
