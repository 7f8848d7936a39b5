import { type Env, EnvReader } from '../subgraphs/core/env';

export interface CliConfig {
  databaseUrl: string;
  ytjBaseUrl: string;
  ytjTimeoutMs: number;
  linkedEventsUrl: string | undefined;
  linkedEventsPublisher: string | undefined;
}

/**
 * Configuration of the command-line jobs (import, YTJ check). They work on an existing
 * database: the one `npm start` runs is postgres://postgres:postgres@127.0.0.1:54329/hub.
 */
export function loadCliConfig(env: Env, command: string): Readonly<CliConfig> {
  const reader = new EnvReader(command, env);
  const databaseUrl = reader.url('DATABASE_URL', undefined, ['postgres:', 'postgresql:']);
  if (!databaseUrl) {
    reader.problem(
      'DATABASE_URL is required, e.g. postgres://postgres:postgres@127.0.0.1:54329/hub while `npm start` runs',
    );
  }
  return reader.done({
    databaseUrl: databaseUrl ?? '',
    ytjBaseUrl:
      reader.url('YTJ_BASE_URL', undefined, ['https:', 'http:']) ??
      'https://avoindata.prh.fi/opendata-ytj-api/v3',
    ytjTimeoutMs: reader.int('YTJ_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
    linkedEventsUrl: reader.url('LINKED_EVENTS_URL', undefined, ['https:', 'http:']),
    linkedEventsPublisher: reader.optional('LINKED_EVENTS_PUBLISHER'),
  });
}
