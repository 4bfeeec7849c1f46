import { SKIP_DETAIL_ORDER, type SkipDetail, type SkippedItem } from '../../../core/formats/skipped';
import { language, t } from '../i18n/locale.svelte';

/** The values of a skipped item's detail in the learner's language, e.g. `2 行目、デッキ「odd」`; empty when there are none. */
function detailText(detail: SkipDetail): string {
  const count = new Intl.NumberFormat(language());
  const parts = SKIP_DETAIL_ORDER.flatMap((key) => {
    const value = detail[key];
    if (value === undefined) return [];
    if (key === 'side') return [t(`importSkipped.detail.${value as 'front' | 'back'}`)];
    return [t(`importSkipped.detail.${key}`, { value: typeof value === 'number' ? count.format(value) : value })];
  });
  return parts.join(t('importSkipped.detail.separator'));
}

/** One line of the import preview's list of skipped items: what, why, and its particulars. */
export function skippedText(item: SkippedItem): string {
  const detail = detailText(item.detail);
  const line = `${t(`importSkipped.kinds.${item.kind}`, { name: item.name })}: ${t(`importSkipped.reasons.${item.reason}`)}`;
  return detail ? line + t('importSkipped.detail.wrap', { detail }) : line;
}
