/** The part of mark.js (no bundled types) that the bench uses. */
declare module 'mark.js' {
  interface MarkRegExpOptions {
    done?: (marks: number) => void;
  }
  export default class Mark {
    constructor(context: HTMLElement | NodeList | string);
    markRegExp(regexp: RegExp, options?: MarkRegExpOptions): void;
  }
}
