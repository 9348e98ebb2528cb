/**
 * Attribute reads that a page cannot redirect. A <form> exposes its controls as named properties
 * that shadow Element's methods (an <input name="hasAttribute"> makes `form.hasAttribute` that
 * input, in the content script's world too), so forms, and any element whose own properties look
 * clobbered, are read through the prototype's methods. Other elements use the direct calls, which
 * Firefox's content-script wrappers run much faster than `Element.prototype.x.call(el)`.
 *
 * A caller that has already read the element's tag name (through `tagNameOf` where `tagName` was
 * not a string) passes it, which saves reading `localName` again on every call.
 */
const { getAttribute, hasAttribute, hasAttributes } = Element.prototype;
const tagNameGetter = Object.getOwnPropertyDescriptor(Element.prototype, 'tagName')?.get;
const parentNodeGetter = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode')?.get;
const isConnectedGetter = Object.getOwnPropertyDescriptor(Node.prototype, 'isConnected')?.get;
const textContentGetter = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')?.get;

const direct = (el: Element, tag: string | undefined): boolean => {
  if (tag !== undefined) return tag !== 'FORM' && tag !== 'form';
  const name: unknown = el.localName;
  return typeof name === 'string' && name !== 'form';
};

export const attr = (el: Element, name: string, tag?: string): string | null => (direct(el, tag) ? el.getAttribute(name) : getAttribute.call(el, name));
export const hasAttr = (el: Element, name: string, tag?: string): boolean => (direct(el, tag) ? el.hasAttribute(name) : hasAttribute.call(el, name));
export const hasAttrs = (el: Element, tag?: string): boolean => (direct(el, tag) ? el.hasAttributes() : hasAttributes.call(el));

/** The element's tag name from the prototype's getter (for a form whose `tagName` is a control). */
export const tagNameOf = (el: Element): string => (tagNameGetter ? (tagNameGetter.call(el) as string) : '');
/** The node's parent and whether it is in the document, from the prototype's getters. */
export const parentNodeOf = (node: Node): Node | null => (parentNodeGetter ? (parentNodeGetter.call(node) as Node | null) : node.parentNode);
export const isConnectedOf = (node: Node): boolean => (isConnectedGetter ? (isConnectedGetter.call(node) as boolean) : node.isConnected);
/**
 * The node's text from the prototype's getter (a form's `textContent` may be one of its controls), trimmed.
 * An empty answer is asked again directly (happy-dom's getter on Node.prototype answers "" for elements);
 * a form without text whose `textContent` is a control then reads as that control's name: text, never a throw.
 */
export const textOf = (node: Node): string => String((textContentGetter?.call(node) as string | null) || node.textContent || '').trim();

/**
 * A text node longer than this is never read whole (`data`): Firefox copies a node's whole text on every read
 * (5 M characters: 60-180 ms). The scanner reads it window by window (segments.ts), the scope samples it.
 */
export const HUGE_NODE = 65_536;
