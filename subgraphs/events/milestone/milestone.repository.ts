import type { Connection } from '../../core/data';
import { Milestone } from './milestone.entity';

export type MilestoneValues = Partial<
  Pick<
    Milestone,
    'title' | 'description' | 'kind' | 'startsOn' | 'endsOn' | 'serviceAreaId' | 'url'
  >
>;

/** All SQL of keeping milestones. */
export class MilestoneRepository {
  constructor(private readonly db: Connection) {}

  find(id: string): Promise<Milestone | null> {
    return this.db.getRepository(Milestone).findOneBy({ id });
  }

  async insert(values: MilestoneValues): Promise<string> {
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(Milestone)
      .values(values)
      .returning('id')
      .execute();
    return (result.raw as Array<{ id: string }>)[0].id;
  }

  /** A change raises the iCalendar SEQUENCE, so subscribed calendars replace their copy. */
  async update(id: string, values: MilestoneValues): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(Milestone)
      .set({ ...values, sequence: () => 'sequence + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id', { id })
      .execute();
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.getRepository(Milestone).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
