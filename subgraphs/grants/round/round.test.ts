import { grantsSubgraph } from '../grants.subgraph';
import { makeProgram, makeRound } from '../../../tests/factories/grants.factory';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';

const SPORTS = '00000000-0000-4000-8000-00000000000a';

describe('Calendar.applicationRounds', () => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(grantsSubgraph);
    const sports = await makeProgram(subgraph.db, { serviceAreaId: SPORTS });
    const culture = await makeProgram(subgraph.db, {
      serviceAreaId: '00000000-0000-4000-8000-00000000000b',
    });
    // A window across New Year counts for both years; the rest for their own.
    await makeRound(subgraph.db, sports, {
      year: 2027,
      opensAt: new Date('2026-12-01T08:00:00Z'),
      closesAt: new Date('2027-01-31T14:00:00Z'),
    });
    await makeRound(subgraph.db, sports, {
      year: 2027,
      opensAt: new Date('2027-09-01T08:00:00Z'),
      closesAt: new Date('2027-09-30T14:00:00Z'),
    });
    await makeRound(subgraph.db, culture, {
      year: 2027,
      opensAt: new Date('2027-03-01T08:00:00Z'),
      closesAt: new Date('2027-03-31T14:00:00Z'),
    });
  });

  afterAll(() => subgraph.stop());

  async function deadlines(year: number, serviceAreaId: string | null): Promise<string[]> {
    const answer = await subgraph.request<{
      _entities: Array<{ applicationRounds: Array<{ closesAt: string }> }>;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Calendar { applicationRounds { closesAt } } } }`,
      { r: [{ __typename: 'Calendar', year, serviceAreaId }] },
    );
    expect(answer.errors).toEqual([]);
    return answer.data!._entities[0].applicationRounds.map((r) => r.closesAt.slice(0, 10));
  }

  it("adds a year's application windows to the calendar, by deadline, for the city or one area", async () => {
    expect(await deadlines(2027, null)).toEqual(['2027-01-31', '2027-03-31', '2027-09-30']);
    expect(await deadlines(2027, SPORTS)).toEqual(['2027-01-31', '2027-09-30']);
    expect(await deadlines(2026, null)).toEqual(['2027-01-31']);
    expect(await deadlines(2028, SPORTS)).toEqual([]);
  });
});
