import { parse } from 'graphql';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { SubgraphDataSource, unavailableResponse } from './subgraph-data-source';

const extensions = { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'events' };

describe('unavailableResponse', () => {
  it('puts one error on each root field the lost fetch asked for', () => {
    const response = unavailableResponse(
      'events',
      'The events service is unavailable',
      parse(
        'query Q__events__0 { event(id: "x") { id __typename } upcoming: events { totalCount } __typename }',
      ),
      {},
    );
    expect(response).toEqual({
      data: null,
      errors: [
        { message: 'The events service is unavailable', path: ['event'], extensions },
        { message: 'The events service is unavailable', path: ['upcoming'], extensions },
      ],
    });
  });

  it('answers an entity fetch with a null per representation and an error per field of its type', () => {
    const response = unavailableResponse(
      'events',
      'lost',
      parse(`query Q__events__1($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Association { __typename events(first: 3) { totalCount } }
          ... on Space { upcomingEvents { id } }
        }
      }`),
      {
        representations: [
          { __typename: 'Association', id: 'a1' },
          { __typename: 'Space', id: 's1' },
          { __typename: 'Association', id: 'a2' },
        ],
      },
    );
    expect(response.data).toEqual({ _entities: [null, null, null] });
    expect(response.errors?.map((e) => e.path)).toEqual([
      ['_entities', 0, 'events'],
      ['_entities', 1, 'upcomingEvents'],
      ['_entities', 2, 'events'],
    ]);
  });
});

describe(SubgraphDataSource.name, () => {
  /** A data source whose subgraph answers with this status and body. */
  const answering = (status: number, body: unknown) =>
    new SubgraphDataSource<Record<string, unknown>>({
      url: 'http://subgraph.test/graphql',
      fetcher: async () =>
        new Response(typeof body === 'string' ? body : JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
    });
  const fetchWith = (source: SubgraphDataSource<Record<string, unknown>>) =>
    source.process({
      kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
      request: { query: '{ events(filter: { from: "tomorrow" }) { totalCount } }' },
      context: {},
    });

  it("passes a subgraph's refusal (4xx with GraphQL errors) on with its code and message only", async () => {
    const response = await fetchWith(
      answering(400, {
        errors: [
          {
            message: 'Expected value of type "DateTime", found "tomorrow"',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at /srv/x.ts:1'] },
          },
        ],
      }),
    );
    expect(response).toEqual({
      data: null,
      errors: [
        {
          message: 'Expected value of type "DateTime", found "tomorrow"',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it('keeps any other failed answer a failure, for the error formatter to mask', async () => {
    await expect(fetchWith(answering(500, { errors: [{ message: 'boom' }] }))).rejects.toThrow(
      '500',
    );
    await expect(fetchWith(answering(400, '<html>proxy error</html>'))).rejects.toThrow('400');
  });
});
