import type { Connection } from '../../core/data';
import { GrantProgram } from '../program/program.entity';
import { ApplicationRound } from '../round/round.entity';

export type ProgramValues = Partial<
  Pick<
    GrantProgram,
    | 'name'
    | 'kind'
    | 'serviceAreaId'
    | 'description'
    | 'summary'
    | 'eligibility'
    | 'rulesUrl'
    | 'yearlyBudget'
  >
>;

export type RoundValues = Partial<
  Pick<
    ApplicationRound,
    | 'programId'
    | 'year'
    | 'name'
    | 'opensAt'
    | 'closesAt'
    | 'continuous'
    | 'decisionExpectedAt'
    | 'budget'
  >
>;

/** All SQL of keeping grant programs and rounds. */
export class GrantsAdminRepository {
  constructor(private readonly db: Connection) {}

  async insertProgram(values: ProgramValues): Promise<string> {
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(GrantProgram)
      .values(values)
      .returning('id')
      .execute();
    return (result.raw as Array<{ id: string }>)[0].id;
  }

  async updateProgram(id: string, values: ProgramValues): Promise<void> {
    if (Object.keys(values).length === 0) return;
    await this.db
      .createQueryBuilder()
      .update(GrantProgram)
      .set(values)
      .where('id = :id', { id })
      .execute();
  }

  async insertRound(values: RoundValues): Promise<string> {
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(ApplicationRound)
      .values(values)
      .returning('id')
      .execute();
    return (result.raw as Array<{ id: string }>)[0].id;
  }

  /** Writes the change unless an application was submitted meanwhile and the opening moves. */
  async updateRound(id: string, values: RoundValues): Promise<boolean> {
    const q = this.db
      .createQueryBuilder()
      .update(ApplicationRound)
      .set({ ...values, sequence: () => 'sequence + 1' } as never)
      .where('id = :id', { id });
    if (values.opensAt !== undefined) {
      q.andWhere(
        `NOT EXISTS (SELECT 1 FROM grants.grant_application a WHERE a.round_id = :id AND a.status <> 'DRAFT')`,
      );
    }
    return ((await q.execute()).affected ?? 0) > 0;
  }

  /** Whether anyone has submitted an application to the round (drafts do not count). */
  async hasSubmissions(roundId: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM grants.grant_application WHERE round_id = $1 AND status <> 'DRAFT') AS found`,
      [roundId],
    )) as Array<{ found: boolean }>;
    return rows[0].found;
  }
}
