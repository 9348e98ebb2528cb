/**
 * Attribute reads that a page cannot redirect. A <form> exposes its controls as named properties
 * that shadow Element's methods (an <input name="hasAttribute"> makes `form.hasAttribute` that
 * input, in the content script's world too), so forms, and any element whose own properties look
 * clobbered, are read through the prototype's methods. Other elements use the direct calls, which
 * Firefox's content-script wrappers run much faster than `Element.prototype.x.call(el)`.
 */
const { getAttribute, hasAttribute, hasAttributes } = Element.prototype;

const direct = (el: Element): boolean => {
  const name: unknown = el.localName;
  return typeof name === 'string' && name !== 'form';
};

export const attr = (el: Element, name: string): string | null => (direct(el) ? el.getAttribute(name) : getAttribute.call(el, name));
export const hasAttr = (el: Element, name: string): boolean => (direct(el) ? el.hasAttribute(name) : hasAttribute.call(el, name));
export const hasAttrs = (el: Element): boolean => (direct(el) ? el.hasAttributes() : hasAttributes.call(el));
