/*
 * jsdom ships no types, and @types/jsdom is a major version ahead of the jsdom vitest uses; the
 * one constructor the hostile-documents test calls is declared here.
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
