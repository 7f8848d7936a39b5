import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Progress } from '../../subgraphs/core/progress';
import type { TableRows } from './scale-data';

/** Text COPY's escapes: backslash, and the characters that end a field or a row. */
function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** An array literal, every element quoted ({"a","b \"c\""}). */
function arrayLiteral(items: unknown[]): string {
  return `{${items.map((x) => `"${String(x).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** One value in PostgreSQL's text COPY format (`\N` is NULL; objects are jsonb). */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  if (typeof value === 'object') return escapeText(JSON.stringify(value));
  return escapeText(String(value));
}

/** Rows written to the COPY stream per write (a few hundred kilobytes). */
const CHUNK = 2_000;

/**
 * Loads a table's rows with COPY FROM STDIN (pg-copy-streams): one statement for the whole
 * table, rows made while they stream and the stream's backpressure respected, so a million
 * rows take no more memory than a chunk. Row triggers run as for INSERT.
 */
export async function copyRows(
  client: PoolClient,
  table: TableRows,
  progress: Progress,
): Promise<number> {
  const columns = table.columns.map((c) => `"${c}"`).join(', ');
  const stream = client.query(copyFrom(`COPY ${table.table} (${columns}) FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const total = table.count;
  let done = 0;
  let chunk: string[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const ok = stream.write(chunk.join(''));
    chunk = [];
    if (!ok) {
      await new Promise<void>((resolve, reject) => {
        stream.once('drain', resolve);
        stream.once('error', reject);
      });
    }
  };
  for (const row of table.rows()) {
    chunk.push(`${row.map(copyField).join('\t')}\n`);
    done += 1;
    if (chunk.length >= CHUNK) {
      await flush();
      progress(done, total);
    }
  }
  await flush();
  stream.end();
  await finished;
  progress(done, total);
  return done;
}
