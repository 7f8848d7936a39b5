import { type CostBudgetConfig, readCostBudget } from './rate-limit/cost-budget';
import { type MailLimitConfig, readMailLimit } from './rate-limit/mail-limit';
import { type MetricsConfig, readMetricsConfig } from '../subgraphs/core/metrics';
import { readShutdownConfig, type ShutdownConfig } from '../subgraphs/core/lifecycle';
import { readPublicBaseUrl } from '../subgraphs/core/public-base-url';
import { readIncludeStacktraces } from '../subgraphs/core/errors';
import { type Env, EnvReader } from '../subgraphs/core/env';
import { type AuthConfig, readAuthConfig } from '../subgraphs/core/identity';
import { join } from 'node:path';
import { projectRoot, supergraphPath } from '../subgraphs/core/paths';
import type { OpenDataConfig } from './exports/three-sixty-giving';
import { type QueryLimits, readQueryLimits } from './limits/limits';
import { type RateLimitConfig, readRateLimitConfig } from './rate-limit/rate-limit';
import { type LogLevel, readLogLevel } from '../subgraphs/core/logging';
import {
  DEFAULT_SUBGRAPH_PORTS,
  SUBGRAPH_NAMES,
  type SubgraphName,
} from '../subgraphs/core/subgraph.config';

export interface GatewayConfig {
  host: string;
  port: number;
  /**
   * GraphQL endpoint of each subgraph: one (a Kubernetes Service, which balances) or its
   * replicas' own, which the gateway takes in turn and fails over between.
   */
  subgraphUrls: Readonly<Record<SubgraphName, readonly string[]>>;
  /** Longest wait for one subgraph fetch before its fields fail with an error. */
  subgraphTimeoutMs: number;
  /** Keep-alive sockets per subgraph. */
  subgraphConnections: number;
  supergraphPath: string;
  auth: AuthConfig;
  openData: OpenDataConfig;
  /** Where the built GraphiQL bundle is (npm run build writes dist/graphiql). */
  graphiqlAssetsDir: string;
  limits: QueryLimits;
  rateLimit: RateLimitConfig;
  /** Query cost one client may spend per minute. */
  costBudget: CostBudgetConfig;
  /** Mutations that mail an address the caller gives, per client and hour. */
  mailLimit: MailLimitConfig;
  logLevel: LogLevel;
  /** Shared by gateway replicas for rate limits and cached responses; unset: memory. */
  redisUrl: string | undefined;
  /** Whole answers to anonymous queries, kept as long as their cache hints allow. */
  responseCache: boolean;
  /** Identical in-flight subgraph queries of one caller share a fetch (GATEWAY_MERGE_FETCHES). */
  mergeFetches: boolean;
  /** Stack traces in error answers, for a developer's debugging session only. */
  includeStacktraces: boolean;
  /** Where clients reach the hub (no trailing slash): links in feeds and mails point there. */
  publicBaseUrl: string;
  /** Prometheus metrics at /metrics: on, and guarded by a token, as config says. */
  metrics: MetricsConfig;
  /** Drain delay and the bound on requests under way at SIGTERM. */
  shutdown: ShutdownConfig;
}

/** The built GraphiQL bundle: GRAPHIQL_ASSETS_DIR, by default dist/graphiql in the project. */
export function readGraphiqlAssetsDir(reader: EnvReader): string {
  return reader.string('GRAPHIQL_ASSETS_DIR', join(projectRoot(), 'dist', 'graphiql'));
}

export function readRedisUrl(reader: EnvReader): string | undefined {
  return reader.url('REDIS_URL', undefined, ['redis:', 'rediss:']);
}

/** GATEWAY_RESPONSE_CACHE: keep whole anonymous answers (on by default). */
export function readResponseCache(reader: EnvReader): boolean {
  return reader.boolean('GATEWAY_RESPONSE_CACHE', true);
}

/**
 * The demo city's funder id: Lahti's business ID in org-id.guide's Finnish trade register
 * list (FI-PRO). A deployment names its own city; production refuses to start without one.
 */
