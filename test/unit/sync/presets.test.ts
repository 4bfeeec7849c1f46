import { describe, expect, it } from 'vitest';
import { builtInDecks, T0 } from '../storage/helpers';
import { syncServerForFile } from './sync-server';

const { twoDevices } = syncServerForFile('kioku-presets');

describe('deck options on two devices', () => {
  it('a preset changed on one device and a deck given its own reach the other, and so does a moved exam date', async () => {
    const { a, b, close } = await twoDevices({ decks: builtInDecks(3) });
    try {

      await a.collection.setDeckOptions('deck-aws-iam', { newPerDay: 7 });
      const { presetId } = await a.collection.deckSetupOf('deck-jp');
      await a.collection.savePresetOptions(presetId, { maximumIntervalDays: 90 });
      await a.collection.setExam('', '2027-03-01', 0.85, T0);
      await a.sync();
      await b.sync();

      // Its own preset was copied from Default before Default changed: presets are whole, as in Anki.
      const iam = await b.collection.deckOptions('deck-aws-iam');
      expect([iam.newPerDay, iam.maximumIntervalDays, iam.examDate]).toEqual([7, 36500, '2027-03-01']);
      const jp = await b.collection.deckOptions('deck-jp');
      expect([jp.newPerDay, jp.maximumIntervalDays, jp.examDate]).toEqual([20, 90, '2027-03-01']);
      expect((await b.collection.presets()).map((preset) => preset.name).sort()).toEqual((await a.collection.presets()).map((preset) => preset.name).sort());
    } finally {
      await close();
    }
  }, 30_000);
});
