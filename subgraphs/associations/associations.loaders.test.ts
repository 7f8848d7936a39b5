import { associationsSubgraph } from './associations.subgraph';
import {
  makeActivity,
  makeAssociation,
  makeCategory,
  makeContact,
  makeServiceArea,
} from '../../tests/factories/associations.factory';
import { startTestSubgraph, type TestSubgraph } from '../../tests/setup/subgraph-harness';

const PAGE = `
  query($first: Int!) {
    associations(first: $first, filter: { municipalityCodes: ["398"] }) {
      totalCount
      edges { node {
        name { fi }
        categories { slug associationCount }
        serviceAreas { name { fi } liaisons { name } }
        activities { name { fi } }
        contacts { name email }
      } }
    }
  }`;

describe('per-request DataLoaders', () => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    const db = subgraph.db;
    const categories = [await makeCategory(db), await makeCategory(db)];
    const areas = [await makeServiceArea(db), await makeServiceArea(db)];
    for (let i = 0; i < 100; i++) {
      const id = await makeAssociation(db, {
        categoryIds: [categories[i % 2]],
        serviceAreaIds: [areas[i % 2]],
      });
      await makeActivity(db, id);
      await makeContact(db, id);
    }
  });

  afterAll(() => subgraph.stop());

  async function statementsFor(first: number): Promise<number> {
    const spy = jest.spyOn(subgraph.db.logger, 'logQuery');
    try {
      const answer = await subgraph.request<{ associations: { edges: unknown[] } }>(PAGE, {
        first,
      });
      expect(answer.errors).toEqual([]);
      expect(answer.data!.associations.edges).toHaveLength(first);
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  }

  it('lists 100 associations with every relation in as many SQL statements as 10', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    // page + count + categories(2) + counts + service areas(2) + liaisons + activities + contacts
    expect(ten).toBeGreaterThanOrEqual(8);
    expect(ten).toBeLessThanOrEqual(10);
  });
});
