import type { en } from './en';

/**
 * The shape of the English catalog with any text: the compiler keeps ja.ts in step with en.ts.
 * A plural's `_one` form is English grammar (i18next picks `_one` or `_other` by the language's
 * plural rules); Japanese has one form, so its catalog gives only `_other`.
 */
export type Catalog<T = typeof en> = {
  readonly [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : Catalog<T[K]>;
} & {
  readonly [K in keyof T as K extends `${string}_one` ? K : never]?: never;
};
