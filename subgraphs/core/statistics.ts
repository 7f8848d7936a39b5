/**
 * Statistics answer in one shape in every subgraph (grantStatistics, eventStatistics,
 * reservationStatistics): the groups, and the total of everything the filter selects,
 * counted as one group (an association in two groups counts once in it).
 */
export interface GroupedStatistics<Group, Filter> {
  groups: Group[];
  /** What the total counts. */
  filter: Filter;
  /** The total when the groups already are it (no groupings): not counted again. */
  knownTotal: Group | null;
}

/** Counts under `groupBy` (no groupings: one group, everything); `count` is the subgraph's. */
export type GroupCounter<Grouping, Group, Filter> = (
  groupBy: readonly Grouping[],
  filter: Filter,
) => Promise<Group[]>;

export async function countGroups<Grouping, Group, Filter>(
  groupBy: readonly Grouping[],
  filter: Filter,
  count: GroupCounter<Grouping, Group, Filter>,
): Promise<GroupedStatistics<Group, Filter>> {
  const groups = await count(groupBy, filter);
  return { groups, filter, knownTotal: groupBy.length === 0 ? groups[0] : null };
}

/** The total, counted only when a client asks for it, and only once. */
export async function totalOf<Grouping, Group, Filter>(
  statistics: GroupedStatistics<Group, Filter>,
  count: GroupCounter<Grouping, Group, Filter>,
): Promise<Group> {
  return statistics.knownTotal ?? (await count([], statistics.filter))[0];
}
