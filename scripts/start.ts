import 'reflect-metadata';
import { ConfigError } from '../subgraphs/core/env';
import { describeDatabaseUrl } from '../subgraphs/core/database';
import { projectRoot } from '../subgraphs/core/paths';
import { loadHubConfig } from './hub.config';
import { startHub } from './hub';

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
      `  Feeds              ${gateway.url}/feeds/calendar.ics?year=${new Date().getFullYear()}  ${gateway.url}/feeds/announcements.atom`,
      `  Health             ${gateway.url}/health`,
      `  Readiness          ${gateway.url}/ready`,
      ...Object.values(subgraphs).map((s) => `  ${s.name.padEnd(18)} ${s.graphqlUrl}`),
      `  PostgreSQL         ${describeDatabaseUrl(hub.databaseUrl)}`,
      `  Mail               ${config.communications.smtpUrl ? 'SMTP relay' : `outbox ${config.communications.outboxDir}`}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the hub …`);
    hub.stop().then(
      () => {
        console.log('stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