export const DEMO_FUNDER_ID = 'FI-PRO-0164374-1';

/** An org-id.guide identifier: list code, scheme, identifier; FI-PRO takes a Y-tunnus. */
const ORG_ID = /^[A-Z]{2}-[A-Z0-9]{2,}-\S+$/;

/** Who publishes the grant open data: read by the gateway and by `npm start` alike. */
export function readOpenDataConfig(reader: EnvReader, production: boolean): OpenDataConfig {
  const given = reader.optional('OPEN_DATA_FUNDER_ID');
  if (production && !given) {
    reader.problem(
      "OPEN_DATA_FUNDER_ID is required when NODE_ENV=production: the city as org-id.guide names it, e.g. FI-PRO-<the city's Y-tunnus>",
    );
  }
  const funderId = given ?? DEMO_FUNDER_ID;
  if (
    !ORG_ID.test(funderId) ||
    (funderId.startsWith('FI-PRO-') && !/^FI-PRO-\d{7}-\d$/.test(funderId))
  ) {
    reader.problem(
      `OPEN_DATA_FUNDER_ID must be an org-id.guide identifier such as FI-PRO-0164374-1, got "${funderId}"`,
    );
  }
  const prefix = reader.string('OPEN_DATA_360G_PREFIX', '360G-city-association-hub');
  if (!/^360G-[A-Za-z0-9-]+$/.test(prefix)) {
    reader.problem(`OPEN_DATA_360G_PREFIX must be a registered 360G- prefix, got "${prefix}"`);
  }
  return {
    prefix,
    funderId,
    funderName: reader.string('OPEN_DATA_FUNDER_NAME', 'Lahden kaupunki'),
  };
}

/** What the gateway does, apart from where it listens and where its subgraphs are. */
export type GatewayOptions = Omit<
  GatewayConfig,
  'host' | 'port' | 'subgraphUrls' | 'subgraphConnections' | 'supergraphPath'
>;

/** Read the same way by the gateway on its own and by `npm start`. */
export function readGatewayOptions(
  reader: EnvReader,
  production: boolean,
  port: number,
): GatewayOptions {
  const limits = readQueryLimits(reader);
  return {
    subgraphTimeoutMs: reader.int('SUBGRAPH_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
    auth: readAuthConfig(reader, production),
    openData: readOpenDataConfig(reader, production),
    graphiqlAssetsDir: readGraphiqlAssetsDir(reader),
    limits,
    rateLimit: readRateLimitConfig(reader),
    costBudget: readCostBudget(reader, limits.maxCost),
    mailLimit: readMailLimit(reader),
    logLevel: readLogLevel(reader),
    redisUrl: readRedisUrl(reader),
    responseCache: readResponseCache(reader),
    // Identical queries in flight to one subgraph, from the same caller, become one fetch.
    mergeFetches: reader.boolean('GATEWAY_MERGE_FETCHES', true),
    includeStacktraces: readIncludeStacktraces(reader),
    publicBaseUrl: readPublicBaseUrl(reader, production, port),
    metrics: readMetricsConfig(reader, production),
    shutdown: readShutdownConfig(reader, production),
  };
}

/** The one place the gateway reads its environment. */
export function loadGatewayConfig(env: Env): Readonly<GatewayConfig> {
  const reader = new EnvReader('the gateway', env);
  const production = reader.string('NODE_ENV', 'development') === 'production';
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      reader.urlList(
        `${name.toUpperCase()}_URL`,
        `http://localhost:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`,
        ['http:', 'https:'],
      ),
    ]),
  ) as Record<SubgraphName, string[]>;
  const port = reader.port('PORT', 4000);
  return reader.done({
    host: reader.string('HOST', '0.0.0.0'),
    port,
    subgraphUrls,
    subgraphConnections: reader.int('SUBGRAPH_CONNECTIONS', 64, { min: 1, max: 1024 }),
    supergraphPath: reader.string('SUPERGRAPH_PATH', supergraphPath()),
    ...readGatewayOptions(reader, production, port),
  });
}
