import type { en } from './en';

/** The shape of the English catalog with any text: the compiler keeps ja.ts in step with en.ts. */
export type Catalog<T = typeof en> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
