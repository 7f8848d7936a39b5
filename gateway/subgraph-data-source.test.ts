import { parse } from 'graphql';
import { unavailableResponse } from './subgraph-data-source';

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
