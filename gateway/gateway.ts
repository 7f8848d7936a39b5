import compression from 'compression';
import { CONSUMERS, type DomainEventBus } from '../subgraphs/core/domain-events';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { readFileSync } from 'node:fs';
import { documentProtection } from '../subgraphs/core/document-limits';
import { closeConnectionsWhileDraining, listen, requestErrorHandler } from '../subgraphs/core/http';
import {
  queryParameterGuard,
  requestGuard,
  UnstorableTextRule,
} from '../subgraphs/core/request-guard';
import {
  createLogger,
  operationLoggingPlugin,
  REQUEST_ID_HEADER,
  requestLogging,
  type Logger,
  type RequestLogFields,
} from '../subgraphs/core/logging';
import { ANONYMOUS, createAuthenticator, type Identity } from '../subgraphs/core/identity';
import { Draining, Lifecycle } from '../subgraphs/core/lifecycle';
import type { SubgraphName } from '../subgraphs/core/subgraph.config';
import type { GatewayConfig } from './gateway.config';
import { mountGrantExports } from './exports/grants-export';
import { mountHsds } from './hsds/hsds.route';
import { mountGdprApi } from './gdpr/gdpr.route';
import { mountFeeds } from './feeds/feeds';
import { mountSubscriptionLinks } from './subscriptions/subscription-links';
import { browsersToGraphiQL, mountGraphiQL } from './graphiql/graphiql.route';
import { loadSafelist, safelistDocumentStore, safelistPlugin } from './persisted-queries/safelist';
import {
  addressKey,
  createRateLimitStore,
  isExempt,
  rateLimiter,
  subjectKey,
} from './rate-limit/rate-limit';
import { costBudgetPlugin, createCostBudgetStore } from './rate-limit/cost-budget';
import type { CostBudgetStore } from './rate-limit/cost-budget.store';
import { mailLimitPlugin } from './rate-limit/mail-limit';
import type { RateLimitStore } from './rate-limit/rate-limit.store';
import { connectRedis } from './redis';
import {
  type CacheGeneration,
  cacheGeneration,
  responseCache,
} from './response-cache/response-cache';
import { createGatewayErrorFormatter } from './gateway.errors';
import { cachedReadiness, checkSubgraphs } from './readiness';
import { SubgraphDataSource } from './subgraph-data-source';
import { applyStrictScalars } from './strict-scalars';
import { createSubgraphFetchers } from './subgraph-fetcher';
import { mergeIdenticalRequests } from './request-merging';
import { countedPlanCache } from './query-plan-cache';
import { ServiceMetrics } from '../subgraphs/core/metrics';

interface GatewayContext {
  /** Forwarded to every subgraph, which verifies it again. */
  authorization: string | undefined;
  identity: Identity;
  /** Sent to the subgraphs in X-Request-Id, so that their log lines name the same request. */
  requestId?: string;
  logFields?: RequestLogFields;
  /** The gateway's own routes (exports, feeds) reading the graph: their queries are fixed. */
  internal?: boolean;
  /** The request said `Cache-Control: no-cache`: answer fresh, not from the response cache. */
  fresh?: boolean;
  /** The bucket this caller's query cost is spent from; none for exempt and internal callers. */
  budgetKey?: string | null;
}

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  port: number;
  /** Where /metrics is: the gateway's own port, or METRICS_PORT's. */
  metricsUrl: string;
  /** From now on /ready says 503 and answers close their connections; still serving. */
  drain(): void;
  /** Stops taking connections, finishes requests under way (bounded), then the rest. */
  stop(): Promise<void>;
}

/**
 * The Apollo Gateway over the committed supergraph (no composition at start-up, so what runs
 * is what was reviewed), planning each query over the subgraphs and fetching through our
 * subgraph clients.
 */
function createApolloGateway(
  config: GatewayConfig,
  subgraphs: ReturnType<typeof createSubgraphFetchers>,
  metrics: ServiceMetrics,
): ApolloGateway {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    queryPlannerConfig: { cache: countedPlanCache(metrics) },
    buildService({ name }) {
      const replicas = config.subgraphUrls[name as SubgraphName];
      if (!replicas?.length)
        throw new Error(
          `The supergraph names a subgraph "${name}" that the gateway has no URL for`,
        );
      return new SubgraphDataSource<GatewayContext>({
        url: replicas[0],
        fetcher: subgraphs.fetcherFor(name, replicas),
        willSendRequest({ request, context }) {
          if (context.authorization)
            request.http?.headers.set('authorization', context.authorization);
          if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
        },
      });
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => applyStrictScalars(apiSchema));
  return gateway;
}

