/**
 * The domain events recorded for one consumer, oldest first: what a test reads to see that
 * a change was told (the jobs pg-boss keeps in `hub_events.job`).
 */
export async function recordedEvents(
  db: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  consumer: string,
  type: string,
): Promise<Array<Record<string, unknown>>> {
  // pg-boss makes its schema when the first event is recorded: none yet, none recorded.
  const [{ exists }] = (await db.query(
    `SELECT to_regclass('hub_events.job') IS NOT NULL AS exists`,
  )) as Array<{ exists: boolean }>;
  if (!exists) return [];
  const rows = (await db.query(
    `SELECT data->'data' AS data FROM hub_events.job
      WHERE name = $1 AND data->>'type' = $2 ORDER BY created_on`,
    [consumer, type],
  )) as Array<{ data: Record<string, unknown> }>;
  return rows.map((r) => r.data);
}
