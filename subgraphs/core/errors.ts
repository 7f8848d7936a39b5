import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isTransientConflict } from './database';

/**
 * The error codes a client can rely on. Every error the hub sends carries one of these in
 * `extensions.code`; anything else is a bug and is masked as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  /** The request ran past its deadline and its statements were stopped: ask for less. */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** Every database connection was busy: nothing was done, try again shortly. */
  SERVICE_BUSY: 'SERVICE_BUSY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One rule that one input field broke, e.g. `{ field: 'input.businessId', rule: 'CHECK_DIGIT' }`. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export abstract class HubError extends GraphQLError {
  abstract readonly code: ErrorCode;
}

function hubError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return [message, { extensions: { code, ...extensions } }] as const;
}

export class BadUserInputError extends HubError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(readonly problems: readonly FieldProblem[]) {
    super(
      ...hubError(
        ErrorCode.BAD_USER_INPUT,
        problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        {
          fields: problems,
        },
      ),
    );
  }

  static single(field: string, rule: string, message: string): BadUserInputError {
    return new BadUserInputError([{ field, rule, message }]);
  }
}

export class NotFoundError extends HubError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(entity: string, id: string) {
    super(...hubError(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id }));
  }
}

export class UnauthenticatedError extends HubError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(reason: string) {
    // Apollo Server turns `http.status` into the response status and leaves it out of the body.
    super(
      ...hubError(ErrorCode.UNAUTHENTICATED, `Authentication failed: ${reason}`, {
        http: { status: 401 },
      }),
    );
  }
}

export class ForbiddenError extends HubError {
  readonly code = ErrorCode.FORBIDDEN;
  constructor(action: string) {
    super(...hubError(ErrorCode.FORBIDDEN, `Not allowed: ${action}`));
  }
}

export class ConflictError extends HubError {
  readonly code = ErrorCode.CONFLICT;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(...hubError(ErrorCode.CONFLICT, message, details));
  }
}

export class UpstreamUnavailableError extends HubError {
  readonly code = ErrorCode.UPSTREAM_UNAVAILABLE;
  /** `httpStatus` when the whole request fails with it (before any field is resolved). */
  constructor(system: string, reason: string, options: { httpStatus?: number } = {}) {
    super(
      ...hubError(ErrorCode.UPSTREAM_UNAVAILABLE, `${system} is unavailable: ${reason}`, {
        system,
        ...(options.httpStatus ? { http: { status: options.httpStatus } } : {}),
      }),
    );
  }
}

export class QueryTimeoutError extends HubError {
  readonly code = ErrorCode.QUERY_TIMEOUT;
  constructor(timeoutMs: number, why = `it took longer than ${timeoutMs / 1000} s`) {
    super(
      ...hubError(
        ErrorCode.QUERY_TIMEOUT,
        `The query was stopped because ${why}; ask for a shorter period, fewer groups or smaller pages`,
        { timeoutSeconds: timeoutMs / 1000 },
      ),
    );
  }
}

/** How long a client should wait before retrying a SERVICE_BUSY answer. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export class ServiceBusyError extends HubError {
  readonly code = ErrorCode.SERVICE_BUSY;
  constructor() {
    super(
      ...hubError(
        ErrorCode.SERVICE_BUSY,
        `The service is busy: every database connection is in use. Nothing was done; try again in ${BUSY_RETRY_AFTER_SECONDS} s`,
        { retryable: true, retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
      ),
    );
  }
}

/**
 * The database's own answers that are not bugs: a statement our deadline cancelled (TypeORM
 * wraps the error the query sent in its QueryFailedError) and pg-pool's wait for a free
 * connection running out. Everything else stays unknown.
 */
function knownDatabaseError(original: unknown): HubError | null {
  const driverError = (original as { driverError?: unknown } | null)?.driverError;
  if (driverError instanceof HubError) return driverError;
  if (original instanceof Error && POOL_EXHAUSTED.test(original.message)) {
    return new ServiceBusyError();
  }
  return null;
}
// pg-pool's words when connectionTimeoutMillis passes with every connection checked out.
const POOL_EXHAUSTED = /^timeout exceeded when trying to connect$/;

/** Codes GraphQL itself and Apollo Server produce for malformed requests: safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  // The document limits' own refusal (core/document-limits.ts), at a subgraph as at the gateway.
  'QUERY_TOO_COSTLY',
]);

export type ErrorLogger = (error: unknown) => void;

/**
 * A request Apollo Server refused before running it with a 4xx of its own but no code (a
 * persisted query's hash that does not match its text, an unknown persisted query version):
 * the client's mistake, so BAD_REQUEST with Apollo's message, never masked as internal.
 */
export function requestMistake(
  formatted: GraphQLFormattedError,
  original: unknown,
): GraphQLFormattedError | null {
  // Apollo has already written INTERNAL_SERVER_ERROR into `formatted`: the original has none.
  if (!(original instanceof GraphQLError) || original.extensions?.code !== undefined) return null;
  const status = (original.extensions?.http as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
}

/**
 * Apollo Server `formatError`: our own errors and request errors pass; anything else is a
 * bug whose message may leak internals (SQL, stack), so it is logged and masked.
 */
export function createErrorFormatter(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof HubError) return formatted;
    const known = knownDatabaseError(original);
    if (known) {
      return {
        message: known.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...known.extensions },
      };
    }
    if (isTransientConflict(original)) {
      // A deadlock or serialisation loser that ran out of retries: rolled back, nothing
      // written; the client may try again. Not a bug, and not an internal error.
      return {
        message:
          'Another request changed the same data at the same moment; nothing was written, try again',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.CONFLICT },
      };
    }
    const mistake = requestMistake(formatted, original);
    if (mistake) return mistake;
    const code = formatted.extensions?.code;
    if (
      original instanceof GraphQLError &&
      typeof code === 'string' &&
      REQUEST_ERROR_CODES.has(code)
    ) {
      return formatted;
    }
    log(original);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/**
 * INCLUDE_STACKTRACES: stack traces name files and lines on the server, so no client sees
 * them unless a developer turns this on for a debugging session (off in development too).
 */
export function readIncludeStacktraces(reader: {
  boolean(name: string, fallback: boolean): boolean;
}): boolean {
  return reader.boolean('INCLUDE_STACKTRACES', false);
}
