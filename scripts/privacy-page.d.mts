/** Types for privacy-page.mjs. */
export function privacyPage(markdown: string): string;
