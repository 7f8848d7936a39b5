import { createGatewayErrorFormatter } from './gateway.errors';
import { SubgraphUnavailableError } from './subgraph-fetcher';

describe(createGatewayErrorFormatter.name, () => {
  const logged: unknown[] = [];
  const format = createGatewayErrorFormatter((error) => logged.push(error));

  beforeEach(() => {
    logged.length = 0;
  });

  it("passes a subgraph's coded errors through unchanged", () => {
    const formatted = {
      message: 'Association x was not found',
      extensions: { code: 'NOT_FOUND', serviceName: 'associations' },
    };
    expect(format(formatted, new Error('ignored'))).toBe(formatted);
  });

  it('turns a failed subgraph fetch into UPSTREAM_UNAVAILABLE naming the subgraph', () => {
    const error = new SubgraphUnavailableError('events', 'connect ECONNREFUSED 127.0.0.1:4004');
    expect(
      format({ message: 'fetch failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error),
    ).toEqual({
      message:
        'The events service is unavailable (connect ECONNREFUSED 127.0.0.1:4004); its fields are missing from this answer',
      path: undefined,
      locations: undefined,
      extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'events' },
    });
    expect(logged).toEqual([]);
  });

  it('masks and logs an unknown error of the gateway itself', () => {
    const bug = new Error('planner exploded at /app/node_modules/…');
    expect(format({ message: bug.message, extensions: { code: 'SOMETHING' } }, bug)).toEqual({
      message: 'Internal server error',
      path: undefined,
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([bug]);
  });
});
