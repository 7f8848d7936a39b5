import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, type ErrorLogger, requestMistake } from '../subgraphs/core/errors';
import { SubgraphUnavailableError } from './subgraph-fetcher';

const PASSED_THROUGH = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COSTLY',
  'OPERATION_NOT_IN_SAFELIST',
  // The cost budget's refusal (rate-limit/cost-budget.ts); the request limit answers before Apollo.
  'RATE_LIMITED',
]);

/**
 * Errors at the gateway come from three places: the request itself, subgraphs (already
 * formatted there, with our codes), and fetching a subgraph that is down or slow. The last
 * kind becomes UPSTREAM_UNAVAILABLE naming the subgraph; anything unknown is masked.
 */
export function createGatewayErrorFormatter(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASSED_THROUGH.has(code)) return formatted;
    const original = unwrapResolverError(error);
    const mistake = requestMistake(formatted, original);
    if (mistake) return mistake;
    if (original instanceof SubgraphUnavailableError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, serviceName: original.subgraph },
      };
    }
    const serviceName = formatted.extensions?.serviceName;
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && typeof serviceName === 'string') {
      // Already masked by the subgraph: keep its (safe) message and say where it came from.
      return formatted;
    }
    log(error);
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
