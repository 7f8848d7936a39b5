import type { ChildProcess } from 'node:child_process';
import { ASSOCIATIONS, associationId } from '../../demo/data';
import { loadGatewayConfig } from '../../gateway/gateway.config';
import { startGateway, type RunningGateway } from '../../gateway/gateway';
import { startSubgraphProcess, type SubgraphProcess } from '../setup/subgraph-process';
import { postGraphQL, startTestHub, subgraphUrlEnv, type TestHub } from '../setup/test-hub';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How many GraphQL operations a replica has served, from its own /metrics. */
async function operationsServed(replica: SubgraphProcess): Promise<number> {
  const text = await (await fetch(replica.metricsUrl)).text();
  return [...text.matchAll(/^hub_graphql_operations_total\{[^}]*\} (\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

/**
 * Two replicas of the associations subgraph, each its own process, behind one gateway
 * (ASSOCIATIONS_URL names both). One is killed with SIGKILL under steady load: queries under
 * way on its connections and those sent to it before the gateway notices go to the other,
 * so no client request fails.
 */
describe('a subgraph replica killed under load', () => {
  let t: TestHub;
  let gateway: RunningGateway;
  const children: ChildProcess[] = [];
  let replicas: SubgraphProcess[];

  beforeAll(async () => {
    t = await startTestHub();
    // Metrics on a port of their own (METRICS_PORT), as a deployment keeps them off the public one.
    const env = { DATABASE_URL: t.database.url, MIGRATE_ON_START: 'false', METRICS_PORT: '0' };
    replicas = await Promise.all([
      startSubgraphProcess('associations', env, children),
      startSubgraphProcess('associations', env, children),
    ]);
    gateway = await startGateway(
      loadGatewayConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        GATEWAY_RATE_LIMIT: '0',
        GATEWAY_RESPONSE_CACHE: 'false',
        ...subgraphUrlEnv(t.hub),
        ASSOCIATIONS_URL: replicas.map((r) => r.graphqlUrl).join(','),
      }),
    );
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await gateway?.stop();
    await t?.stop();
  });

  it('fails no request when one of two replicas dies', async () => {
    // An association's page with fields of several subgraphs; a page of the directory.
    const page = `query Page($id: ID!) { association(id: $id) { name { fi } events(first: 3) { totalCount } } }`;
    const list = `query List($first: Int!) { associations(first: $first) { edges { node { id name { fi } } } } }`;
    const failures: string[] = [];
    let answered = 0;
    let answeredAfterKill = 0;
    let killed = false;
    let sending = true;
    const client = async (n: number) => {
      for (let i = 0; sending; i++) {
        const [query, variables] =
          (n + i) % 2 === 0
            ? // Different associations: identical queries in flight would be merged into one
              // fetch, and both replicas must be seen serving many before the kill.
              [page, { id: associationId(ASSOCIATIONS[(n * 7 + i) % ASSOCIATIONS.length].key) }]
            : [list, { first: 1 + (i % 20) }];
        try {
          const answer = await postGraphQL(gateway.graphqlUrl, query, variables);
          if (answer.status !== 200 || answer.body.errors) {
            failures.push(JSON.stringify(answer.body).slice(0, 300));
          } else {
            answered++;
            if (killed) answeredAfterKill++;
          }
        } catch (error) {
          failures.push(String((error as Error).cause ?? error));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, (_, n) => client(n)));
    // Load until both replicas have served a good number (on a busy machine, with equal
    // requests merged, that can take longer than a fixed pause), at most 60 s.
    let [first, second] = [0, 0];
    for (const until = Date.now() + 60_000; Date.now() < until;) {
      await sleep(500);
      [first, second] = await Promise.all(replicas.map(operationsServed));
      if (first > 10 && second > 10) break;
    }
    // /metrics is not on the GraphQL port; both replicas were taking turns before the kill.
    expect((await fetch(replicas[0].graphqlUrl.replace(/\/graphql$/, '/metrics'))).status).toBe(
      404,
    );
    expect(first).toBeGreaterThan(10);
    expect(second).toBeGreaterThan(10);

    replicas[0].child.kill('SIGKILL');
    killed = true;
    await sleep(2_500);
    sending = false;
    await load;

    expect(failures).toEqual([]);
    expect(answeredAfterKill).toBeGreaterThan(20);
    expect(answered).toBeGreaterThan(answeredAfterKill);
    // The gateway still says ready: one replica of each subgraph answers.
    const ready = await fetch(gateway.url + '/ready');
    expect(ready.status).toBe(200);
  });
});
