import type { Fetcher } from '@apollo/utils.fetcher';
import { cachedReadiness, checkSubgraphs, type SubgraphReadiness } from './readiness';

describe(cachedReadiness.name, () => {
  it('runs one check for a burst of /ready calls and again only once the answer is old', async () => {
    let clock = 0;
    let checks = 0;
    const ready = cachedReadiness(
      async () => {
        checks++;
        return [] as SubgraphReadiness[];
      },
      2_000,
      () => clock,
    );
    await Promise.all(Array.from({ length: 100 }, () => ready()));
    expect(checks).toBe(1);
    clock = 1_999;
    await ready();
    expect(checks).toBe(1);
    clock = 2_000;
    await ready();
    expect(checks).toBe(2);
  });
});

describe(checkSubgraphs.name, () => {
  it('gives up on a subgraph that does not answer within the time box and says so', async () => {
    const hung: Fetcher = () => new Promise(() => undefined);
    const answers = await checkSubgraphs(
      { associations: ['http://127.0.0.1:1/graphql'] } as never,
      () => hung,
      50,
    );
    expect(answers).toEqual([
      {
        name: 'associations',
        url: 'http://127.0.0.1:1/graphql',
        ok: false,
        error: 'no answer within 50 ms',
      },
    ]);
  });
});
