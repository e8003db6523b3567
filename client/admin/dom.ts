// A few DOM helpers. Text always goes in as text nodes (never as HTML), so a
// product name or an error message can never become markup.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return element;
}

/** The nodes given, without the absent ones (for replaceChildren). */
export function present(...nodes: (Node | null | undefined | false)[]): Node[] {
  return nodes.filter((node): node is Node => Boolean(node));
}

let nextId = 0;
/** A unique id, to tie a label (and an error message) to its input. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A labelled input with a slot for its error message (aria-describedby). */
export function field(label: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  const id = input.id || uid('field');
  input.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const hintNode = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  input.setAttribute('aria-describedby', [hintNode ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hintNode, error);
}

/** Shows (or clears, with null) the error of a field made by field(). */
export function setFieldError(input: HTMLElement, message: string | null): void {
  const slot = document.getElementById(`${input.id}-error`);
  if (slot) slot.textContent = message ?? '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** A group of checkboxes in a fieldset with a legend. */
export function checkboxes(legend: string, name: string, values: readonly string[], checked: readonly string[] = []): { element: HTMLFieldSetElement; selected(): string[] } {
  const boxes = values.map((value) => h('input', { type: 'checkbox', name, value, id: uid(name), checked: checked.includes(value) }));
  const element = h(
    'fieldset',
    { class: 'checkboxes' },
    h('legend', {}, legend),
    boxes.map((box) => h('label', { for: box.id }, box, ` ${box.value.replace(/_/g, ' ').toLowerCase()}`)),
  );
  return { element, selected: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

/** A status line for a page: what succeeded, or what the API refused (role="alert"). */
export function statusArea(): { element: HTMLElement; ok(message: string): void; fail(message: string): void; clear(): void } {
  const element = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  return {
    element,
    ok(message) {
      element.className = 'status ok';
      element.setAttribute('role', 'status');
      element.textContent = message;
    },
    fail(message) {
      element.className = 'status error';
      element.setAttribute('role', 'alert');
      element.textContent = message;
    },
    clear() {
      element.className = 'status';
      element.textContent = '';
    },
  };
}

/** A table that scrolls sideways on a narrow screen instead of the page. */
export function table(caption: string, headings: string[], rows: Child[][]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))),
    ),
  );
}

export function formatDate(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString() : '—';
}
