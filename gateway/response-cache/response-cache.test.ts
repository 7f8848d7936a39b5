import { refusedWhole } from './response-cache';

describe('which mutation answers retire the response cache', () => {
  const error = (code: string) => ({ message: code, extensions: { code } });

  it('keeps the cache for a mutation refused as a whole', () => {
    expect(refusedWhole({ data: null, errors: [error('FORBIDDEN')] })).toBe(true);
    expect(refusedWhole({ errors: [error('BAD_USER_INPUT'), error('CONFLICT')] })).toBe(true);
    expect(refusedWhole({ data: { closeSurvey: null }, errors: [error('NOT_FOUND')] })).toBe(true);
  });

  it('retires it when anything may have changed', () => {
    // One root field answered: a change was made.
    expect(refusedWhole({ data: { a: { id: '1' }, b: null }, errors: [error('FORBIDDEN')] })).toBe(
      false,
    );
    // A failure that is not a refusal may come after a commit.
    expect(refusedWhole({ data: null, errors: [error('INTERNAL_SERVER_ERROR')] })).toBe(false);
    expect(refusedWhole({ data: null, errors: [{ message: 'no code' }] })).toBe(false);
    expect(
      refusedWhole({ data: null, errors: [error('FORBIDDEN'), error('UPSTREAM_UNAVAILABLE')] }),
    ).toBe(false);
    // A mutation that answered without errors.
    expect(refusedWhole({ data: { a: { id: '1' } } })).toBe(false);
  });
});
