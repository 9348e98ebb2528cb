/** The default news sites: the manifest's content-script match patterns (popup and background read them). */
import { api } from './browser';

export const defaultMatches = (): string[] => api.runtime.getManifest().content_scripts?.flatMap((s) => s.matches ?? []) ?? [];
