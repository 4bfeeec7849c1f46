import { describe, expect, it } from 'vitest';
import { tagSuggestions } from '../../../src/renderer/src/components/note-editor/tag-suggestions';

const tags = ['aws', 'aws::iam', 'nfr::E.8', 'kind::threat', 'security'];

describe('tags offered while typing', () => {
  it('offers the tags starting with the word at the caret first, then those containing it, case ignored', () => {
    expect(tagSuggestions('AW', 2, tags)).toEqual(['aws', 'aws::iam']);
    expect(tagSuggestions('e.8', 3, tags)).toEqual(['nfr::E.8']);
    expect(tagSuggestions('se', 2, tags)).toEqual(['security']);
  });
  it('looks at the word the caret is in, and leaves out tags the box already holds', () => {
    expect(tagSuggestions('aws iam', 3, tags)).toEqual(['aws::iam']);
    expect(tagSuggestions('aws::iam aw', 11, tags)).toEqual(['aws']);
    expect(tagSuggestions('aws ', 4, tags)).toEqual([]);
  });
});
