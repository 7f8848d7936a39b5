import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { DateTimeScalar } from './scalars';

/**
 * The federation spec every subgraph links. Pinned: moving it is a deliberate change
 * that re-composes the supergraph, never a side effect of an upgrade.
 */
export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override", "@interfaceObject"])`;

/** The same text in every subgraph, so composition has nothing to choose between. */
const ROOT_DESCRIPTIONS = {
  Query:
    "Everything you can read: the city's association directory, facilities, grants and events.",
  Mutation:
    'Everything you can change; each mutation takes one `input` and returns what it changed.',
};

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types no resolver returns directly, e.g. entity stubs only other subgraphs reach. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type, merged with the type-graphql resolvers. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

/**
 * type-graphql classes → SDL with directives → an Apollo federation 2 subgraph schema.
 * Descriptions given to the decorators come out as `"""` docs in the SDL.
 */
export async function buildSubgraph(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Input rules live in services, where they can name the field and the rule.
    validate: false,
    // A subgraph may have no Query of its own; federation adds _entities.
    skipCheck: true,
  });
  const query = schema.getQueryType();
  if (query) query.description = ROOT_DESCRIPTIONS.Query;
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = ROOT_DESCRIPTIONS.Mutation;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(reference as object) };
  }
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers,
  });
}
