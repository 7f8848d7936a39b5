import { parse } from 'csv-parse/sync';
import { threeSixtyGivingValidator } from '../setup/open-data-schemas';
import { gql } from 'graphql-request';
import { Client } from 'pg';
import { associationId, serviceAreaId } from '../../demo/data';
import { sumMoney } from '../../subgraphs/core/money';
import { helsinkiYear } from '../../subgraphs/core/time';
import { startTestHub, type TestHub } from '../setup/test-hub';

interface Award {
  id: string;
  title: string;
  amountAwarded: { amount: string };
  recipient: { name: { fi: string }; businessId: string | null };
  program: { name: { fi: string } };
}

describe('grants through the gateway', () => {
  let t: TestHub;
  const year = helsinkiYear(new Date()) - 1;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  async function awards(filterYear: number): Promise<Award[]> {
    const data = await t
      .client()
      .request<{ awardedGrants: { totalCount: number; edges: Array<{ node: Award }> } }>(
        gql`
          query ($year: Int) {
            awardedGrants(filter: { year: $year }, first: 100) {
              totalCount
              edges {
                node {
                  id
                  title
                  amountAwarded {
                    amount
                  }
                  recipient {
                    name {
                      fi
                    }
                    businessId
                  }
                  program {
                    name {
                      fi
                    }
                  }
                }
              }
            }
          }
        `,
        { year: filterYear },
      );
    expect(data.awardedGrants.edges).toHaveLength(data.awardedGrants.totalCount);
    return data.awardedGrants.edges.map((e) => e.node);
  }

  it('lists last year’s awards publicly with recipients from the directory', async () => {
    const list = await awards(year);
    expect(list.length).toBeGreaterThan(10);
    const club = list.find((a) => a.title === 'Junioritoiminta');
    expect(club).toMatchObject({
      amountAwarded: { amount: '9500.00' },
      recipient: { name: { fi: 'Lahden Urheiluseura ry' } },
      program: { name: { fi: 'Liikuntaseurojen toistuvaisavustus' } },
    });
  });

  it('agrees with itself: an association’s total is the sum of its awards, and statistics sum the same', async () => {
    const id = associationId('lahden-urheiluseura');
    const data = await t.client().request<{
      association: {
        totalAwarded: { amount: string };
        awardedGrants: Array<{ amountAwarded: { amount: string } }>;
      };
      grantStatistics: {
        groups: Array<{
          serviceArea: { name: { fi: string } } | null;
          awardedTotal: { amount: string };
        }>;
        total: { awardedTotal: { amount: string } };
      };
    }>(
      gql`
        query ($id: ID!, $year: Int) {
          association(id: $id) {
            totalAwarded(year: $year) {
              amount
            }
            awardedGrants(year: $year) {
              amountAwarded {
                amount
              }
            }
          }
          grantStatistics(groupBy: [SERVICE_AREA, YEAR], filter: { year: $year }) {
            groups {
              serviceArea {
                name {
                  fi
                }
              }
              awardedTotal {
                amount
              }
            }
            total {
              awardedTotal {
                amount
              }
            }
          }
        }
      `,
      { id, year },
    );
    expect(data.association.totalAwarded.amount).toBe(
      sumMoney(data.association.awardedGrants.map((a) => a.amountAwarded.amount)),
    );
    expect(data.grantStatistics.total.awardedTotal.amount).toBe(
      sumMoney((await awards(year)).map((a) => a.amountAwarded.amount)),
    );
    expect(data.grantStatistics.total.awardedTotal.amount).toBe(
      sumMoney(data.grantStatistics.groups.map((g) => g.awardedTotal.amount)),
    );
    expect(data.grantStatistics.groups.map((g) => g.serviceArea?.name.fi).sort()).toEqual(
      ['Hyvinvointi ja terveyden edistäminen', 'Kulttuuri', 'Liikunta'].sort(),
    );
  });

  it('sums awards by the recipients’ municipality and kind as the directory tells them', async () => {
    const data = await t.client().request<{
      awardedGrants: {
        edges: Array<{
          node: {
            amountAwarded: { amount: string };
            recipient: { kind: string; municipality: { code: string } };
          };
        }>;
      };
      byMunicipality: {
        groups: Array<{
          municipality: { code: string; name: { fi: string; sv: string } };
          awardedTotal: { amount: string };
        }>;
      };
      byKind: { groups: Array<{ associationKind: string; awardedTotal: { amount: string } }> };
      lahti: { total: { awardedTotal: { amount: string } } };
    }>(
      `query ($year: Int) {
        awardedGrants(filter: { year: $year }, first: 100) {
          edges { node { amountAwarded { amount } recipient { kind municipality { code } } } }
        }
        byMunicipality: grantStatistics(groupBy: [MUNICIPALITY], filter: { year: $year }) {
          groups { municipality { code name { fi sv } } awardedTotal { amount } }
        }
        byKind: grantStatistics(groupBy: [ASSOCIATION_KIND], filter: { year: $year }) {
          groups { associationKind awardedTotal { amount } }
        }
        lahti: grantStatistics(groupBy: [], filter: { year: $year, municipalityCodes: ["398"] }) {
          total { awardedTotal { amount } }
        }
      }`,
      { year },
    );
    // The same sums from the award list, each award's recipient read from the directory.
    const sumBy = (key: (n: (typeof data.awardedGrants.edges)[number]['node']) => string) => {
      const amounts = new Map<string, string[]>();
      for (const { node } of data.awardedGrants.edges) {
        amounts.set(key(node), [...(amounts.get(key(node)) ?? []), node.amountAwarded.amount]);
      }
      return Object.fromEntries([...amounts].map(([k, v]) => [k, sumMoney(v)]));
    };
    const byMunicipality = sumBy((n) => n.recipient.municipality.code);
    expect(Object.keys(byMunicipality).length).toBeGreaterThan(1);
    expect(
      Object.fromEntries(
        data.byMunicipality.groups
          .filter((g) => g.awardedTotal.amount !== '0.00')
          .map((g) => [g.municipality.code, g.awardedTotal.amount]),
      ),
    ).toEqual(byMunicipality);
    expect(
      Object.fromEntries(
        data.byKind.groups
          .filter((g) => g.awardedTotal.amount !== '0.00')
          .map((g) => [g.associationKind, g.awardedTotal.amount]),
      ),
    ).toEqual(sumBy((n) => n.recipient.kind));
    expect(data.lahti.total.awardedTotal.amount).toBe(byMunicipality['398']);
    expect(
      data.byMunicipality.groups.find((g) => g.municipality.code === '398')?.municipality.name,
    ).toEqual({
      fi: 'Lahti',
      sv: 'Lahtis',
    });
  });

  it('has demo grants (and events and reservations) that differ by program, kind and year, as real ones would', async () => {
    const figures = 'applicationCount awardedCount awardedTotal { amount } medianAward { amount }';
    const data = await t.client().request<{
      byProgram: { groups: Array<Record<string, unknown>> };
      byKind: { groups: Array<Record<string, unknown>> };
      byYear: { groups: Array<Record<string, unknown>> };
      applicants: { groups: Array<{ program: { id: string }; association: { id: string } }> };
    }>(
      `query ($year: Int) {
        byProgram: grantStatistics(groupBy: [PROGRAM], filter: { year: $year }) { groups { ${figures} } }
        byKind: grantStatistics(groupBy: [ASSOCIATION_KIND], filter: { year: $year }) { groups { ${figures} } }
        byYear: grantStatistics(groupBy: [YEAR], filter: { programIds: [] }) { groups { year ${figures} } }
        applicants: grantStatistics(groupBy: [PROGRAM, ASSOCIATION], filter: { year: $year }) {
          groups { program { id } association { id } }
        }
      }`,
      { year },
    );
    const distinct = (rows: Array<Record<string, unknown>>) =>
      new Set(rows.map((r) => JSON.stringify({ ...r, year: undefined }))).size;
    expect(data.byProgram.groups.length).toBe(4);
    expect(distinct(data.byProgram.groups)).toBe(data.byProgram.groups.length);
    expect(data.byKind.groups.length).toBeGreaterThanOrEqual(3);
    expect(distinct(data.byKind.groups)).toBe(data.byKind.groups.length);
    const decidedYears = data.byYear.groups.filter((g) => Number(g.year) < year + 1);
    expect(distinct(decidedYears)).toBe(decidedYears.length);
    // No association applied to every program: each program has applicants of its own.
    const programsOf = new Map<string, Set<string>>();
    for (const g of data.applicants.groups) {
      programsOf.set(
        g.association.id,
        (programsOf.get(g.association.id) ?? new Set()).add(g.program.id),
      );
    }
    expect([...programsOf.values()].every((programs) => programs.size === 1)).toBe(true);

    // Events and reservations in the demo vary too: by kind, and by facility.
    const answer = await t.client().request<{
      events: { groups: Array<Record<string, unknown>> };
      reservations: { groups: Array<Record<string, unknown>> };
    }>(`{
      events: eventStatistics(groupBy: [KIND]) { groups { kind count enrolments participants associations } }
      reservations: reservationStatistics(groupBy: [FACILITY]) { groups { reservations hours associations } }
    }`);
    const other = { events: answer.events.groups, reservations: answer.reservations.groups };
    const differentRows = (rows: Array<Record<string, unknown>>) =>
      new Set(rows.map((r) => JSON.stringify({ ...r, kind: undefined }))).size;
    expect(other.events.length).toBeGreaterThanOrEqual(4);
    expect(differentRows(other.events)).toBeGreaterThanOrEqual(4);
    expect(other.reservations.length).toBeGreaterThanOrEqual(3);
    expect(differentRows(other.reservations)).toBe(other.reservations.length);
  });

  it('shows the year’s rounds with their status, and a service area’s programs', async () => {
    const data = await t.client().request<{
      applicationRounds: Array<{ status: string; isOpen: boolean; program: { kind: string } }>;
    }>(gql`
      { applicationRounds(filter: { year: ${year + 1} }) { status isOpen program { kind } } }
    `);
    expect(data.applicationRounds.map((r) => `${r.program.kind} ${r.status}`).sort()).toEqual([
      'EVENT OPEN',
      'OPERATING CLOSED',
      'PROJECT OPEN',
      'RECURRING UPCOMING',
      'SMALL OPEN',
    ]);
  });

  it("lists a service area's grant programs, joined from the associations subgraph", async () => {
    const data = await t
      .client()
      .request<{ serviceAreas: Array<{ id: string; grantPrograms: Array<{ kind: string }> }> }>(gql`
        {
          serviceAreas {
            id
            grantPrograms {
              kind
              name {
                fi
              }
            }
          }
        }
      `);
    const culture = data.serviceAreas.find((a) => a.id === serviceAreaId('culture'))!;
    expect(culture.grantPrograms.map((p) => p.kind).sort()).toEqual(['EVENT', 'PROJECT']);
  });

  it('takes an application from draft to a public award through the gateway', async () => {
    const applicantId = associationId('lahden-shakki');
    const applicant = t.client(
      await t.token({ role: 'representative', associationIds: [applicantId] }),
    );
    const staff = t.client(
      await t.token({ role: 'staff', serviceAreaIds: [serviceAreaId('culture')] }),
    );
    const rounds = await t
      .client()
      .request<{ applicationRounds: Array<{ id: string; program: { kind: string } }> }>(gql`
        {
          applicationRounds(filter: { statuses: [OPEN], kinds: [PROJECT] }) {
            id
            program {
              kind
            }
          }
        }
      `);
    const created = await applicant.request<{
      createGrantApplication: { id: string; status: string };
    }>(
      gql`
        mutation ($input: CreateGrantApplicationInput!) {
          createGrantApplication(input: $input) {
            id
            status
          }
        }
      `,
      {
        input: {
          roundId: rounds.applicationRounds[0].id,
          associationId: applicantId,
          title: 'Shakkiturnaus',
          requestedAmount: '850.00',
        },
      },
    );
    const id = created.createGrantApplication.id;
    const step = (client: typeof applicant, mutation: string, input: Record<string, unknown>) =>
      client.request<Record<string, { status: string }>>(
        `mutation($input: ${mutation === 'decideGrantApplication' ? 'DecideGrantApplicationInput' : 'GrantApplicationStepInput'}!) { ${mutation}(input: $input) { status } }`,
        {
          input: { id, ...input },
        },
      );
    expect(await step(applicant, 'submitGrantApplication', {})).toEqual({
      submitGrantApplication: { status: 'SUBMITTED' },
    });
    expect(await step(staff, 'startGrantReview', { note: 'Käsittelyyn' })).toEqual({
      startGrantReview: { status: 'IN_REVIEW' },
    });
    expect(
      await step(staff, 'decideGrantApplication', {
        outcome: 'PARTIALLY_APPROVED',
        awardedAmount: '600.50',
        decisionBody: 'Kulttuurilautakunta',
      }),
    ).toEqual({
      decideGrantApplication: { status: 'PARTIALLY_APPROVED' },
    });
    const data = await applicant.request<{
      grantApplication: unknown;
      awardedGrants: {
        edges: Array<{ node: { id: string; recipient: { name: { fi: string } } } }>;
      };
    }>(
      gql`
        query ($id: ID!, $association: ID) {
          grantApplication(id: $id) {
            status
            decision {
              outcome
              awardedAmount {
                amount
              }
              decisionBody
            }
            history {
              from
              to
              actorRole
              note
            }
          }
          awardedGrants(filter: { associationId: $association }) {
            edges {
              node {
                id
                recipient {
                  name {
                    fi
                  }
                }
              }
            }
          }
        }
      `,
      { id, association: applicantId },
    );
    expect(data.grantApplication).toEqual({
      status: 'PARTIALLY_APPROVED',
      decision: {
        outcome: 'PARTIALLY_APPROVED',
        awardedAmount: { amount: '600.50' },
        decisionBody: 'Kulttuurilautakunta',
      },
      history: [
        { from: null, to: 'DRAFT', actorRole: 'representative', note: null },
        { from: 'DRAFT', to: 'SUBMITTED', actorRole: 'representative', note: null },
        { from: 'SUBMITTED', to: 'IN_REVIEW', actorRole: 'staff', note: 'Käsittelyyn' },
        { from: 'IN_REVIEW', to: 'PARTIALLY_APPROVED', actorRole: 'staff', note: null },
      ],
    });
    expect(
      data.awardedGrants.edges.map((e) => [e.node.id, e.node.recipient.name.fi]),
    ).toContainEqual([id, 'Lahden Shakkikerho']);
  });

  describe('open data exports', () => {
    it('serves the year’s awards in the 360Giving standard, every required field present and typed', async () => {
      const response = await fetch(
        `${t.hub.gateway.url}/exports/grants.360giving.json?year=${year}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await response.json()) as { grants: Array<Record<string, unknown>> };
      // Checked against the standard's schema, not only against what we meant to write.
      const validate = threeSixtyGivingValidator();
      expect(validate(body)).toBe(true);
      expect(validate.errors ?? []).toEqual([]);
      const list = await awards(year);
      expect(body.grants).toHaveLength(list.length);
      for (const grant of body.grants) {
        expect(grant).toEqual({
          id: expect.stringMatching(/^360G-city-association-hub-[0-9a-f-]{36}$/),
          title: expect.any(String),
          description: expect.stringMatching(/\S/),
          currency: 'EUR',
          amountAwarded: expect.any(Number),
          amountAppliedFor: expect.any(Number),
          awardDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          recipientOrganization: [
            {
              id: expect.stringMatching(/^(FI-PRO-\d{7}-\d|360G-city-association-hub-ORG-)/),
              name: expect.any(String),
            },
          ],
          fundingOrganization: [{ id: 'FI-PRO-0164374-1', name: 'Lahden kaupunki' }],
          grantProgramme: [{ code: expect.stringMatching(/-PROG-/), title: expect.any(String) }],
          fromOpenCall: 'Yes',
        });
      }
      const byId = new Map(list.map((a) => [`360G-city-association-hub-${a.id}`, a]));
      for (const grant of body.grants) {
        const award = byId.get(grant.id as string)!;
        expect(String((grant.amountAwarded as number).toFixed(2))).toBe(award.amountAwarded.amount);
        const recipient = (grant.recipientOrganization as Array<{ id: string }>)[0];
        if (award.recipient.businessId)
          expect(recipient.id).toBe(`FI-PRO-${award.recipient.businessId}`);
      }
    });

    it('serves the same grants as CSV, quoting what needs quoting and disarming formulas', async () => {
      // A title a spreadsheet could choke on: a comma, quotes, a line break and a leading '='.
      const db = new Client({ connectionString: t.database.url });
      await db.connect();
      try {
        await db.query(
          `UPDATE grants.grant_application SET title = $1 WHERE id = (
          SELECT a.id FROM grants.grant_application a JOIN grants.application_round r ON r.id = a.round_id
           WHERE r.year = $2 AND a.status = 'PAID' ORDER BY a.id LIMIT 1)`,
          ['=SUM(1,2) "Kevät"\nkonsertti', year],
        );
      } finally {
        await db.end();
      }
      const response = await fetch(`${t.hub.gateway.url}/exports/grants.csv?year=${year}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/csv/);
      const text = await response.text();
      const [header] = text.split('\r\n');
      expect(header).toBe(
        'Identifier,Title,Description,Currency,Amount Awarded,Amount Applied For,Award Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,Grant Programme:Code,Grant Programme:Title',
      );
      expect(text).toContain(`"'=SUM(1,2) ""Kevät""\nkonsertti"`);
      // Read back by an RFC 4180 parser: one record per grant, the odd title intact.
      const records = parse(text, { relax_quotes: false }) as string[][];
      expect(records).toHaveLength((await awards(year)).length + 1);
      expect(records.map((r) => r[1])).toContain(`'=SUM(1,2) "Kevät"\nkonsertti`);
    });

    it('offers the same awards as a CSV a Finnish spreadsheet opens right: BOM, semicolons, decimal commas', async () => {
      // The year the other export tests use: last year, whose awards the demo has.
      const standard = await (
        await fetch(`${t.hub.gateway.url}/exports/grants.csv?year=${year}`)
      ).text();
      const response = await fetch(`${t.hub.gateway.url}/exports/grants.fi.csv?year=${year}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="grants-${year}.fi.csv"`,
      );
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      // Read by an independent parser in the spreadsheet's dialect: the same records.
      const records = parse(bytes, {
        bom: true,
        delimiter: ';',
        relax_quotes: false,
      }) as string[][];
      const expected = parse(standard, { relax_quotes: false }) as string[][];
      expect(records).toHaveLength(expected.length);
      expect(records[0]).toEqual(expected[0]);
      const awarded = expected[0].indexOf('Amount Awarded');
      for (const [i, record] of records.slice(1).entries()) {
        expect(record[awarded]).toBe(expected[i + 1][awarded].replace('.', ','));
        expect(record[awarded]).toMatch(/^\d+,\d{2}$/);
        expect(record.filter((_, c) => c !== awarded && c !== awarded + 1)).toEqual(
          expected[i + 1].filter((_, c) => c !== awarded && c !== awarded + 1),
        );
      }
    });

    it('answers a year without awards with 404 and why (a 360Giving package needs a grant)', async () => {
      const json = await fetch(`${t.hub.gateway.url}/exports/grants.360giving.json?year=2001`);
      expect(json.status).toBe(404);
      expect(((await json.json()) as { error: string }).error).toMatch(
        /No grants were awarded in 2001: a 360Giving package holds at least one grant/,
      );
      const csv = await fetch(`${t.hub.gateway.url}/exports/grants.csv?year=2001`);
      expect(csv.status).toBe(200);
      expect((await csv.text()).trim().split('\r\n')).toHaveLength(1);
    });

    it('refuses a bad year with 400 and says what it wants', async () => {
      const response = await fetch(`${t.hub.gateway.url}/exports/grants.csv?year=20x6`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'year must be a year from 2000 to 2100, e.g. ?year=2026',
      });
    });
  });
});
