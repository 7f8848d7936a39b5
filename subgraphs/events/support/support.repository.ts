import type { LocalizedText } from '../../core/types/localized-text.type';
import type { SelectQueryBuilder } from 'typeorm';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import { EventSupportPart, EventSupportRequest } from './support.entity';
import { type SupportPartKind, SupportPartStatus, SupportRequestStatus } from './support.enums';

/** Newest first: a worklist shows what came in last at the top. */
const NEWEST_FIRST: KeysetOrder<EventSupportRequest> = {
  name: 'CREATED_AT_DESC',
  direction: 'DESC',
  keys: [
    { sql: 'r.created_at', type: 'timestamp', value: (r) => r.createdAt },
    { sql: 'r.id', type: 'uuid', value: (r) => r.id },
  ],
};

export interface SupportRequestFilter {
  /** null: any association (staff); otherwise only these. */
  associationIds: readonly string[] | null;
  eventIds?: readonly string[];
  status?: SupportRequestStatus | null;
}

export interface NewSupportPart {
  kind: SupportPartKind;
  details: EventSupportPart['details'];
}

/** All SQL of event support requests and their parts. */
export class SupportRepository {
  constructor(private readonly db: Connection) {}

  requestsByIds(ids: readonly string[]): Promise<EventSupportRequest[]> {
    return this.db
      .getRepository(EventSupportRequest)
      .createQueryBuilder('r')
      .where('r.id = ANY(:ids)', { ids })
      .getMany();
  }

  requestsOfEvents(eventIds: readonly string[]): Promise<EventSupportRequest[]> {
    return this.db
      .getRepository(EventSupportRequest)
      .createQueryBuilder('r')
      .where('r.event_id = ANY(:eventIds)', { eventIds })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getMany();
  }

  partsOf(requestIds: readonly string[]): Promise<EventSupportPart[]> {
    return this.db
      .getRepository(EventSupportPart)
      .createQueryBuilder('p')
      .where('p.request_id = ANY(:requestIds)', { requestIds })
      .orderBy('p.request_id')
      .addOrderBy('p.position')
      .getMany();
  }

  page(
    filter: SupportRequestFilter,
    args: PageArgs,
  ): Promise<ConnectionResult<EventSupportRequest>> {
    const q: SelectQueryBuilder<EventSupportRequest> = this.db
      .getRepository(EventSupportRequest)
      .createQueryBuilder('r');
    if (filter.associationIds)
      q.andWhere('r.association_id = ANY(:associationIds)', {
        associationIds: filter.associationIds,
      });
    if (filter.eventIds?.length) q.andWhere('r.event_id = ANY(:eventIds)', filter);
    if (filter.status === SupportRequestStatus.DECIDED) q.andWhere('r.decided_at IS NOT NULL');
    if (filter.status === SupportRequestStatus.IN_PROGRESS) q.andWhere('r.decided_at IS NULL');
    return paginate(q, NEWEST_FIRST, args);
  }

  async insertRequest(
    values: Pick<
      EventSupportRequest,
      'eventId' | 'associationId' | 'requestedBy' | 'message' | 'createdAt'
    >,
    parts: readonly NewSupportPart[],
  ): Promise<{ id: string; partIds: string[] }> {
    const [{ id }] = (await this.db.query(
      `INSERT INTO events.support_request (event_id, association_id, requested_by, message, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [values.eventId, values.associationId, values.requestedBy, values.message, values.createdAt],
    )) as Array<{ id: string }>;
    const rows = (await this.db.query(
      `INSERT INTO events.support_part (request_id, position, kind, status, details, updated_at)
       SELECT $1, p.position, p.kind, 'PENDING', p.details, $2
         FROM jsonb_to_recordset($3::jsonb) AS p(position int, kind text, details jsonb)
       RETURNING id, position`,
      [id, values.createdAt, JSON.stringify(parts.map((p, position) => ({ position, ...p })))],
    )) as Array<{ id: string; position: number }>;
    return { id, partIds: rows.sort((a, b) => a.position - b.position).map((r) => r.id) };
  }

  /** The part, locked until the transaction ends: its moves are made one at a time. */
  async lockPart(id: string): Promise<EventSupportPart | null> {
    return this.db
      .getRepository(EventSupportPart)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
  }

  async movePart(
    id: string,
    status: SupportPartStatus,
    reason: string | null,
    targetId: string | null,
    at: Date,
    name: LocalizedText | null = null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE events.support_part
          SET status = $2, reason = COALESCE($3, reason), target_id = COALESCE($4, target_id),
              name = COALESCE($6, name), updated_at = $5
        WHERE id = $1`,
      [id, status, reason, targetId, at, name && JSON.stringify(name)],
    );
  }

  /**
   * Marks the request decided when none of its parts is open any more; true only the once
   * it does (so the association is told once).
   */
  /** Marks a request cancelled unless it already was; false when it was. */
  async markCancelled(id: string, by: string, at: Date): Promise<boolean> {
    const rows = (await this.db.query(
      returningRows(`UPDATE events.support_request SET cancelled_at = $2, cancelled_by = $3
        WHERE id = $1 AND cancelled_at IS NULL RETURNING id`),
      [id, at, by],
    )) as unknown[];
    return rows.length > 0;
  }

  async markDecidedIfSettled(requestId: string, at: Date): Promise<boolean> {
    const rows = (await this.db.query(
      returningRows(`UPDATE events.support_request r SET decided_at = $2
        WHERE r.id = $1 AND r.decided_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM events.support_part p
                           WHERE p.request_id = r.id AND p.status = ANY($3))
        RETURNING r.id`),
      [requestId, at, [SupportPartStatus.PENDING, SupportPartStatus.REQUESTED]],
    )) as unknown[];
    return rows.length > 0;
  }
}
