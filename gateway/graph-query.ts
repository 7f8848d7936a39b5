import type { ApolloServer, BaseContext } from '@apollo/server';

/**
 * Runs an operation against the gateway's own graph, as a client would: plain-HTTP
 * routes (exports, feeds) show exactly what the public API shows and read no subgraph's
 * tables. Errors become one Error for the route to report.
 */
export async function queryGraph<TData, T extends BaseContext>(
  apollo: ApolloServer<T>,
  context: T,
  query: string,
  variables: Record<string, unknown>,
): Promise<TData> {
  const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('The query answered incrementally');
  const { data, errors } = response.body.singleResult;
  if (errors?.length)
    throw new GraphQueryError(errors.map((e) => e.message).join('; '), errors[0].extensions?.code);
  return data as TData;
}

export class GraphQueryError extends Error {
  constructor(
    message: string,
    readonly code: unknown,
  ) {
    super(message);
  }
}
