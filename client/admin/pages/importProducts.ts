import { ApiError, request } from '../api';
import { field, h, statusArea, table } from '../dom';
import { ImportProductsDocument, type ImportFormat } from '../gql/graphql';
import { messageOf } from './products';

/** Uploads a product file (CSV or JSON) through importProducts: all or nothing, every invalid row listed. */
export function importPage(): HTMLElement {
  const status = statusArea();
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.json,text/csv,application/json', required: true });
  const format = h('select', { name: 'format' }, h('option', { value: '' }, 'From the file name'), h('option', { value: 'CSV' }, 'CSV'), h('option', { value: 'JSON' }, 'JSON'));
  const result = h('div', { class: 'results' });
  const submit = h('button', { type: 'submit' }, 'Import');

  async function upload(event: Event): Promise<void> {
    event.preventDefault();
    status.clear();
    result.replaceChildren();
    const chosen = file.files?.[0];
    if (!chosen) {
      status.fail('Choose a file first.');
      return;
    }
    const kind = (format.value || (chosen.name.toLowerCase().endsWith('.json') ? 'JSON' : 'CSV')) as ImportFormat;
    submit.disabled = true;
    try {
      const data = await chosen.text();
      const { importProducts } = await request(ImportProductsDocument, { format: kind, data });
      if (importProducts.errors.length > 0) {
        status.fail(`Nothing was imported: ${importProducts.errors.length} problem${importProducts.errors.length === 1 ? '' : 's'} in ${chosen.name}. Fix them and upload again.`);
        result.replaceChildren(
          table(
            'Rows with errors',
            [kind === 'CSV' ? 'Line' : 'Item', 'Field', 'Problem'],
            importProducts.errors.map((e) => [e.line, e.field, e.reason]),
          ),
        );
      } else {
        status.ok(`Imported ${chosen.name}: ${importProducts.created} created, ${importProducts.updated} updated, ${importProducts.unchanged} unchanged.`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE') {
        status.fail(`${chosen.name} is too large for one request (${error.message}). Split it, or import it with npm run import.`);
      } else {
        status.fail(messageOf(error));
      }
    } finally {
      submit.disabled = false;
    }
  }

  return h(
    'section',
    { 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import products'),
    h('p', {}, 'Creates or updates products by SKU. When any row is invalid nothing is written and every problem is listed. Columns and JSON shape: docs/catalog.md.'),
    h('form', { class: 'edit', onsubmit: (event: Event) => void upload(event) }, field('Product file (CSV or JSON)', file), field('Format', format), h('div', { class: 'actions' }, submit)),
    status.element,
    result,
  );
}
