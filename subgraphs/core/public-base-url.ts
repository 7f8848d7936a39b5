import type { EnvReader } from './env';

/**
 * PUBLIC_BASE_URL: the hub as the outside world reaches it. Feeds link events there, so
 * production must say it (a localhost link in a city's calendar feed is a broken link).
 */
export function readPublicBaseUrl(reader: EnvReader, production: boolean, port: number): string {
  const url = reader.url('PUBLIC_BASE_URL', undefined, ['https:', 'http:']);
  if (production && !url) {
    reader.problem(
      'PUBLIC_BASE_URL is required when NODE_ENV=production, e.g. https://yhdistykset.lahti.fi',
    );
  }
  return (url ?? `http://localhost:${port}`).replace(/\/+$/, '');
}
