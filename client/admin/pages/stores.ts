import { request } from '../api';
import { field, h, setFieldError, statusArea, table } from '../dom';
import { AllStoresDocument, CreateStoreDocument, DeleteStoreDocument, UpdateStoreDocument, type StoreRowFragment } from '../gql/graphql';
import { messageOf, showFieldErrors } from './products';

/** The shop's stores: create, edit (name, city, position) and (with catalog:delete) delete. */
export function storesPage(mayDelete: boolean): HTMLElement {
  const status = statusArea();
  const list = h('div', {}, h('p', {}, 'Loading…'));
  const inputs = {
    name: h('input', { name: 'name', required: true, maxlength: 200 }),
    city: h('input', { name: 'city', required: true, maxlength: 200 }),
    latitude: h('input', { name: 'latitude', inputmode: 'decimal', required: true }),
    longitude: h('input', { name: 'longitude', inputmode: 'decimal', required: true }),
  };
  const title = h('h3', { id: 'store-form-title' }, 'New store');
  const submit = h('button', { type: 'submit' }, 'Create store');
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => startEdit(null) }, 'Cancel');
  let editing: StoreRowFragment | null = null;

  function startEdit(store: StoreRowFragment | null): void {
    editing = store;
    title.textContent = store ? `Edit ${store.name}` : 'New store';
    submit.textContent = store ? 'Save store' : 'Create store';
    inputs.name.value = store?.name ?? '';
    inputs.city.value = store?.city ?? '';
    inputs.latitude.value = store ? String(store.latitude) : '';
    inputs.longitude.value = store ? String(store.longitude) : '';
    cancel.hidden = !store;
  }

  async function load(): Promise<void> {
    try {
      const { allStores } = await request(AllStoresDocument);
      list.replaceChildren(
        table(
          'Stores',
          ['Name', 'City', 'Position', 'Actions'],
          allStores.map((s) => [
            s.name,
            s.city,
            `${s.latitude}, ${s.longitude}`,
            h(
              'span',
              { class: 'actions' },
              h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${s.name}`, onclick: () => startEdit(s) }, 'Edit'),
              mayDelete && h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${s.name}`, onclick: () => void remove(s) }, 'Delete'),
            ),
          ]),
        ),
      );
    } catch (error) {
      status.fail(messageOf(error));
    }
  }

  async function remove(store: StoreRowFragment): Promise<void> {
    status.clear();
    try {
      await request(DeleteStoreDocument, { id: store.id });
      status.ok(`Deleted ${store.name}.`);
      await load();
    } catch (error) {
      status.fail(messageOf(error));
    }
  }

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    status.clear();
    for (const input of Object.values(inputs)) setFieldError(input, null);
    const number = (input: HTMLInputElement) => Number(input.value.trim().replace(',', '.'));
    const fields = { name: inputs.name.value, city: inputs.city.value, latitude: number(inputs.latitude), longitude: number(inputs.longitude) };
    for (const key of ['latitude', 'longitude'] as const) {
      if (inputs[key].value.trim() === '' || !Number.isFinite(fields[key])) {
        setFieldError(inputs[key], 'must be a number');
        status.fail(`Invalid ${key}: must be a number`);
        return;
      }
    }
    try {
      if (editing) {
        const { updateStore } = await request(UpdateStoreDocument, { id: editing.id, input: fields });
        status.ok(`Saved ${updateStore.name}.`);
      } else {
        const { createStore } = await request(CreateStoreDocument, { input: fields });
        status.ok(`Created ${createStore.name}.`);
      }
      startEdit(null);
      await load();
    } catch (error) {
      showFieldErrors(error, inputs);
      status.fail(messageOf(error));
    }
  }

  const form = h(
    'form',
    { class: 'edit', onsubmit: (event: Event) => void save(event), 'aria-labelledby': 'store-form-title' },
    title,
    h('div', { class: 'row' }, field('Name', inputs.name), field('City', inputs.city)),
    h('div', { class: 'row' }, field('Latitude', inputs.latitude, '-90 to 90'), field('Longitude', inputs.longitude, '-180 to 180')),
    h('div', { class: 'actions' }, submit, cancel),
  );
  void load();
  return h('section', { 'aria-labelledby': 'stores-title' }, h('h2', { id: 'stores-title' }, 'Stores'), status.element, form, list);
}
