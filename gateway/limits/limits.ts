import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationRule } from 'graphql';
import type { EnvReader } from '../../subgraphs/core/env';
import { queryCost } from './query-cost';

/** Limits against abusive queries, each configurable; refused before any planning. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  bodyLimitBytes: number;
  introspection: boolean;
  /** Browser origins allowed to call the graph (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Automatic persisted queries (clients send a hash for a document seen before). */
  apq: boolean;
  /** A persisted-query manifest: when set, only its documents run (admins excepted). */
  safelistPath: string | undefined;
}

export function readQueryLimits(reader: EnvReader): QueryLimits {
  return {
    maxDepth: reader.int('GATEWAY_MAX_DEPTH', 12, { min: 2, max: 100 }),
    maxAliases: reader.int('GATEWAY_MAX_ALIASES', 20, { min: 1, max: 1000 }),
    maxDirectives: reader.int('GATEWAY_MAX_DIRECTIVES', 20, { min: 1, max: 1000 }),
    maxTokens: reader.int('GATEWAY_MAX_TOKENS', 3000, { min: 100, max: 1_000_000 }),
    maxCost: reader.int('GATEWAY_MAX_COST', 25_000, { min: 100, max: 100_000_000 }),
    bodyLimitBytes: reader.int('GATEWAY_BODY_LIMIT_BYTES', 100_000, {
      min: 1_000,
      max: 50_000_000,
    }),
    introspection: reader.boolean('GATEWAY_INTROSPECTION', true),
    corsOrigins: corsOrigins(reader),
    apq: reader.boolean('GATEWAY_APQ', true),
    safelistPath: reader.optional('GATEWAY_SAFELIST_PATH'),
  };
}

/** CORS_ORIGINS: a comma-separated allow-list of origins such as https://yhdistykset.example. */
function corsOrigins(reader: EnvReader): string[] {
  const origins = (reader.optional('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      reader.problem(
        `CORS_ORIGINS must list origins like https://example.fi (no path), got "${origin}"`,
      );
    }
  }
  return origins;
}

/** graphql-armor's depth, alias, directive and token limits, and the list-size cost plugin. */
export function queryProtection(limits: QueryLimits): {
  plugins: ApolloServerPlugin<BaseContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Armor's token limit parses the document a second time in a plugin hook, where a plain
    // syntax error becomes a 500. graphql-js counts tokens in its own parse (below), so a
    // long document is refused as GRAPHQL_PARSE_FAILED (400) like any other bad document.
    maxTokens: { enabled: false },
    // Armor's cost does not see `first`; ours below does.
    costLimit: { enabled: false },
    // Analysts rely on "did you mean …?" in GraphiQL; the schema is public anyway.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const costPlugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const cost = queryCost(document, operation, request.variables ?? {});
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${limits.maxCost}: ask for smaller pages (first/last) or fewer nested lists`,
              {
                extensions: {
                  code: 'QUERY_TOO_COSTLY',
                  cost,
                  maxCost: limits.maxCost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
  return {
    plugins: [...armor.plugins, costPlugin],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
