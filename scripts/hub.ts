import { DEFAULT_BUS_OPTIONS, DomainEventBus } from '../subgraphs/core/domain-events';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { DEMO_SEEDS } from '../demo/seed';
import { createLogger } from '../subgraphs/core/logging';
import type { GatewayConfig } from '../gateway/gateway.config';
import { type RunningGateway, startGateway } from '../gateway/gateway';
import { createSubgraphs } from '../subgraphs/all';
import { Lifecycle } from '../subgraphs/core/lifecycle';
import { connect, migrate, runSeedOnce } from '../subgraphs/core/database';
import { httpAssociationDirectory } from '../subgraphs/core/association-directory';
import { httpPublicGraph } from '../subgraphs/core/public-graph';
import { createAuthenticator } from '../subgraphs/core/identity';
import { supergraphPath } from '../subgraphs/core/paths';
import {
  type RunningSubgraph,
  startSubgraph,
  subgraphDataSource,
} from '../subgraphs/core/subgraph';
import type { SubgraphName } from '../subgraphs/core/subgraph.config';
import { createBookingBridge } from '../subgraphs/facilities/booking/booking.config';
import { type EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';
import type { HubConfig } from './hub.config';

export interface RunningHub {
  gateway: RunningGateway;
  subgraphs: Readonly<Record<SubgraphName, RunningSubgraph>>;
  databaseUrl: string;
  /** The domain events the subgraphs record and consume. */
  events: DomainEventBus;
  /** The gateway and every subgraph say not ready (503) from now on, still serving. */
  drain(): void;
  /** Stops the gateway, the subgraphs, their pools and embedded PostgreSQL, in that order. */
  stop(): Promise<void>;
}

/**
 * The whole hub in one process: database, migrations, demo data (first start only), four
 * subgraphs and the gateway. If any step fails, what was started is stopped again.
 */
export async function startHub(
  config: HubConfig,
  log: (line: string) => void = console.log,
): Promise<RunningHub> {
  const life = new Lifecycle(log);
  return life.startUp(async () => {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const pgDir = join(config.dataDir, 'postgres');
      log(`starting embedded PostgreSQL on port ${config.embeddedPostgresPort} (data in ${pgDir})`);
      const embedded: EmbeddedDatabase = await startEmbeddedPostgres({
        dataDir: pgDir,
        port: config.embeddedPostgresPort,
        persistent: true,
        log,
      });
      life.started('embedded PostgreSQL', () => embedded.stop());
      databaseUrl = await ensureDatabase(embedded.adminUrl, 'hub');
    }

    // The one reading of the clock for the demo: every seed plans from the same moment.
    const demoNow = config.demoNow ?? new Date();
    const dataSources = new Map<SubgraphName, DataSource>();
    // Facilities is made with the booking systems this deployment connects (none by default).
    const definitions = createSubgraphs({
      booking: {
        bridge: createBookingBridge(config.booking),
        sync: {
          intervalMs: config.booking.syncIntervalMs,
          daysAhead: config.booking.syncDaysAhead,
        },
      },
      communications: config.communications,
      retention: config.communications.retention,
    });
    for (const definition of definitions) {
      // Replicas only beside a database of the deployment's own, never the embedded one.
      const replicas = config.databaseUrl ? config.databaseReplicaUrls : [];
      const ds = await connect(subgraphDataSource(definition, databaseUrl, undefined, replicas));
      life.started(`${definition.name} database pool`, () => ds.destroy());
      dataSources.set(definition.name, ds);
      const applied = await migrate(ds);
      if (applied.length) log(`${definition.name}: applied ${applied.length} migration(s)`);
      const seeds = config.seedDemoData ? DEMO_SEEDS : [];
      for (const seed of seeds.filter((x) => x.subgraph === definition.name)) {
        if (await runSeedOnce(ds, seed.name, (db) => seed.run(db, demoNow))) {
          log(`${definition.name}: wrote demo data ${seed.name}`);
        }
      }
    }

    const authenticate = createAuthenticator(config.auth);
    // One domain event bus for the process: stopped after the subgraphs that use it.
    const events = new DomainEventBus(databaseUrl, DEFAULT_BUS_OPTIONS, log);
    life.started('domain events', () => events.stop());
    const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
    // Asked only while serving a write, by when the associations subgraph listens.
    const associations = httpAssociationDirectory(() => subgraphs.associations.graphqlUrl);
    // Asked only while serving a request, by when the gateway listens.
    let gatewayGraphqlUrl = '';
    const graph = httpPublicGraph(() => gatewayGraphqlUrl);
    for (const definition of definitions) {
      const running = await startSubgraph(definition, {
        host: config.host,
        port: config.subgraphPorts[definition.name],
        dataSource: dataSources.get(definition.name)!,
        authenticate,
        logger: createLogger(definition.name, config.logLevel),
        cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
        limits: config.subgraphLimits,
        includeStacktraces: config.includeStacktraces,
        associations,
        graph,
        metrics: config.metrics,
        shutdown: config.shutdown,
        requestTimeoutMs: config.subgraphRequestTimeoutMs,
        events,
      });
      life.started(`${definition.name} subgraph`, () => running.stop());
      subgraphs[definition.name] = running;
    }

    const gatewayConfig: GatewayConfig = {
      ...config,
      port: config.gatewayPort,
      subgraphUrls: Object.fromEntries(
        Object.values(subgraphs).map((s) => [s.name, [s.graphqlUrl]]),
      ) as Record<SubgraphName, string[]>,
      subgraphConnections: 16,
      supergraphPath: supergraphPath(),
    };
    const gateway = await startGateway(gatewayConfig, undefined, { events });
    gatewayGraphqlUrl = gateway.graphqlUrl;
    life.started('gateway', () => gateway.stop());

    const drain = () => {
      gateway.drain();
      for (const subgraph of Object.values(subgraphs)) subgraph.drain();
    };
    return { gateway, subgraphs, databaseUrl, events, drain, stop: () => life.stop() };
  });
}
