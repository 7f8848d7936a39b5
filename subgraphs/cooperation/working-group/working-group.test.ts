import { randomUUID } from 'node:crypto';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { knownAssociations } from '../../../tests/setup/association-directory';
import { cooperationSubgraph } from '../cooperation.subgraph';

const CREATE = `mutation ($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id theme serviceAreas { id } } }`;
const ADD_MEMBER = `mutation ($input: AddWorkingGroupMemberInput!) { addWorkingGroupMember(input: $input) { id name role } }`;
const ADD_ITEM = `mutation ($input: AddPlanItemInput!) { addPlanItem(input: $input) { id stage status dueOn } }`;
const UPDATE_ITEM = `mutation ($input: UpdatePlanItemInput!) { updatePlanItem(input: $input) { id status responsible } }`;
const GROUP = `query ($id: ID!) { workingGroup(id: $id) {
  name { fi } theme members { name role email phone association { id } }
  plan { stage text { fi } responsible dueOn status } } }`;

describe('working groups', () => {
  let subgraph: TestSubgraph;
  let staff: string;
  const spaces = randomUUID();
  const choir = randomUUID();

  beforeAll(async () => {
    subgraph = await startTestSubgraph(cooperationSubgraph, {
      associations: knownAssociations([choir]),
    });
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [spaces] });
  });
  afterAll(() => subgraph.stop());

  const createGroup = async () => {
    const created = await subgraph.request<{ createWorkingGroup: { id: string } }>(
      CREATE,
      { input: { name: { fi: 'Tilatyöryhmä' }, theme: 'SPACES', serviceAreaIds: [spaces] } },
      staff,
    );
    expect(created.errors).toEqual([]);
    return created.data!.createWorkingGroup.id;
  };

  it('keeps a group with its members, chair first, and its plan in the order of the working method', async () => {
    const id = await createGroup();
    for (const input of [
      { name: 'Kaisa Kaupunki', email: 'kaisa@lahti.example' },
      {
        name: 'Pekka Puheenjohtaja',
        role: 'CHAIR',
        associationId: choir,
        email: 'pekka@kuoro.example',
        isPublic: true,
      },
    ]) {
      expect(
        (await subgraph.request(ADD_MEMBER, { input: { workingGroupId: id, ...input } }, staff))
          .errors,
      ).toEqual([]);
    }
    for (const input of [
      {
        stage: 'ACTION',
        text: { fi: 'TIMMI-koulutus yhdistyksille' },
        responsible: 'Palvelutori',
        dueOn: '2027-05-05',
      },
      { stage: 'CURRENT_STATE', text: { fi: 'Vapaat tilat eivät näy yhdistyksille' } },
      { stage: 'ACTION', text: { fi: 'Tilalista verkkoon' }, dueOn: '2027-03-01' },
      { stage: 'GOAL', text: { fi: 'Jokainen yhdistys löytää tilan' } },
    ]) {
      expect(
        (await subgraph.request(ADD_ITEM, { input: { workingGroupId: id, ...input } }, staff))
          .errors,
      ).toEqual([]);
    }
    const group = await subgraph.request<{
      workingGroup: { members: unknown[]; plan: Array<{ stage: string; text: { fi: string } }> };
    }>(GROUP, { id });
    expect(group.data!.workingGroup.members).toEqual([
      {
        name: 'Pekka Puheenjohtaja',
        role: 'CHAIR',
        email: 'pekka@kuoro.example',
        phone: null,
        association: { id: choir },
      },
      // Not public: the anonymous reader sees the name and role only.
      { name: 'Kaisa Kaupunki', role: 'MEMBER', email: null, phone: null, association: null },
    ]);
    expect(group.data!.workingGroup.plan.map((p) => [p.stage, p.text.fi])).toEqual([
      ['CURRENT_STATE', 'Vapaat tilat eivät näy yhdistyksille'],
      ['GOAL', 'Jokainen yhdistys löytää tilan'],
      ['ACTION', 'Tilalista verkkoon'],
      ['ACTION', 'TIMMI-koulutus yhdistyksille'],
    ]);
    const forStaff = await subgraph.request<{
      workingGroup: { members: Array<{ email: string }> };
    }>(GROUP, { id }, staff);
    expect(forStaff.data!.workingGroup.members.map((m) => m.email)).toEqual([
      'pekka@kuoro.example',
      'kaisa@lahti.example',
    ]);
  });

  it('moves a plan item along and removes what is removed', async () => {
    const id = await createGroup();
    const item = (
      await subgraph.request<{ addPlanItem: { id: string; status: string } }>(
        ADD_ITEM,
        {
          input: {
            workingGroupId: id,
            stage: 'CHANGE',
            text: { fi: 'Yhteinen tilavarauskäytäntö' },
          },
        },
        staff,
      )
    ).data!.addPlanItem;
    expect(item.status).toBe('PLANNED');
    const moved = await subgraph.request(
      UPDATE_ITEM,
      { input: { overwrite: true, id: item.id, status: 'DONE', responsible: 'Liikuntapalvelut' } },
      staff,
    );
    expect(moved.data).toEqual({
      updatePlanItem: { id: item.id, status: 'DONE', responsible: 'Liikuntapalvelut' },
    });
    expect(
      (
        await subgraph.request(
          `mutation ($id: ID!) { removePlanItem(id: $id) }`,
          { id: item.id },
          staff,
        )
      ).data,
    ).toEqual({ removePlanItem: true });
    expect(
      (await subgraph.request(`mutation ($id: ID!) { removeWorkingGroup(id: $id) }`, { id }, staff))
        .data,
    ).toEqual({ removeWorkingGroup: true });
    expect((await subgraph.request(GROUP, { id })).data).toEqual({ workingGroup: null });
  });

  it('names every broken rule, refuses unknown associations and outsiders, and writes nothing', async () => {
    const id = await createGroup();
    const count = async () =>
      Number(
        (
          (await subgraph.db.query(
            'SELECT count(*) AS n FROM cooperation.working_group_member',
          )) as Array<{ n: string }>
        )[0].n,
      );
    const before = await count();
    const bad = await subgraph.request(
      ADD_MEMBER,
      { input: { workingGroupId: id, name: ' ', email: 'ei-osoite', phone: 'abc' } },
      staff,
    );
    expect(brokenRules(bad).sort()).toEqual([
      'input.email EMAIL',
      'input.name REQUIRED',
      'input.phone PHONE',
    ]);
    const unknown = await subgraph.request(
      ADD_MEMBER,
      { input: { workingGroupId: id, name: 'X', associationId: randomUUID() } },
      staff,
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const outsider = await subgraph.token({ role: 'staff', serviceAreaIds: [randomUUID()] });
    expect(
      errorCodes(
        await subgraph.request(ADD_MEMBER, { input: { workingGroupId: id, name: 'X' } }, outsider),
      ),
    ).toEqual(['FORBIDDEN']);
    const representative = await subgraph.token({
      role: 'representative',
      associationIds: [choir],
    });
    expect(
      errorCodes(
        await subgraph.request(
          ADD_MEMBER,
          { input: { workingGroupId: id, name: 'X' } },
          representative,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await count()).toBe(before);
    const badItem = await subgraph.request(
      ADD_ITEM,
      { input: { workingGroupId: id, stage: 'GOAL', text: { fi: '' }, dueOn: '2027-02-30' } },
      staff,
    );
    expect(brokenRules(badItem).sort()).toEqual(['input.dueOn DATE', 'input.text.fi REQUIRED']);
  });

  it('lists groups by theme and by service area, city-wide groups in every area', async () => {
    const inArea = await createGroup();
    const cityWide = (
      await subgraph.request<{ createWorkingGroup: { id: string } }>(
        CREATE,
        { input: { name: { fi: 'Viestintätyöryhmä' }, theme: 'COMMUNICATION' } },
        staff,
      )
    ).data!.createWorkingGroup.id;
    const list = async (args: string) =>
      (
        await subgraph.request<{ workingGroups: Array<{ id: string }> }>(
          `{ workingGroups${args} { id } }`,
        )
      ).data!.workingGroups.map((g) => g.id);
    expect(await list('(themes: [COMMUNICATION])')).toEqual([cityWide]);
    const otherArea = await list(`(serviceAreaId: "${randomUUID()}")`);
    expect(otherArea).toContain(cityWide);
    expect(otherArea).not.toContain(inArea);
    expect(await list(`(serviceAreaId: "${spaces}")`)).toEqual(
      expect.arrayContaining([inArea, cityWide]),
    );
  });
});
