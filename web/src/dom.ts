/** Tiny DOM helpers: every piece of text goes through textContent, never innerHTML. */

type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;
type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes, `on…` listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(typeof child === 'number' ? String(child) : child);
  return el;
}

/** Finds an element by id or throws, so a missing element fails loudly at start-up. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return el as T;
}

/** Replaces the children of an element. */
export function fill(el: HTMLElement, ...children: Child[]): void {
  el.replaceChildren();
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(typeof child === 'number' ? String(child) : child);
}

/**
 * Shows a short message in the status line (read out by screen readers). Each message claims the line
 * (see claim): the check returned is true until another message is shown, so a slow answer can leave
 * a later action's message in place.
 */
export function say(message: string, kind: 'info' | 'error' = 'info'): () => boolean {
  const status = byId('status');
  status.textContent = message;
  status.dataset.kind = kind;
  return claim(status);
}

/** The latest claim on each element that requests fill: numbered, so an earlier claim can tell it was overtaken. */
const claims = new WeakMap<Element, number>();

/** Claims an element for a request that will fill it; the check returned is true until a later claim, so a slower, earlier answer is dropped. */
export function claim(el: Element): () => boolean {
  const mine = (claims.get(el) ?? 0) + 1;
  claims.set(el, mine);
  return () => claims.get(el) === mine;
}
