import { ApiError, request } from '../api';
import { checkboxes, field, h, present, setFieldError, statusArea, table } from '../dom';
import {
  ArchiveProductDocument,
  ProductForEditDocument,
  SearchProductsDocument,
  UpdateProductDocument,
  type DietaryTag,
  type ProductDetailFragment,
  type ProductRowFragment,
  type SustainabilityLabel,
  type UpdateProductInput,
} from '../gql/graphql';
import { navigate } from '../router';

const DIETARY_TAGS: readonly DietaryTag[] = ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'];
const LABELS: readonly SustainabilityLabel[] = [
  'ORGANIC', 'FAIR_TRADE', 'LOCAL', 'RECYCLABLE_PACKAGING', 'PLASTIC_FREE', 'RAINFOREST_ALLIANCE', 'MSC_CERTIFIED', 'ANIMAL_WELFARE', 'CARBON_NEUTRAL', 'SEASONAL',
];
const PAGE_SIZE = 20;

/** Product search: free text over the catalog, archived products on request, one page at a time. */
export function productsPage(): HTMLElement {
  const status = statusArea();
  const text = h('input', { type: 'search', name: 'text', autocomplete: 'off' });
  const archived = h('input', { type: 'checkbox', name: 'includeArchived', id: 'include-archived' });
  const results = h('div', { class: 'results' });
  let after: string | null = null;
  let rows: ProductRowFragment[] = [];

  async function search(more: boolean): Promise<void> {
    status.clear();
    try {
      const { products } = await request(SearchProductsDocument, {
        text: text.value.trim() || null,
        includeArchived: archived.checked,
        first: PAGE_SIZE,
        after: more ? after : null,
      });
      rows = more ? [...rows, ...products.edges.map((e) => e.node)] : products.edges.map((e) => e.node);
      after = products.pageInfo.hasNextPage ? (products.pageInfo.endCursor ?? null) : null;
      results.replaceChildren(
        ...present(h('p', {}, `${products.totalCount} product${products.totalCount === 1 ? '' : 's'}`),
        table(
          'Products',
          ['Name', 'SKU', 'Price', 'Pays', 'Stock', 'State'],
          rows.map((p) => [
            h('a', { href: `#/products/${p.id}`, 'aria-label': `Edit ${p.name}` }, p.name),
            p.sku,
            `${p.price} ${p.currency}`,
            p.effectivePrice,
            p.stockQuantity,
            p.archived ? 'archived' : p.availability.replace(/_/g, ' ').toLowerCase(),
          ]),
        ),
        after ? h('button', { type: 'button', onclick: () => void search(true) }, 'Load more') : null),
      );
    } catch (error) {
      status.fail(messageOf(error));
    }
  }

  const form = h(
    'form',
    { class: 'search', role: 'search', onsubmit: (event: Event) => { event.preventDefault(); void search(false); } },
    field('Search products', text, 'Name, brand, tags or description; empty lists the newest.'),
    h('div', { class: 'inline' }, archived, h('label', { for: 'include-archived' }, 'Include archived')),
    h('button', { type: 'submit' }, 'Search'),
  );
  void search(false);
  return h('section', { 'aria-labelledby': 'products-title' }, h('h2', { id: 'products-title' }, 'Products'), form, status.element, results);
}

/** The edit form of one product: price, discount, stock, dietary tags, sustainability. */
export function productEditPage(id: string): HTMLElement {
  const status = statusArea();
  const body = h('div', {}, h('p', {}, 'Loading…'));
  const section = h('section', { 'aria-labelledby': 'edit-title' }, h('p', {}, h('a', { href: '#/products' }, '← All products')), h('h2', { id: 'edit-title' }, 'Edit product'), status.element, body);
  void (async () => {
    try {
      const { product } = await request(ProductForEditDocument, { id });
      if (!product) {
        body.replaceChildren(h('p', {}, 'No product has this id.'));
        return;
      }
      body.replaceChildren(editForm(product, status));
    } catch (error) {
      status.fail(messageOf(error));
    }
  })();
  return section;
}

