import { describe, expect, it } from 'vitest';
import { lostSummary } from '../../../src/renderer/src/screens/sync/lost-summary';
import { hostileFields } from '../../fixtures/hostile/generated';

describe('a version lost to another device, as the Sync screen lists it', () => {
  it('shows a note as its fields in plain text, never markup', () => {
    expect(lostSummary({ fields: ['<b>AWS Shield</b>&nbsp;Advanced', 'DDoS [sound:shield.mp3]<br>対策'] })).toBe('AWS Shield Advanced · DDoS 🔊 対策');
    expect(lostSummary({ name: '脅威' })).toBe('脅威');
    expect(lostSummary(null)).toBe('');
  });

  it('keeps to one short line for 1 MiB fields sent by a hostile device', () => {
    // `<[^>]*>` scanned to the end from every `<`: 1 MiB of them froze the Sync screen.
    for (const { name, text } of hostileFields()) expect([...lostSummary({ fields: [text, 'x'] })].length, name).toBeLessThanOrEqual(160);
  });
});