/** Apollo Server over the gateway, with every protection refusing before planning. */
function createApolloServer(
  config: GatewayConfig,
  gateway: ApolloGateway,
  safelist: ReturnType<typeof loadSafelist> | null,
  redis: Awaited<ReturnType<typeof connectRedis>> | null,
  log: Logger,
  metrics: ServiceMetrics,
  costBudgetStore: CostBudgetStore,
  mailLimitStore: RateLimitStore,
  generation: CacheGeneration,
): ApolloServer<GatewayContext> {
  const protection = documentProtection(config.limits);
  return new ApolloServer<GatewayContext>({
    gateway,
    // Tokens are refused in parsing; the expanded size in GraphQL's own validation pass;
    // depth, aliases, directives and unstorable text in a second pass; the list-size cost
    // right after: all before the gateway plans a single subgraph fetch.
    maxRecursiveSelections: protection.maxRecursiveSelections,
    validationRules: [...protection.validationRules, UnstorableTextRule],
    parseOptions: protection.parseOptions,
    // Stack traces name files and lines: for a developer who asks (INCLUDE_STACKTRACES).
    includeStacktraceInErrorResponses: config.includeStacktraces,
    plugins: [
      // Apollo's landing page loads from a CDN (blank offline): browsers get our GraphiQL.
      ApolloServerPluginLandingPageDisabled(),
      ...(protection.plugins as ApolloServerPlugin<GatewayContext>[]),
      ...(safelist ? [safelistPlugin<GatewayContext>(safelist)] : []),
      // After the limits (a refused document spends nothing), before any planning.
      costBudgetPlugin<GatewayContext>(config.costBudget, costBudgetStore, (error) =>
        log.error({ err: error }, 'cost budget store failed; letting the request through'),
      ),
      mailLimitPlugin<GatewayContext>(config.mailLimit, mailLimitStore, (error) =>
        log.error({ err: error }, 'mail limit store failed; letting the request through'),
      ),
      operationLoggingPlugin<GatewayContext>(),
      metrics.plugin<GatewayContext>(),
      ...(config.responseCache
        ? responseCache<GatewayContext>(redis, generation, (error) =>
            log.error({ err: error }, 'could not retire cached answers after a mutation'),
          )
        : []),
    ],
    // APQ: in Apollo's in-memory store by default; in safelist mode a store that knows
    // exactly the safelisted documents.
    persistedQueries: safelist
      ? { cache: safelistDocumentStore(safelist) }
      : config.limits.apq
        ? {}
        : false,
    introspection: config.limits.introspection,
    allowBatchedHttpRequests: false,
    formatError: createGatewayErrorFormatter((error) =>
      log.error({ err: error }, 'unexpected error'),
    ),
    // Shutdown is ordered by whoever started us (gateway before subgraphs before the database).
    stopOnTerminationSignals: false,
  });
}

/** Each request's token verified once: the rate limiter needs its subject, the context its identity (or its 401). */
function identityPerRequest(config: GatewayConfig): (req: express.Request) => Promise<Identity> {
  const authenticate = createAuthenticator(config.auth);
  const identities = new WeakMap<express.Request, Promise<Identity>>();
  return (req) => {
    let identity = identities.get(req);
    if (!identity) {
      identity = authenticate(req.headers.authorization);
      identity.catch(() => undefined); // handled by whoever awaits it
      identities.set(req, identity);
    }
    return identity;
  };
}

export interface StartGatewayOptions {
  /**
   * The hub's domain events, where the gateway can reach them (`npm start`): a change made
   * away from the gateway's own mutations (an event's hold on a space, kept by the facilities
   * subgraph) then retires the cached answers as a mutation does. Without them, such changes
   * show within the answers' max-age.
   */
  events?: DomainEventBus;
}

