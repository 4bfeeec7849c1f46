import { cardText } from '../../../../core/cards';
import type { Card, Note, NoteType } from '../../../../core/collection/model';
import type { TopicFamily } from '../../../../core/readiness/topicIndex';
import type { ExamPlan } from '../../../../core/readiness/projection/examPlan';
import { t } from '../../i18n/locale.svelte';
import { percent } from '../../i18n/percent';


/** A catalog text, or null when the catalog has none (i18next hands back the key itself). */
function known(key: string): string | null {
  const text = t(key);
  return text === key ? null : text;
}

/**
 * What a learner calls a topic: `E.6 データの秘匿` rather than `nfr::E.6`, `脅威 ↔ 対策サービス`
 * rather than `kind::threat-service`. Topics the catalog does not know keep their own name.
 */
export function topicLabel(family: TopicFamily, key: string, label: string): string {
  if (family === 'nfr') {
    const name = known(`readiness.nfrItem.${key.replace(/\./g, '')}`);
    return name ? `${key} ${name}` : key;
  }
  if (family === 'kind') return known(`readiness.kind.${key}`) ?? key.replace(/-/g, ' ');
  if (family === 'deck') return label.split('::').join(' › ');
  return label;
}

/** The verdict sentence under the projection chart. */
export function verdictText(plan: ExamPlan): string {
  const target = percent(plan.target);
  const score = percent(plan.current.examScore);
  if (plan.verdict === 'on-track') return t('readiness.verdictOnTrack', { score, target });
  if (plan.verdict === 'needs-more-new-cards') return t('readiness.verdictNeedsMore', { score, target });
  return t('readiness.verdictOutOfReach', { score, target });
}

/** The smallest daily effort that reaches the target, or null when nothing does. */
export function suggestionText(plan: ExamPlan): string | null {
  if (!plan.suggestion) return null;
  return t('readiness.suggestion', {
    cards: plan.suggestion.newCardsPerDay,
    minutes: Math.ceil(plan.suggestion.projection.minutesPerDay),
  });
}

/** A weak card's question as the learner sees it on the card, on one line. */
export function cardQuestion(card: Card, note: Note, noteType: NoteType | undefined): string {
  return noteType ? cardText(noteType, note, card.template) : '';
}
