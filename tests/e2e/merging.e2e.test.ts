import { associationId } from '../../demo/data';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Identical requests in flight are merged (GATEWAY_MERGE_FETCHES, on by default), and a
 * merged answer only ever reaches requests of the same caller: a representative's
 * reservations are never handed to anonymous callers or another association's
 * representative sending the same query at the same moment.
 */
describe('merged requests through the gateway', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ GATEWAY_RESPONSE_CACHE: 'false', GATEWAY_RATE_LIMIT: '0' });
  });

  afterAll(() => t?.stop());

  const query = `query Merged($id: ID!) {
    association(id: $id) {
      name { fi }
      events(first: 3) { totalCount }
      reservations(first: 2, statuses: [CONFIRMED]) { totalCount edges { node { purpose } } }
    }
  }`;

  async function mergedSoFar(): Promise<number> {
    const text = await (await fetch(t.hub.gateway.metricsUrl)).text();
    const line = /^hub_merged_requests_total(?:\{[^}]*\})? (\d+)/m.exec(text);
    return line ? Number(line[1]) : 0;
  }

  it('answers each caller as itself while merging its identical requests', async () => {
    const id = associationId('lahden-ladies-floorball');
    const own = await t.token({ role: 'representative', associationIds: [id] });
    const other = await t.token({
      role: 'representative',
      associationIds: [associationId('lahden-shakki')],
    });
    const before = await mergedSoFar();
    const callers = [`Bearer ${own}`, `Bearer ${other}`, undefined];
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => {
        const authorization = callers[i % 3];
        return postGraphQL(
          t.hub.gateway.graphqlUrl,
          query,
          { id },
          authorization ? { authorization } : {},
        ).then((answer) => ({ caller: i % 3, answer }));
      }),
    );
    for (const { caller, answer } of answers) {
      expect(answer.status).toBe(200);
      const association = answer.body.data?.association as {
        name: { fi: string };
        reservations: { totalCount: number } | null;
      };
      expect(association.name.fi).toBe('Lahden Salibandyseura ry');
      if (caller === 0) {
        expect(answer.body.errors).toBeUndefined();
        expect(association.reservations?.totalCount).toBe(4);
      } else {
        expect(association.reservations).toBeNull();
        expect(answer.body.errors?.map((e) => (e.extensions as { code: string }).code)).toEqual([
          'FORBIDDEN',
        ]);
      }
    }
    // Eight identical requests per caller at once: some of them shared an answer.
    expect((await mergedSoFar()) - before).toBeGreaterThan(0);
  });
});
