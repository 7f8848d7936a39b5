import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Rows for grants tests, written with plain SQL; a test states only what matters to it. */
let sequence = 0;
const next = () => ++sequence;
const DAY = 86_400_000;

export async function makeProgram(
  db: DataSource,
  row: { kind?: string; serviceAreaId?: string | null; name?: string } = {},
): Promise<string> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO grants.grant_program (name, kind, service_area_id) VALUES ($1, $2, $3) RETURNING id`,
    [
      JSON.stringify({ fi: row.name ?? `Avustus ${next()}` }),
      row.kind ?? 'PROJECT',
      row.serviceAreaId ?? null,
    ],
  );
  return rows[0].id;
}

/** A round; open now unless `open` is false (then it closed yesterday) or dates are given. */
export async function makeRound(
  db: DataSource,
  programId: string,
  row: { year?: number; open?: boolean; opensAt?: Date; closesAt?: Date } = {},
): Promise<string> {
  const now = Date.now();
  const opensAt = row.opensAt ?? new Date(now - 30 * DAY);
  const closesAt = row.closesAt ?? new Date(row.open === false ? now - DAY : now + 30 * DAY);
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO grants.application_round (program_id, year, opens_at, closes_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [programId, row.year ?? new Date().getUTCFullYear(), opensAt, closesAt],
  );
  return rows[0].id;
}

export interface ApplicationRow {
  associationId?: string;
  status?: string;
  requested?: string;
  awarded?: string | null;
  outcome?: string | null;
  decidedAt?: Date;
  title?: string;
}

/** An application put straight into a status, as if it had got there by its transitions. */
export async function makeApplication(
  db: DataSource,
  roundId: string,
  row: ApplicationRow = {},
): Promise<string> {
  const status = row.status ?? 'DRAFT';
  const decided = ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'PAID', 'REPORTED'].includes(
    status,
  );
  const outcome =
    row.outcome ?? (decided ? (status === 'REJECTED' ? 'REJECTED' : 'APPROVED') : null);
  const awarded =
    row.awarded !== undefined
      ? row.awarded
      : decided
        ? outcome === 'REJECTED'
          ? '0.00'
          : (row.requested ?? '1000.00')
        : null;
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO grants.grant_application (round_id, association_id, created_by, title, requested_amount, status,
        awarded_amount, decision_outcome, decided_at)
     VALUES ($1, $2, 'test', $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      roundId,
      row.associationId ?? randomUUID(),
      row.title ?? `Hakemus ${next()}`,
      row.requested ?? '1000.00',
      status,
      awarded,
      outcome,
      decided ? (row.decidedAt ?? new Date()) : null,
    ],
  );
  return rows[0].id;
}
