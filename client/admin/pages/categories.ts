import { request } from '../api';
import { field, h, setFieldError, statusArea, table } from '../dom';
import { CategoryTreeDocument, CreateCategoryDocument, DeleteCategoryDocument, UpdateCategoryDocument } from '../gql/graphql';
import { messageOf, showFieldErrors } from './products';

interface FlatCategory {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  depth: number;
}

/** The category tree (three levels), with create, rename, move and (with catalog:delete) delete. */
export function categoriesPage(mayDelete: boolean): HTMLElement {
  const status = statusArea();
  const list = h('div', {}, h('p', {}, 'Loading…'));
  const inputs = {
    name: h('input', { name: 'name', required: true, maxlength: 100 }),
    slug: h('input', { name: 'slug', maxlength: 100 }),
    parentId: h('select', { name: 'parentId' }),
  };
  const title = h('h3', {}, 'New category');
  const submit = h('button', { type: 'submit' }, 'Create category');
  let editing: FlatCategory | null = null;
  let categories: FlatCategory[] = [];

  function startEdit(category: FlatCategory | null): void {
    editing = category;
    title.textContent = category ? `Edit ${category.name}` : 'New category';
    submit.textContent = category ? 'Save category' : 'Create category';
    inputs.name.value = category?.name ?? '';
    inputs.slug.value = category?.slug ?? '';
    inputs.parentId.value = category?.parentId ?? '';
    cancel.hidden = !category;
    inputs.name.focus();
  }

  async function load(): Promise<void> {
    try {
      const { categories: roots } = await request(CategoryTreeDocument);
      categories = [];
      for (const root of roots) {
        categories.push({ id: root.id, name: root.name, slug: root.slug, parentId: null, depth: 0 });
        for (const child of root.children) {
          categories.push({ id: child.id, name: child.name, slug: child.slug, parentId: root.id, depth: 1 });
          for (const leaf of child.children) categories.push({ id: leaf.id, name: leaf.name, slug: leaf.slug, parentId: child.id, depth: 2 });
        }
      }
      inputs.parentId.replaceChildren(
        h('option', { value: '' }, '— none (a root) —'),
        ...categories.filter((c) => c.depth < 2).map((c) => h('option', { value: c.id }, `${'— '.repeat(c.depth)}${c.name}`)),
      );
      if (editing) inputs.parentId.value = editing.parentId ?? '';
      list.replaceChildren(
        table(
          'Categories',
          ['Name', 'Slug', 'Actions'],
          categories.map((c) => [
            h('span', { class: `depth-${c.depth}` }, c.name),
            c.slug,
            h(
              'span',
              { class: 'actions' },
              h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${c.name}`, onclick: () => startEdit(c) }, 'Edit'),
              mayDelete && h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${c.name}`, onclick: () => void remove(c) }, 'Delete'),
            ),
          ]),
        ),
      );
    } catch (error) {
      status.fail(messageOf(error));
    }
  }

  async function remove(category: FlatCategory): Promise<void> {
    status.clear();
    try {
      await request(DeleteCategoryDocument, { id: category.id });
      status.ok(`Deleted ${category.name}.`);
      if (editing?.id === category.id) startEdit(null);
      await load();
    } catch (error) {
      status.fail(messageOf(error));
    }
  }

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    status.clear();
    for (const input of Object.values(inputs)) setFieldError(input, null);
    const fields = { name: inputs.name.value, slug: inputs.slug.value.trim() || undefined, parentId: inputs.parentId.value || null };
    try {
      if (editing) {
        const { updateCategory } = await request(UpdateCategoryDocument, { id: editing.id, input: { ...fields, slug: fields.slug ?? editing.slug } });
        status.ok(`Saved ${updateCategory.name}.`);
      } else {
        const { createCategory } = await request(CreateCategoryDocument, { input: fields });
        status.ok(`Created ${createCategory.name} (${createCategory.slug}).`);
      }
      startEdit(null);
      await load();
    } catch (error) {
      showFieldErrors(error, inputs);
      status.fail(messageOf(error));
    }
  }

  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => startEdit(null) }, 'Cancel');
  const form = h(
    'form',
    { class: 'edit', onsubmit: (event: Event) => void save(event), 'aria-labelledby': 'category-form-title' },
    title,
    field('Name', inputs.name),
    field('Slug', inputs.slug, 'Lower-case letters, digits and -; made from the name when empty.'),
    field('Parent', inputs.parentId),
    h('div', { class: 'actions' }, submit, cancel),
  );
  title.id = 'category-form-title';
  void load();
  return h('section', { 'aria-labelledby': 'categories-title' }, h('h2', { id: 'categories-title' }, 'Categories'), status.element, form, list);
}
