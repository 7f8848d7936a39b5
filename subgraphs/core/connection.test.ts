import { decodeCursor, encodeCursor, type KeysetOrder, normalizePageArgs } from './connection';
import { BadUserInputError } from './errors';

const BY_NAME: KeysetOrder<unknown> = {
  name: 'NAME',
  direction: 'ASC',
  keys: [
    { sql: 'a', value: () => '' },
    { sql: 'b', value: () => '' },
  ],
};

describe('normalizePageArgs', () => {
  it('pages forward 20 at a time by default', () => {
    expect(normalizePageArgs({})).toEqual({
      size: 20,
      forward: true,
      cursor: null,
      cursorField: 'after',
    });
  });

  it('pages backward with last and before', () => {
    expect(normalizePageArgs({ last: 5, before: 'c' })).toEqual({
      size: 5,
      forward: false,
      cursor: 'c',
      cursorField: 'before',
    });
  });

  it('refuses more than 100 rather than cutting silently', () => {
    expect(() => normalizePageArgs({ first: 101 })).toThrow(BadUserInputError);
    expect(() => normalizePageArgs({ last: -1 })).toThrow('last: must be from 0 to 100, got -1');
  });

  it('refuses first and last together', () => {
    expect(() => normalizePageArgs({ first: 1, last: 1 })).toThrow(
      /first: cannot be combined with last/,
    );
  });
});

describe('cursors', () => {
  it('round-trip the key values of a row, dates as ISO strings', () => {
    const cursor = encodeCursor('NAME', ['Åbo', new Date('2027-01-01T00:00:00Z')]);
    expect(decodeCursor('after', cursor, BY_NAME)).toEqual(['Åbo', '2027-01-01T00:00:00.000Z']);
  });

  it('refuse garbage with the argument name', () => {
    expect(() => decodeCursor('after', 'not-a-cursor', BY_NAME)).toThrow(
      'after: is not a cursor this API gave out',
    );
  });

  it('refuse a cursor made for another ordering', () => {
    const cursor = encodeCursor('UPDATED_AT', ['x', 'y']);
    expect(() => decodeCursor('after', cursor, BY_NAME)).toThrow(/made for ordering UPDATED_AT/);
  });
});
