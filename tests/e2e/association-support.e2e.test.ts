import { parse } from 'csv-parse/sync';
import { gql } from 'graphql-request';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { addDays, fromHelsinkiLocal, helsinkiYear, isoWeekday } from '../../subgraphs/core/time';
import { makeAssociation } from '../factories/associations.factory';
import { makeFacility, makeReservation, makeSpace } from '../factories/facilities.factory';
import { makeApplication, makeProgram, makeRound } from '../factories/grants.factory';
import { threeSixtyGivingValidator } from '../setup/open-data-schemas';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * An association's whole support of a year (issue 33), through the gateway: grants from the
 * grants subgraph, support in kind from the facilities subgraph, the total from both
 * (`@requires`). Every figure below is worked out by hand in the comments.
 */
describe('Association.support through the gateway', () => {
  let t: TestHub;
  let pg: Client;
  let db: DataSource;
  let associationId: string;
  let tentId: string;
  // Two years ahead: every booking is in the future whatever day the test runs, so the
  // season allocation books every week and no rule about the past gets in the way.
  const year = helsinkiYear(new Date()) + 2;
  const at = (local: string) => fromHelsinkiLocal(local);

  beforeAll(async () => {
    t = await startTestHub();
    pg = new Client({ connectionString: t.database.url });
    await pg.connect();
    // The factories write plain SQL through `query`, which pg answers with rows.
    db = {
      query: async (sql: string, params?: unknown[]) => (await pg.query(sql, params)).rows,
    } as unknown as DataSource;
    associationId = await makeAssociation(db, { name: { fi: 'Tukilaskennan Testiseura ry' } });

    const facility = await makeFacility(db);
    // The hall: associations pay 20.00 an hour, the list price is 50.00.
    const hall = await makeSpace(db, facility, {
      name: { fi: 'Juhlasali' },
      isFree: false,
      hourlyRate: '20.00',
      listHourlyRate: '50.00',
    });
    // The club room: free for associations, 30.00 an hour at the list price.
    const clubRoom = await makeSpace(db, facility, {
      name: { fi: 'Kerhohuone' },
      isFree: true,
      listHourlyRate: '30.00',
    });

    // 2.5 hours, asked and then confirmed: 3 started hours, list 150.00, charged 60.00.
    const evening = await makeReservation(db, hall, {
      associationId,
      startsAt: at(`${year}-03-10T17:00`),
      endsAt: at(`${year}-03-10T19:30`),
      status: 'REQUESTED',
    });
    await pg.query(`UPDATE facilities.reservation SET status = 'CONFIRMED' WHERE id = $1`, [
      evening,
    ]);
    // The last hour of the year: list 50.00, charged 20.00. The next one starts at 00:30 on
    // New Year's Day (22:30 UTC, still the old year in UTC): it is the next year's.
    await makeReservation(db, hall, {
      associationId,
      startsAt: at(`${year}-12-31T22:00`),
      endsAt: at(`${year}-12-31T23:00`),
    });
    await makeReservation(db, hall, {
      associationId,
      startsAt: at(`${year + 1}-01-01T00:30`),
      endsAt: at(`${year + 1}-01-01T01:30`),
    });
    // Confirmed, then cancelled: nothing. Only asked: nothing.
    const cancelled = await makeReservation(db, hall, {
      associationId,
      startsAt: at(`${year}-03-11T17:00`),
      endsAt: at(`${year}-03-11T19:00`),
    });
    await pg.query(`UPDATE facilities.reservation SET status = 'CANCELLED' WHERE id = $1`, [
      cancelled,
    ]);
    await makeReservation(db, hall, {
      associationId,
      startsAt: at(`${year}-03-12T17:00`),
      endsAt: at(`${year}-03-12T19:00`),
      status: 'REQUESTED',
    });

    // A season of three weeks; the weekly slot 18–20 in the free club room, allocated
    // through the gateway as staff: 3 slots × 2 hours × 30.00 = 180.00 at list, 0 charged.
    const season = await pg.query<{ id: string }>(
      `INSERT INTO facilities.booking_season (name, applications_open_at, applications_close_at, starts_on, ends_on)
       VALUES ('{"fi":"Kevätkausi"}', now() - interval '2 days', now() - interval '1 day', $1, $2) RETURNING id`,
      [`${year}-03-01`, `${year}-03-21`],
    );
    const application = await pg.query<{ id: string }>(
      `INSERT INTO facilities.season_application (season_id, association_id, applied_by, purpose, weekday, starts_at_local, ends_at_local, space_ids)
       VALUES ($1, $2, 'test', 'Junioreiden kerho', $3, '18:00', '20:00', $4) RETURNING id`,
      [season.rows[0].id, associationId, isoWeekday(addDays(`${year}-03-01`, 1)), [clubRoom]],
    );
    const staff = t.client(await t.token({ role: 'staff' }));
    const allocated = await staff.request<{
      allocateSeasonSlot: { reservations: Array<{ id: string }> };
    }>(
      gql`
        mutation ($input: AllocateSeasonSlotInput!) {
          allocateSeasonSlot(input: $input) {
            reservations {
              id
            }
          }
        }
      `,
      { input: { applicationId: application.rows[0].id, spaceId: clubRoom } },
    );
    expect(allocated.allocateSeasonSlot.reservations).toHaveLength(3);

    // A tent worth 15.00 a day, two lent for 47 hours: 2 × 2 started days × 15.00 = 60.00.
    const tent = await pg.query<{ id: string }>(
      `INSERT INTO facilities.equipment_item (name, quantity, daily_value) VALUES ('{"fi":"Teltta"}', 5, 15.00) RETURNING id`,
    );
    tentId = tent.rows[0].id;
    for (const status of ['CONFIRMED', 'REQUESTED']) {
      await pg.query(
        `INSERT INTO facilities.equipment_reservation (item_id, association_id, requested_by, quantity, starts_at, ends_at, status, purpose)
         VALUES ($1, $2, 'test', 2, $3, $4, $5, 'Kesäjuhla')`,
        [
          tent.rows[0].id,
          associationId,
          at(`${year}-05-01T10:00`),
          at(`${year}-05-03T09:00`),
          status,
        ],
      );
    }

    // Prices change after the year was booked: what was confirmed keeps its price, also
    // when it is edited afterwards.
    await pg.query(`UPDATE facilities.space SET list_hourly_rate = 80.00 WHERE id = $1`, [hall]);
    await pg.query(`UPDATE facilities.reservation SET purpose = 'Kevätjuhla' WHERE id = $1`, [
      evening,
    ]);

    // Grants of the year's rounds: 1,000.00 decided and not yet paid, 500.00 paid,
    // a rejected application and another year's grant that do not count.
    const program = await makeProgram(db);
    const round = await makeRound(db, program, { year, open: false });
    await makeApplication(db, round, { associationId, status: 'APPROVED', awarded: '1000.00' });
    const paid = await makeApplication(db, round, {
      associationId,
      status: 'PAID',
      awarded: '500.00',
    });
    await pg.query(`UPDATE grants.grant_application SET paid_at = now() WHERE id = $1`, [paid]);
    await makeApplication(db, round, { associationId, status: 'REJECTED' });
    const earlier = await makeRound(db, program, { year: year - 1, open: false });
    await makeApplication(db, earlier, { associationId, status: 'APPROVED', awarded: '700.00' });
  }, 120_000);

  afterAll(async () => {
    await pg?.end();
    await t?.stop();
  });

  const SUPPORT = gql`
    query ($id: ID!, $year: Int!, $next: Int!) {
      association(id: $id) {
        support(year: $year) {
          id
          year
          grantsAwarded {
            amount
          }
          grantsPaid {
            amount
          }
          grantsAwardedCount
          spaceSubsidy {
            amount
          }
          spaceListValue {
            amount
          }
          spaceCharged {
            amount
          }
          spaceReservations
          seasonSlots
          spaceHours
          equipmentLent {
            amount
          }
          equipmentLoans
          total {
            amount
            currency
          }
        }
        nextYear: support(year: $next) {
          grantsAwarded {
            amount
          }
          spaceSubsidy {
            amount
          }
          total {
            amount
          }
        }
      }
    }
  `;

  it('sums grants, the space subsidy and equipment lent, each as worked out by hand', async () => {
    const data = await t.client().request<{ association: Record<string, unknown> }>(SUPPORT, {
      id: associationId,
      year,
      next: year + 1,
    });
    expect(data.association.support).toEqual({
      id: `${associationId}:${year}`,
      year,
      grantsAwarded: { amount: '1500.00' },
      grantsPaid: { amount: '500.00' },
      grantsAwardedCount: 2,
      // The hall: 150.00 + 50.00 at list, 60.00 + 20.00 charged; the club room 180.00 free.
      spaceListValue: { amount: '380.00' },
      spaceCharged: { amount: '80.00' },
      spaceSubsidy: { amount: '300.00' },
      spaceReservations: 2,
      seasonSlots: 3,
      // 2.5 + 1 hours in the hall, 3 × 2 in the club room.
      spaceHours: '9.50',
      equipmentLent: { amount: '60.00' },
      equipmentLoans: 1,
      // 1,500.00 + 300.00 + 60.00
      total: { amount: '1860.00', currency: 'EUR' },
    });
    // New Year's first hour, priced at the old list price: 50.00 − 20.00.
    expect(data.association.nextYear).toEqual({
      grantsAwarded: { amount: '0.00' },
      spaceSubsidy: { amount: '30.00' },
      total: { amount: '30.00' },
    });
  });

  it("shows the item's daily value, the measure of a loan's support", async () => {
    const data = await t.client().request<{
      equipmentItems: { edges: Array<{ node: { id: string; dailyValue: { amount: string } } }> };
    }>(gql`
      {
        equipmentItems(first: 100) {
          edges {
            node {
              id
              dailyValue {
                amount
              }
            }
          }
        }
      }
    `);
    expect(data.equipmentItems.edges.find((e) => e.node.id === tentId)?.node.dailyValue).toEqual({
      amount: '15.00',
    });
  });

  it('sums the same figures in supportStatistics, by kind, by year and by municipality', async () => {
    const data = await t.client().request<{
      byKind: { groups: Array<Record<string, unknown>>; total: Record<string, unknown> };
      byYear: { groups: Array<{ year: number; total: { amount: string } }> };
      byMunicipality: {
        groups: Array<{ municipality: { code: string }; associationCount: number }>;
      };
    }>(
      gql`
        query ($ids: [ID!], $year: Int!, $next: Int!) {
          byKind: supportStatistics(
            filter: { years: [$year], associationIds: $ids }
            groupBy: [SUPPORT_KIND]
          ) {
            groups {
              supportKind
              associationCount
              grantsAwarded {
                amount
              }
              grantsPaid {
                amount
              }
              total {
                amount
              }
            }
            total {
              associationCount
              spaceSubsidy {
                amount
              }
              equipmentLent {
                amount
              }
              total {
                amount
              }
            }
          }
          byYear: supportStatistics(
            filter: { years: [$next, $year], associationIds: $ids }
            groupBy: [YEAR]
          ) {
            groups {
              year
              total {
                amount
              }
            }
          }
          byMunicipality: supportStatistics(
            filter: { years: [$year], associationIds: $ids, municipalityCodes: ["398"] }
            groupBy: [MUNICIPALITY]
          ) {
            groups {
              municipality {
                code
              }
              associationCount
            }
          }
        }
      `,
      { ids: [associationId], year, next: year + 1 },
    );
    expect(data.byKind.groups).toEqual([
      {
        supportKind: 'EQUIPMENT',
        associationCount: 1,
        grantsAwarded: { amount: '0.00' },
        grantsPaid: { amount: '0.00' },
        total: { amount: '60.00' },
      },
      {
        supportKind: 'GRANT',
        associationCount: 1,
        grantsAwarded: { amount: '1500.00' },
        grantsPaid: { amount: '500.00' },
        total: { amount: '1500.00' },
      },
      {
        supportKind: 'SPACE',
        associationCount: 1,
        grantsAwarded: { amount: '0.00' },
        grantsPaid: { amount: '0.00' },
        total: { amount: '300.00' },
      },
    ]);
    // The association page's figures, summed: the same 1,860.00.
    expect(data.byKind.total).toEqual({
      associationCount: 1,
      spaceSubsidy: { amount: '300.00' },
      equipmentLent: { amount: '60.00' },
      total: { amount: '1860.00' },
    });
    expect(data.byYear.groups).toEqual([
      { year, total: { amount: '1860.00' } },
      { year: year + 1, total: { amount: '30.00' } },
    ]);
    expect(data.byMunicipality.groups).toEqual([
      { municipality: { code: '398' }, associationCount: 1 },
    ]);
  });

  it('publishes the support in kind beside the grants, valid 360Giving records', async () => {
    const response = await fetch(
      `${t.hub.gateway.url}/exports/support-in-kind.360giving.json?year=${year}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      grants: Array<{ id: string; amountAwarded: number; recipientOrganization: unknown }>;
    };
    const validate = threeSixtyGivingValidator();
    expect(validate(body) ? [] : validate.errors).toEqual([]);
    // The facility and the tent belong to no service area here.
    const ours = body.grants
      .filter((g) => g.id.includes(associationId))
      .map((g) => [g.id.slice(g.id.indexOf('-INKIND-') + 1), g.amountAwarded]);
    expect(ours).toEqual([
      [`INKIND-${year}-SPACE-${associationId}-none`, 300],
      [`INKIND-${year}-EQUIPMENT-${associationId}-none`, 60],
    ]);
    expect(
      (await fetch(`${t.hub.gateway.url}/exports/support-in-kind.360giving.json`)).status,
    ).toBe(400);
    // The same records as CSV, read back by an independent parser.
    const csv = await fetch(`${t.hub.gateway.url}/exports/support-in-kind.csv?year=${year}`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const records = parse(await csv.text(), { columns: true }) as Array<Record<string, string>>;
    expect(
      records
        .filter((r) => r.Identifier.includes(associationId))
        .map((r) => [r['Classifications:Code'], r['Amount Awarded']]),
    ).toEqual([
      ['SPACE', '300.00'],
      ['EQUIPMENT', '60.00'],
    ]);
  });

  it('refuses a year outside the calendar, naming the argument', async () => {
    const answer = await t
      .client()
      .rawRequest(
        `{ association(id: "${associationId}") { support(year: 1800) { total { amount } } } }`,
      )
      .catch(
        (error: { response: { errors: Array<{ message: string; extensions: unknown }> } }) =>
          error.response,
      );
    expect(answer.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(JSON.stringify(answer.errors)).toContain('year');
  });
});
