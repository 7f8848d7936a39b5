import type { Connection } from '../../core/data';
import { ApplicationRound } from './round.entity';

export interface RoundQuery {
  year?: number | null;
  programIds?: string[];
  kinds?: string[] | null;
  serviceAreaIds?: string[];
  /** Rounds overlapping [from, to): for the calendar. */
  overlapping?: { from: Date; to: Date };
}

/** How far each round's applications have got: the round's status depends on it. */
export interface RoundProgress {
  roundId: string;
  pending: number;
  decided: number;
}

/** All SQL about application rounds. */
export class ApplicationRoundRepository {
  constructor(private readonly db: Connection) {}

  roundsByIds(ids: readonly string[]): Promise<ApplicationRound[]> {
    return this.db
      .getRepository(ApplicationRound)
      .createQueryBuilder('r')
      .where('r.id = ANY(:ids)', { ids })
      .getMany();
  }

  ofPrograms(programIds: readonly string[]): Promise<ApplicationRound[]> {
    return this.db
      .getRepository(ApplicationRound)
      .createQueryBuilder('r')
      .where('r.program_id = ANY(:ids)', { ids: programIds })
      .orderBy('r.opens_at', 'DESC')
      .addOrderBy('r.id')
      .getMany();
  }

  /** A city has tens of rounds a year: a plain list, by deadline. */
  list(query: RoundQuery): Promise<ApplicationRound[]> {
    const q = this.db.getRepository(ApplicationRound).createQueryBuilder('r').where('TRUE');
    if (query.year != null) q.andWhere('r.year = :year', { year: query.year });
    if (query.programIds?.length)
      q.andWhere('r.program_id = ANY(:programs)', { programs: query.programIds });
    if (query.kinds?.length || query.serviceAreaIds?.length) {
      q.andWhere(
        `r.program_id IN (SELECT p.id FROM grants.grant_program p
           WHERE (:noKinds OR p.kind = ANY(:kinds)) AND (:noAreas OR p.service_area_id = ANY(:areas)))`,
        {
          noKinds: !query.kinds?.length,
          kinds: query.kinds ?? [],
          noAreas: !query.serviceAreaIds?.length,
          areas: query.serviceAreaIds ?? [],
        },
      );
    }
    if (query.overlapping) {
      q.andWhere('r.closes_at >= :from AND r.opens_at < :to', query.overlapping);
    }
    return q.orderBy('r.closes_at').addOrderBy('r.id').getMany();
  }

  async progress(roundIds: readonly string[]): Promise<RoundProgress[]> {
    const rows: Array<{ round_id: string; pending: number; decided: number }> = await this.db.query(
      `SELECT round_id,
              count(*) FILTER (WHERE status IN ('SUBMITTED','IN_REVIEW'))::int AS pending,
              count(*) FILTER (WHERE status IN ('APPROVED','PARTIALLY_APPROVED','REJECTED','PAID','REPORTED'))::int AS decided
         FROM grants.grant_application WHERE round_id = ANY($1) GROUP BY round_id`,
      [roundIds],
    );
    return rows.map((r) => ({ roundId: r.round_id, pending: r.pending, decided: r.decided }));
  }
}