export async function startGateway(
  config: GatewayConfig,
  log: Logger = createLogger('gateway', config.logLevel),
  options: StartGatewayOptions = {},
): Promise<RunningGateway> {
  const life = new Lifecycle((line) => log.info(line));
  return life.startUp(async () => {
    const safelist = config.limits.safelistPath ? loadSafelist(config.limits.safelistPath) : null;
    const redis = config.redisUrl ? await connectRedis(config.redisUrl) : null;
    if (redis) life.started('Redis', () => redis.close());
    const metrics = new ServiceMetrics('gateway');
    const subgraphs = createSubgraphFetchers({
      timeoutMs: config.subgraphTimeoutMs,
      connections: config.subgraphConnections,
      mergeInFlight: config.mergeFetches,
      observe: (subgraph, outcome, seconds) => {
        metrics.subgraphFetches.inc({ subgraph, outcome });
        metrics.subgraphFetchSeconds.observe({ subgraph }, seconds);
      },
    });
    life.started('subgraph connections', () => subgraphs.close());
    const costBudgetStore = createCostBudgetStore(redis);
    life.started('cost budget store', () => costBudgetStore.close());
    const mailLimitStore = createRateLimitStore(config.rateLimit, redis);
    const generation = cacheGeneration(redis);
    life.started('mail limit store', () => mailLimitStore.close());
    const apollo = createApolloServer(
      config,
      createApolloGateway(config, subgraphs, metrics),
      safelist,
      redis,
      log,
      metrics,
      costBudgetStore,
      mailLimitStore,
      generation,
    );
    await apollo.start();
    if (options.events && config.responseCache) {
      await options.events.consume(CONSUMERS.cacheRetirement, () => generation.advance());
    }
    life.started('Apollo', () => apollo.stop());
    const rateLimitStore = createRateLimitStore(config.rateLimit, redis);
    life.started('rate-limit store', () => rateLimitStore.close());
    const draining = new Draining();
    const app = gatewayApp(
      config,
      draining,
      apollo,
      subgraphs,
      rateLimitStore,
      identityPerRequest(config),
      log,
      metrics,
      () => generation.current(),
    );
    const running = await listen(
      'The gateway',
      app,
      config.host,
      config.port,
      config.shutdown.timeoutMs,
    );
    life.started('HTTP server', () => running.close());
    const metricsListener = await metrics.listenOnOwnPort(config.metrics, config.host);
    if (metricsListener) life.started('metrics endpoint', () => metricsListener.close());
    return {
      url: running.url,
      metricsUrl: `${metricsListener?.url ?? running.url}/metrics`,
      graphqlUrl: `${running.url}/graphql`,
      port: running.port,
      drain: () => draining.begin(),
      stop: () => {
        draining.begin();
        return life.stop();
      },
    };
  });
}

/** Headers browser code on another origin may read: the request id and the limits' advice. */
const EXPOSED_HEADERS = [
  'X-Request-Id',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
];

