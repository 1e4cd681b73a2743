import { describe, expect, it } from 'vitest';
import { diffRevisions } from '@/lib/drafts/diff';

describe('diffRevisions', () => {
  it.each([
    ['identical', { a: '1' }, { a: '1' }, []],
    ['changed', { a: '1', b: '2' }, { a: '1', b: '3' }, [{ key: 'b', before: '2', after: '3' }]],
    [
      'added and removed, sorted by key',
      { z: 'gone' },
      { a: 'new' },
      [
        { key: 'a', before: undefined, after: 'new' },
        { key: 'z', before: 'gone', after: undefined },
      ],
    ],
    ['emptied is a change, not a removal', { a: '1' }, { a: '' }, [{ key: 'a', before: '1', after: '' }]],
    // GuideCheck's own bookkeeping (the section page of each value) is no field of the form
    ['bookkeeping is not a field', { '~sections': '{}', a: '1' }, { '~sections': '{"a":"一"}', a: '1' }, []],
  ])('%s', (_, before, after, expected) => {
    expect(diffRevisions({ fields: before }, { fields: after })).toEqual(expected);
  });
});
