import type { AssociationDirectory, AssociationProfile } from '../../core/association-directory';
import { requireSupportYear } from '../../core/association-support';
import { BadUserInputError } from '../../core/errors';
import { fromCents, toCents } from '../../core/money';
import type { PublicGraph } from '../../core/public-graph';
import { euros } from '../../core/types/money.type';
import type { GrantsData } from '../grants.repositories';
import {
  SupportGrouping,
  SupportKind,
  type SupportStatistics,
  type SupportStatisticsFilter,
  type SupportStatisticsGroup,
} from './support-statistics.types';

/** One amount of support: a year's grants or support in kind of one association from one area. */
interface Fact {
  year: number;
  associationId: string;
  serviceAreaId: string | null;
  kind: SupportKind;
  cents: bigint;
  /** Of a grant, what was paid out. */
  paidCents: bigint;
}

/** The facilities subgraph's figures, read through the public graph as any client would. */
const IN_KIND = `query SupportInKindForStatistics($year: Int!) {
  supportInKind(year: $year) {
    association { id }
    serviceArea { id }
    spaceSubsidy { amount }
    equipmentLent { amount }
  }
}`;

interface InKindAnswer {
  supportInKind: Array<{
    association: { id: string };
    serviceArea: { id: string } | null;
    spaceSubsidy: { amount: string };
    equipmentLent: { amount: string };
  }>;
}

const MAX_YEARS = 10;
const MAX_GROUPINGS = 4;

/**
 * Support statistics for analysts (issue 33): grants from this subgraph's own tables, the
 * support in kind from the facilities subgraph's `supportInKind` (the figures its
 * `AssociationSupport` answers), and the associations' municipality and kind from the
 * associations subgraph, grouped here. Public, like the grants and open data they sum.
 */
export class SupportStatisticsService {
  constructor(
    private readonly data: GrantsData,
    private readonly graph: PublicGraph,
    private readonly directory: AssociationDirectory,
  ) {}

  async statistics(
    filter: SupportStatisticsFilter,
    groupBy: readonly SupportGrouping[],
  ): Promise<SupportStatistics> {
    const years = checkYears(filter.years);
    if (groupBy.length > MAX_GROUPINGS || new Set(groupBy).size !== groupBy.length) {
      throw BadUserInputError.single(
        'groupBy',
        'MAX_ITEMS',
        `must list at most ${MAX_GROUPINGS} different groupings`,
      );
    }
    let facts = await this.facts(years);
    const wanted = (ids: readonly string[] | null | undefined) =>
      ids ? new Set(ids.map((id) => id.toLowerCase())) : null;
    const associations = wanted(filter.associationIds);
    const areas = wanted(filter.serviceAreaIds);
    facts = facts.filter(
      (f) =>
        (!associations || associations.has(f.associationId)) &&
        (!areas || (f.serviceAreaId !== null && areas.has(f.serviceAreaId))),
    );
    const needsProfiles =
      Boolean(filter.municipalityCodes) ||
      groupBy.includes(SupportGrouping.MUNICIPALITY) ||
      groupBy.includes(SupportGrouping.ASSOCIATION_KIND);
    const profiles = needsProfiles
      ? await this.directory.profiles([...new Set(facts.map((f) => f.associationId))])
      : new Map<string, AssociationProfile>();
    if (filter.municipalityCodes) {
      const codes = new Set(filter.municipalityCodes);
      facts = facts.filter((f) => codes.has(profiles.get(f.associationId)?.municipalityCode ?? ''));
    }
    return {
      groups: groupFacts(facts, groupBy, profiles),
      total: groupFacts(facts, [], profiles)[0],
    };
  }

  /** Every amount of support in `years`: grants here, support in kind from facilities. */
  private async facts(years: readonly number[]): Promise<Fact[]> {
    const [grants, ...inKind] = await Promise.all([
      this.data.repositories.support.grantFacts(years),
      ...years.map((year) => this.graph.query<InKindAnswer>(IN_KIND, { year })),
    ]);
    const facts: Fact[] = grants.map((g) => ({
      year: g.year,
      associationId: g.associationId.toLowerCase(),
      serviceAreaId: g.serviceAreaId,
      kind: SupportKind.GRANT,
      cents: toCents(g.awarded),
      paidCents: toCents(g.paid),
    }));
    inKind.forEach((answer, i) => {
      for (const row of answer.supportInKind) {
        for (const [kind, amount] of [
          [SupportKind.SPACE, row.spaceSubsidy.amount],
          [SupportKind.EQUIPMENT, row.equipmentLent.amount],
        ] as const) {
          facts.push({
            year: years[i],
            associationId: row.association.id.toLowerCase(),
            serviceAreaId: row.serviceArea?.id ?? null,
            kind,
            cents: toCents(amount),
            paidCents: 0n,
          });
        }
      }
    });
    return facts.filter((f) => f.cents !== 0n);
  }
}

