import {
  type DocumentLimits,
  readDocumentLimits,
  SUBGRAPH_DOCUMENT_LIMITS,
} from '../subgraphs/core/document-limits';
import { readIncludeStacktraces } from '../subgraphs/core/errors';
import { join } from 'node:path';
import type { OpenDataConfig } from '../gateway/exports/three-sixty-giving';
import {
  readGraphiqlAssetsDir,
  readOpenDataConfig,
  readPublicBaseUrl,
  readRedisUrl,
  readResponseCache,
} from '../gateway/gateway.config';
import { type QueryLimits, readQueryLimits } from '../gateway/limits/limits';
import { type RateLimitConfig, readRateLimitConfig } from '../gateway/rate-limit/rate-limit';
import { type LogLevel, readLogLevel } from '../subgraphs/core/logging';
import { readCacheMaxAge } from '../subgraphs/core/cache-policy';
import { type Env, EnvReader } from '../subgraphs/core/env';
import { type AuthConfig, readAuthConfig } from '../subgraphs/core/identity';
import {
  type BookingConfig,
  readBookingConfig,
} from '../subgraphs/facilities/booking/booking.config';
import {
  DEFAULT_SUBGRAPH_PORTS,
  SUBGRAPH_NAMES,
  type SubgraphName,
} from '../subgraphs/core/subgraph.config';

export interface HubConfig {
  /** An existing PostgreSQL; when unset, embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPostgresPort: number;
  host: string;
  gatewayPort: number;
  subgraphPorts: Readonly<Record<SubgraphName, number>>;
  seedDemoData: boolean;
  subgraphTimeoutMs: number;
  auth: AuthConfig;
  booking: BookingConfig;
  openData: OpenDataConfig;
  graphiqlAssetsDir: string;
  limits: QueryLimits;
  rateLimit: RateLimitConfig;
  logLevel: LogLevel;
  redisUrl: string | undefined;
  responseCache: boolean;
  cacheMaxAgeSeconds: number;
  /** Each subgraph's own limits on a document (the gateway's are in `limits`). */
  subgraphLimits: DocumentLimits;
  includeStacktraces: boolean;
  publicBaseUrl: string;
}

/** Configuration of `npm start`: the whole hub in one process, for development and demos. */
export function loadHubConfig(env: Env, projectRoot: string): Readonly<HubConfig> {
  const reader = new EnvReader('npm start', env);
  const production = reader.string('NODE_ENV', 'development') === 'production';
  const subgraphPorts = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      reader.port(`${name.toUpperCase()}_PORT`, DEFAULT_SUBGRAPH_PORTS[name]),
    ]),
  ) as Record<SubgraphName, number>;
  return reader.done({
    databaseUrl: reader.url('DATABASE_URL', undefined, ['postgres:', 'postgresql:']),
    dataDir: reader.string('HUB_DATA_DIR', join(projectRoot, '.hub-data')),
    embeddedPostgresPort: reader.port('HUB_PG_PORT', 54329),
    host: reader.string('HOST', '127.0.0.1'),
    gatewayPort: reader.port('PORT', 4000),
    subgraphPorts,
    seedDemoData: reader.boolean('SEED_DEMO_DATA', true),
    subgraphTimeoutMs: reader.int('SUBGRAPH_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
    auth: readAuthConfig(reader, production),
    booking: readBookingConfig(reader),
    openData: readOpenDataConfig(reader, production),
    graphiqlAssetsDir: readGraphiqlAssetsDir(reader),
    limits: readQueryLimits(reader),
    rateLimit: readRateLimitConfig(reader),
    logLevel: readLogLevel(reader),
    redisUrl: readRedisUrl(reader),
    responseCache: readResponseCache(reader),
    cacheMaxAgeSeconds: readCacheMaxAge(reader),
    subgraphLimits: readDocumentLimits(reader, 'SUBGRAPH', SUBGRAPH_DOCUMENT_LIMITS),
    includeStacktraces: readIncludeStacktraces(reader),
    publicBaseUrl: readPublicBaseUrl(reader, production, reader.port('PORT', 4000)),
  });
}
