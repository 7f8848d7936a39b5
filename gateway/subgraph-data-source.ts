import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
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
}
