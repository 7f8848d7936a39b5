import { randomUUID } from 'node:crypto';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { eventsSubgraph } from '../events.subgraph';

const CREATE = `mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id title { fi } kind startsOn endsOn sequence serviceArea { id } } }`;
const UPDATE = `mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id title { fi } startsOn endsOn sequence url } }`;
const REMOVE = `mutation ($id: ID!) { removeMilestone(id: $id) }`;
const CALENDAR = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Calendar { milestones { id title { fi } } } } }`;

describe('keeping the milestones of the cooperation year', () => {
  let subgraph: TestSubgraph;
  const wellbeing = randomUUID();
  let staff: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(eventsSubgraph);
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [wellbeing] });
  });

  afterAll(() => subgraph.stop());

  const milestonesOf = async (year: number, serviceAreaId: string | null) =>
    (
      await subgraph.request<{ _entities: Array<{ milestones: Array<{ id: string }> }> }>(
        CALENDAR,
        {
          r: [{ __typename: 'Calendar', year, serviceAreaId }],
        },
      )
    ).data!._entities[0].milestones.map((m) => m.id);

  const count = async () =>
    Number(
      (
        (await subgraph.db.query(`SELECT count(*) AS n FROM events.milestone`)) as Array<{
          n: string;
        }>
      )[0].n,
    );

  it('adds a milestone that the calendar of its year then shows, changes it with a new SEQUENCE, and removes it', async () => {
    const created = await subgraph.request<{ createMilestone: { id: string; sequence: number } }>(
      CREATE,
      {
        input: {
          title: { fi: 'Hyvinvointikertomuksen työpaja' },
          kind: 'WELFARE_REPORT',
          startsOn: '2029-03-12',
          endsOn: '2029-03-12',
          serviceAreaId: wellbeing,
        },
      },
      staff,
    );
    expect(created.errors).toEqual([]);
    const { id } = created.data!.createMilestone;
    expect(created.data!.createMilestone).toMatchObject({
      sequence: 0,
      serviceArea: { id: wellbeing },
    });
    expect(await milestonesOf(2029, wellbeing)).toContain(id);
    expect(await milestonesOf(2030, wellbeing)).not.toContain(id);

    const moved = await subgraph.request<{ updateMilestone: unknown }>(
      UPDATE,
      { input: { overwrite: true, id, endsOn: '2029-03-14', url: 'https://lahti.example/hyte' } },
      staff,
    );
    expect(moved.data!.updateMilestone).toMatchObject({
      title: { fi: 'Hyvinvointikertomuksen työpaja' },
      startsOn: '2029-03-12',
      endsOn: '2029-03-14',
      sequence: 1,
      url: 'https://lahti.example/hyte',
    });

    expect((await subgraph.request(REMOVE, { id }, staff)).data).toEqual({ removeMilestone: true });
    expect(await milestonesOf(2029, wellbeing)).not.toContain(id);
  });

  it('lets any staff keep city-wide milestones, only an area’s staff its own, and no one else', async () => {
    const before = await count();
    const areaInput = {
      title: { fi: 'Budjettiaikataulu' },
      kind: 'BUDGET',
      startsOn: '2029-05-01',
      endsOn: '2029-06-30',
      serviceAreaId: wellbeing,
    };
    const otherStaff = await subgraph.token({ role: 'staff', serviceAreaIds: [randomUUID()] });
    expect(errorCodes(await subgraph.request(CREATE, { input: areaInput }, otherStaff))).toEqual([
      'FORBIDDEN',
    ]);
    const representative = await subgraph.token({
      role: 'representative',
      associationIds: [randomUUID()],
    });
    expect(
      errorCodes(await subgraph.request(CREATE, { input: areaInput }, representative)),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await subgraph.request(CREATE, { input: areaInput }))).toEqual(['FORBIDDEN']);
    expect(await count()).toBe(before);
    const cityWide = { ...areaInput, serviceAreaId: null };
    expect((await subgraph.request(CREATE, { input: cityWide }, otherStaff)).errors).toEqual([]);
  });

  it('names every broken rule and writes nothing', async () => {
    const before = await count();
    const bad = await subgraph.request(
      CREATE,
      {
        input: {
          title: { fi: '' },
          kind: 'SURVEY',
          startsOn: '2029-02-30',
          endsOn: '2029-01-01',
          url: 'javascript:alert(1)',
        },
      },
      staff,
    );
    expect(brokenRules(bad).sort()).toEqual([
      'input.startsOn DATE',
      'input.title.fi REQUIRED',
      'input.url URL_SCHEME',
    ]);
    const backwards = await subgraph.request(
      CREATE,
      {
        input: {
          title: { fi: 'Kysely' },
          kind: 'SURVEY',
          startsOn: '2029-02-10',
          endsOn: '2029-02-01',
        },
      },
      staff,
    );
    expect(brokenRules(backwards)).toEqual(['input.endsOn NOT_BEFORE_START']);
    expect(await count()).toBe(before);
  });
});
