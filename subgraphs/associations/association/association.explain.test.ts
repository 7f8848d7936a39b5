import { bulkLoad } from '../../../tests/setup/bulk-load';
import { associationsSubgraph } from '../associations.subgraph';
import { SEARCH_TRIGGERS } from './association-search.indexer';
import { makeCategory, makeServiceArea } from '../../../tests/factories/associations.factory';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';

/**
 * Every filter and the search are backed by an index: with 100,000 associations, the
 * planner reaches matching rows through the index named here, never a sequential scan of
 * the association table. Plans are read from the SQL the subgraph really sends.
 */
const ROWS = 100_000;

describe('association indexes on 100,000 associations', () => {
  let subgraph: TestSubgraph;
  let rareCategory: string;
  let rareArea: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    const db = subgraph.db;
    const common = await makeCategory(db);
    rareCategory = await makeCategory(db);
    const commonArea = await makeServiceArea(db);
    rareArea = await makeServiceArea(db);
    // One transaction with the search triggers off: 200,000 trigger runs (each marking an
    // association stale and notifying the indexer, which then fought the inserts for row
    // locks) made the load pass the 30 s statement timeout on a busy machine. The search
    // terms are written below as the indexer would leave them, so nothing is stale after.
    await bulkLoad(db, async (tx) => {
      for (const [table, trigger] of SEARCH_TRIGGERS) {
        await tx.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
      }
      // Common values for most rows, rare ones for 1 %: what a selective filter looks like.
      await tx.query(
        `INSERT INTO associations.association
         (name, description, kind, status, municipality_code, languages, updated_at)
       SELECT jsonb_build_object('fi',
                (ARRAY['Lahden','Hollolan','Heinolan','Orimattilan','Kouvolan','Asikkalan'])[1 + i % 6] || ' ' ||
                (ARRAY['Urheiluseura','Kuoro','Kyläyhdistys','Eläkeläiset','Nuorisoseura','Partiolaiset','Teatteri','Hiihtäjät'])[1 + i % 8] ||
                CASE WHEN i % 1000 = 0 THEN ' Mielenterveysseura' ELSE '' END || ' ' || i),
              jsonb_build_object('fi', 'Toimintaa jäsenille ja kaikille kaupunkilaisille.'),
              CASE WHEN i % 100 = 0 THEN 'FOUNDATION' ELSE 'REGISTERED_ASSOCIATION' END,
              CASE WHEN i % 100 = 1 THEN 'DORMANT' ELSE 'ACTIVE' END,
              CASE WHEN i % 100 = 2 THEN '560' ELSE '398' END,
              CASE WHEN i % 100 = 3 THEN '{sv}'::text[] ELSE '{fi}'::text[] END,
              timestamptz '2020-01-01' + i * interval '1 minute'
         FROM generate_series(1, ${ROWS}) AS i`,
      );
      await tx.query(
        `INSERT INTO associations.association_category (association_id, category_id)
       SELECT id, CASE WHEN row_number() OVER () % 100 = 4 THEN $2::uuid ELSE $1::uuid END
         FROM associations.association`,
        [common, rareCategory],
      );
      await tx.query(
        `INSERT INTO associations.association_service_area (association_id, service_area_id)
       SELECT id, CASE WHEN row_number() OVER () % 100 = 5 THEN $2::uuid ELSE $1::uuid END
         FROM associations.association`,
        [commonArea, rareArea],
      );
      // Search terms as the indexer leaves them (one word of each name), written here at once:
      // the subgraph's indexer finds nothing to rebuild, and the table does not change under
      // the plans being read.
      await tx.query(
        `UPDATE associations.association
          SET search_terms = regexp_split_to_array(lower(name->>'fi'), '\\s+'),
              search_name_terms = regexp_split_to_array(lower(name->>'fi'), '\\s+'),
              search_terms_by = 'voikko'`,
      );
      for (const [table, trigger] of SEARCH_TRIGGERS) {
        await tx.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
      }
    });
    // VACUUM also merges the GIN indexes' pending lists, as autovacuum does in production.
    await db.query('VACUUM ANALYZE associations.association');
    await db.query('VACUUM ANALYZE associations.association_category');
    await db.query('VACUUM ANALYZE associations.association_service_area');
  });

  afterAll(() => subgraph.stop());

  /** The plans of the statements one list request sends (the page and its count). */
  async function plansFor(filter: Record<string, unknown>, orderBy?: string): Promise<string[]> {
    const spy = jest.spyOn(subgraph.db.logger, 'logQuery');
    let statements: Array<[string, unknown[] | undefined]>;
    try {
      const answer = await subgraph.request(
        `query($filter: AssociationFilter, $orderBy: AssociationOrder) {
          associations(filter: $filter, orderBy: $orderBy, first: 20) { totalCount edges { node { id } } }
        }`,
        { filter, orderBy },
      );
      expect(answer.errors).toEqual([]);
      statements = spy.mock.calls.map(([sql, params]) => [sql, params as unknown[] | undefined]);
    } finally {
      spy.mockRestore();
    }
    expect(statements).toHaveLength(2);
    const plans: string[] = [];
    for (const [sql, params] of statements) {
      const rows: Array<{ 'QUERY PLAN': string }> = await subgraph.db.query(
        `EXPLAIN ${sql}`,
        params,
      );
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    return plans;
  }

  it.each([
    ['search', { search: 'mielenterveysseura' }, /association_search_(document|names)_idx/],
    [
      'search by a word prefix',
      { search: 'mielenterv' },
      /association_search_(document|names)_idx/,
    ],
    ['municipalityCodes', { municipalityCodes: ['560'] }, /association_municipality_name_idx/],
    ['categoryIds', { categoryIds: ['RARE_CATEGORY'] }, /association_category_category_idx/],
    ['serviceAreaIds', { serviceAreaIds: ['RARE_AREA'] }, /association_service_area_area_idx/],
    ['languages', { languages: ['sv'] }, /association_languages_idx/],
    ['statuses', { statuses: ['DORMANT'] }, /association_status_kind_idx/],
    ['kinds', { kinds: ['FOUNDATION'] }, /association_(kind|status_kind)_idx/],
    ['updatedSince', { updatedSince: '2020-03-01T00:00:00Z' }, /association_updated_idx/],
  ])('finds rows by %s through an index', async (_name, rawFilter, index) => {
    const filter = JSON.parse(
      JSON.stringify(rawFilter)
        .replace('RARE_CATEGORY', rareCategory)
        .replace('RARE_AREA', rareArea),
    ) as Record<string, unknown>;
    const [page, count] = await plansFor(filter);
    expect(count).toMatch(index);
    // Filters on link tables may hash-join against the association table; the index that
    // finds the matching links is what backs them.
    expect(page).not.toMatch(/Seq Scan on association /);
  });

  it("reads a small municipality's page by name from the municipality-name index", async () => {
    // Walking the name index instead took 825 ms at 100,000 for a municipality of 1.6 %.
    const [page] = await plansFor({ municipalityCodes: ['560'] });
    expect(page).toMatch(/association_municipality_name_idx/);
  });

  it('reads the first page by name straight from the name index', async () => {
    const [page] = await plansFor({});
    expect(page).toMatch(/Index Scan using association_name_sort_idx/);
    expect(page).not.toMatch(/Sort/);
  });
});
