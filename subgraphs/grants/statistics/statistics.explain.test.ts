import { bulkLoad } from '../../../tests/setup/bulk-load';
import { grantsSubgraph } from '../grants.subgraph';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';

/**
 * grantStatistics grouped by SERVICE_AREA × YEAR over 500,000 applications: one SQL
 * statement per request whatever the grouping, reading applications through the covering
 * index (index-only) when the filter narrows the rounds. Timings belong to benchmarks.
 */
const APPLICATIONS = 500_000;

describe('grant statistics on 500,000 applications', () => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(grantsSubgraph);
    const db = subgraph.db;
    await bulkLoad(db, async (tx) => {
      // 6 service areas × 5 kinds = 30 programs, each with a round a year for 10 years.
      await tx.query(
        `INSERT INTO grants.grant_program (name, kind, service_area_id)
       SELECT jsonb_build_object('fi', 'Ohjelma ' || a || '-' || k),
              (ARRAY['OPERATING','PROJECT','RECURRING','EVENT','SMALL'])[k], ('00000000-0000-4000-8000-00000000000' || a)::uuid
         FROM generate_series(1, 6) AS a, generate_series(1, 5) AS k`,
      );
      await tx.query(
        `INSERT INTO grants.application_round (program_id, year, opens_at, closes_at)
       SELECT p.id, y, make_timestamptz(y, 1, 1, 0, 0, 0, 'UTC'), make_timestamptz(y, 3, 1, 0, 0, 0, 'UTC')
         FROM grants.grant_program p, generate_series(2017, 2026) AS y`,
      );
      await tx.query(
        `WITH rounds AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(closes_at ORDER BY id) AS closes FROM grants.application_round),
            generated AS (
              SELECT i, rounds.ids[1 + i % 300] AS round_id, rounds.closes[1 + i % 300] AS closes_at,
                     (ARRAY['APPROVED','REJECTED','PAID','REPORTED','SUBMITTED','DRAFT','WITHDRAWN','IN_REVIEW'])[1 + i % 8] AS status
                FROM generate_series(1, ${APPLICATIONS}) AS i, rounds)
       INSERT INTO grants.grant_application (round_id, association_id, created_by, title, requested_amount, status,
          awarded_amount, decision_outcome, decided_at)
       SELECT round_id, ('00000000-0000-4000-8000-' || lpad((i % 5000)::text, 12, '0'))::uuid, 'bench', 'Hakemus ' || i,
              (100 + i % 9000)::numeric(14,2) + 0.25,
              status,
              CASE WHEN status IN ('APPROVED','PAID','REPORTED') THEN (100 + i % 9000)::numeric(14,2)
                   WHEN status = 'REJECTED' THEN 0 END,
              CASE WHEN status IN ('APPROVED','PAID','REPORTED') THEN 'APPROVED' WHEN status = 'REJECTED' THEN 'REJECTED' END,
              CASE WHEN status IN ('APPROVED','PAID','REPORTED','REJECTED') THEN closes_at + interval '30 days' END
         FROM generated`,
      );
    });
    await db.query('VACUUM ANALYZE grants.grant_application');
    await db.query('VACUUM ANALYZE grants.application_round');
    await db.query('VACUUM ANALYZE grants.grant_program');
  }, 300_000);

  afterAll(() => subgraph.stop());

  async function plan(
    filter: Record<string, unknown> | null,
  ): Promise<{ rows: number; plan: string }> {
    const spy = jest.spyOn(subgraph.db.logger, 'logQuery');
    let statements: Array<[string, unknown[] | undefined]>;
    let answer;
    try {
      answer = await subgraph.request<{
        grantStatistics: { groups: unknown[]; total: { applicationCount: number } };
      }>(
        `query($filter: AwardedGrantFilter) { grantStatistics(groupBy: [SERVICE_AREA, YEAR], filter: $filter) {
          groups { year serviceArea { id } awardedTotal { amount } medianAward { amount } } total { applicationCount } } }`,
        { filter },
      );
      statements = spy.mock.calls.map(([sql, params]) => [sql, params as unknown[] | undefined]);
    } finally {
      spy.mockRestore();
    }
    expect(answer.errors).toEqual([]);
    expect(statements).toHaveLength(1);
    const rows: Array<{ 'QUERY PLAN': string }> = await subgraph.db.query(
      `EXPLAIN ${statements[0][0]}`,
      statements[0][1],
    );
    return {
      rows: answer.data!.grantStatistics.groups.length,
      plan: rows.map((r) => r['QUERY PLAN']).join('\n'),
    };
  }

  it('answers every service area × year in one statement', async () => {
    const all = await plan(null);
    expect(all.rows).toBe(60);
  });

  it('reads one year’s applications through the covering index only', async () => {
    const year = await plan({ year: 2025 });
    expect(year.rows).toBe(6);
    expect(year.plan).toMatch(/Index Only Scan using grant_application_stats_idx/);
    expect(year.plan).not.toMatch(/Seq Scan on grant_application /);
  });
});
