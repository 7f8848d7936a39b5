import { DEFAULT_BUS_OPTIONS, DomainEventBus } from './domain-events';
import { httpPublicGraph } from './public-graph';
import { httpAssociationDirectory } from './association-directory';
import { createAuthenticator } from './identity';
import { connect, migrate } from './database';
import type { BaseContext } from './context';
import { Lifecycle, stopOnSignals } from './lifecycle';
import { stopTracing } from './tracing';
import { startSubgraph, subgraphDataSource, type SubgraphDefinition } from './subgraph';
import { loadSubgraphConfig } from './subgraph.config';
import { ConfigError } from './env';
import { createLogger } from './logging';

/**
 * The body of every subgraph's `main.ts`: read config, open the database, apply pending
 * migrations (serialised across replicas), serve, and stop cleanly on SIGINT/SIGTERM:
 * the same lifecycle as `npm start` and the gateway.
 */
export async function runSubgraphMain<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const log = (line: string) => console.log(`${definition.name}: ${line}`);
  const life = new Lifecycle(log);
  // Stopped last: the spans of the shutdown itself are sent too.
  life.started('tracing', () => stopTracing());
  try {
    const { running, config } = await life.startUp(async () => {
      const config = loadSubgraphConfig(definition.name, env);
      const dataSource = await connect(
        subgraphDataSource(
          definition as unknown as SubgraphDefinition,
          config.databaseUrl,
          config.databasePoolSize,
          config.databaseReplicaUrls,
        ),
      );
      life.started('database pool', () => dataSource.destroy());
      // A deployment that migrates in a job of its own starts the subgraphs without it;
      // /ready then says not ready until the schema has every migration.
      if (config.migrateOnStart) {
        const applied = await migrate(dataSource);
        if (applied.length)
          console.log(`${definition.name}: applied migrations ${applied.join(', ')}`);
      }
      const events = new DomainEventBus(config.databaseUrl, DEFAULT_BUS_OPTIONS, log);
      life.started('domain events', () => events.stop());
      const running = await startSubgraph(definition, {
        events,
        host: config.host,
        port: config.port,
        dataSource,
        authenticate: createAuthenticator(config.auth),
        logger: createLogger(definition.name, config.logLevel),
        cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
        limits: config.limits,
        includeStacktraces: config.includeStacktraces,
        associations: httpAssociationDirectory(() => config.associationsUrl),
        graph: httpPublicGraph(() => config.graphUrl),
        metrics: config.metrics,
        shutdown: config.shutdown,
        requestTimeoutMs: config.requestTimeoutMs,
      });
      life.started('server', () => running.stop());
      console.log(
        `${definition.name} subgraph ready at ${running.graphqlUrl} (metrics at ${running.metricsUrl})`,
      );
      return { running, config };
    });
    stopOnSignals({
      drain: () => running.drain(),
      shutdown: config.shutdown,
      stop: () => life.stop(),
      log,
    });
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
