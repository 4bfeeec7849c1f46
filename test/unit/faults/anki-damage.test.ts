import { describe, expect, it } from 'vitest';
import { fixture } from './collection';
import { importEach } from './import-outcome';
import { ankiSeeds } from './hostile-files';
import { withSql } from './sql-mutations';

/** Damage the hostile-file sweep found getting into the collection, where the learner's next export then failed. */
describe('an Anki collection with impossible scheduling numbers is refused, naming the card or review', () => {
  it.each([
    ['a negative review count', 'UPDATE cards SET reps = -3', /^reps\.apkg, card anki-note-\d+\/0: reps is -3; expected a whole number of at least 0$/],
    ['a card for a template the note type lacks', 'UPDATE cards SET ord = 57', /^ord\.apkg, card anki-note-\d+\/57: uses card template 58, but note type "[^"]+" has 1$/],
  ])('%s', async (_, statement, message) => {
    const name = statement.includes('ord') ? 'ord.apkg' : 'reps.apkg';
    const outcomes = await importEach([{ name, how: statement, bytes: await withSql(fixture('anki/media.apkg'), statement) }]);
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.messages).toEqual([expect.stringMatching(message)]);
  });

  it('a review log entry whose interval is not a number', async () => {
    const [, kiokuPackage] = await ankiSeeds();
    const statement = `UPDATE revlog SET ivl = 'x'`;
    const outcomes = await importEach([{ name: 'ivl.apkg', how: statement, bytes: await withSql(kiokuPackage!, statement) }]);
    expect(outcomes.problems).toEqual([]);
    expect(outcomes.messages).toEqual([expect.stringMatching(/^ivl\.apkg, review anki-review-\d+: dueAfter is NaN; expected a time between the years 1 and 9999$/)]);
  });
});
