import { describe, expect, it } from 'vitest';
import { parseSearch, SEARCH_ERROR_KINDS, SearchSyntaxError, type SearchErrorKind } from '../../../src/core/search';

function errorOf(search: string): SearchSyntaxError {
  try {
    parseSearch(search);
  } catch (problem) {
    if (problem instanceof SearchSyntaxError) return problem;
    throw problem;
  }
  throw new Error(`expected ${search} to be malformed`);
}

describe('parsing a search', () => {
  it('reads an empty search as the whole collection', () => {
    expect(parseSearch('')).toEqual({ kind: 'all' });
    expect(parseSearch('  \u3000 ')).toEqual({ kind: 'all' });
  });

  it('joins terms with an implicit and, which binds tighter than or (as Anki)', () => {
    expect(parseSearch('hello  -(world and "foo:bar baz") OR test')).toEqual({
      kind: 'or',
      children: [
        {
          kind: 'and',
          children: [
            { kind: 'text', glob: 'hello' },
            {
              kind: 'not',
              child: { kind: 'and', children: [{ kind: 'text', glob: 'world' }, { kind: 'field', field: 'foo', glob: 'bar baz' }] },
            },
          ],
        },
        { kind: 'text', glob: 'test' },
      ],
    });
  });

  it('separates terms by the Japanese ideographic space too', () => {
    expect(parseSearch('脅威\u3000対策')).toEqual({ kind: 'and', children: [{ kind: 'text', glob: '脅威' }, { kind: 'text', glob: '対策' }] });
  });

  it('treats quoting and escaping as Anki does', () => {
    expect(parseSearch('"field:va\\"lue"')).toEqual(parseSearch('field:"va\\"lue"'));
    expect(parseSearch('"field:va\\"lue"')).toEqual(parseSearch('field:va\\"lue'));
    expect(parseSearch('\\"\\:\\(\\)\\-')).toEqual({ kind: 'text', glob: '":()-' });
    expect(parseSearch('\\\\\\*\\_')).toEqual({ kind: 'text', glob: '\\\\\\*\\_' });
    expect(parseSearch('field:val:ue')).toEqual(parseSearch('field:val\\:ue'));
    expect(parseSearch('-')).toEqual(parseSearch('\\-'));
    expect(parseSearch('"-A"')).toEqual(parseSearch('\\-A'));
    expect(parseSearch('-A')).toEqual({ kind: 'not', child: { kind: 'text', glob: 'A' } });
    expect(parseSearch('a"b"(c)')).toEqual(parseSearch('a b (c)'));
  });

  it('knows every term the issue lists', () => {
    expect(parseSearch('deck:"AWS Security::サービス"')).toEqual({ kind: 'deck', glob: 'AWS Security::サービス' });
    expect(parseSearch('tag:nfr::E.8')).toEqual({ kind: 'tag', glob: 'nfr::E.8' });
    expect(parseSearch('tag:re:^nfr')).toEqual({ kind: 'tagRegex', re: '^nfr' });
    expect(parseSearch('note:basic')).toEqual({ kind: 'noteType', glob: 'basic' });
    expect(parseSearch('card:2')).toEqual({ kind: 'template', ordinal: 1 });
    expect(parseSearch('card:0')).toEqual({ kind: 'template', ordinal: 0 });
    expect(parseSearch('card:Card 1')).toEqual({ kind: 'and', children: [{ kind: 'templateName', glob: 'Card' }, { kind: 'text', glob: '1' }] });
    expect(parseSearch('is:due')).toEqual({ kind: 'state', state: 'due' });
    expect(parseSearch('flag:3')).toEqual({ kind: 'flag', flag: 3 });
    expect(parseSearch('prop:ivl>=10')).toEqual({ kind: 'prop', property: 'ivl', op: '>=', value: 10 });
    expect(parseSearch('prop:due=-1')).toEqual({ kind: 'prop', property: 'due', op: '=', value: -1 });
    expect(parseSearch('prop:s>21.5')).toEqual({ kind: 'prop', property: 's', op: '>', value: 21.5 });
    expect(parseSearch('prop:r<0.9')).toEqual({ kind: 'prop', property: 'r', op: '<', value: 0.9 });
    expect(parseSearch('prop:reps!=2')).toEqual({ kind: 'prop', property: 'reps', op: '!=', value: 2 });
    expect(parseSearch('prop:rated=-2:1')).toEqual({ kind: 'propRated', op: '=', days: -2, rating: 1 });
    expect(parseSearch('rated:7')).toEqual({ kind: 'rated', days: 7, rating: null });
    expect(parseSearch('rated:0:4')).toEqual({ kind: 'rated', days: 1, rating: 4 });
    expect(parseSearch('added:3')).toEqual({ kind: 'added', days: 3 });
    expect(parseSearch('edited:1')).toEqual({ kind: 'edited', days: 1 });
    expect(parseSearch('introduced:0')).toEqual({ kind: 'introduced', days: 1 });
    expect(parseSearch('cid:01J0ABC/0,01J0ABC/1')).toEqual({ kind: 'cardIds', ids: ['01J0ABC/0', '01J0ABC/1'] });
    expect(parseSearch('nid:123')).toEqual({ kind: 'noteIds', ids: ['123'] });
    expect(parseSearch('"re:(some|another).*thing"')).toEqual({ kind: 'regex', re: '(some|another).*thing' });
    expect(parseSearch('"re:\\btest\\%"')).toEqual({ kind: 'regex', re: '\\btest\\%' });
    expect(parseSearch('nc:uber')).toEqual({ kind: 'noCombining', glob: 'uber' });
    expect(parseSearch('front:re:dog')).toEqual({ kind: 'fieldRegex', field: 'front', re: 'dog' });
    expect(parseSearch('front:nc:uber')).toEqual({ kind: 'fieldNoCombining', field: 'front', glob: 'uber' });
    expect(parseSearch('front:')).toEqual({ kind: 'field', field: 'front', glob: '' });
  });
});

