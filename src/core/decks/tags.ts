import type { NoteDraft } from './draft';

/** `kind::…`, `section::N` and `nfr::E.6`, so readiness can be broken down by topic. */
export function tagsFor(draft: NoteDraft): string[] {
  return [
    `kind::${draft.kind}`,
    ...(draft.sectionNumber === null ? [] : [`section::${draft.sectionNumber}`]),
    ...draft.nfrItems.map((item) => `nfr::${item}`),
  ];
}
