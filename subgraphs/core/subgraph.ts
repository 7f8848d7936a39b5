import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import type { DataSource, MixedList } from 'typeorm';
import { buildSubgraph } from './build-subgraph';
import type { BaseContext, CallerRequest, SharedServices } from './context';
import { cachePolicyPlugins } from './cache-policy';
import { createDataSource, migrationStatus, primaryUrl, readingFrom } from './database';
import { DEFAULT_BUS_OPTIONS, DomainEventBus } from './domain-events';
import { createErrorFormatter } from './errors';
import { createLogger, operationLoggingPlugin, requestLogging, type Logger } from './logging';
import { closeConnectionsWhileDraining, listen, requestErrorHandler, type Listening } from './http';
import { Draining, type ShutdownConfig } from './lifecycle';
import {
  documentProtection,
  type DocumentLimits,
  SUBGRAPH_DOCUMENT_LIMITS,
} from './document-limits';
import { requestGuard, UnstorableTextRule } from './request-guard';
import {
  cancelStatementsWithTheirRequest,
  DEFAULT_REQUEST_TIMEOUT_MS,
  requestDeadline,
} from './request-deadline';
import { type MetricsConfig, ServiceMetrics } from './metrics';
import { noPublicGraph, type PublicGraph } from './public-graph';
import type { AssociationDirectory } from './association-directory';
import type { Authenticator, Identity } from './identity';
import type { SubgraphName } from './subgraph.config';

/** The gateway's own limit is far lower; a subgraph takes what the gateway may send. */
const SUBGRAPH_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Everything the hub needs to know about one subgraph: how to build its schema, where its
 * tables live, and how to make a request's context. Each subgraph exports one of these.
 */
export interface SubgraphDefinition<TContext extends BaseContext = BaseContext> {
  name: SubgraphName;
  /** The PostgreSQL schema it owns. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: GraphQLResolverMap<TContext>;
  /** Builds a fresh context, with fresh DataLoaders, for one request. */
  createContext(
    dataSource: DataSource,
    identity: Identity,
    shared: SharedServices,
    request?: CallerRequest,
  ): TContext;
  /** Figures of its own for /metrics, e.g. the depth of a job queue. */
  observe?(metrics: ServiceMetrics): void;
  /** Work done before the server takes requests (e.g. bringing an index up to date). */
  prepare?(dataSource: DataSource, log: (line: string) => void): Promise<void>;
  /**
   * Background work that lives as long as the server (e.g. a sync with another system);
   * `warn` is for what went wrong (a failed run), `log` for the rest.
   */
  startJobs?(
    dataSource: DataSource,
    log: (line: string) => void,
    shared: SharedServices,
    warn: (line: string) => void,
  ): BackgroundJobs;
}

export interface BackgroundJobs {
  /** Settles once the jobs are set up (e.g. listening): the subgraph is started after it. */
  ready?: Promise<void>;
  stop(): Promise<void>;
}

export function subgraphDataSource(
  definition: Pick<SubgraphDefinition, 'schema' | 'entities' | 'migrations'>,
  url: string,
  poolSize?: number,
  replicaUrls?: readonly string[],
): DataSource {
  return createDataSource({
    url,
    schema: definition.schema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize,
    replicaUrls,
  });
}

/**
 * A request whose document has no mutation: it cannot write, so it may read from a replica.
 * The word anywhere (a field named so, a string) sends the request to the primary, which is
 * always safe; a persisted query without its text goes there too.
 */
export function cannotWrite(body: unknown): boolean {
  const query = (body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' && !/\b(mutation|subscription)\b/.test(query);
}

export function buildSubgraphSchemaOf(
  definition: SubgraphDefinition<BaseContext>,
): Promise<GraphQLSchema> {
  return buildSubgraph({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    referenceResolvers: definition.referenceResolvers as GraphQLResolverMap<unknown>,
  });
}

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  graphqlUrl: string;
  port: number;
  /** Where /metrics is: the subgraph's own port, or METRICS_PORT's. */
  metricsUrl: string;
  /** From now on /ready says 503 and answers close their connections; still serving. */
  drain(): void;
  /** Stops taking connections, finishes requests under way, then stops Apollo and jobs. */
  stop(): Promise<void>;
}

export interface StartSubgraphOptions {
  host: string;
  port: number;
  dataSource: DataSource;
  authenticate: Authenticator;
  /** Where request lines and errors go; silent when not given. */
  logger?: Logger;
  /** How long public answers may be cached (CACHE_MAX_AGE_SECONDS); 60 s when not given. */
  cacheMaxAgeSeconds?: number;
  /** Which associations exist (the associations subgraph); checked before writes for one. */
  associations: AssociationDirectory;
  /** The hub's public graph (the gateway), for figures other subgraphs own; none when not given. */
  graph?: PublicGraph;
  /** Limits on one document, as at the gateway; SUBGRAPH_DOCUMENT_LIMITS when not given. */
  limits?: DocumentLimits;
  /** Stack traces in error answers (INCLUDE_STACKTRACES); off when not given. */
  includeStacktraces?: boolean;
  /** /metrics on this subgraph's port; on without a token when not given. */
  metrics?: MetricsConfig;
  /** How long requests under way may take at a stop; 10 s when not given. */
  shutdown?: ShutdownConfig;
  /** A request's statements are cancelled after this (SUBGRAPH_REQUEST_TIMEOUT_MS); 8 s when not given. */
  requestTimeoutMs?: number;
  /** The process's domain events; when not given, the subgraph's own on its database. */
  events?: DomainEventBus;
}

