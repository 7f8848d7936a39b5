import { associationsSubgraph } from '../associations.subgraph';
import { makeAssociation, makeCategory } from '../../../tests/factories/associations.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const CATEGORIES = `
  query($filter: AssociationFilter) { categories(filter: $filter) { slug associationCount } }`;

describe('Category', () => {
  let subgraph: TestSubgraph;
  let sports: string;
  let culture: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    sports = await makeCategory(subgraph.db, { slug: 'sports', sortOrder: 1 });
    culture = await makeCategory(subgraph.db, { slug: 'culture', sortOrder: 2 });
    await makeCategory(subgraph.db, { slug: 'empty', sortOrder: 3 });
    await makeAssociation(subgraph.db, {
      name: { fi: 'Lahden Hiihtoseura' },
      categoryIds: [sports],
    });
    await makeAssociation(subgraph.db, {
      name: { fi: 'Hollolan Hiihtoseura' },
      municipalityCode: '098',
      categoryIds: [sports],
    });
    await makeAssociation(subgraph.db, {
      name: { fi: 'Lahden Teatteri' },
      categoryIds: [culture, sports],
    });
  });

  afterAll(() => subgraph.stop());

  it('counts associations per category for facets', async () => {
    expect((await subgraph.request(CATEGORIES)).data).toEqual({
      categories: [
        { slug: 'sports', associationCount: 3 },
        { slug: 'culture', associationCount: 1 },
        { slug: 'empty', associationCount: 0 },
      ],
    });
  });

  it('counts under the current filter, ignoring its own categories', async () => {
    const answer = await subgraph.request(CATEGORIES, {
      filter: { municipalityCodes: ['398'], search: 'lahden', categoryIds: [culture] },
    });
    expect(answer.data).toEqual({
      categories: [
        { slug: 'sports', associationCount: 2 },
        { slug: 'culture', associationCount: 1 },
        { slug: 'empty', associationCount: 0 },
      ],
    });
  });

  it("lists an association's categories, each counting all its associations", async () => {
    const answer = await subgraph.request<{
      associations: { edges: Array<{ node: { categories: unknown[] } }> };
    }>(
      `{ associations(filter: { search: "teatteri" }) { edges { node { categories { slug associationCount } } } } }`,
    );
    expect(answer.data!.associations.edges[0].node.categories).toEqual([
      { slug: 'sports', associationCount: 3 },
      { slug: 'culture', associationCount: 1 },
    ]);
  });

  it('is kept by admins: create with a unique slug, update', async () => {
    const admin = await subgraph.token({ role: 'admin' });
    const staff = await subgraph.token({ role: 'staff' });
    const create = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id slug name { fi } } }`;
    const input = { slug: 'peer-support', name: { fi: 'Vertaistuki' } };
    expect(errorCodes(await subgraph.request(create, { input }, staff))).toEqual(['FORBIDDEN']);
    const created = await subgraph.request<{ createCategory: { id: string } }>(
      create,
      { input },
      admin,
    );
    expect(created.data!.createCategory).toMatchObject(input);
    expect(errorCodes(await subgraph.request(create, { input }, admin))).toEqual(['CONFLICT']);
    expect(
      errorCodes(await subgraph.request(create, { input: { ...input, slug: 'Bad Slug' } }, admin)),
    ).toEqual(['BAD_USER_INPUT']);
    const updated = await subgraph.request(
      `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { slug name { fi sv } } }`,
      {
        input: {
          overwrite: true,
          id: created.data!.createCategory.id,
          name: { fi: 'Vertaistuki', sv: 'Kamratstöd' },
        },
      },
      admin,
    );
    expect(updated.data).toEqual({
      updateCategory: { slug: 'peer-support', name: { fi: 'Vertaistuki', sv: 'Kamratstöd' } },
    });
  });
});
