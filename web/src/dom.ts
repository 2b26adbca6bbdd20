/**
 * The console's only way to build DOM: elements with attributes and children, where every
 * string child becomes a text node. Data is never parsed as HTML.
 */

/** A child of {@link h}: text, an element, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes of {@link h}; `class`, `data-*`, `aria-*`, form attributes. No event handlers. */
export type Attrs = Record<string, string | boolean | undefined>;

/** Creates `<tag>` with `attrs` (false/undefined left out) and `children` (strings as text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`h: event attribute ${name} is not allowed`);
    el.setAttribute(name, value === true ? '' : value);
  }
  append(el, ...children);
  return el;
}

/** Appends children (strings as text nodes). */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Creates an SVG element `<tag>` with `attrs` and `children` (strings as text). */
export function svg(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  ...children: Child[]
): SVGElement {
  const el: SVGElement = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (/^on/i.test(name)) throw new Error(`svg: event attribute ${name} is not allowed`);
    el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}