/** [search, error, start, end]: every malformed search says what is wrong and where. */
const MALFORMED: [string, SearchErrorKind, number, number][] = [
  ['foo and', 'misplacedAnd', 4, 7],
  ['and foo', 'misplacedAnd', 0, 3],
  ['foo or', 'misplacedOr', 4, 6],
  ['or', 'misplacedOr', 0, 2],
  ['a or or b', 'misplacedOr', 5, 7],
  ['()', 'emptyGroup', 0, 2],
  ['(foo ( ) bar)', 'emptyGroup', 5, 8],
  [')', 'unopenedGroup', 0, 1],
  ['foo ) bar', 'unopenedGroup', 4, 5],
  ['(foo) bar)', 'unopenedGroup', 9, 10],
  ['(', 'unclosedGroup', 0, 1],
  ['foo ( bar', 'unclosedGroup', 4, 5],
  ['(foo (bar)', 'unclosedGroup', 0, 1],
  ['""', 'emptyQuote', 0, 2],
  ['foo:""', 'emptyQuote', 4, 6],
  ['" ', 'unclosedQuote', 0, 2],
  ['" foo', 'unclosedQuote', 0, 5],
  ['foo:"bar', 'unclosedQuote', 4, 8],
  ['foo:"bar\\', 'unclosedQuote', 4, 9],
  [':', 'missingKey', 0, 1],
  [':foo', 'missingKey', 0, 4],
  ['\\', 'unknownEscape', 0, 1],
  ['\\%', 'unknownEscape', 0, 2],
  ['foo\\', 'unknownEscape', 3, 4],
  ['\\foo', 'unknownEscape', 0, 2],
  ['"\\ "', 'unknownEscape', 1, 3],
  ['nid:1;2,3', 'invalidIdList', 0, 9],
  ['cid:1,2,', 'invalidIdList', 0, 8],
  ['cid:,2', 'invalidIdList', 0, 6],
  ['is:foo', 'invalidState', 3, 6],
  ['is:DUE', 'invalidState', 3, 6],
  ['is:', 'invalidState', 3, 3],
  ['"is:learn "', 'invalidState', 4, 10],
  ['flag:', 'invalidFlag', 5, 5],
  ['flag:8', 'invalidFlag', 5, 6],
  ['flag:1.1', 'invalidFlag', 5, 8],
  ['flag:-0', 'invalidFlag', 5, 7],
  ['prop:', 'invalidPropProperty', 5, 5],
  ['prop:=1', 'invalidPropProperty', 5, 7],
  ['prop:DUE<5', 'invalidPropProperty', 5, 10],
  ['prop:lapses', 'invalidPropOperator', 5, 11],
  ['prop:pos~1', 'invalidPropOperator', 5, 10],
  ['prop:ease>', 'invalidNumber', 5, 10],
  ['prop:s<1,3', 'invalidNumber', 5, 10],
  ['prop:due=0.5', 'invalidWholeNumber', 5, 12],
  ['prop:ivl>', 'invalidPositiveWholeNumber', 5, 9],
  ['prop:ivl!=-1', 'invalidPositiveWholeNumber', 5, 12],
  ['added:1.1', 'invalidPositiveWholeNumber', 6, 9],
  ['edited:-1', 'invalidPositiveWholeNumber', 7, 9],
  ['introduced:', 'invalidPositiveWholeNumber', 11, 11],
  ['rated:foo', 'invalidPositiveWholeNumber', 6, 9],
  ['prop:rated=1', 'invalidNegativeWholeNumber', 5, 12],
  ['rated:1:', 'invalidAnswerButton', 6, 8],
  ['rated:3:5', 'invalidAnswerButton', 6, 9],
  ['"re:(a"', 'invalidRegex', 4, 6],
  ['tag:re:[', 'invalidRegex', 4, 8],
];

describe('a malformed search', () => {
  it.each(MALFORMED)('%s is %s at %i–%i', (search, kind, start, end) => {
    const error = errorOf(search);
    expect({ kind: error.kind, start: error.start, end: error.end }).toEqual({ kind, start, end });
  });

  it('has a case in the table for every kind of error', () => {
    expect(new Set(MALFORMED.map(([, kind]) => kind))).toEqual(new Set(SEARCH_ERROR_KINDS));
  });
});
