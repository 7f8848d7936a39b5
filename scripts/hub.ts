import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { DEMO_SEEDS } from '../demo/seed';
import { createLogger } from '../subgraphs/core/logging';
import type { GatewayConfig } from '../gateway/gateway.config';
import { type RunningGateway, startGateway } from '../gateway/gateway';
import { ALL_SUBGRAPHS } from '../subgraphs/all';
import { connect, migrate, runSeedOnce } from '../subgraphs/core/database';
import { httpAssociationDirectory } from '../subgraphs/core/association-directory';
import { createAuthenticator } from '../subgraphs/core/identity';
import { supergraphPath } from '../subgraphs/core/paths';
import {
  type RunningSubgraph,
  startSubgraph,
  subgraphDataSource,
} from '../subgraphs/core/subgraph';
import type { SubgraphName } from '../subgraphs/core/subgraph.config';
import { createBookingBridge } from '../subgraphs/facilities/booking/booking.config';
import { createFacilitiesSubgraph } from '../subgraphs/facilities/facilities.subgraph';
import { type EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';
import type { HubConfig } from './hub.config';

export interface RunningHub {
  gateway: RunningGateway;
  subgraphs: Readonly<Record<SubgraphName, RunningSubgraph>>;
  databaseUrl: string;
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
  const cleanups: Array<{ what: string; run: () => Promise<void> }> = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) {
      log(`stopping ${cleanup.what}`);
      await cleanup
        .run()
        .catch((error: unknown) => log(`  could not stop ${cleanup.what}: ${String(error)}`));
    }
    cleanups.length = 0;
  };
  try {
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
      cleanups.push({ what: 'embedded PostgreSQL', run: () => embedded.stop() });
      databaseUrl = await ensureDatabase(embedded.adminUrl, 'hub');
    }

    const dataSources = new Map<SubgraphName, DataSource>();
    for (const definition of ALL_SUBGRAPHS) {
      const ds = await connect(subgraphDataSource(definition, databaseUrl));
      cleanups.push({ what: `${definition.name} database pool`, run: () => ds.destroy() });
      dataSources.set(definition.name, ds);
      const applied = await migrate(ds);
      if (applied.length) log(`${definition.name}: applied ${applied.length} migration(s)`);
      const seeds = config.seedDemoData ? DEMO_SEEDS : [];
      for (const seed of seeds.filter((x) => x.subgraph === definition.name)) {
        if (await runSeedOnce(ds, seed.name, seed.run)) {
          log(`${definition.name}: wrote demo data ${seed.name}`);
        }
      }
    }

    const authenticate = createAuthenticator(config.auth);
    const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
    // Asked only while serving a write, by when the associations subgraph listens.
    const associations = httpAssociationDirectory(() => subgraphs.associations.graphqlUrl);
    // Facilities is built with the booking systems this deployment connects (none by default).
    const facilities = createFacilitiesSubgraph(createBookingBridge(config.booking), {
      intervalMs: config.booking.syncIntervalMs,
      daysAhead: config.booking.syncDaysAhead,
    }) as unknown as (typeof ALL_SUBGRAPHS)[number];
    for (const definition of ALL_SUBGRAPHS.map((d) => (d.name === 'facilities' ? facilities : d))) {
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
      });
      cleanups.push({ what: `${definition.name} subgraph`, run: () => running.stop() });
      subgraphs[definition.name] = running;
    }

    const gatewayConfig: GatewayConfig = {
      host: config.host,
      port: config.gatewayPort,
      subgraphUrls: Object.fromEntries(
        Object.values(subgraphs).map((s) => [s.name, s.graphqlUrl]),
      ) as Record<SubgraphName, string>,
      subgraphTimeoutMs: config.subgraphTimeoutMs,
      subgraphConnections: 16,
      supergraphPath: supergraphPath(),
      auth: config.auth,
      openData: config.openData,
      graphiqlAssetsDir: config.graphiqlAssetsDir,
      limits: config.limits,
      rateLimit: config.rateLimit,
      logLevel: config.logLevel,
      redisUrl: config.redisUrl,
      responseCache: config.responseCache,
      includeStacktraces: config.includeStacktraces,
      publicBaseUrl: config.publicBaseUrl,
    };
    const gateway = await startGateway(gatewayConfig);
    cleanups.push({ what: 'gateway', run: () => gateway.stop() });

    return { gateway, subgraphs, databaseUrl, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
