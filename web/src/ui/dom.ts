/** The element with `id`, checked to be of type `kind`; throws if the page lacks it. */
export function byId<T extends HTMLElement>(id: string, kind: { new (): T; prototype: T }): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`page is missing <${kind.name} id="${id}">`);
  return element;
}
