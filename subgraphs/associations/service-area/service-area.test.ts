import { associationsSubgraph } from '../associations.subgraph';
import { makeServiceArea } from '../../../tests/factories/associations.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const ADD = `
  mutation($input: AddCityLiaisonInput!) {
    addCityLiaison(input: $input) { id name title email phone isCoordinator serviceArea { id } }
  }`;
const LIAISONS = `
  query($id: ID) { liaisons(serviceAreaId: $id) { name isCoordinator email } }`;

describe('ServiceArea and CityLiaison', () => {
  let subgraph: TestSubgraph;
  let area: string;
  let otherArea: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    area = await makeServiceArea(subgraph.db, { name: { fi: 'Liikunta' } });
    otherArea = await makeServiceArea(subgraph.db, { name: { fi: 'Kulttuuri' } });
  });

  afterAll(() => subgraph.stop());

  it("lets an area's own staff keep its liaisons, public for anyone to find", async () => {
    const staff = await subgraph.token({ role: 'staff', serviceAreaIds: [area] });
    const added = await subgraph.request<{ addCityLiaison: { id: string } }>(
      ADD,
      {
        input: {
          serviceAreaId: area,
          name: 'Liisa Liikunta',
          title: 'Liikuntasuunnittelija',
          email: 'liisa@lahti.example',
          isCoordinator: true,
        },
      },
      staff,
    );
    expect(added.data!.addCityLiaison).toMatchObject({
      name: 'Liisa Liikunta',
      isCoordinator: true,
      serviceArea: { id: area },
    });
    await subgraph.request(ADD, { input: { serviceAreaId: area, name: 'Aapo Apuri' } }, staff);
    expect((await subgraph.request(LIAISONS, { id: area })).data).toEqual({
      liaisons: [
        { name: 'Liisa Liikunta', isCoordinator: true, email: 'liisa@lahti.example' },
        { name: 'Aapo Apuri', isCoordinator: false, email: null },
      ],
    });

    const id = added.data!.addCityLiaison.id;
    const updated = await subgraph.request(
      `mutation($input: UpdateCityLiaisonInput!) { updateCityLiaison(input: $input) { name phone } }`,
      { input: { overwrite: true, id, phone: '044 123 4567' } },
      staff,
    );
    expect(updated.data).toEqual({
      updateCityLiaison: { name: 'Liisa Liikunta', phone: '044 123 4567' },
    });
    const removed = await subgraph.request<{ removeCityLiaison: { liaisons: unknown[] } }>(
      `mutation($id: ID!) { removeCityLiaison(id: $id) { liaisons { name } } }`,
      { id },
      staff,
    );
    expect(removed.data!.removeCityLiaison.liaisons).toEqual([{ name: 'Aapo Apuri' }]);
  });

  it('refuses staff of another area, representatives and anonymous callers', async () => {
    const tokens = [
      await subgraph.token({ role: 'staff', serviceAreaIds: [otherArea] }),
      await subgraph.token({ role: 'representative', associationIds: [] }),
      undefined,
    ];
    for (const token of tokens) {
      const answer = await subgraph.request(
        ADD,
        { input: { serviceAreaId: area, name: 'Ulkopuolinen' } },
        token,
      );
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
    }
  });

  it('lets admins add service areas and staff rename their own', async () => {
    const admin = await subgraph.token({ role: 'admin' });
    const staff = await subgraph.token({ role: 'staff', serviceAreaIds: [area] });
    const create = `mutation($input: CreateServiceAreaInput!) { createServiceArea(input: $input) { id name { fi } } }`;
    expect(
      errorCodes(await subgraph.request(create, { input: { name: { fi: 'Uusi' } } }, staff)),
    ).toEqual(['FORBIDDEN']);
    const created = await subgraph.request(create, { input: { name: { fi: 'Nuoriso' } } }, admin);
    expect(created.data).toEqual({
      createServiceArea: { id: expect.any(String), name: { fi: 'Nuoriso' } },
    });
    const rename = `mutation($input: UpdateServiceAreaInput!) { updateServiceArea(input: $input) { name { fi } } }`;
    expect(
      (
        await subgraph.request(
          rename,
          { input: { overwrite: true, id: area, name: { fi: 'Liikuntapalvelut' } } },
          staff,
        )
      ).data,
    ).toEqual({ updateServiceArea: { name: { fi: 'Liikuntapalvelut' } } });
    expect(
      errorCodes(
        await subgraph.request(
          rename,
          { input: { overwrite: true, id: otherArea, name: { fi: 'X' } } },
          staff,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});
