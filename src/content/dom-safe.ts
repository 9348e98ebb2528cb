/**
 * Attribute reads that a page cannot redirect. A <form> exposes its controls as named properties
 * that shadow Element's methods (an <input name="hasAttribute"> makes `form.hasAttribute` that
 * input, in the content script's world too), so code that reads arbitrary elements calls the
 * prototype's methods instead.
 */
const { getAttribute, hasAttribute, hasAttributes } = Element.prototype;

export const attr = (el: Element, name: string): string | null => getAttribute.call(el, name);
export const hasAttr = (el: Element, name: string): boolean => hasAttribute.call(el, name);
export const hasAttrs = (el: Element): boolean => hasAttributes.call(el);
