/**
 * One browser per test file and browser name: launched before the file's tests, closed after them.
 * Kept out of harness.ts, which `npm start` also loads outside vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import { launch, type BrowserName, type LaunchOptions, type Session } from './harness';

/** Call inside `describe`; the returned function gives the running session inside tests. */
export function useSession(name: BrowserName, options: LaunchOptions = {}, timeout?: number): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await launch(name, options);
  }, timeout);
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error(`no ${name} session: launch failed or the file's tests have ended`);
    return session;
  };
}
