import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * What a query may cost before it is planned or run: every field costs 1, times the list
 * sizes above it, where a list's size is its `first` or `last` argument (variables
 * resolved; a connection paged without one counts as its default page of 20), and the
 * aggregates of FIELD_WEIGHTS more. So
 * `associations(first: 100) { edges { node { events(first: 100) { … } } } }` costs tens of
 * thousands, and a query asking a hundred pages of a hundred is refused before any work.
 */
export const DEFAULT_PAGE = 20;

/**
 * Fields whose one answer aggregates whole tables over a period (up to ten years) cost more
 * than a row: about what a page of a thousand rows costs the database. Without the weight a
 * statistics query cost 5, and a client could run hundreds a minute inside any budget.
 */
export const FIELD_WEIGHTS: ReadonlyMap<string, number> = new Map([
  ['eventStatistics', 1000],
  ['reservationStatistics', 1000],
  ['grantStatistics', 1000],
  ['surveyComparison', 1000],
  // A year's support of every association: in kind alone, or summed with the grants.
  ['supportInKind', 1000],
  ['supportStatistics', 1000],
]);

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : null;
  }
  return null;
}

/**
 * The walk is linear in the document's size however often a fragment is spread: a
 * selection set's cost under a multiplier is the multiplier times its cost under 1, so each
 * fragment's cost is worked out once and reused. (Re-walking a fragment per spread made a
 * 1 KB chain of fragments, each spreading the next twice, cost 2^n steps and froze the hub.)
 */
export function queryCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();
  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // A fragment cycle or an unknown fragment is invalid GraphQL anyway; validation says so.
    if (!fragment || visiting.has(name)) return 0;
    visiting.add(name);
    const cost = unitCost(fragment.selectionSet);
    visiting.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };
  const unitCost = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const args = new Map((selection.arguments ?? []).map((a) => [a.name.value, a.value]));
        const size =
          intValue(args.get('first'), variables) ?? intValue(args.get('last'), variables);
        const isPage = size !== null || args.has('after') || args.has('before');
        const inner = isPage ? Math.max(size ?? DEFAULT_PAGE, 1) : 1;
        total +=
          (FIELD_WEIGHTS.get(selection.name.value) ?? 1) +
          (selection.selectionSet ? inner * unitCost(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += unitCost(selection.selectionSet);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };
  return unitCost(operation.selectionSet);
}
