import type { GrantsData } from '../grants.repositories';
import type { StatisticsRow } from './statistics.repository';
import { GrantStatisticsService } from './statistics.service';
import { GrantGrouping } from './statistics.types';
import { AwardService } from '../award/award.service';
import type { GrantLoaders } from '../grants.loaders';
import { everyAssociationExists } from '../../../tests/setup/association-directory';

/**
 * The service's own rules with a fake repository (no database): what it passes to SQL,
 * what it refuses before SQL, and how rows become groups. The SQL itself is tested against
 * PostgreSQL in statistics.test.ts.
 */
describe(GrantStatisticsService.name, () => {
  const row = (over: Partial<StatisticsRow>): StatisticsRow => ({
    total: false,
    d_year: null,
    d_program: null,
    d_kind: null,
    d_area: null,
    d_association: null,
    d_municipality: null,
    d_association_kind: null,
    application_count: 0,
    awarded_count: 0,
    requested_total: '0.00',
    awarded_total: '0.00',
    median_award: null,
    largest_award: null,
    ...over,
  });
  const calls: unknown[][] = [];
  const fake = {
    repositories: {
      statistics: {
        statistics: async (...args: unknown[]) => {
          calls.push(args);
          return [
            row({
              d_year: 2026,
              application_count: 2,
              awarded_count: 1,
              awarded_total: '10.50',
              median_award: '10.50',
            }),
            row({ total: true, application_count: 2, awarded_count: 1, awarded_total: '10.50' }),
          ];
        },
      },
    },
  } as unknown as GrantsData;
  const awards = new AwardService(fake, {} as GrantLoaders, everyAssociationExists);

  it('turns rows into groups and a total, money as decimal strings', async () => {
    const answer = await new GrantStatisticsService(fake, awards).statistics([GrantGrouping.YEAR], {
      year: 2026,
    });
    expect(calls[0][0]).toEqual([GrantGrouping.YEAR]);
    expect(answer.groups).toEqual([
      expect.objectContaining({
        year: 2026,
        applicationCount: 2,
        awardedTotal: { amount: '10.50', currency: 'EUR' },
        medianAward: { amount: '10.50', currency: 'EUR' },
        largestAward: null,
      }),
    ]);
    expect(answer.total).toMatchObject({ year: null, applicationCount: 2 });
  });

  it('refuses more than five groupings before asking the repository', async () => {
    calls.length = 0;
    const six = Object.values(GrantGrouping).concat(GrantGrouping.YEAR);
    await expect(new GrantStatisticsService(fake, awards).statistics(six, null)).rejects.toThrow(
      'groupBy: must list at most 5 groupings',
    );
    expect(calls).toEqual([]);
  });
});