function checkYears(years: readonly number[]): number[] {
  if (years.length < 1 || years.length > MAX_YEARS) {
    throw BadUserInputError.single(
      'filter.years',
      'COUNT',
      `must list 1 to ${MAX_YEARS} years, got ${years.length}`,
    );
  }
  for (const year of years) requireSupportYear('filter.years', year);
  return [...new Set(years)].sort((a, b) => a - b);
}

const NO_DIMENSIONS = {
  year: null,
  serviceArea: null,
  municipality: null,
  associationKind: null,
  supportKind: null,
  association: null,
};

/** The dimensions of one fact, as a group shows them. */
function dimensions(
  fact: Fact,
  groupBy: readonly SupportGrouping[],
  profiles: ReadonlyMap<string, AssociationProfile>,
): Pick<
  SupportStatisticsGroup,
  'year' | 'serviceArea' | 'municipality' | 'associationKind' | 'supportKind' | 'association'
> {
  const profile = profiles.get(fact.associationId);
  const by = (g: SupportGrouping) => groupBy.includes(g);
  return {
    year: by(SupportGrouping.YEAR) ? fact.year : null,
    serviceArea:
      by(SupportGrouping.SERVICE_AREA) && fact.serviceAreaId ? { id: fact.serviceAreaId } : null,
    municipality:
      by(SupportGrouping.MUNICIPALITY) && profile ? { code: profile.municipalityCode } : null,
    associationKind: by(SupportGrouping.ASSOCIATION_KIND) && profile ? profile.kind : null,
    supportKind: by(SupportGrouping.SUPPORT_KIND) ? fact.kind : null,
    association: by(SupportGrouping.ASSOCIATION) ? { id: fact.associationId } : null,
  };
}

/** Sums the facts per combination of `groupBy` (one group of everything when it is empty). */
function groupFacts(
  facts: readonly Fact[],
  groupBy: readonly SupportGrouping[],
  profiles: ReadonlyMap<string, AssociationProfile>,
): SupportStatisticsGroup[] {
  const groups = new Map<
    string,
    {
      dims: ReturnType<typeof dimensions>;
      sums: Record<SupportKind, bigint>;
      paid: bigint;
      associations: Set<string>;
    }
  >();
  // Keys in the order of the groupings, so the groups come sorted by the first one first.
  const valueOf = (dims: ReturnType<typeof dimensions>, grouping: SupportGrouping) =>
    ({
      [SupportGrouping.YEAR]: dims.year,
      [SupportGrouping.SERVICE_AREA]: dims.serviceArea?.id ?? null,
      [SupportGrouping.MUNICIPALITY]: dims.municipality?.code ?? null,
      [SupportGrouping.ASSOCIATION_KIND]: dims.associationKind,
      [SupportGrouping.SUPPORT_KIND]: dims.supportKind,
      [SupportGrouping.ASSOCIATION]: dims.association?.id ?? null,
    })[grouping];
  const keyOf = (dims: ReturnType<typeof dimensions>) =>
    JSON.stringify(groupBy.map((grouping) => valueOf(dims, grouping)));
  if (groupBy.length === 0) {
    // The total exists even when nothing was given.
    groups.set(keyOf(NO_DIMENSIONS), {
      dims: NO_DIMENSIONS,
      sums: zero(),
      paid: 0n,
      associations: new Set(),
    });
  }
  for (const fact of facts) {
    const dims = dimensions(fact, groupBy, profiles);
    const key = keyOf(dims);
    let group = groups.get(key);
    if (!group) {
      group = { dims, sums: zero(), paid: 0n, associations: new Set() };
      groups.set(key, group);
    }
    group.sums[fact.kind] += fact.cents;
    group.paid += fact.paidCents;
    group.associations.add(fact.associationId);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => {
      const money = (cents: bigint) => euros(fromCents(cents))!;
      return {
        ...g.dims,
        associationCount: g.associations.size,
        grantsAwarded: money(g.sums.GRANT),
        grantsPaid: money(g.paid),
        spaceSubsidy: money(g.sums.SPACE),
        equipmentLent: money(g.sums.EQUIPMENT),
        total: money(g.sums.GRANT + g.sums.SPACE + g.sums.EQUIPMENT),
      };
    });
}

function zero(): Record<SupportKind, bigint> {
  return { [SupportKind.GRANT]: 0n, [SupportKind.SPACE]: 0n, [SupportKind.EQUIPMENT]: 0n };
}
