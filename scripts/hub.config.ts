import {
  type DocumentLimits,
  readDocumentLimits,
  SUBGRAPH_DOCUMENT_LIMITS,
} from '../subgraphs/core/document-limits';
import { join } from 'node:path';
import { type GatewayOptions, readGatewayOptions } from '../gateway/gateway.config';
import { readCacheMaxAge } from '../subgraphs/core/cache-policy';
import { type Env, EnvReader } from '../subgraphs/core/env';
import {
  type CommunicationsConfig,
  readCommunicationsConfig,
} from '../subgraphs/communications/communications.config';
import {
  type BookingConfig,
  readBookingConfig,
} from '../subgraphs/facilities/booking/booking.config';
import {
  readReplicaUrls,
  DEFAULT_SUBGRAPH_PORTS,
  SUBGRAPH_NAMES,
  type SubgraphName,
} from '../subgraphs/core/subgraph.config';
import { readRequestTimeout } from '../subgraphs/core/request-deadline';

/** `npm start`'s settings: the gateway's options, and what the hub runs besides. */
export interface HubConfig extends GatewayOptions {
  /** An existing PostgreSQL; when unset, embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** Read replicas of DATABASE_URL's cluster (DATABASE_REPLICA_URLS); none by default. */
  databaseReplicaUrls: string[];
  dataDir: string;
  embeddedPostgresPort: number;
  host: string;
  gatewayPort: number;
  subgraphPorts: Readonly<Record<SubgraphName, number>>;
  seedDemoData: boolean;
  /**
   * The moment the demo data is written as of (DEMO_NOW); unset, the time of the start that
   * writes it. What the demo has relative to today (the coming weeks' reservations, open
   * rounds) is planned from it, so any day's demo can be looked at on any day.
   */
  demoNow: Date | undefined;
  booking: BookingConfig;
  communications: CommunicationsConfig;
  cacheMaxAgeSeconds: number;
  /** Each subgraph's own limits on a document (the gateway's are in `limits`). */
  subgraphLimits: DocumentLimits;
  /** How long a subgraph works on one request before its statements are cancelled. */
  subgraphRequestTimeoutMs: number;
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
  const gatewayPort = reader.port('PORT', 4000);
  if (reader.optional('METRICS_PORT') !== undefined) {
    // Seven services in one process cannot share one metrics port.
    reader.problem(
      "METRICS_PORT is for a service run on its own; npm start serves /metrics on each service's port",
    );
  }
  return reader.done({
    databaseUrl: reader.url('DATABASE_URL', undefined, ['postgres:', 'postgresql:']),
    databaseReplicaUrls: readReplicaUrls(reader),
    dataDir: reader.string('HUB_DATA_DIR', join(projectRoot, '.hub-data')),
    embeddedPostgresPort: reader.port('HUB_PG_PORT', 54329),
    host: reader.string('HOST', '127.0.0.1'),
    gatewayPort,
    subgraphPorts,
    seedDemoData: reader.boolean('SEED_DEMO_DATA', true),
    demoNow: reader.moment('DEMO_NOW'),
    booking: readBookingConfig(reader),
    communications: readCommunicationsConfig(reader, production, gatewayPort),
    cacheMaxAgeSeconds: readCacheMaxAge(reader),
    subgraphLimits: readDocumentLimits(reader, 'SUBGRAPH', SUBGRAPH_DOCUMENT_LIMITS),
    subgraphRequestTimeoutMs: readRequestTimeout(reader),
    ...readGatewayOptions(reader, production, gatewayPort),
  });
}
