import { projectRoot } from '../../subgraphs/core/paths';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addDays,
  fromHelsinkiLocal,
  helsinkiDate,
  helsinkiYear,
  isoWeekday,
} from '../../subgraphs/core/time';

/**
 * The example operations in gateway/examples/*.graphql: the same files open as GraphiQL's
 * tabs and run in the end-to-end tests against the demo data, so an example cannot rot.
 * Each starts with `# audience:`, `# title:` and `# variables:` (JSON) lines; variables may
 * name moments relative to today, resolved when served.
 */
export interface Example {
  file: string;
  audience: string;
  title: string;
  query: string;
  variables: Record<string, unknown>;
}

// From the project root, not __dirname: the compiled gateway in dist/ reads the same files.
export const EXAMPLES_DIR = join(projectRoot(), 'gateway', 'examples');

/** Moments an example may ask for, relative to the day it is opened (Helsinki time). */
export function placeholders(now: Date): Record<string, string | number> {
  const today = helsinkiDate(now);
  const tuesday = addDays(today, (2 - isoWeekday(today) + 7) % 7 || 7);
  const year = helsinkiYear(now);
  return {
    $TODAY: fromHelsinkiLocal(`${today}T00:00`).toISOString(),
    $IN_7_DAYS: fromHelsinkiLocal(`${addDays(today, 7)}T00:00`).toISOString(),
    $NEXT_TUESDAY_17: fromHelsinkiLocal(`${tuesday}T17:00`).toISOString(),
    $NEXT_TUESDAY_19: fromHelsinkiLocal(`${tuesday}T19:00`).toISOString(),
    $YEAR: year,
    $YEAR_START: fromHelsinkiLocal(`${year}-01-01T00:00`).toISOString(),
    $NEXT_YEAR_END: fromHelsinkiLocal(`${year + 2}-01-01T00:00`).toISOString(),
  };
}

function resolve(value: unknown, table: Record<string, string | number>): unknown {
  if (typeof value === 'string' && value in table) return table[value];
  if (Array.isArray(value)) return value.map((v) => resolve(v, table));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, table)]));
  }
  return value;
}

export function loadExamples(now = new Date(), dir = EXAMPLES_DIR): Example[] {
  const table = placeholders(now);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const header = (name: string) => {
        const match = new RegExp(`^# ${name}: (.*)$`, 'm').exec(text);
        if (!match) throw new Error(`${file} has no "# ${name}:" line`);
        return match[1].trim();
      };
      return {
        file,
        audience: header('audience'),
        title: header('title'),
        query: text.replace(/^#.*\n/gm, '').trim(),
        variables: resolve(JSON.parse(header('variables')), table) as Record<string, unknown>,
      };
    });
}
