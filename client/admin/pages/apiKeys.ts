import { request } from '../api';
import { checkboxes, field, formatDate, h, setFieldError, statusArea, table } from '../dom';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument, type ApiKeyRowFragment } from '../gql/graphql';
import { messageOf, showFieldErrors } from './products';

const ROLES = ['admin', 'catalog-editor', 'service', 'read-only'] as const;

/** API keys: create one (its secret shown once, here), list them (never a secret), revoke. */
export function apiKeysPage(currentKeyId: string): HTMLElement {
  const status = statusArea();
  const list = h('div', {}, h('p', {}, 'Loading…'));
  const secretBox = h('div', { class: 'secret', hidden: true });
  const name = h('input', { name: 'name', required: true, maxlength: 120 });
  const roles = checkboxes('Roles', 'roles', ROLES);

  async function load(): Promise<void> {
    try {
      const { apiKeys } = await request(ApiKeysDocument);
      list.replaceChildren(
        table(
          'API keys',
          ['Name', 'Key', 'Roles', 'Created', 'Last used', 'State'],
          apiKeys
            .slice()
            .reverse()
            .map((key) => [key.name, `${key.prefix}…`, key.roles.join(', '), formatDate(key.createdAt), formatDate(key.lastUsedAt), stateOf(key)]),
        ),
      );
    } catch (error) {
      status.fail(messageOf(error));
    }
  }

  function stateOf(key: ApiKeyRowFragment): Node | string {
    if (key.revokedAt) return `revoked ${formatDate(key.revokedAt)}`;
    if (key.id === currentKeyId) return 'live (this session)';
    const confirm = h('button', { type: 'button', class: 'danger', hidden: true, 'aria-label': `Confirm revoking ${key.name}`, onclick: () => void revoke(key) }, 'Confirm revoke');
    const ask = h('button', { type: 'button', class: 'secondary', 'aria-label': `Revoke ${key.name}`, onclick: () => { ask.hidden = true; confirm.hidden = false; confirm.focus(); } }, 'Revoke');
    return h('span', { class: 'actions' }, 'live ', ask, confirm);
  }

  async function revoke(key: ApiKeyRowFragment): Promise<void> {
    status.clear();
    try {
      await request(RevokeApiKeyDocument, { id: key.id });
      status.ok(`Revoked ${key.name}: it is refused from now on.`);
      await load();
    } catch (error) {
      status.fail(messageOf(error));
    }
  }

  async function create(event: Event): Promise<void> {
    event.preventDefault();
    status.clear();
    setFieldError(name, null);
    secretBox.hidden = true;
    try {
      const { createApiKey } = await request(CreateApiKeyDocument, { input: { name: name.value, roles: roles.selected() } });
      const secret = h('input', { readonly: true, value: createApiKey.secret, id: 'new-secret', class: 'mono', spellcheck: false, autocomplete: 'off' });
      secretBox.replaceChildren(
        h('p', {}, h('strong', {}, `Key for ${createApiKey.apiKey.name} created.`), ' Copy it now: it is shown only this once and cannot be read back.'),
        field('Secret of the new key', secret),
      );
      secretBox.hidden = false;
      secret.select();
      name.value = '';
      status.ok(`Created ${createApiKey.apiKey.name} (${createApiKey.apiKey.roles.join(', ')}).`);
      await load();
    } catch (error) {
      showFieldErrors(error, { name, roles: roles.element });
      status.fail(messageOf(error));
    }
  }

  const form = h(
    'form',
    { class: 'edit', onsubmit: (event: Event) => void create(event), 'aria-labelledby': 'key-form-title' },
    h('h3', { id: 'key-form-title' }, 'New API key'),
    field('Name', name, 'Who or what uses it, such as "Warehouse sync".'),
    roles.element,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create key')),
  );
  void load();
  return h('section', { 'aria-labelledby': 'keys-title' }, h('h2', { id: 'keys-title' }, 'API keys'), status.element, form, secretBox, list);
}
