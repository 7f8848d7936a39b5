import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';

/** The texts an association is found by, gathered for the term analyzer. */
export interface SearchTexts {
  id: string;
  /** Names in every language, and category names: what an association is called and is. */
  names: string;
  /** Description, activities' names and descriptions. */
  rest: string;
}

const TEXTS = (json: string) => `concat_ws(' ', ${json}->>'fi', ${json}->>'sv', ${json}->>'en')`;

/** The SQL of the search terms index (migration SearchTerms1766300000000). */
export class AssociationSearchRepository {
  constructor(private readonly db: Connection) {}

  /** Marks every association built by another analyzer (or none) as to be built again. */
  async markBuiltByOthers(analyzer: string): Promise<number> {
    const rows: unknown[] = await this.db.query(
      returningRows(`UPDATE associations.association SET search_terms_by = NULL
        WHERE search_terms_by IS DISTINCT FROM $1 AND search_terms_by IS NOT NULL RETURNING id`),
      [analyzer],
    );
    return rows.length;
  }

  async staleCount(): Promise<number> {
    const [row]: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM associations.association WHERE search_terms_by IS NULL`,
    );
    return row.n;
  }

  /**
   * Up to `limit` associations whose terms are stale, locked until the transaction ends, so
   * that replicas take different ones and a change made meanwhile waits and marks it again.
   */
  lockStale(limit: number): Promise<SearchTexts[]> {
    return this.db.query(
      `SELECT a.id,
              concat_ws(' ', ${TEXTS('a.name')},
                (SELECT string_agg(${TEXTS('c.name')}, ' ')
                   FROM associations.association_category ac
                   JOIN associations.category c ON c.id = ac.category_id
                  WHERE ac.association_id = a.id)) AS names,
              concat_ws(' ', ${TEXTS('a.description')},
                (SELECT string_agg(concat_ws(' ', ${TEXTS('x.name')}, ${TEXTS('x.description')}), ' ')
                   FROM associations.activity x WHERE x.association_id = a.id)) AS rest
         FROM associations.association a
        WHERE a.search_terms_by IS NULL
        ORDER BY a.id
        LIMIT $1
        FOR UPDATE OF a SKIP LOCKED`,
      [limit],
    );
  }

  /** The terms of many associations in one statement. */
  async saveAll(
    rows: ReadonlyArray<{ id: string; terms: string[]; nameTerms: string[] }>,
    analyzer: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `UPDATE associations.association a
          SET search_terms = t.terms, search_name_terms = t.name_terms, search_terms_by = $2
         FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, terms text[], name_terms text[])
        WHERE a.id = t.id`,
      [
        JSON.stringify(rows.map((r) => ({ id: r.id, terms: r.terms, name_terms: r.nameTerms }))),
        analyzer,
      ],
    );
  }
}
