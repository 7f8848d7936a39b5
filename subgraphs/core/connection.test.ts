import { decodeCursor, encodeCursor, type KeysetOrder, normalizePageArgs } from './connection';
import { BadUserInputError } from './errors';

const BY_NAME: KeysetOrder<unknown> = {
  name: 'NAME',
  direction: 'ASC',
  keys: [
    { sql: 'a', type: 'text', value: () => '' },
    { sql: 'b', type: 'timestamp', value: () => '' },
  ],
};

describe('normalizePageArgs', () => {
  it('pages forward 20 at a time by default', () => {
    expect(normalizePageArgs({})).toEqual({ size: 20, forward: true, after: null, before: null });
  });

  it('pages backward with last and before', () => {
    expect(normalizePageArgs({ last: 5, before: 'c' })).toEqual({
      size: 5,
      forward: false,
      after: null,
      before: 'c',
    });
  });

  it('keeps both cursors, cutting from the start with first and from the end otherwise', () => {
    expect(normalizePageArgs({ after: 'a', before: 'b', first: 3 })).toEqual({
      size: 3,
      forward: true,
      after: 'a',
      before: 'b',
    });
    expect(normalizePageArgs({ after: 'a', before: 'b' })).toEqual({
      size: 20,
      forward: false,
      after: 'a',
      before: 'b',
    });
  });

  it('accepts a cursor of microsecond precision, as PostgreSQL stamps rows', () => {
    const cursor = encodeCursor('NAME', ['x', '2027-01-01T00:00:00.123456Z']);
    expect(decodeCursor('after', cursor, BY_NAME)).toEqual(['x', '2027-01-01T00:00:00.123456Z']);
    const forged = encodeCursor('NAME', ['x', '2027-02-30T00:00:00.123456Z']);
    expect(() => decodeCursor('after', forged, BY_NAME)).toThrow(/not a cursor/);
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

  it("refuse a forged cursor whose values are not of the keys' types, before any SQL", () => {
    const forged = (v: unknown[]) =>
      Buffer.from(JSON.stringify({ o: 'STARTS_AT', v })).toString('base64url');
    const BY_START: KeysetOrder<unknown> = {
      name: 'STARTS_AT',
      direction: 'ASC',
      keys: [
        { sql: 'e.starts_at', type: 'timestamp', value: () => '' },
        { sql: 'e.id', type: 'uuid', value: () => '' },
      ],
    };
    // The cursor from the hardening report: {"o":"STARTS_AT","v":["x","y"]}.
    expect(forged(['x', 'y'])).toBe('eyJvIjoiU1RBUlRTX0FUIiwidiI6WyJ4IiwieSJdfQ');
    const id = '00000000-0000-4000-8000-000000000001';
    for (const values of [
      ['x', 'y'],
      ['2027-02-30T10:00:00.000Z', id],
      ['2027-01-01T10:00:00.000Z', 'not-a-uuid'],
      [12, id],
      [null, id],
      [{ a: 1 }, id],
    ]) {
      expect(() => decodeCursor('after', forged(values), BY_START)).toThrow(
        'after: is not a cursor this API gave out',
      );
    }
    expect(decodeCursor('after', forged(['2027-01-01T10:00:00.000Z', id]), BY_START)).toEqual([
      '2027-01-01T10:00:00.000Z',
      id,
    ]);
    const text: KeysetOrder<unknown> = { ...BY_NAME, keys: [BY_NAME.keys[0], BY_START.keys[1]] };
    const nul = Buffer.from(JSON.stringify({ o: 'NAME', v: ['a\u0000b', id] })).toString(
      'base64url',
    );
    expect(() => decodeCursor('after', nul, text)).toThrow(/not a cursor/);
  });
});
