import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationRule } from 'graphql';
import type { EnvReader } from './env';
import { queryCost } from './query-cost';
import { operationResolutionPlugin } from './request-guard';

/**
 * Limits on what one GraphQL document may ask, the same kinds at the gateway and at every
 * subgraph (a subgraph reached directly must be as safe as the gateway). Every check is
 * linear in the document's size, and the expanded size (fragments spread out) is bounded
 * first, in the same pass as GraphQL's own validation, so nothing else walks a document
 * that expands to millions of fields.
 */
export interface DocumentLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Fields and fragments in the operation once every fragment is spread out. */
  maxSelections: number;
}

/** The gateway's defaults; a subgraph allows what the gateway's query planner adds. */
export const GATEWAY_DOCUMENT_LIMITS: DocumentLimits = Object.freeze({
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 3000,
  maxCost: 25_000,
  maxSelections: 2000,
});

/**
 * The planner wraps entity fetches in `_entities { … on Type }` (two levels more), spells
 * out every fragment (more tokens) and aliases fields it fetches twice with other arguments.
 */
export const SUBGRAPH_DOCUMENT_LIMITS: DocumentLimits = Object.freeze({
  maxDepth: GATEWAY_DOCUMENT_LIMITS.maxDepth + 2,
  maxAliases: GATEWAY_DOCUMENT_LIMITS.maxAliases * 2,
  maxDirectives: GATEWAY_DOCUMENT_LIMITS.maxDirectives * 2,
  maxTokens: GATEWAY_DOCUMENT_LIMITS.maxTokens * 4,
  maxCost: GATEWAY_DOCUMENT_LIMITS.maxCost,
  maxSelections: GATEWAY_DOCUMENT_LIMITS.maxSelections * 2,
});

/** Reads `<PREFIX>_MAX_DEPTH` and its siblings, e.g. GATEWAY_MAX_DEPTH or SUBGRAPH_MAX_DEPTH. */
export function readDocumentLimits(
  reader: EnvReader,
  prefix: 'GATEWAY' | 'SUBGRAPH',
  defaults: DocumentLimits,
): DocumentLimits {
  return {
    maxDepth: reader.int(`${prefix}_MAX_DEPTH`, defaults.maxDepth, { min: 2, max: 100 }),
    maxAliases: reader.int(`${prefix}_MAX_ALIASES`, defaults.maxAliases, { min: 1, max: 1000 }),
    maxDirectives: reader.int(`${prefix}_MAX_DIRECTIVES`, defaults.maxDirectives, {
      min: 1,
      max: 1000,
    }),
    maxTokens: reader.int(`${prefix}_MAX_TOKENS`, defaults.maxTokens, {
      min: 100,
      max: 1_000_000,
    }),
    maxCost: reader.int(`${prefix}_MAX_COST`, defaults.maxCost, { min: 100, max: 100_000_000 }),
    maxSelections: reader.int(`${prefix}_MAX_SELECTIONS`, defaults.maxSelections, {
      min: 10,
      max: 1_000_000,
    }),
  };
}

/** What an ApolloServer needs to enforce the limits: spread these into its options. */
export interface DocumentProtection {
  plugins: ApolloServerPlugin<BaseContext>[];
  /** Depth, aliases, directives: run only once the first validation pass found nothing. */
  validationRules: ValidationRule[];
  /** Tokens are counted by graphql-js's own parse: a long document is a parse error (400). */
  parseOptions: ParseOptions;
  /** Apollo's linear count of the expanded document, in the first validation pass. */
  maxRecursiveSelections: number;
}

/** graphql-armor's depth, alias and directive limits, Apollo's expanded size, and our cost. */
export function documentProtection(limits: DocumentLimits): DocumentProtection {
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
    plugins: [operationResolutionPlugin(), ...armor.plugins, costPlugin],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    maxRecursiveSelections: limits.maxSelections,
  };
}
