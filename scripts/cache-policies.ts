import { type ConstDirectiveNode, Kind, type ObjectTypeDefinitionNode, parse } from 'graphql';

/**
 * What Apollo Client's InMemoryCache needs to know about the graph, generated from the
 * supergraph: `possibleTypes` for interfaces and unions, and `typePolicies` so that no
 * answer overwrites another's data. Plain JSON (`new InMemoryCache(policies)`), so a client
 * in any language can read it too.
 */
export interface CachePolicies {
  possibleTypes: Record<string, string[]>;
  typePolicies: Record<string, { keyFields?: string[]; merge?: true }>;
}

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Values whose `id` is made from their content for clients without these policies: a query
 * with the policies need not select it, so they still merge.
 */
const VALUES_WITH_CONTENT_ID = new Set(['LocalizedText']);

function keysOf(type: ObjectTypeDefinitionNode): string[] {
  const keys = (type.directives ?? [])
    .filter((d: ConstDirectiveNode) => d.name.value === 'join__type')
    .flatMap((d) => d.arguments ?? [])
    .filter((a) => a.name.value === 'key' && a.value.kind === Kind.STRING)
    .map((a) => (a.value as { value: string }).value.trim());
  return [...new Set(keys)];
}

export function cachePolicies(supergraphSdl: string): CachePolicies {
  const document = parse(supergraphSdl);
  const typePolicies: CachePolicies['typePolicies'] = {};
  const possibleTypes: Record<string, Set<string>> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.UNION_TYPE_DEFINITION) {
      possibleTypes[definition.name.value] = new Set(
        (definition.types ?? []).map((t) => t.name.value),
      );
    }
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const name = definition.name.value;
    if (ROOTS.has(name) || name.startsWith('join__') || name.startsWith('link__')) continue;
    for (const implemented of definition.interfaces ?? []) {
      (possibleTypes[implemented.name.value] ??= new Set()).add(name);
    }
    const keys = keysOf(definition);
    const hasId = (definition.fields ?? []).some((f) => f.name.value === 'id');
    if (keys.length > 0 && !keys.includes('id')) {
      // An entity keyed by something else (Calendar: year and service area), so that a
      // query need not select its `id` to be kept as one.
      typePolicies[name] = { keyFields: keys[0].split(/\s+/) };
    } else if (!hasId || VALUES_WITH_CONTENT_ID.has(name)) {
      // A value (LocalizedText, Money, PageInfo …): a later answer asking for other fields
      // of it must add to it, not replace it.
      typePolicies[name] = { merge: true };
    }
  }
  return {
    possibleTypes: Object.fromEntries(
      Object.entries(possibleTypes)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, [...v].sort()]),
    ),
    typePolicies: Object.fromEntries(
      Object.entries(typePolicies).sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}
