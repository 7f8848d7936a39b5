import { Client } from 'pg';
import { fromHelsinkiLocal } from '../subgraphs/core/time';
import { seedDemoData } from '../tests/setup/hub-process';
import { createTestDatabase } from '../tests/setup/test-database';

/**
 * The demo written into PostgreSQL as of the riskiest moments: its constraints (unique ids,
 * the exclusion of overlapping claims of a space and its halves) and the facts below must
 * hold. 6 December is the day a fresh `npm start` failed with a duplicate reservation id.
 */
const DAYS = [
  '2026-12-06T09:00', // Independence Day
  '2026-12-20T12:00',
  '2026-12-24T23:30', // Christmas Eve, late
  '2026-12-31T23:59', // the year's last minute
  '2028-02-29T00:30', // the leap day, just after midnight
  '2027-03-28T04:30', // the last Sunday of March: 03:00 became 04:00
  '2027-10-31T03:30', // the last Sunday of October: 03:30 happened twice
];

describe('the demo written into PostgreSQL on awkward days', () => {
  it.each(DAYS)('writes and holds as of %s Helsinki time', async (local) => {
    const database = await createTestDatabase();
    const db = new Client({ connectionString: database.url });
    try {
      await seedDemoData(database.url, fromHelsinkiLocal(local));
      await db.connect();
      const one = async (sql: string, values: unknown[] = []) =>
        (await db.query(sql, values)).rows[0] as Record<string, unknown>;
      expect(
        await one(`SELECT
          (SELECT count(*)::int FROM facilities.reservation) AS reservations,
          (SELECT count(*)::int FROM facilities.reservation_claim) > 0 AS claimed,
          (SELECT count(*)::int FROM events.event WHERE series_id IS NOT NULL) AS cafes,
          (SELECT count(*)::int FROM grants.application_round) > 0 AS rounds`),
      ).toEqual({ reservations: 21, claimed: true, cafes: 12, rounds: true });
      // Nothing held on a day its facility is closed, as the facility's own exceptions say.
      expect(
        await one(`SELECT count(*)::int AS on_closed_days
          FROM facilities.reservation r
          JOIN facilities.space s ON s.id = r.space_id
          JOIN facilities.opening_exception x ON x.facility_id = s.facility_id
           AND x.date = (r.starts_at AT TIME ZONE 'Europe/Helsinki')::date`),
      ).toEqual({ on_closed_days: 0 });
      // Events at a city space and held reservations never share its time.
      expect(
        await one(`SELECT count(*)::int AS clashes
          FROM events.event e
          JOIN facilities.reservation r ON r.space_id = e.venue_space_id
           AND r.status IN ('REQUESTED', 'CONFIRMED')
           AND tstzrange(r.starts_at, r.ends_at) && tstzrange(e.starts_at, e.ends_at)
          WHERE e.status <> 'CANCELLED'`),
      ).toEqual({ clashes: 0 });
      // Nothing happened after the moment the demo was written as of.
      expect(
        await one(
          `SELECT
          (SELECT count(*)::int FROM grants.grant_application
            WHERE submitted_at > $1 OR decided_at > $1 OR paid_at > $1) AS applications_ahead,
          (SELECT count(*)::int FROM grants.grant_application_history WHERE at > $1) AS history_ahead`,
          [fromHelsinkiLocal(local)],
        ),
      ).toEqual({ applications_ahead: 0, history_ahead: 0 });
    } finally {
      await db.end();
      await database.drop();
    }
  });
});
