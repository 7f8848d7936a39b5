import type { Connection } from '../../core/data';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { GrantApplication } from '../application/application.entity';
import { AWARDED_STATUSES } from '../application/application.enums';

/** The public filter over awards; also the statistics' filter. */
export interface AwardQuery {
  year?: number | null;
  programIds?: string[];
  kinds?: string[] | null;
  serviceAreaIds?: string[];
  associationIds?: string[];
}

const NEWEST_AWARD_FIRST: KeysetOrder<GrantApplication> = {
  name: 'AWARD_DATE_DESC',
  direction: 'DESC',
  keys: [
    { sql: 'a.decided_at', type: 'timestamp', value: (a) => a.decidedAt! },
    { sql: 'a.id', type: 'uuid', value: (a) => a.id },
  ],
};

/**
 * The SQL condition of an award query on applications `a`, and its parameters: rounds of
 * the year, programs, kinds and service areas through one sub-select of rounds.
 */
export function awardCondition(
  query: AwardQuery,
  alias = 'a',
): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  // Given but empty (no applicant in the municipalities asked for) matches nothing.
  if (query.associationIds !== undefined) {
    parts.push(`${alias}.association_id = ANY(:associationIds)`);
    params.associationIds = query.associationIds;
  }
  if (
    query.year != null ||
    query.programIds?.length ||
    query.kinds?.length ||
    query.serviceAreaIds?.length
  ) {
    parts.push(`${alias}.round_id IN (SELECT r.id FROM grants.application_round r JOIN grants.grant_program p ON p.id = r.program_id
       WHERE (:noYear OR r.year = :year) AND (:noPrograms OR p.id = ANY(:programIds))
         AND (:noKinds OR p.kind = ANY(:kinds)) AND (:noAreas OR p.service_area_id = ANY(:serviceAreaIds)))`);
    Object.assign(params, {
      noYear: query.year == null,
      year: query.year ?? 0,
      noPrograms: !query.programIds?.length,
      programIds: query.programIds ?? [],
      noKinds: !query.kinds?.length,
      kinds: query.kinds ?? [],
      noAreas: !query.serviceAreaIds?.length,
      serviceAreaIds: query.serviceAreaIds ?? [],
    });
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/** All SQL about awards: decided applications in an awarded status, which are public. */
export class AwardRepository {
  constructor(private readonly db: Connection) {}

  page(query: AwardQuery, args: PageArgs): Promise<ConnectionResult<GrantApplication>> {
    const condition = awardCondition(query);
    const q = this.db
      .getRepository(GrantApplication)
      .createQueryBuilder('a')
      .where('a.status IN (:...awarded)', { awarded: [...AWARDED_STATUSES] })
      .andWhere(condition.sql, condition.params);
    return paginate(q, NEWEST_AWARD_FIRST, args);
  }

  /** Awards of many associations (optionally one year's), newest first, in one statement. */
  ofAssociations(
    associationIds: readonly string[],
    year: number | null,
  ): Promise<GrantApplication[]> {
    const condition = awardCondition({ year, associationIds: [...associationIds] });
    return this.db
      .getRepository(GrantApplication)
      .createQueryBuilder('a')
      .where('a.status IN (:...awarded)', { awarded: [...AWARDED_STATUSES] })
      .andWhere(condition.sql, condition.params)
      .orderBy('a.decided_at', 'DESC')
      .addOrderBy('a.id')
      .getMany();
  }

  /** The associations that applied under `query` (any status): whose profiles to ask for. */
  async applicantIds(query: AwardQuery): Promise<string[]> {
    const condition = awardCondition(query);
    const rows: Array<{ id: string }> = await this.db
      .getRepository(GrantApplication)
      .createQueryBuilder('a')
      .select('DISTINCT a.association_id', 'id')
      .where(condition.sql, condition.params)
      .getRawMany();
    return rows.map((r) => r.id);
  }

  /** Exact totals awarded per association, summed in SQL. */
  async totals(
    associationIds: readonly string[],
    year: number | null,
  ): Promise<Array<{ associationId: string; total: string }>> {
    const condition = awardCondition({ year, associationIds: [...associationIds] });
    const q = this.db
      .getRepository(GrantApplication)
      .createQueryBuilder('a')
      .select('a.association_id', 'associationId')
      .addSelect('sum(a.awarded_amount)::text', 'total')
      .where('a.status IN (:...awarded)', { awarded: [...AWARDED_STATUSES] })
      .andWhere(condition.sql, condition.params)
      .groupBy('a.association_id');
    return q.getRawMany();
  }
}
