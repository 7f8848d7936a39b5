import type { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../../core/database';
import { BookingSeason, SeasonApplication } from './season.entity';

export interface NewSeasonApplication {
  seasonId: string;
  associationId: string;
  appliedBy: string;
  purpose: string;
  attendees: number | null;
  weekday: number;
  startTime: string;
  endTime: string;
  spaceIds: string[];
}

/** All SQL about booking seasons and applications for them. */
export class SeasonRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  seasonsByIds(ids: readonly string[]): Promise<BookingSeason[]> {
    return this.db
      .getRepository(BookingSeason)
      .createQueryBuilder('b')
      .where('b.id = ANY(:ids)', { ids })
      .getMany();
  }

  /**
   * Seasons touching a year (an autumn season of 2027 and a spring season running into it),
   * by their slots or by their application window: a season starting in January is applied
   * for in December, and the December calendar must show that window.
   */
  seasonsOfYear(year: number | null): Promise<BookingSeason[]> {
    const q = this.db.getRepository(BookingSeason).createQueryBuilder('b');
    if (year !== null) {
      q.where(
        `(b.starts_on <= make_date(:year, 12, 31) AND b.ends_on >= make_date(:year, 1, 1))
         OR (b.applications_open_at < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, 'Europe/Helsinki')
             AND b.applications_close_at >= make_timestamptz(:year, 1, 1, 0, 0, 0, 'Europe/Helsinki'))`,
        { year },
      );
    }
    // Same start: by Finnish name, so a calendar reads the same every time.
    return q
      .orderBy('b.starts_on')
      .addOrderBy(`(b.name->>'fi') COLLATE "fi-FI-x-icu"`, 'ASC')
      .addOrderBy('b.id')
      .getMany();
  }

  applicationsByIds(ids: readonly string[]): Promise<SeasonApplication[]> {
    return this.db
      .getRepository(SeasonApplication)
      .createQueryBuilder('a')
      .where('a.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** A season's applications, optionally only some associations'. */
  applications(seasonId: string, associationIds: string[] | null): Promise<SeasonApplication[]> {
    const q = this.db
      .getRepository(SeasonApplication)
      .createQueryBuilder('a')
      .where('a.season_id = :seasonId', { seasonId });
    if (associationIds) q.andWhere('a.association_id = ANY(:ids)', { ids: associationIds });
    return q.orderBy('a.weekday').addOrderBy('a.starts_at_local').addOrderBy('a.id').getMany();
  }

  applicationsOfAssociations(associationIds: readonly string[]): Promise<SeasonApplication[]> {
    return this.db
      .getRepository(SeasonApplication)
      .createQueryBuilder('a')
      .where('a.association_id = ANY(:ids)', { ids: associationIds })
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id')
      .getMany();
  }

  async insertApplication(values: NewSeasonApplication): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO facilities.season_application
         (season_id, association_id, applied_by, purpose, attendees, weekday, starts_at_local, ends_at_local, space_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        values.seasonId,
        values.associationId,
        values.appliedBy,
        values.purpose,
        values.attendees,
        values.weekday,
        values.startTime,
        values.endTime,
        values.spaceIds,
      ],
    );
    return rows[0].id;
  }

  /** Moves a SUBMITTED application on; false when someone else already did. */
  async decide(
    id: string,
    status: 'ALLOCATED' | 'DECLINED',
    spaceId: string | null,
    note: string | null,
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      returningRows(`UPDATE facilities.season_application
          SET status = $2, allocated_space_id = $3, decision_note = $4, updated_at = now()
        WHERE id = $1 AND status = 'SUBMITTED' RETURNING id`),
      [id, status, spaceId, note],
    );
    return rows.length > 0;
  }

  reservationIdsOf(applicationId: string): Promise<Array<{ id: string }>> {
    return this.db.query(
      `SELECT id FROM facilities.reservation WHERE season_application_id = $1 ORDER BY starts_at`,
      [applicationId],
    );
  }
}
