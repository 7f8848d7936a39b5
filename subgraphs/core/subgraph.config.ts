import {
  type DocumentLimits,
  readDocumentLimits,
  SUBGRAPH_DOCUMENT_LIMITS,
} from './document-limits';
import { readIncludeStacktraces } from './errors';
import { type LogLevel, readLogLevel } from './logging';
import { readCacheMaxAge } from './cache-policy';
import { type Env, EnvReader } from './env';
import { type AuthConfig, readAuthConfig } from './identity';
import { type MetricsConfig, readMetricsConfig } from './metrics';
import { readShutdownConfig, type ShutdownConfig } from './lifecycle';
import { readRequestTimeout } from './request-deadline';

export const SUBGRAPH_NAMES = [
  'associations',
  'facilities',
  'grants',
  'events',
  'cooperation',
  'communications',
] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const DEFAULT_SUBGRAPH_PORTS: Readonly<Record<SubgraphName, number>> = {
  associations: 4001,
  facilities: 4002,
  grants: 4003,
  events: 4004,
  cooperation: 4005,
  communications: 4006,
};

export interface SubgraphConfig {
  name: SubgraphName;
  host: string;
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  /** Read replicas for requests that cannot write (DATABASE_REPLICA_URLS); none by default. */
  databaseReplicaUrls: string[];
  auth: AuthConfig;
  logLevel: LogLevel;
  cacheMaxAgeSeconds: number;
  limits: DocumentLimits;
  includeStacktraces: boolean;
  /** The associations subgraph, asked whether an association exists before a write for it. */
  associationsUrl: string;
  /** The hub's public graph (the gateway), asked for figures other subgraphs own. */
  graphUrl: string;
  /** Apply pending migrations at start; off when a deployment runs `npm run migrate` first. */
  migrateOnStart: boolean;
  metrics: MetricsConfig;
  /** Drain delay and the bound on requests under way at SIGTERM. */
  shutdown: ShutdownConfig;
  /** A request's statements are cancelled after this; below the gateway's subgraph timeout. */
  requestTimeoutMs: number;
}

/** DATABASE_REPLICA_URLS: read replicas of DATABASE_URL's cluster, separated by commas. */
export function readReplicaUrls(reader: EnvReader): string[] {
  if (reader.optional('DATABASE_REPLICA_URLS') === undefined) return [];
  return reader.urlList('DATABASE_REPLICA_URLS', '', ['postgres:', 'postgresql:']);
}

/** The one place a subgraph reads its environment: `<NAME>_PORT`, DATABASE_URL, AUTH_*. */
export function loadSubgraphConfig(name: SubgraphName, env: Env): Readonly<SubgraphConfig> {
  const reader = new EnvReader(`the ${name} subgraph`, env);
  const production = reader.string('NODE_ENV', 'development') === 'production';
  const databaseUrl =
    reader.url('DATABASE_URL', undefined, ['postgres:', 'postgresql:']) ??
    reader.required(
      'DATABASE_URL',
      'a subgraph started on its own needs its PostgreSQL; `npm start` sets it',
    );
  return reader.done({
    name,
    // A subgraph is reached through the gateway; containers set HOST to be reachable.
    host: reader.string('HOST', '127.0.0.1'),
    port: reader.port(`${name.toUpperCase()}_PORT`, DEFAULT_SUBGRAPH_PORTS[name]),
    databaseUrl,
    databasePoolSize: reader.int('DATABASE_POOL_SIZE', 10, { min: 1, max: 100 }),
    databaseReplicaUrls: readReplicaUrls(reader),
    auth: readAuthConfig(reader, production),
    logLevel: readLogLevel(reader),
    cacheMaxAgeSeconds: readCacheMaxAge(reader),
    limits: readDocumentLimits(reader, 'SUBGRAPH', SUBGRAPH_DOCUMENT_LIMITS),
    includeStacktraces: readIncludeStacktraces(reader),
    associationsUrl: reader.url(
      'ASSOCIATIONS_URL',
      `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.associations}/graphql`,
      ['http:', 'https:'],
    ) as string,
    migrateOnStart: reader.boolean('MIGRATE_ON_START', true),
    metrics: readMetricsConfig(reader, production),
    shutdown: readShutdownConfig(reader, production),
    requestTimeoutMs: readRequestTimeout(reader),
    graphUrl: reader.url('GRAPH_URL', 'http://127.0.0.1:4000/graphql', [
      'http:',
      'https:',
    ]) as string,
  });
}
