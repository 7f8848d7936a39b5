import { bulkLoad } from '../../../tests/setup/bulk-load';
import { facilitiesSubgraph } from '../facilities.subgraph';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';

/**
 * "What is free on this evening?" over 2,000 spaces and 200,000 reservations: one page
 * statement and one count statement whatever the size, and the planner reaches the
 * reservations through the GiST index of the double-booking constraint (and the blocked
 * times through theirs), never by scanning them. Plans are read from the SQL the subgraph
 * really sends. Timings belong to benchmarks, not here.
 */
const SPACES = 2_000;
const PER_SPACE = 100;

describe('spaces free between two moments, on 2,000 spaces and 200,000 reservations', () => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(facilitiesSubgraph);
    const db = subgraph.db;
    await db.query(
      `INSERT INTO facilities.facility (name, address, municipality_code)
       SELECT jsonb_build_object('fi', 'Talo ' || f), '{}'::jsonb, (ARRAY['398','098','111','560'])[1 + f % 4]
         FROM generate_series(1, 20) AS f`,
    );
    await db.query(
      `INSERT INTO facilities.opening_hours (facility_id, weekday, opens, closes)
       SELECT f.id, d, '08:00', '22:00' FROM facilities.facility f, generate_series(1, 7) AS d`,
    );
    await db.query(
      `INSERT INTO facilities.space (facility_id, name, type, capacity)
       SELECT (SELECT id FROM facilities.facility ORDER BY id OFFSET s % 20 LIMIT 1),
              jsonb_build_object('fi', 'Tila ' || s), (ARRAY['MEETING_ROOM','HALL','GYM','CLUB_ROOM'])[1 + s % 4], 10 + s % 90
         FROM generate_series(1, ${SPACES}) AS s`,
    );
    // Even-numbered spaces are reserved 10–11 UTC every day for 100 days, odd ones 12–13.
    // A bulk seed, not a request: 200,000 rows each claim their units through the trigger.
    await bulkLoad(db, async (seed) => {
      await seed.query(
        `INSERT INTO facilities.reservation (space_id, association_id, requested_by, starts_at, ends_at, status, purpose)
       SELECT s.id, gen_random_uuid(), 'bench',
              timestamptz '2027-01-04 10:00Z' + d * interval '1 day' + (s.n % 2) * interval '2 hours',
              timestamptz '2027-01-04 11:00Z' + d * interval '1 day' + (s.n % 2) * interval '2 hours',
              'CONFIRMED', 'Vakiovuoro'
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM facilities.space) s,
              generate_series(0, ${PER_SPACE - 1}) AS d`,
      );
    });
    await db.query(
      `INSERT INTO facilities.blocked_time (space_id, starts_at, ends_at, source, external_id)
       SELECT id, timestamptz '2027-01-04 15:00Z' + d * interval '1 day', timestamptz '2027-01-04 16:00Z' + d * interval '1 day',
              'TIMMI', d::text
         FROM facilities.space, generate_series(0, 9) AS d`,
    );
    for (const table of [
      'space',
      'space_unit',
      'reservation',
      'reservation_claim',
      'blocked_time',
      'opening_hours',
    ]) {
      await db.query(`VACUUM ANALYZE facilities.${table}`);
    }
  });

  afterAll(() => subgraph.stop());

  it('holds the 200,000 reservations it set out to query', async () => {
    const rows: Array<{ n: number }> = await subgraph.db.query(
      'SELECT count(*)::int AS n FROM facilities.reservation_claim',
    );
    expect(rows[0].n).toBe(SPACES * PER_SPACE);
  });

  it('answers in two statements that reach reservations and busy times through their GiST indexes', async () => {
    const spy = jest.spyOn(subgraph.db.logger, 'logQuery');
    let statements: Array<[string, unknown[] | undefined]>;
    let answer;
    try {
      answer = await subgraph.request<{ spaces: { totalCount: number; edges: unknown[] } }>(
        `query($from: DateTime!, $to: DateTime!) {
          spaces(first: 20, filter: { freeBetween: { from: $from, to: $to }, minCapacity: 20 }) { totalCount edges { node { id } } }
        }`,
        // Day 50, 12:00–13:00 in Helsinki (10–11 UTC): every even-numbered space is taken.
        { from: '2027-02-23T12:00:00+02:00', to: '2027-02-23T13:00:00+02:00' },
      );
      statements = spy.mock.calls.map(([sql, params]) => [sql, params as unknown[] | undefined]);
    } finally {
      spy.mockRestore();
    }
    expect(answer.errors).toEqual([]);
    expect(answer.data!.spaces.edges).toHaveLength(20);
    const expected: Array<{ n: number }> = await subgraph.db.query(
      `SELECT count(*)::int AS n FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, capacity FROM facilities.space) s
        WHERE s.n % 2 = 1 AND s.capacity >= 20`,
    );
    expect(answer.data!.spaces.totalCount).toBe(expected[0].n);
    expect(statements).toHaveLength(2);
    for (const [sql, params] of statements) {
      const plan: Array<{ 'QUERY PLAN': string }> = await subgraph.db.query(
        `EXPLAIN ${sql}`,
        params,
      );
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      // Either of the claims' two exclusion constraints has a GiST index on (unit_id, during).
      expect(text).toMatch(/reservation_no_overlap|hold_no_overlap/);
      expect(text).toMatch(/blocked_time_during_idx/);
      expect(text).not.toMatch(/Seq Scan on reservation_claim/);
      expect(text).not.toMatch(/Seq Scan on blocked_time/);
    }
  });
});
