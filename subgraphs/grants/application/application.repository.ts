import type { DataSource, EntityManager } from 'typeorm';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { returningRows } from '../../core/database';
import { GrantApplication, type Attachment } from './application.entity';
import type { GrantApplicationStatus } from './application.enums';
import type { HistoryRow, LineRow } from './application.types';

const NEWEST_FIRST: KeysetOrder<GrantApplication> = {
  name: 'CREATED_AT_DESC',
  direction: 'DESC',
  keys: [
    { sql: 'a.created_at', type: 'timestamp', value: (a) => a.createdAt },
    { sql: 'a.id', type: 'uuid', value: (a) => a.id },
  ],
};

export interface ApplicationQuery {
  associationIds?: string[];
  roundIds?: string[];
  programIds?: string[];
  statuses?: GrantApplicationStatus[] | null;
  year?: number | null;
}

export interface ApplicationValues {
  title?: string;
  purpose?: string | null;
  requestedAmount?: string;
  attachments?: Attachment[];
}

/** All SQL about grant applications, their budget lines and history. */
export class GrantApplicationRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  applicationsByIds(ids: readonly string[]): Promise<GrantApplication[]> {
    return this.db
      .getRepository(GrantApplication)
      .createQueryBuilder('a')
      .where('a.id = ANY(:ids)', { ids })
      .getMany();
  }

  page(query: ApplicationQuery, args: PageArgs): Promise<ConnectionResult<GrantApplication>> {
    const q = this.db.getRepository(GrantApplication).createQueryBuilder('a').where('TRUE');
    if (query.associationIds)
      q.andWhere('a.association_id = ANY(:associations)', { associations: query.associationIds });
    if (query.roundIds?.length) q.andWhere('a.round_id = ANY(:rounds)', { rounds: query.roundIds });
    if (query.statuses?.length)
      q.andWhere('a.status = ANY(:statuses)', { statuses: query.statuses });
    if (query.programIds?.length || query.year != null) {
      q.andWhere(
        `a.round_id IN (SELECT r.id FROM grants.application_round r
           WHERE (:noPrograms OR r.program_id = ANY(:programs)) AND (:noYear OR r.year = :year))`,
        {
          noPrograms: !query.programIds?.length,
          programs: query.programIds ?? [],
          noYear: query.year == null,
          year: query.year ?? 0,
        },
      );
    }
    return paginate(q, NEWEST_FIRST, args);
  }

  async insert(values: {
    roundId: string;
    associationId: string;
    createdBy: string;
    title: string;
    purpose: string | null;
    requestedAmount: string;
    attachments: Attachment[];
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO grants.grant_application (round_id, association_id, created_by, title, purpose, requested_amount, attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        values.roundId,
        values.associationId,
        values.createdBy,
        values.title,
        values.purpose,
        values.requestedAmount,
        JSON.stringify(values.attachments),
      ],
    );
    return rows[0].id;
  }

  /** Changes a draft; false when it is no longer a draft (someone submitted it meanwhile). */
  /** The application's version, its row locked until the transaction ends; null when gone. */
  async lockedVersion(id: string): Promise<number | null> {
    const rows: Array<{ version: number }> = await this.db.query(
      'SELECT version FROM grants.grant_application WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0]?.version ?? null;
  }

  async updateDraft(id: string, values: ApplicationValues): Promise<boolean> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const add = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (values.title !== undefined) add('title', values.title);
    if (values.purpose !== undefined) add('purpose', values.purpose);
    if (values.requestedAmount !== undefined) add('requested_amount', values.requestedAmount);
    if (values.attachments !== undefined) add('attachments', JSON.stringify(values.attachments));
    const rows: unknown[] = await this.db.query(
      returningRows(
        `UPDATE grants.grant_application SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
          WHERE id = $1 AND status = 'DRAFT' RETURNING id`,
      ),
      params,
    );
    return rows.length > 0;
  }

  async replaceLines(
    applicationId: string,
    lines: ReadonlyArray<Omit<LineRow, 'applicationId'>>,
  ): Promise<void> {
    await this.db.query('DELETE FROM grants.grant_application_line WHERE application_id = $1', [
      applicationId,
    ]);
    for (const [position, line] of lines.entries()) {
      await this.db.query(
        `INSERT INTO grants.grant_application_line (application_id, position, kind, label, amount) VALUES ($1, $2, $3, $4, $5)`,
        [applicationId, position, line.kind, line.label, line.amount],
      );
    }
  }

  /**
   * Moves an application from exactly `from` to `to` with the given values, and records the
   * step in its history, in one statement: two people moving it at once cannot both win.
   */
  async transition(
    id: string,
    from: GrantApplicationStatus,
    to: GrantApplicationStatus,
    step: { actor: string; actorRole: string; note: string | null },
    values: {
      awardedAmount?: string;
      decisionBody?: string | null;
      decisionNote?: string | null;
      usageReport?: string;
      decided?: boolean;
      submitted?: boolean;
      paid?: boolean;
    } = {},
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH moved AS (
         UPDATE grants.grant_application SET
           status = $3,
           awarded_amount = COALESCE($4::numeric, awarded_amount),
           decision_body = CASE WHEN $9 THEN $5 ELSE decision_body END,
           decision_note = CASE WHEN $9 THEN $6 ELSE decision_note END,
           decided_at = CASE WHEN $9 THEN now() ELSE decided_at END,
           decision_outcome = CASE WHEN $9 THEN $3 ELSE decision_outcome END,
           usage_report = COALESCE($7, usage_report),
           submitted_at = CASE WHEN $10 THEN now() ELSE submitted_at END,
           paid_at = CASE WHEN $11 THEN now() ELSE paid_at END,
           updated_at = now()
         WHERE id = $1 AND status = $2 RETURNING id)
       INSERT INTO grants.grant_application_history (application_id, from_status, to_status, actor, actor_role, note)
       SELECT id, $2, $3, $8, $12, $13 FROM moved RETURNING application_id`,
      [
        id,
        from,
        to,
        values.awardedAmount ?? null,
        values.decisionBody ?? null,
        values.decisionNote ?? null,
        values.usageReport ?? null,
        step.actor,
        values.decided ?? false,
        values.submitted ?? false,
        values.paid ?? false,
        step.actorRole,
        step.note,
      ],
    );
    return rows.length > 0;
  }

  async recordStart(applicationId: string, actor: string, actorRole: string): Promise<void> {
    await this.db.query(
      `INSERT INTO grants.grant_application_history (application_id, from_status, to_status, actor, actor_role)
       VALUES ($1, NULL, 'DRAFT', $2, $3)`,
      [applicationId, actor, actorRole],
    );
  }

  async historyOf(applicationIds: readonly string[]): Promise<HistoryRow[]> {
    const rows: Array<{
      application_id: string;
      from_status: GrantApplicationStatus | null;
      to_status: GrantApplicationStatus;
      actor_role: string;
      at: Date;
      note: string | null;
    }> = await this.db.query(
      `SELECT application_id, from_status, to_status, actor_role, at, note FROM grants.grant_application_history
          WHERE application_id = ANY($1) ORDER BY id`,
      [applicationIds],
    );
    return rows.map((r) => ({
      applicationId: r.application_id,
      from: r.from_status,
      to: r.to_status,
      actorRole: r.actor_role,
      at: r.at,
      note: r.note,
    }));
  }

  async linesOf(applicationIds: readonly string[]): Promise<LineRow[]> {
    const rows: Array<{
      application_id: string;
      kind: LineRow['kind'];
      label: string;
      amount: string;
    }> = await this.db.query(
      `SELECT application_id, kind, label, amount FROM grants.grant_application_line
        WHERE application_id = ANY($1) ORDER BY application_id, position`,
      [applicationIds],
    );
    return rows.map((r) => ({
      applicationId: r.application_id,
      kind: r.kind,
      label: r.label,
      amount: r.amount,
    }));
  }
}
