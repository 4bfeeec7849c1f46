import { DEFAULT_PRESET_ID, DEFAULT_PRESET_NAME, type Preset } from '../../../../core/presets/presets';
import { t } from '../../i18n/locale.svelte';

/** The Default preset is named in the learner's language until they rename it; other names are theirs. */
export function presetLabel(preset: Pick<Preset, 'id' | 'name'>): string {
  return preset.id === DEFAULT_PRESET_ID && preset.name === DEFAULT_PRESET_NAME ? t('presets.defaultName') : preset.name;
}
