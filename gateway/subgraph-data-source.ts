import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../subgraphs/core/errors';
import { SubgraphUnavailableError } from './subgraph-fetcher';

/** The response keys (alias or name) a selection asks for, without `__typename`. */
function responseKeys(selectionSet: SelectionSetNode | undefined, typeName?: string): string[] {
  const keys: string[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename')
        keys.push((selection.alias ?? selection.name).value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition?.name.value;
      if (!condition || !typeName || condition === typeName)
        keys.push(...responseKeys(selection.selectionSet, typeName));
    }
  }
  return [...new Set(keys)];
}

/**
 * What the gateway would have got had the subgraph answered "I could not do it": no data,
 * and one error per field it was asked for, with that field's path. The gateway maps
 * `_entities` paths onto the entities' places in the response, so each lost field gets
 * its own error at its own path (`association.events`) and the fields other subgraphs
 * answered stay.
 */
export function unavailableResponse(
  subgraph: string,
  message: string,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): GatewayGraphQLResponse {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const extensions = { code: ErrorCode.UPSTREAM_UNAVAILABLE, serviceName: subgraph };
  const representations = variables?.representations;
  const entitiesField = operation?.selectionSet.selections.find(
    (s) => s.kind === Kind.FIELD && s.name.value === '_entities',
  );
  if (Array.isArray(representations) && entitiesField?.kind === Kind.FIELD) {
    const errors: GraphQLFormattedError[] = [];
    representations.forEach((representation: { __typename?: string }, index) => {
      for (const key of responseKeys(entitiesField.selectionSet, representation.__typename)) {
        errors.push({ message, path: ['_entities', index, key], extensions });
      }
    });
    return { data: { _entities: representations.map(() => null) }, errors };
  }
  const errors = responseKeys(operation?.selectionSet).map((key) => ({
    message,
    path: [key],
    extensions,
  }));
  return { data: null, errors: errors.length > 0 ? errors : [{ message, extensions }] };
}

/**
 * A subgraph refused the request as a whole (HTTP 4xx with GraphQL errors): a document or
 * variable it does not accept. Its errors are the client's to read, not an internal error.
 */
export class SubgraphRefusedError extends GraphQLError {
  constructor(readonly errors: GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'A subgraph refused the request');
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Only what a client may see of a subgraph's error: message, code and the fields named. */
function clientPart(error: unknown): GraphQLFormattedError | null {
  if (!isObject(error) || typeof error.message !== 'string') return null;
  const extensions = isObject(error.extensions) ? error.extensions : {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'BAD_USER_INPUT';
  return {
    message: error.message,
    extensions: {
      code,
      ...(Array.isArray(extensions.fields) ? { fields: extensions.fields } : {}),
    },
  };
}

/**
 * A subgraph as the gateway sees it. When the subgraph cannot be reached or does not
 * answer in time, the failure becomes errors on the fields it owns instead of one error
 * without a path: clients see which parts of their answer are missing and why.
 */
export class SubgraphDataSource<
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the gateway's own bound
  TContext extends Record<string, any>,
> extends RemoteGraphQLDataSource<TContext> {
  override async process(
    options: Parameters<RemoteGraphQLDataSource<TContext>['process']>[0],
  ): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof SubgraphRefusedError) return { data: null, errors: error.errors };
      if (!(error instanceof SubgraphUnavailableError) || !options.request.query) throw error;
      // The gateway hands over the fetch's document already parsed; parse only without it.
      const document =
        ('document' in options ? options.document : undefined) ?? parse(options.request.query);
      return unavailableResponse(
        error.subgraph,
        error.message,
        document,
        options.request.variables,
      );
    }
  }

  /** The body is read once here: a 4xx with GraphQL errors is the subgraph's refusal. */
  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0],
  ): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => null);
    if (response.status >= 400 && response.status < 500 && isObject(body)) {
      const errors = Array.isArray(body.errors) ? body.errors.map(clientPart) : [];
      const kept = errors.filter((e): e is GraphQLFormattedError => e !== null);
      if (kept.length > 0) return new SubgraphRefusedError(kept);
    }
    // Anything else is the subgraph's failure: masked by the gateway's error formatter.
    return new GraphQLError(`${response.status}: ${response.statusText}`);
  }
}
