import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * What a query may cost before the gateway plans it: every field costs 1, times the list
 * sizes above it, where a list's size is its `first` or `last` argument (variables
 * resolved; a connection paged without one counts as its default page of 20). So
 * `associations(first: 100) { edges { node { events(first: 100) { … } } } }` costs tens of
 * thousands, and a query asking a hundred pages of a hundred is refused before any work.
 */
export const DEFAULT_PAGE = 20;

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : null;
  }
  return null;
}

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
  const visiting = new Set<string>();
  const cost = (set: SelectionSetNode, multiplier: number): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const args = new Map((selection.arguments ?? []).map((a) => [a.name.value, a.value]));
        const size =
          intValue(args.get('first'), variables) ?? intValue(args.get('last'), variables);
        const isPage = size !== null || args.has('after') || args.has('before');
        const inner = multiplier * (isPage ? Math.max(size ?? DEFAULT_PAGE, 1) : 1);
        total += multiplier + (selection.selectionSet ? cost(selection.selectionSet, inner) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += cost(selection.selectionSet, multiplier);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A fragment cycle is invalid GraphQL anyway; validation reports it.
        if (!fragment || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        total += cost(fragment.selectionSet, multiplier);
        visiting.delete(fragment.name.value);
      }
    }
    return total;
  };
  return cost(operation.selectionSet, 1);
}
