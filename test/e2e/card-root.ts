/**
 * The card's closed shadow root, reached from outside for tests: a stand-in for a page script that holds a
 * reference to it (hostile-card.test.ts), and the way to find the card's controls for real mouse clicks in both
 * browsers (Firefox's automation has no accessibility tree).
 */
import type { CDPSession, Page } from 'puppeteer-core';
import type { Session } from './harness';

/** The card's host as the page sees it: the one element we add under <html>, beside head and body (`:root`, as the page may clobber `document.documentElement`). */
export const HOST_OF_PAGE = `[...document.querySelector(':root').children].find((e) => e.localName !== 'head' && e.localName !== 'body') ?? null`;

/**
 * Runs `fn` (the source of a function of one argument) in the PAGE's realm with the card's closed
 * shadow root as its argument, and returns its JSON result: a stand-in for a page script that holds
 * a reference to the root. The root is found through the automation protocol, which sees closed roots.
 */
export async function withCardRoot<T>(session: Session, page: Page, fn: string): Promise<T> {
  if (session.name === 'chromium') {
    const cdp: CDPSession = await page.createCDPSession();
    try {
      interface DomNode { nodeId: number; localName: string; children?: DomNode[]; shadowRoots?: DomNode[] }
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
      const html = root.children?.find((n) => n.localName === 'html');
      const host = html?.children?.find((n) => n.localName !== 'head' && n.localName !== 'body' && n.shadowRoots?.length);
      const shadow = host?.shadowRoots?.[0];
      if (!shadow) throw new Error('no card root');
      const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
      const out = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId as string,
        functionDeclaration: `async function () { return JSON.stringify(await (${fn})(this)); }`,
        returnByValue: true,
        awaitPromise: true,
      });
      if (out.exceptionDetails) throw new Error(out.exceptionDetails.exception?.description ?? out.exceptionDetails.text);
      return JSON.parse(out.result.value as string) as T;
    } finally {
      await cdp.detach();
    }
  }
  // Firefox: WebDriver BiDi serialises closed shadow roots with includeShadowTree 'all'.
  const bidi = (session.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const unwrap = (response: unknown) => ((response as { result?: unknown }).result ?? response) as Record<string, unknown>;
  const evaluated = unwrap(
    await bidi.send('script.evaluate', {
      expression: HOST_OF_PAGE,
      target: { context },
      awaitPromise: false,
      resultOwnership: 'root',
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    }),
  );
  const value = (evaluated.result as { value?: { shadowRoot?: { sharedId?: string } | null } } | undefined)?.value;
  const sharedId = value?.shadowRoot?.sharedId;
  if (!sharedId) throw new Error(`no card root: ${JSON.stringify(evaluated)}`);
  const called = unwrap(
    await bidi.send('script.callFunction', {
      functionDeclaration: `async (root) => JSON.stringify(await (${fn})(root))`,
      target: { context },
      arguments: [{ sharedId }],
      awaitPromise: true,
      resultOwnership: 'none',
    }),
  );
  const result = called.result as { type: string; value?: unknown } | undefined;
  if (called.type === 'exception' || result?.type !== 'string') throw new Error(`call failed: ${JSON.stringify(called)}`);
  return JSON.parse(result.value as string) as T;
}


/** The centre of the first element matching `selector` in the card, scrolled into view: where a real click goes. */
export function cardControlAt(session: Session, page: Page, selector: string): Promise<{ x: number; y: number } | null> {
  return withCardRoot<{ x: number; y: number } | null>(
    session,
    page,
    `(root) => { const b = root.querySelector(${JSON.stringify(selector)}); if (!b) return null;
      b.scrollIntoView({ block: 'nearest' }); const r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }`,
  );
}
