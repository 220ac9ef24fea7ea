// Small DOM helpers. Text is only ever set through textContent: titles and comments are written by
// readers and editors, and a page that never parses them as HTML cannot run what they contain.

/**
 * Creates an element. `props` sets attributes (`class`, `dir`, `data-*`, aria…); children are nodes or
 * strings, strings become text nodes.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** An SVG element with attributes (no children as text). */
export function svg(tag, props = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(props)) node.setAttribute(name, String(value));
  return node;
}

/** Replaces a node's children with `children` (nodes or strings as text). */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Sets a node's text, and its raw value in `data-value` for tests and copy-paste. */
export function setFigure(node, text, value) {
  node.textContent = text;
  if (value !== undefined) node.dataset.value = String(value);
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** The element with this id, or an error naming it (a page and its script disagree). */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node;
}
