import type { IncomingMessage } from 'node:http';
import { MisbehavingTestServer, type Answer } from '../../integrations/shared/test-server';
import { httpAssociationDirectory, requireAssociations } from './association-directory';

const KNOWN = '00000000-0000-4000-8000-0000000000c1';
const UNKNOWN = '00000000-0000-4000-8000-0000000000c9';

/**
 * The associations subgraph as federation's `_entities` contract has it (Apollo Federation
 * subgraph spec: one entry per representation, in order, null for an entity not found).
 */
class AssociationsSubgraphStandIn extends MisbehavingTestServer {
  protected answer(_m: string, _u: URL, _h: IncomingMessage['headers'], body: string): Answer {
    const { variables } = JSON.parse(body) as {
      variables: { representations: Array<{ __typename: string; id: string }> };
    };
    return {
      body: JSON.stringify({
        data: {
          _entities: variables.representations.map((r) =>
            r.__typename === 'Association' && r.id === KNOWN ? { id: KNOWN } : null,
          ),
        },
      }),
    };
  }
}

describe(httpAssociationDirectory.name, () => {
  let standIn: AssociationsSubgraphStandIn;
  beforeAll(async () => {
    standIn = await new AssociationsSubgraphStandIn().start();
  });
  afterAll(() => standIn.stop());
  const directory = (timeoutMs = 1000) =>
    httpAssociationDirectory(() => `${standIn.origin}/graphql`, timeoutMs);

  it('asks for all ids in one _entities request and knows which exist', async () => {
    const before = standIn.requests.length;
    expect([...(await directory().existing([KNOWN, UNKNOWN]))]).toEqual([KNOWN]);
    expect(standIn.requests.length).toBe(before + 1);
    expect(JSON.parse(standIn.requests.at(-1)!.body).query).toMatch(/_entities/);
  });

  it('refuses a write for an association that does not exist with NOT_FOUND naming it', async () => {
    await expect(requireAssociations(directory(), [KNOWN])).resolves.toBeUndefined();
    await expect(requireAssociations(directory(), [KNOWN, UNKNOWN])).rejects.toMatchObject({
      message: `Association ${UNKNOWN} was not found`,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('says UPSTREAM_UNAVAILABLE when the associations subgraph fails, stalls or answers nonsense', async () => {
    standIn.misbehave({ status: 500 }, { delayMs: 500 }, { body: '{"data":{}}' });
    for (let i = 0; i < 3; i++) {
      await expect(directory(100).existing([KNOWN])).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
    }
  });
});