/** Serves one subgraph over HTTP: POST/GET /graphql, GET /health (alive) and GET /ready. */
export async function startSubgraph<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(definition.name, 'silent');
  const schema = await buildSubgraphSchemaOf(
    definition as unknown as SubgraphDefinition<BaseContext>,
  );
  const ownEvents = options.events
    ? null
    : new DomainEventBus(primaryUrl(options.dataSource), DEFAULT_BUS_OPTIONS, (line) =>
        logger.warn(line),
      );
  const shared: SharedServices = {
    associations: options.associations,
    graph: options.graph ?? noPublicGraph,
    events: options.events ?? ownEvents!,
  };
  const app = express();
  app.disable('x-powered-by');
  const draining = new Draining();
  app.use(closeConnectionsWhileDraining(draining));
  const metrics = new ServiceMetrics(definition.name);
  metrics.observePool(options.dataSource);
  cancelStatementsWithTheirRequest(options.dataSource);
  definition.observe?.(metrics);
  const metricsConfig = options.metrics ?? { enabled: true, token: undefined };
  metrics.mount(app, metricsConfig);
  // Defence in depth: a subgraph reached past the gateway refuses what the gateway refuses.
  const protection = documentProtection(options.limits ?? SUBGRAPH_DOCUMENT_LIMITS);
  const apollo = new ApolloServer<TContext>({
    schema,
    maxRecursiveSelections: protection.maxRecursiveSelections,
    validationRules: [...protection.validationRules, UnstorableTextRule],
    parseOptions: protection.parseOptions,
    includeStacktraceInErrorResponses: options.includeStacktraces ?? false,
    formatError: createErrorFormatter((error) => logger.error({ err: error }, 'unexpected error')),
    // Traces are for Apollo's hosted studio, which a city's closed network does not use.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's landing page loads from a CDN: blank offline, and nothing a subgraph needs.
      ApolloServerPluginLandingPageDisabled(),
      ...(protection.plugins as ApolloServerPlugin<TContext>[]),
      operationLoggingPlugin(),
      metrics.plugin<TContext>(),
      ...(cachePolicyPlugins(options.cacheMaxAgeSeconds ?? 60) as ApolloServerPlugin<TContext>[]),
    ],
    // Shutdown is ordered by whoever started us (gateway before subgraphs before the database).
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', subgraph: definition.name });
  });
  // Ready: the database answers and the schema has every migration this code expects.
  app.get('/ready', async (_req, res) => {
    if (draining.active) {
      res.status(503).json({ status: 'stopping', subgraph: definition.name });
      return;
    }
    try {
      const { pending } = await migrationStatus(options.dataSource);
      if (pending.length) {
        res.status(503).json({ status: 'migrations pending', subgraph: definition.name, pending });
        return;
      }
      res.json({ status: 'ready', subgraph: definition.name });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unavailable', subgraph: definition.name });
    }
  });
  app.use(
    '/graphql',
    // The gateway's request id comes along in X-Request-Id: one id across the services' logs.
    requestLogging(logger),
    express.json({ limit: SUBGRAPH_BODY_LIMIT_BYTES }),
    requestGuard(),
    requestDeadline(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const identity = await options.authenticate(req.headers.authorization);
        const db = cannotWrite(req.body) ? readingFrom(options.dataSource) : options.dataSource;
        const request = { authorization: req.headers.authorization };
        return Object.assign(definition.createContext(db, identity, shared, request), {
          logFields: res.locals.logFields,
        });
      },
    }),
  );

  app.use(
    requestErrorHandler(SUBGRAPH_BODY_LIMIT_BYTES, (error) =>
      logger.error({ err: error }, 'request failed'),
    ),
  );

  let started: Listening;
  try {
    await definition.prepare?.(options.dataSource, (line) => logger.info(line));
    started = await listen(
      `The ${definition.name} subgraph`,
      app,
      options.host,
      options.port,
      options.shutdown?.timeoutMs,
    );
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  let metricsListener: Listening | null;
  try {
    metricsListener = await metrics.listenOnOwnPort(metricsConfig, options.host);
  } catch (error) {
    await started.close();
    await apollo.stop();
    throw error;
  }
  const jobs = definition.startJobs?.(
    options.dataSource,
    (line) => logger.info(line),
    shared,
    (line) => logger.warn(line),
  );
  await jobs?.ready;
  return {
    name: definition.name,
    url: started.url,
    graphqlUrl: `${started.url}/graphql`,
    port: started.port,
    metricsUrl: `${metricsListener?.url ?? started.url}/metrics`,
    drain: () => draining.begin(),
    async stop() {
      draining.begin();
      // Background jobs first (each finishes the one it holds), then stop taking requests,
      // let those under way finish, then stop Apollo.
      await jobs?.stop();
      await started.close();
      await metricsListener?.close();
      await apollo.stop();
      await ownEvents?.stop();
    },
  };
}
