import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { MemoryCacheGeneration, refusedWhole, responseCache } from './response-cache';

const error = (code: string) => ({ message: code, extensions: { code } });

describe('which mutation answers retire the response cache', () => {
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

describe('the retiring plugin', () => {
  /** Runs the plugin's hooks for one mutation as Apollo Server would, and says the generation after. */
  async function afterMutation(
    result: { data?: Record<string, unknown> | null; errors?: unknown[] },
    executed: boolean,
  ): Promise<string> {
    const generation = new MemoryCacheGeneration();
    const [retire] = responseCache(null, generation) as ApolloServerPlugin<BaseContext>[];
    const listener = (await retire.requestDidStart!(
      {} as never,
    )) as GraphQLRequestListener<BaseContext>;
    if (executed) await listener.executionDidStart!({} as never);
    await listener.willSendResponse!({
      operation: { operation: 'mutation' },
      response: { body: { kind: 'single', singleResult: result } },
    } as never);
    return generation.current();
  }

  it('retires on a mutation that ran and answered', async () => {
    expect(await afterMutation({ data: { updateAssociation: { id: '1' } } }, true)).toBe('1');
  });

  it('keeps the cache for a mutation refused before it ran (budget, mail limit, safelist)', async () => {
    expect(await afterMutation({ errors: [error('RATE_LIMITED')] }, false)).toBe('0');
  });

  it('keeps the cache for a mutation every subgraph refused', async () => {
    expect(await afterMutation({ data: null, errors: [error('FORBIDDEN')] }, true)).toBe('0');
  });
});
