import type { DataSource } from 'typeorm';
import type { PublicGraph } from '../../subgraphs/core/public-graph';
import type { AssociationDirectory } from '../../subgraphs/core/association-directory';
import { everyAssociationExists } from './association-directory';
import type { BaseContext } from '../../subgraphs/core/context';
import { EnvReader } from '../../subgraphs/core/env';
import {
  createAuthenticator,
  readAuthConfig,
  signDevToken,
  type DevTokenClaims,
} from '../../subgraphs/core/identity';
import { startSubgraph, type SubgraphDefinition } from '../../subgraphs/core/subgraph';
import { DEFAULT_BUS_OPTIONS, DomainEventBus } from '../../subgraphs/core/domain-events';
import { postGraphQL } from './test-hub';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestSubgraph {
  database: TestDatabase;
  /** The subgraph's own DataSource: for factories and for checking what was written. */
  db: DataSource;
  url: string;
  /** A POST to the subgraph itself, as a client reaching it without the gateway would. */
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLAnswer<T>>;
  token(claims: DevTokenClaims): Promise<string>;
  /** The domain events the subgraph records, on its test database. */
  events: DomainEventBus;
  stop(): Promise<void>;
}

/**
 * One subgraph over HTTP on an ephemeral port, on a fresh database, verifying tokens the
 * way it does in production (with the dev secret). Integration tests of a subgraph's rules
 * go through this: the same path a request takes, minus the gateway.
 */
export async function startTestSubgraph<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
  options: { associations?: AssociationDirectory; graph?: PublicGraph } = {},
): Promise<TestSubgraph> {
  const database = await createTestDatabase();
  const db = await database.dataSource(definition as unknown as SubgraphDefinition<BaseContext>);
  const auth = readAuthConfig(new EnvReader('test', {}), false);
  const events = new DomainEventBus(database.url, { ...DEFAULT_BUS_OPTIONS, pollSeconds: 0.5 });
  const running = await startSubgraph(definition, {
    events,
    // The deadline's own behaviour has its test (core/request-deadline.test.ts); here a
    // race test whose requests queue on row locks must not fail because the machine is busy.
    requestTimeoutMs: 60_000,
    host: '127.0.0.1',
    port: 0,
    dataSource: db,
    authenticate: createAuthenticator(auth),
    associations: options.associations ?? everyAssociationExists,
    graph: options.graph,
  });
  return {
    database,
    db,
    url: running.graphqlUrl,
    async request<T>(query: string, variables: Record<string, unknown> = {}, token?: string) {
      const { status, body } = await postGraphQL(
        running.graphqlUrl,
        query,
        variables,
        token ? { authorization: `Bearer ${token}` } : {},
      );
      return {
        status,
        data: body.data as T | null | undefined,
        errors: (body.errors ?? []) as GraphQLAnswer['errors'],
      };
    },
    token: (claims) => signDevToken(auth, claims),
    events,
    async stop() {
      await running.stop();
      await events.stop();
      await database.drop();
    },
  };
}

/** The error codes of an answer, in order, for terse assertions. */
export function errorCodes(answer: GraphQLAnswer<unknown>): unknown[] {
  return answer.errors.map((e) => e.extensions?.code);
}

/** The rules a BAD_USER_INPUT answer says were broken, as "field RULE", in order. */
export function brokenRules(answer: GraphQLAnswer<unknown>): string[] {
  const fields = (answer.errors[0]?.extensions?.fields ?? []) as Array<{
    field: string;
    rule: string;
  }>;
  return fields.map((f) => `${f.field} ${f.rule}`);
}