/** The gateway's HTTP routes: probes, the graph, feeds, exports and GraphiQL. */
function gatewayApp(
  config: GatewayConfig,
  draining: Draining,
  apollo: ApolloServer<GatewayContext>,
  subgraphs: ReturnType<typeof createSubgraphFetchers>,
  rateLimitStore: ReturnType<typeof createRateLimitStore>,
  identityOf: (req: express.Request) => Promise<Identity>,
  log: Logger,
  metrics: ServiceMetrics,
  /** Which generation of cached answers is current: the HSDS snapshot is retired with them. */
  generation: () => Promise<string>,
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer the client's address is in X-Forwarded-For.
  app.set('trust proxy', config.rateLimit.trustProxyHops);
  app.use(closeConnectionsWhileDraining(draining));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const readiness = cachedReadiness(() =>
    checkSubgraphs(config.subgraphUrls, (name) =>
      subgraphs.fetcherFor(name, config.subgraphUrls[name]),
    ),
  );
  app.get('/ready', async (_req, res) => {
    if (draining.active) {
      res.status(503).json({ status: 'stopping', subgraphs: [] });
      return;
    }
    const results = await readiness();
    const ready = results.every((r) => r.ok);
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'degraded', subgraphs: results });
  });
  metrics.mount(app, config.metrics);
  // A line per request from here on; health, readiness and metrics poll too often to log.
  app.use(requestLogging(log));
  // gzip or Brotli, as the client accepts: a directory page or a year's calendar is text
  // that shrinks to a tenth. Answers under 1 kB go as they are.
  app.use(compression());
  // Browsers must see CORS headers on every answer, refusals included, and browser code may
  // read the headers the docs tell it to use.
  app.use(
    '/graphql',
    // Only the listed sites' pages may call the graph from a browser; CSRF prevention
    // (Apollo Server's, on by default) refuses simple cross-site requests regardless.
    cors({
      origin: config.limits.corsOrigins,
      credentials: false,
      maxAge: 600,
      exposedHeaders: EXPOSED_HEADERS,
    }),
    // A GET answer may be kept by a browser or a proxy: it differs by what the client
    // accepts and by who asks, so say so.
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.vary('Accept');
      res.vary('Authorization');
      next();
    },
  );
  // Open data and feeds are public: any site's page may fetch them.
  app.use(
    ['/feeds', '/exports', '/hsds'],
    cors({ origin: '*', methods: ['GET', 'HEAD'], maxAge: 600, exposedHeaders: EXPOSED_HEADERS }),
  );
  app.use(
    ['/graphql', '/exports', '/feeds', '/hsds', '/subscriptions', '/unsubscribe'],
    (_req, res, next) => {
      res.on('finish', () => {
        if (res.statusCode === 429) metrics.rateLimited.inc();
      });
      next();
    },
  );
  // A bad token is counted by address; its 401 comes from the context below.
  const clientKeyOf = async (req: express.Request) => {
    const identity = await identityOf(req).catch(() => null);
    return identity?.subject ? subjectKey(identity.subject) : addressKey(req);
  };
  const exempt = isExempt(config.rateLimit);
  app.use(
    ['/graphql', '/exports', '/feeds', '/hsds', '/subscriptions', '/unsubscribe', '/gdpr-api'],
    rateLimiter(config.rateLimit, rateLimitStore, clientKeyOf, (error) =>
      log.error({ err: error }, 'rate-limit store failed; letting the request through'),
    ),
  );
  // Open data and feeds read the public graph as an anonymous client would.
  const anonymous: GatewayContext = {
    authorization: undefined,
    identity: ANONYMOUS,
    internal: true,
  };
  const logError = (message: string, error: unknown) => log.error({ err: error }, message);
  app.use(
    ['/exports', '/feeds', '/subscriptions', '/unsubscribe', '/hsds', '/gdpr-api'],
    queryParameterGuard(),
  );
  mountGrantExports(app, apollo, anonymous, config.openData, logError);
  mountHsds(
    app,
    apollo,
    anonymous,
    { ...config.openData, publicBaseUrl: config.publicBaseUrl },
    generation,
    logError,
  );
  mountFeeds(app, apollo, anonymous, logError, config.publicBaseUrl);
  mountSubscriptionLinks(app, apollo, anonymous, logError);
  // A person's data across the subgraphs, for the city's profile service and its data-protection role.
  mountGdprApi(app, apollo, identityOf, logError);
  mountGraphiQL(app, config.graphiqlAssetsDir);
  app.get('/graphql', browsersToGraphiQL);
  app.use(
    '/graphql',
    express.json({ limit: config.limits.bodyLimitBytes }),
    requestGuard(),
    // After the rate limiter and the guard: a merged request still counts and is checked.
    ...(config.mergeFetches
      ? [mergeIdenticalRequests({ onMerged: () => metrics.mergedRequests.inc() })]
      : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // Refuse a bad token here already (401), before any subgraph is asked.
        const identity = await identityOf(req);
        return {
          authorization: req.headers.authorization,
          identity,
          requestId: res.locals.requestId,
          logFields: res.locals.logFields,
          fresh: /\bno-cache\b/i.test(req.headers['cache-control'] ?? ''),
          budgetKey: exempt(req) ? null : await clientKeyOf(req),
        };
      },
    }),
  );
  app.use(
    requestErrorHandler(config.limits.bodyLimitBytes, (error) =>
      log.error({ err: error }, 'request failed'),
    ),
  );

  return app;
}
