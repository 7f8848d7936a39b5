import { GraphQLError } from 'graphql';
import {
  BadUserInputError,
  createErrorFormatter,
  NotFoundError,
  UnauthenticatedError,
} from './errors';

describe(createErrorFormatter.name, () => {
  const logged: unknown[] = [];
  const format = createErrorFormatter((error) => logged.push(error));

  beforeEach(() => {
    logged.length = 0;
  });

  it('passes our own errors through with their code and details', () => {
    const error = BadUserInputError.single(
      'input.businessId',
      'CHECK_DIGIT',
      'has a wrong check digit',
    );
    const formatted = { message: error.message, extensions: { ...error.extensions } };
    expect(format(formatted, error)).toBe(formatted);
    expect(new NotFoundError('Association', 'x').extensions.code).toBe('NOT_FOUND');
    expect(logged).toEqual([]);
  });

  it('gives an unauthenticated caller HTTP 401', () => {
    expect(new UnauthenticatedError('expired').extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      http: { status: 401 },
    });
  });

  it('passes GraphQL request errors such as validation failures', () => {
    const error = new GraphQLError('Cannot query field "x"', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(format(formatted, error)).toBe(formatted);
  });

  it('masks and logs anything else, so SQL and stack details never reach a client', () => {
    const bug = new Error('relation "associations.association" does not exist');
    const formatted = format(
      {
        message: bug.message,
        path: ['association'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
      bug,
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['association'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([bug]);
  });

  it('answers a deadlock loser that ran out of retries with CONFLICT, not an internal error', () => {
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const formatted = format(
      { message: deadlock.message, path: ['requestReservation'], extensions: {} },
      deadlock,
    );
    expect(formatted.extensions).toEqual({ code: 'CONFLICT' });
    expect(formatted.message).toMatch(/nothing was written, try again/);
    expect(logged).toEqual([]);
  });
});
