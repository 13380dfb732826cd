type Child = Node | string | null | undefined | false;
type Handlers = Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
type Attrs = { [name: string]: string | number | boolean | null | undefined | Handlers; on?: Handlers };

/**
 * Each element's current handlers. The element listens through `dispatch`, so a redraw that keeps
 * the element (see `replaceChildren`) gives it the new render's handlers without re-adding listeners.
 */
const handlers = new WeakMap<Element, Handlers>();

function dispatch(event: Event): void {
  const el = event.currentTarget as Element;
  handlers.get(el)?.[event.type as keyof HTMLElementEventMap]?.(event);
}

function listen(el: Element, on: Handlers): void {
  handlers.set(el, on);
  for (const type of Object.keys(on)) el.addEventListener(type, dispatch);
}

/**
 * Create an element: `h("button", { class: "btn", on: { click } }, "Text")`. Strings become text
 * nodes (never HTML), so player names cannot inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "on") {
      listen(el, value as Handlers);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(name, String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** A decorative icon (the text next to it carries the meaning). */
export function icon(url: string, size = 24): HTMLImageElement {
  return h("img", { src: url, alt: "", width: size, height: size, class: "icon", "aria-hidden": "true" });
}

/**
 * The same element in two renders: same tag, id, input type/name and every `data-*` attribute
 * (`data-key`, `data-vote`, `data-work`… name what an element stands for), so a kept button never
 * starts to mean another offer, vote or project.
 */
function sameElement(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName || a.id !== b.id) return false;
  if (a instanceof HTMLInputElement && b instanceof HTMLInputElement) {
    if (a.type !== b.type || a.name !== b.name) return false;
  }
  const data = (el: Element) =>
    el
      .getAttributeNames()
      .filter((n) => n.startsWith("data-"))
      .map((n) => `${n}=${el.getAttribute(n)}`)
      .sort()
      .join("\n");
  return data(a) === data(b);
}

/** Make `old` look and act like `next` (attributes, input state, handlers, children). */
function morph(old: Element, next: Element): void {
  for (const name of old.getAttributeNames()) if (!next.hasAttribute(name)) old.removeAttribute(name);
  for (const name of next.getAttributeNames()) {
    const value = next.getAttribute(name)!;
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  // A radio the student clicked no longer follows its `checked` attribute: set what the render says.
  if (old instanceof HTMLInputElement && next instanceof HTMLInputElement) {
    if (old.checked !== next.checked) old.checked = next.checked;
    if (old.value !== next.value) old.value = next.value;
  }
  const on = handlers.get(next);
  if (on) listen(old, on);
  else handlers.delete(old);
  reconcile(old, [...next.childNodes]);
}

/**
 * Give `parent` exactly the children `next`, keeping each current child that is the same node in
 * the new render (updated in place) and replacing the others.
 */
function reconcile(parent: Element, next: Node[]): void {
  const current = [...parent.childNodes];
  next.forEach((node, i) => {
    const old = current[i];
    if (old === node) return;
    if (old instanceof Text && node instanceof Text) {
      if (old.data !== node.data) old.data = node.data;
    } else if (old instanceof Element && node instanceof Element && sameElement(old, node)) {
      morph(old, node);
    } else if (old) {
      parent.replaceChild(node, old);
    } else {
      parent.append(node);
    }
  });
  for (const old of current.slice(next.length)) old.remove();
}

/**
 * Redraw an element's children. Panels are redrawn on every patch (several a second while bots
 * act), so elements that are still the same are updated in place rather than re-created: a button
 * replaced between a student's press and release gets no click, a radio would lose the tap, and
 * screen readers and keyboard focus would lose their place. Focus still falls back to the element
 * with the same `data-key` when the focused element had to be replaced.
 */
export function replaceChildren(target: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && target.contains(active) ? active.dataset.key : undefined;
  const next = children
    .filter((c): c is Node | string => c !== null && c !== undefined && c !== false)
    .map((c) => (typeof c === "string" ? document.createTextNode(c) : c));
  reconcile(target, next);
  if (key && !target.contains(document.activeElement)) {
    target.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }
}
