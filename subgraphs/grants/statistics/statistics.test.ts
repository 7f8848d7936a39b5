import { everyCombination } from '../../../tests/setup/combinations';
import { knownAssociations } from '../../../tests/setup/association-directory';
import { OrganizationKind } from '../../core/types/organization-kind';
import { grantsSubgraph } from '../grants.subgraph';
import { makeApplication, makeProgram, makeRound } from '../../../tests/factories/grants.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

/**
 * A small, fully known set of applications; every figure below is worked out by hand in
 * the comments, so the SQL is checked against arithmetic, not against itself.
 */
const SPORTS = '00000000-0000-4000-8000-00000000000a';
const CULTURE = '00000000-0000-4000-8000-00000000000b';
const CLUB = '00000000-0000-4000-8000-0000000000c1';
const CHOIR = '00000000-0000-4000-8000-0000000000c2';

describe('awardedGrants and grantStatistics', () => {
  let subgraph: TestSubgraph;
  let sportsProgram: string;
  let cultureProgram: string;

  beforeAll(async () => {
    // The associations subgraph's answer about the two applicants: where, and what kind.
    subgraph = await startTestSubgraph(grantsSubgraph, {
      associations: knownAssociations([CLUB, CHOIR], {
        [CLUB]: { municipalityCode: '398', kind: OrganizationKind.REGISTERED_ASSOCIATION },
        [CHOIR]: { municipalityCode: '098', kind: OrganizationKind.INFORMAL_GROUP },
      }),
    });
    const db = subgraph.db;
    sportsProgram = await makeProgram(db, {
      kind: 'PROJECT',
      serviceAreaId: SPORTS,
      name: 'Liikuntaprojektit',
    });
    cultureProgram = await makeProgram(db, {
      kind: 'EVENT',
      serviceAreaId: CULTURE,
      name: 'Tapahtuma-avustus',
    });
    const sports2026 = await makeRound(db, sportsProgram, { year: 2026, open: false });
    const sports2027 = await makeRound(db, sportsProgram, { year: 2027, open: false });
    const culture2027 = await makeRound(db, cultureProgram, { year: 2027, open: false });
    // Sports 2026: awards 100.00 and 50.10, one rejection; a draft and a withdrawal do not count.
    await makeApplication(db, sports2026, {
      associationId: CLUB,
      status: 'APPROVED',
      requested: '100.00',
      awarded: '100.00',
      decidedAt: new Date('2026-03-01T10:00:00Z'),
    });
    await makeApplication(db, sports2026, {
      associationId: CLUB,
      status: 'PAID',
      requested: '60.00',
      awarded: '50.10',
      outcome: 'PARTIALLY_APPROVED',
      decidedAt: new Date('2026-04-01T10:00:00Z'),
    });
    await makeApplication(db, sports2026, {
      associationId: CHOIR,
      status: 'REJECTED',
      requested: '30.00',
    });
    await makeApplication(db, sports2026, {
      associationId: CHOIR,
      status: 'DRAFT',
      requested: '999.00',
    });
    await makeApplication(db, sports2026, {
      associationId: CHOIR,
      status: 'WITHDRAWN',
      requested: '500.00',
    });
    // Sports 2027: awards 0.10, 0.20 and 9,999,999.99; one still waiting.
    await makeApplication(db, sports2027, {
      associationId: CLUB,
      status: 'APPROVED',
      requested: '0.10',
      awarded: '0.10',
    });
    await makeApplication(db, sports2027, {
      associationId: CHOIR,
      status: 'APPROVED',
      requested: '0.20',
      awarded: '0.20',
    });
    await makeApplication(db, sports2027, {
      associationId: CLUB,
      status: 'REPORTED',
      requested: '9999999.99',
      awarded: '9999999.99',
    });
    await makeApplication(db, sports2027, {
      associationId: CHOIR,
      status: 'SUBMITTED',
      requested: '10.00',
    });
    // Culture 2027: one partial award of 0.15 out of 1.00; one in review.
    await makeApplication(db, culture2027, {
      associationId: CHOIR,
      status: 'PARTIALLY_APPROVED',
      requested: '1.00',
      awarded: '0.15',
      outcome: 'PARTIALLY_APPROVED',
      title: 'Kuorokonsertti',
    });
    await makeApplication(db, culture2027, {
      associationId: CLUB,
      status: 'IN_REVIEW',
      requested: '5.00',
    });
  });

  afterAll(() => subgraph.stop());

  const money = (amount: string | null) => (amount === null ? null : { amount });

  it('groups by service area and year with exact sums, medians and largest awards', async () => {
    const answer = await subgraph.request<{ grantStatistics: unknown }>(
      `{ grantStatistics(groupBy: [SERVICE_AREA, YEAR]) {
          groups { year serviceArea { id } kind applicationCount awardedCount
                   requestedTotal { amount } awardedTotal { amount } medianAward { amount } largestAward { amount } }
          total { year serviceArea { id } applicationCount awardedCount
                  requestedTotal { amount } awardedTotal { amount } medianAward { amount } largestAward { amount } } } }`,
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.grantStatistics).toEqual({
      groups: [
        {
          year: 2026,
          serviceArea: { id: SPORTS },
          kind: null,
          applicationCount: 3, // approved, paid, rejected
          awardedCount: 2,
          requestedTotal: money('190.00'), // 100.00 + 60.00 + 30.00
          awardedTotal: money('150.10'), // 100.00 + 50.10
          medianAward: money('75.05'), // (50.10 + 100.00) / 2
          largestAward: money('100.00'),
        },
        {
          year: 2027,
          serviceArea: { id: SPORTS },
          kind: null,
          applicationCount: 4,
          awardedCount: 3,
          requestedTotal: money('10000010.29'), // 0.10 + 0.20 + 9,999,999.99 + 10.00
          awardedTotal: money('10000000.29'), // 0.10 + 0.20 + 9,999,999.99
          medianAward: money('0.20'),
          largestAward: money('9999999.99'),
        },
        {
          year: 2027,
          serviceArea: { id: CULTURE },
          kind: null,
          applicationCount: 2,
          awardedCount: 1,
          requestedTotal: money('6.00'),
          awardedTotal: money('0.15'),
          medianAward: money('0.15'),
          largestAward: money('0.15'),
        },
      ],
      total: {
        year: null,
        serviceArea: null,
        applicationCount: 9,
        awardedCount: 6,
        requestedTotal: money('10000206.29'), // 190.00 + 10,000,010.29 + 6.00
        awardedTotal: money('10000150.54'), // 150.10 + 10,000,000.29 + 0.15
        medianAward: money('25.15'), // of 0.10 0.15 0.20 | 50.10 100.00 9,999,999.99: (0.20 + 50.10) / 2
        largestAward: money('9999999.99'),
      },
    });
  });

  it('groups by kind and association under a filter', async () => {
    const answer = await subgraph.request<{
      grantStatistics: { groups: unknown[]; total: unknown };
    }>(
      `{ grantStatistics(groupBy: [ASSOCIATION], filter: { year: 2027, kinds: [PROJECT] }) {
          groups { association { id } program { name { fi } } applicationCount awardedTotal { amount } }
          total { applicationCount awardedTotal { amount } medianAward { amount } } } }`,
    );
    expect(answer.data!.grantStatistics).toEqual({
      groups: [
        {
          association: { id: CLUB },
          program: null,
          applicationCount: 2,
          awardedTotal: money('10000000.09'),
        },
        {
          association: { id: CHOIR },
          program: null,
          applicationCount: 2,
          awardedTotal: money('0.20'),
        },
      ],
      total: {
        applicationCount: 4,
        awardedTotal: money('10000000.29'),
        medianAward: money('0.20'),
      },
    });
  });

  it("groups by the applicants' municipality and kind, as the associations subgraph knows them", async () => {
    const figures =
      'applicationCount awardedCount requestedTotal { amount } awardedTotal { amount } medianAward { amount } largestAward { amount }';
    const answer = await subgraph.request<{
      byMunicipality: { groups: unknown[] };
      byKind: { groups: unknown[] };
    }>(
      `{ byMunicipality: grantStatistics(groupBy: [MUNICIPALITY]) { groups { municipality { code } associationKind ${figures} } }
         byKind: grantStatistics(groupBy: [ASSOCIATION_KIND]) { groups { municipality { code } associationKind ${figures} } } }`,
    );
    expect(answer.errors).toEqual([]);
    // The club (Lahti, registered): 100.00, 50.10 of 60.00, 0.10, 9,999,999.99 awarded and
    // 5.00 in review: 5 applications, 4 awards, median (50.10 + 100.00) / 2 = 75.05.
    const club = {
      applicationCount: 5,
      awardedCount: 4,
      requestedTotal: money('10000165.09'), // 100.00 + 60.00 + 0.10 + 9,999,999.99 + 5.00
      awardedTotal: money('10000150.19'), // 100.00 + 50.10 + 0.10 + 9,999,999.99
      medianAward: money('75.05'),
      largestAward: money('9999999.99'),
    };
    // The choir (Hollola, informal): 30.00 rejected, 0.20 awarded, 10.00 waiting, 0.15 of
    // 1.00 awarded (draft and withdrawal not counted): median (0.15 + 0.20) / 2 = 0.175 → 0.18.
    const choir = {
      applicationCount: 4,
      awardedCount: 2,
      requestedTotal: money('41.20'),
      awardedTotal: money('0.35'),
      medianAward: money('0.18'),
      largestAward: money('0.20'),
    };
    expect(answer.data!.byMunicipality.groups).toEqual([
      { municipality: { code: '098' }, associationKind: null, ...choir },
      { municipality: { code: '398' }, associationKind: null, ...club },
    ]);
    expect(answer.data!.byKind.groups).toEqual([
      { municipality: null, associationKind: 'INFORMAL_GROUP', ...choir },
      { municipality: null, associationKind: 'REGISTERED_ASSOCIATION', ...club },
    ]);
  });

  it("filters statistics and awards by the applicants' municipality and kind", async () => {
    const answer = await subgraph.request<{
      lahti: { groups: unknown[]; total: unknown };
      foundations: { groups: unknown[]; total: unknown };
      hollola: {
        totalCount: number;
        edges: Array<{ node: { amountAwarded: { amount: string } } }>;
      };
    }>(
      `{ lahti: grantStatistics(groupBy: [YEAR], filter: { municipalityCodes: ["398"] }) {
           groups { year applicationCount requestedTotal { amount } awardedTotal { amount } }
           total { applicationCount } }
         foundations: grantStatistics(groupBy: [YEAR], filter: { associationKinds: [FOUNDATION] }) {
           groups { year } total { applicationCount awardedTotal { amount } } }
         hollola: awardedGrants(filter: { municipalityCodes: ["098"] }) {
           totalCount edges { node { amountAwarded { amount } } } } }`,
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.lahti).toEqual({
      groups: [
        // 100.00 and 60.00 (50.10 awarded)
        {
          year: 2026,
          applicationCount: 2,
          requestedTotal: money('160.00'),
          awardedTotal: money('150.10'),
        },
        // 0.10, 9,999,999.99 and 5.00 in review
        {
          year: 2027,
          applicationCount: 3,
          requestedTotal: money('10000005.09'),
          awardedTotal: money('10000000.09'),
        },
      ],
      total: { applicationCount: 5 },
    });
    expect(answer.data!.foundations).toEqual({
      groups: [],
      total: { applicationCount: 0, awardedTotal: money('0.00') },
    });
    expect(answer.data!.hollola.totalCount).toBe(2);
    expect(answer.data!.hollola.edges.map((e) => e.node.amountAwarded.amount).sort()).toEqual([
      '0.15',
      '0.20',
    ]);

    const refused = await subgraph.request(
      `{ grantStatistics(groupBy: [YEAR], filter: { municipalityCodes: ["999"] }) { total { applicationCount } } }`,
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'filter.municipalityCodes[0]', rule: 'MUNICIPALITY' }),
    ]);
  });

  it('lists awards publicly, newest first, with no drafts, pending or rejected applications', async () => {
    const answer = await subgraph.request<{
      awardedGrants: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> };
    }>(
      `{ awardedGrants(filter: { year: 2027, kinds: [EVENT] }) { totalCount edges { node {
          title year amountAwarded { amount } amountRequested { amount } recipient { id } program { kind } } } } }`,
    );
    expect(answer.data!.awardedGrants).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            title: 'Kuorokonsertti',
            year: 2027,
            amountAwarded: money('0.15'),
            amountRequested: money('1.00'),
            recipient: { id: CHOIR },
            program: { kind: 'EVENT' },
          },
        },
      ],
    });
    const all = await subgraph.request<{ awardedGrants: { totalCount: number } }>(
      `{ awardedGrants { totalCount } }`,
    );
    expect(all.data!.awardedGrants.totalCount).toBe(6);
  });

  it("adds an association's awards and their exact total to the association", async () => {
    const answer = await subgraph.request<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Association {
          all: totalAwarded { amount } y2027: totalAwarded(year: 2027) { amount } awardedGrants(year: 2026) { amountAwarded { amount } } } } }`,
      {
        r: [
          { __typename: 'Association', id: CLUB },
          { __typename: 'Association', id: '00000000-0000-4000-8000-0000000000ff' },
        ],
      },
    );
    expect(answer.data!._entities).toEqual([
      {
        all: money('10000150.19'), // 100.00 + 50.10 + 0.10 + 9,999,999.99
        y2027: money('10000000.09'),
        // Newest decision first: the 50.10 award was decided after the 100.00 one.
        awardedGrants: [{ amountAwarded: money('50.10') }, { amountAwarded: money('100.00') }],
      },
      { all: money('0.00'), y2027: money('0.00'), awardedGrants: [] },
    ]);
  });

  it('tells rounds apart: decided, still closed with applications waiting', async () => {
    const answer = await subgraph.request<{
      applicationRounds: Array<{ year: number; status: string; isOpen: boolean }>;
    }>(
      `query($p: [ID!]) { applicationRounds(filter: { programIds: $p }) { year status isOpen } }`,
      { p: [sportsProgram] },
    );
    expect(answer.data!.applicationRounds.map((r) => [r.year, r.status, r.isOpen]).sort()).toEqual([
      [2026, 'DECIDED', false],
      [2027, 'CLOSED', false],
    ]);
  });

  it('refuses bad filters naming the field', async () => {
    const answer = await subgraph.request(
      `{ grantStatistics(groupBy: [YEAR], filter: { year: 1999, programIds: ["x"] }) { total { applicationCount } } }`,
    );
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(
      (answer.errors[0].extensions?.fields as Array<{ field: string }>).map((f) => f.field),
    ).toEqual(['filter.year', 'filter.programIds[0]']);
  });

  /**
   * Every grouping and every combination of them (31), each checked against figures worked
   * out in plain arithmetic from the table below: the applications written above that count
   * (drafts and withdrawals do not), in cents. The table is the fixture restated, not a
   * query's output, so a wrong join, filter or median in SQL shows up here.
   */
  describe('every combination of groupings', () => {
    interface Counted {
      year: number;
      program: 'sports' | 'culture';
      kind: string;
      area: string;
      association: string;
      requested: number;
      awarded: number | null;
    }
    const counted: Counted[] = [
      {
        year: 2026,
        program: 'sports',
        kind: 'PROJECT',
        area: SPORTS,
        association: CLUB,
        requested: 10000,
        awarded: 10000,
      },
      {
        year: 2026,
        program: 'sports',
        kind: 'PROJECT',
        area: SPORTS,
        association: CLUB,
        requested: 6000,
        awarded: 5010,
      },
      {
        year: 2026,
        program: 'sports',
        kind: 'PROJECT',
        area: SPORTS,
        association: CHOIR,
        requested: 3000,
        awarded: null,
      },
      {
        year: 2027,
        program: 'sports',
        kind: 'PROJECT',
        area: SPORTS,
        association: CLUB,
        requested: 10,
        awarded: 10,
      },
      {
        year: 2027,
        program: 'sports',
        kind: 'PROJECT',
        area: SPORTS,
        association: CHOIR,
        requested: 20,
        awarded: 20,
      },
      {
        year: 2027,
        program: 'sports',
        kind: 'PROJECT',
        area: SPORTS,
        association: CLUB,
        requested: 999999999,
        awarded: 999999999,
      },
      {
        year: 2027,
        program: 'sports',
        kind: 'PROJECT',
        area: SPORTS,
        association: CHOIR,
        requested: 1000,
        awarded: null,
      },
      {
        year: 2027,
        program: 'culture',
        kind: 'EVENT',
        area: CULTURE,
        association: CHOIR,
        requested: 100,
        awarded: 15,
      },
      {
        year: 2027,
        program: 'culture',
        kind: 'EVENT',
        area: CULTURE,
        association: CLUB,
        requested: 500,
        awarded: null,
      },
    ];
    const GROUPINGS = ['YEAR', 'PROGRAM', 'KIND', 'SERVICE_AREA', 'ASSOCIATION'] as const;
    type Grouping = (typeof GROUPINGS)[number];
    const euros = (cents: number) => (cents / 100).toFixed(2);
    /** The middle award, or the mean of the two middle ones rounded half up to a cent. */
    const median = (cents: number[]) => {
      if (cents.length === 0) return null;
      const sorted = [...cents].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2
        ? sorted[middle]
        : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
    };
    const keyOf = (row: Counted, groupBy: readonly Grouping[]) => ({
      year: groupBy.includes('YEAR') ? row.year : null,
      program: groupBy.includes('PROGRAM')
        ? { id: row.program === 'sports' ? sportsProgram : cultureProgram }
        : null,
      kind: groupBy.includes('KIND') ? row.kind : null,
      serviceArea: groupBy.includes('SERVICE_AREA') ? { id: row.area } : null,
      association: groupBy.includes('ASSOCIATION') ? { id: row.association } : null,
    });
    const figures = (rows: Counted[]) => {
      const awards = rows.flatMap((r) => (r.awarded === null ? [] : [r.awarded]));
      const largest = awards.length ? Math.max(...awards) : null;
      const middle = median(awards);
      return {
        applicationCount: rows.length,
        awardedCount: awards.length,
        requestedTotal: { amount: euros(rows.reduce((sum, r) => sum + r.requested, 0)) },
        awardedTotal: { amount: euros(awards.reduce((sum, a) => sum + a, 0)) },
        medianAward: middle === null ? null : { amount: euros(middle) },
        largestAward: largest === null ? null : { amount: euros(largest) },
      };
    };
    const expected = (groupBy: readonly Grouping[]) => {
      const groups = new Map<string, Counted[]>();
      for (const row of counted) {
        const key = JSON.stringify(keyOf(row, groupBy));
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      return [...groups].map(([key, rows]) => ({ ...JSON.parse(key), ...figures(rows) }));
    };
    const byKey = (a: object, b: object) => {
      const key = (g: object) =>
        JSON.stringify(
          Object.entries(g).filter(
            ([k]) => !k.endsWith('Count') && !k.endsWith('Total') && !k.endsWith('Award'),
          ),
        );
      return key(a).localeCompare(key(b));
    };
    const combinations = everyCombination(GROUPINGS);

    it.each(combinations.map((c) => [c.join(', '), c] as const))(
      'groups by %s',
      async (_name, groupBy) => {
        const answer = await subgraph.request<{
          grantStatistics: { groups: object[]; total: object };
        }>(
          `query($groupBy: [GrantGrouping!]!) { grantStatistics(groupBy: $groupBy) {
              groups { year program { id } kind serviceArea { id } association { id }
                       applicationCount awardedCount requestedTotal { amount } awardedTotal { amount }
                       medianAward { amount } largestAward { amount } }
              total { applicationCount awardedCount requestedTotal { amount } awardedTotal { amount }
                      medianAward { amount } largestAward { amount } } } }`,
          { groupBy },
        );
        expect(answer.errors).toEqual([]);
        const { groups, total } = answer.data!.grantStatistics;
        expect([...groups].sort(byKey)).toEqual(expected(groupBy).sort(byKey));
        expect(total).toEqual(figures(counted));
      },
    );
  });
});
