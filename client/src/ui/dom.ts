type Child = Node | string | null | undefined | false;
type Handlers = Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
type Attrs = { [name: string]: string | number | boolean | null | undefined | Handlers; on?: Handlers };

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
      for (const [type, handler] of Object.entries(value as Handlers)) {
        if (handler) el.addEventListener(type, handler);
      }
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
 * Replace an element's children, keeping keyboard focus on the element with the same `data-key`
 * (panels are rebuilt on every patch; a student's focus must not jump away).
 */
export function replaceChildren(target: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && target.contains(active) ? active.dataset.key : undefined;
  target.replaceChildren(
    ...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false),
  );
  if (key) target.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}