function editForm(product: ProductDetailFragment, status: ReturnType<typeof statusArea>): HTMLElement {
  const inputs = {
    name: h('input', { name: 'name', value: product.name, required: true, maxlength: 200 }),
    price: h('input', { name: 'price', value: product.price, inputmode: 'decimal', required: true }),
    discountPercent: h('input', { name: 'discountPercent', value: product.discount?.percent ?? '', inputmode: 'decimal' }),
    stockQuantity: h('input', { name: 'stockQuantity', type: 'number', min: 0, max: 1_000_000, step: 1, value: product.stockQuantity, required: true }),
    score: h('input', { name: 'score', type: 'number', min: 0, max: 100, step: 1, value: product.sustainability?.score ?? '' }),
    carbonFootprintKg: h('input', { name: 'carbonFootprintKg', inputmode: 'decimal', value: product.sustainability?.carbonFootprintKg ?? '' }),
  };
  const dietary = checkboxes('Dietary tags', 'dietaryTags', DIETARY_TAGS, product.dietaryTags);
  const labels = checkboxes('Sustainability labels', 'labels', LABELS, product.sustainability?.labels ?? []);
  const summary = h('p', { class: 'summary' });
  const showSummary = (p: ProductDetailFragment) => {
    summary.textContent = `${p.sku} · ${p.category?.name ?? 'no category'} · shoppers pay ${p.effectivePrice} ${p.currency}${p.archived ? ' · archived' : ''}`;
  };
  showSummary(product);

  const number = (input: HTMLInputElement) => (input.value.trim() === '' ? null : Number(input.value));
  async function save(event: Event): Promise<void> {
    event.preventDefault();
    status.clear();
    for (const input of Object.values(inputs)) setFieldError(input, null);
    const sustainability = { score: number(inputs.score), carbonFootprintKg: number(inputs.carbonFootprintKg), labels: labels.selected() as SustainabilityLabel[] };
    // Nothing known stays "nothing known" (null), rather than an empty rating.
    const unrated = sustainability.score === null && sustainability.carbonFootprintKg === null && sustainability.labels.length === 0;
    const input: UpdateProductInput = {
      name: inputs.name.value,
      price: inputs.price.value.trim(),
      // Empty clears the discount.
      discountPercent: inputs.discountPercent.value.trim() || null,
      stockQuantity: number(inputs.stockQuantity),
      dietaryTags: dietary.selected() as DietaryTag[],
      ...(unrated ? (product.sustainability ? { sustainability: null } : {}) : { sustainability }),
    };
    try {
      const { updateProduct } = await request(UpdateProductDocument, { id: product.id, input });
      product = updateProduct;
      showSummary(updateProduct);
      status.ok(`Saved ${updateProduct.name}: price ${updateProduct.price} ${updateProduct.currency}, shoppers pay ${updateProduct.effectivePrice}.`);
    } catch (error) {
      showFieldErrors(error, inputs);
      status.fail(messageOf(error));
    }
  }

  async function archive(): Promise<void> {
    status.clear();
    try {
      const { archiveProduct } = await request(ArchiveProductDocument, { id: product.id });
      showSummary(archiveProduct);
      status.ok(`${archiveProduct.name} is archived: shoppers no longer find it.`);
    } catch (error) {
      status.fail(messageOf(error));
    }
  }

  return h(
    'form',
    { class: 'edit', onsubmit: (event: Event) => void save(event), 'aria-label': `Edit ${product.name}` },
    summary,
    field('Name', inputs.name),
    h(
      'div',
      { class: 'row' },
      field(`Price (${product.currency})`, inputs.price, 'At most 2 decimals, such as 2.49.'),
      field('Discount (%)', inputs.discountPercent, '0–100; empty for none.'),
      field('Units in stock', inputs.stockQuantity),
    ),
    dietary.element,
    h('fieldset', {}, h('legend', {}, 'Sustainability'), h('div', { class: 'row' }, field('Score (0–100)', inputs.score), field('Carbon footprint (kg CO2e)', inputs.carbonFootprintKg)), labels.element),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Save'),
      product.archived ? null : h('button', { type: 'button', class: 'secondary', onclick: () => void archive() }, 'Archive'),
      h('button', { type: 'button', class: 'secondary', onclick: () => navigate('#/products') }, 'Back'),
    ),
  );
}

/** Puts each BAD_USER_INPUT next to the input it names (`input.price` → the price input). */
export function showFieldErrors(error: unknown, inputs: Record<string, HTMLElement>): void {
  if (!(error instanceof ApiError)) return;
  for (const problem of error.problems) {
    const name = problem.field?.split('.').filter((part) => !/^\d+$/.test(part)).pop();
    const input = name ? inputs[name] : undefined;
    if (input) setFieldError(input, problem.reason ?? problem.message);
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const problem = error.problems[0]!;
    return problem.code === 'FORBIDDEN' || problem.code === 'UNAUTHENTICATED' ? `Not allowed: ${problem.message}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
