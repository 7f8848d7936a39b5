import { associationsSubgraph } from '../associations.subgraph';
import { makeAssociation } from '../../../tests/factories/associations.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const ADD = `
  mutation Add($input: AddActivityInput!) {
    addActivity(input: $input) { id name { fi en } targetGroups languages isFree location schedule url }
  }`;
const UPDATE = `
  mutation Update($input: UpdateActivityInput!) {
    updateActivity(input: $input) { id name { fi } isFree schedule }
  }`;
const REMOVE = `mutation Remove($id: ID!) { removeActivity(id: $id) { id activities { id } } }`;
const ACTIVITIES = `query($id: ID!) { association(id: $id) { activities { name { fi } } } }`;

describe('Activity', () => {
  let subgraph: TestSubgraph;
  let associationId: string;
  let representative: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    associationId = await makeAssociation(subgraph.db);
    representative = await subgraph.token({
      role: 'representative',
      associationIds: [associationId],
    });
  });

  afterAll(() => subgraph.stop());

  it("is kept by the association's representative and public to read", async () => {
    const added = await subgraph.request<{ addActivity: { id: string } }>(
      ADD,
      {
        input: {
          associationId,
          name: { fi: 'Kielikahvila', en: 'Language café' },
          targetGroups: ['IMMIGRANTS', 'EVERYONE', 'IMMIGRANTS'],
          languages: ['fi', 'EN'],
          isFree: true,
          location: 'Kirjasto, Lahti',
          schedule: 'Tiistaisin 17–19',
          url: 'https://kahvila.example',
        },
      },
      representative,
    );
    expect(added.errors).toEqual([]);
    expect(added.data!.addActivity).toMatchObject({
      name: { fi: 'Kielikahvila', en: 'Language café' },
      targetGroups: ['IMMIGRANTS', 'EVERYONE'],
      languages: ['fi', 'en'],
      isFree: true,
    });
    const id = added.data!.addActivity.id;

    const updated = await subgraph.request(
      UPDATE,
      { input: { overwrite: true, id, isFree: false, schedule: null } },
      representative,
    );
    expect(updated.data).toEqual({
      updateActivity: { id, name: { fi: 'Kielikahvila' }, isFree: false, schedule: null },
    });
    expect((await subgraph.request(ACTIVITIES, { id: associationId })).data).toEqual({
      association: { activities: [{ name: { fi: 'Kielikahvila' } }] },
    });

    const removed = await subgraph.request(REMOVE, { id }, representative);
    expect(removed.data).toEqual({ removeActivity: { id: associationId, activities: [] } });
  });

  it('refuses other callers and bad input, writing nothing', async () => {
    const stranger = await subgraph.token({ role: 'representative', associationIds: [] });
    const forbidden = await subgraph.request(
      ADD,
      { input: { associationId, name: { fi: 'Luvaton' } } },
      stranger,
    );
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    const bad = await subgraph.request(
      ADD,
      { input: { associationId, name: { fi: '' }, url: 'javascript:alert(1)' } },
      representative,
    );
    expect(
      (bad.errors[0].extensions?.fields as Array<{ field: string; rule: string }>).map(
        (f) => `${f.field} ${f.rule}`,
      ),
    ).toEqual(['input.name.fi REQUIRED', 'input.url URL_SCHEME']);
    const rows: unknown[] = await subgraph.db.query('SELECT 1 FROM associations.activity');
    expect(rows).toEqual([]);
  });
});
