import type { DataSource, EntityManager } from 'typeorm';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { returningRows } from '../../core/database';
import { EquipmentItem, EquipmentReservation } from './equipment.entity';

const ITEMS_BY_NAME: KeysetOrder<EquipmentItem> = {
  name: 'NAME',
  direction: 'ASC',
  keys: [
    { sql: 'e.name_sort', type: 'text', value: (e) => e.name.fi ?? '' },
    { sql: 'e.id', type: 'uuid', value: (e) => e.id },
  ],
};

export interface Commitment {
  itemId: string;
  quantity: number;
  start: number;
  end: number;
}

/** The most of an item in use at any one moment of [from, to), given its commitments. */
export function peakUse(commitments: readonly Commitment[], from: number, to: number): number {
  const edges = commitments
    .filter((c) => c.end > from && c.start < to)
    .flatMap((c) => [
      { at: Math.max(c.start, from), delta: c.quantity },
      { at: Math.min(c.end, to), delta: -c.quantity },
    ])
    // Returns before pick-ups at the same moment: back-to-back loans share the items.
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let use = 0;
  let peak = 0;
  for (const edge of edges) {
    use += edge.delta;
    peak = Math.max(peak, use);
  }
  return peak;
}

/** All SQL about lendable equipment. */
export class EquipmentRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  itemsByIds(ids: readonly string[]): Promise<EquipmentItem[]> {
    return this.db
      .getRepository(EquipmentItem)
      .createQueryBuilder('e')
      .where('e.id = ANY(:ids)', { ids })
      .getMany();
  }

  reservationsByIds(ids: readonly string[]): Promise<EquipmentReservation[]> {
    return this.db
      .getRepository(EquipmentReservation)
      .createQueryBuilder('r')
      .where('r.id = ANY(:ids)', { ids })
      .getMany();
  }

  items(
    filter: { serviceAreaIds?: string[]; search?: string | null },
    args: PageArgs,
  ): Promise<ConnectionResult<EquipmentItem>> {
    const q = this.db.getRepository(EquipmentItem).createQueryBuilder('e').where('TRUE');
    if (filter.serviceAreaIds?.length)
      q.andWhere('e.service_area_id = ANY(:areas)', { areas: filter.serviceAreaIds });
    if (filter.search) {
      q.andWhere(`EXISTS (SELECT 1 FROM jsonb_each_text(e.name) n WHERE n.value ILIKE :search)`, {
        search: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    return paginate(q, ITEMS_BY_NAME, args);
  }

  /** Loans of many associations ending after `from`, soonest first, in one statement. */
  reservationsOfAssociations(
    associationIds: readonly string[],
    from: Date,
  ): Promise<EquipmentReservation[]> {
    return this.db
      .getRepository(EquipmentReservation)
      .createQueryBuilder('r')
      .where('r.association_id = ANY(:ids)', { ids: associationIds })
      .andWhere('r.ends_at > :from', { from })
      .orderBy('r.starts_at')
      .addOrderBy('r.id')
      .getMany();
  }

  /** Active (requested or confirmed) loans of many items overlapping [from, to), in one statement. */
  async commitments(itemIds: readonly string[], from: Date, to: Date): Promise<Commitment[]> {
    const rows: Array<{ item_id: string; quantity: number; starts_at: Date; ends_at: Date }> =
      await this.db.query(
        `SELECT item_id, quantity, starts_at, ends_at FROM facilities.equipment_reservation
        WHERE item_id = ANY($1) AND status IN ('REQUESTED','CONFIRMED') AND during && tstzrange($2, $3)`,
        [itemIds, from, to],
      );
    return rows.map((r) => ({
      itemId: r.item_id,
      quantity: r.quantity,
      start: r.starts_at.getTime(),
      end: r.ends_at.getTime(),
    }));
  }

  /** Locks the item row: requests for one item queue here, so two cannot both take the last one. */
  async lockItem(id: string): Promise<EquipmentItem | null> {
    const rows: Array<{ id: string; quantity: number }> = await this.db.query(
      `SELECT id, quantity FROM facilities.equipment_item WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? ((await this.itemsByIds([id]))[0] ?? null) : null;
  }

  async insertReservation(values: {
    itemId: string;
    associationId: string;
    requestedBy: string;
    quantity: number;
    startsAt: Date;
    endsAt: Date;
    purpose: string;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO facilities.equipment_reservation (item_id, association_id, requested_by, quantity, starts_at, ends_at, purpose)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        values.itemId,
        values.associationId,
        values.requestedBy,
        values.quantity,
        values.startsAt,
        values.endsAt,
        values.purpose,
      ],
    );
    return rows[0].id;
  }

  async transition(id: string, from: readonly string[], to: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      returningRows(
        `UPDATE facilities.equipment_reservation SET status = $3, updated_at = now() WHERE id = $1 AND status = ANY($2) RETURNING id`,
      ),
      [id, from, to],
    );
    return rows.length > 0;
  }
}
