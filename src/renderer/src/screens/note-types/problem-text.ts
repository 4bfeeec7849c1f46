import type { NoteTypeProblem } from '../../../../core/note-types/check';
import { t } from '../../i18n/locale.svelte';

/** Where a problem is, as the learner sees it: "Card 1, front". */
function place(template: number, names: readonly string[], side?: 'front' | 'back'): string {
  const card = names[template] || t('noteTypes.cardNumber', { number: template + 1 });
  return side ? t(`noteTypes.place.${side}`, { card }) : card;
}

/** A note type problem in the learner's words, with the tag it is about. */
export function problemText(problem: NoteTypeProblem, templateNames: readonly string[]): string {
  switch (problem.kind) {
    case 'syntax': {
      const where = place(problem.template, templateNames, problem.side);
      const syntax = problem.problem;
      if (syntax.kind === 'noClosingBrackets') return t('noteTypes.problem.noClosingBrackets', { where, tag: syntax.rest.slice(0, 40) });
      if (syntax.kind === 'sectionNotClosed') return t('noteTypes.problem.sectionNotClosed', { where, open: `{{#${syntax.field}}}`, close: `{{/${syntax.field}}}` });
      if (syntax.open === null) return t('noteTypes.problem.closedNotOpen', { where, close: `{{/${syntax.closed}}}` });
      return t('noteTypes.problem.wrongClose', { where, close: `{{/${syntax.closed}}}`, expected: `{{/${syntax.open}}}` });
    }
    case 'unknownField':
      return t('noteTypes.problem.unknownField', { where: place(problem.template, templateNames, problem.side), tag: problem.tag, field: problem.field });
    case 'noFrontField':
      return t('noteTypes.problem.noFrontField', { where: place(problem.template, templateNames) });
    case 'noClozeFilter':
      return t('noteTypes.problem.noClozeFilter', { where: place(problem.template, templateNames), tag: '{{cloze:Text}}' });
    case 'sameFront':
      return t('noteTypes.problem.sameFront', { where: place(problem.template, templateNames), other: place(problem.sameAs, templateNames) });
    case 'fieldName':
      return t(`noteTypes.problem.fieldName.${problem.reason}`, { name: problem.name || '—', chars: ': { } "' });
    case 'templateName':
      return t(`noteTypes.problem.templateName.${problem.reason}`, { name: problem.name || '—' });
    default:
      return t(`noteTypes.problem.${problem.kind}`);
  }
}
