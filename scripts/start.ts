import '../subgraphs/core/tracing-register';
import 'reflect-metadata';
import { ConfigError } from '../subgraphs/core/env';
import { describeDatabaseUrl } from '../subgraphs/core/database';
import { projectRoot } from '../subgraphs/core/paths';
import { loadHubConfig } from './hub.config';
import { startHub } from './hub';
import { stopOnSignals } from '../subgraphs/core/lifecycle';
import { stopTracing } from '../subgraphs/core/tracing';
import { finnishAnalyzer } from '../subgraphs/core/finnish/finnish-terms';
import { helsinkiYear } from '../subgraphs/core/time';
import { finnishSearchLine } from './banner';

/** `npm start`: the whole hub with demo data, until Ctrl-C or SIGTERM. */
async function main() {
  const config = loadHubConfig(process.env, projectRoot());
  const hub = await startHub(config);
  const { gateway, subgraphs } = hub;
  console.log(
    [
      '',
      'The city–association hub is running.',
      `  GraphQL (gateway)  ${gateway.graphqlUrl}`,
      `  GraphiQL           ${gateway.url}/graphiql  (example tabs for each audience)`,
      `  Feeds              ${gateway.url}/feeds/calendar.ics?year=${helsinkiYear(new Date())}  ${gateway.url}/feeds/announcements.atom`,
      `  Health             ${gateway.url}/health`,
      `  Readiness          ${gateway.url}/ready`,
      ...Object.values(subgraphs).map((s) => `  ${s.name.padEnd(18)} ${s.graphqlUrl}`),
      `  PostgreSQL         ${describeDatabaseUrl(hub.databaseUrl)}`,
      `  Mail               ${config.communications.smtpUrl ? 'SMTP relay' : `outbox ${config.communications.outboxDir}`}`,
      finnishSearchLine(finnishAnalyzer().name),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  stopOnSignals({
    drain: () => hub.drain(),
    shutdown: config.shutdown,
    stop: () => hub.stop().then(stopTracing),
    log: (line) => console.log(line),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
