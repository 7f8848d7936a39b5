import type { GrantsData } from '../grants.repositories';
import { BadUserInputError } from '../../core/errors';
import { euros, type Money } from '../../core/types/money.type';
import type { AwardService } from '../award/award.service';
import type { AwardedGrantFilter } from '../award/award.types';
import type { GrantKind } from '../program/program.enums';
import type { StatisticsRow } from './statistics.repository';
import { GrantGrouping, type GrantStatistics, type GrantStatisticsGroup } from './statistics.types';
import type { OrganizationKind } from '../../core/types/organization-kind';

/** Groupings by what the associations subgraph knows of an applicant. */
const APPLICANT_GROUPINGS: ReadonlySet<GrantGrouping> = new Set([
  GrantGrouping.MUNICIPALITY,
  GrantGrouping.ASSOCIATION_KIND,
]);

function group(row: StatisticsRow): GrantStatisticsGroup {
  const money = (amount: string | null): Money | null => euros(amount);
  return {
    year: row.d_year,
    program: null,
    programId: row.d_program,
    kind: row.d_kind as GrantKind | null,
    serviceArea: row.d_area ? { id: row.d_area } : null,
    association: row.d_association ? { id: row.d_association } : null,
    municipality: row.d_municipality ? { code: row.d_municipality } : null,
    associationKind: row.d_association_kind as OrganizationKind | null,
    applicationCount: row.application_count,
    awardedCount: row.awarded_count,
    requestedTotal: money(row.requested_total)!,
    awardedTotal: money(row.awarded_total)!,
    medianAward: money(row.median_award),
    largestAward: money(row.largest_award),
  };
}

/** Grant statistics for analysts: public, like the awards they are made of. */
export class GrantStatisticsService {
  constructor(
    private readonly data: GrantsData,
    private readonly awards: AwardService,
  ) {}

  async statistics(
    groupBy: GrantGrouping[],
    filter: AwardedGrantFilter | null | undefined,
  ): Promise<GrantStatistics> {
    if (groupBy.length > 5)
      throw BadUserInputError.single('groupBy', 'MAX_ITEMS', 'must list at most 5 groupings');
    // Municipality and kind are the associations subgraph's: asked for those who applied.
    const byApplicant = groupBy.some((g) => APPLICANT_GROUPINGS.has(g));
    const { query, profiles } = await this.awards.resolve(filter, byApplicant);
    const rows = await this.data.repositories.statistics.statistics(
      groupBy,
      query,
      byApplicant ? profiles : undefined,
    );
    const total = rows.find((r) => r.total)!;
    return { groups: rows.filter((r) => !r.total).map(group), total: group(total) };
  }
}
