import { versionedUpdate } from '../../core/versioning';
import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import { type ColumnSpec, columnValues, insertSql, updateSql } from '../../core/sql-writes';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { PlanItem, WorkingGroup, WorkingGroupMember } from './working-group.entity';
import type {
  MemberRole,
  PlanItemStatus,
  PlanStage,
  WorkingGroupTheme,
} from './working-group.enums';

export type GroupValues = Partial<{
  name: LocalizedText;
  description: LocalizedText | null;
  theme: WorkingGroupTheme;
  serviceAreaIds: string[];
}>;

export type MemberValues = Partial<{
  workingGroupId: string;
  name: string;
  role: MemberRole;
  associationId: string | null;
  email: string | null;
  phone: string | null;
  isPublic: boolean;
}>;

export type PlanItemValues = Partial<{
  workingGroupId: string;
  stage: PlanStage;
  text: LocalizedText;
  responsible: string | null;
  dueOn: string | null;
  status: PlanItemStatus;
}>;

const GROUP_COLUMNS: ColumnSpec = {
  columns: {
    name: 'name',
    description: 'description',
    theme: 'theme',
    serviceAreaIds: 'service_area_ids',
  },
  json: new Set(['name', 'description']),
};

const MEMBER_COLUMNS: ColumnSpec = {
  columns: {
    workingGroupId: 'working_group_id',
    name: 'name',
    role: 'role',
    associationId: 'association_id',
    email: 'email',
    phone: 'phone',
    isPublic: 'is_public',
  },
};

const PLAN_COLUMNS: ColumnSpec = {
  columns: {
    workingGroupId: 'working_group_id',
    stage: 'stage',
    text: 'text',
    responsible: 'responsible',
    dueOn: 'due_on',
    status: 'status',
  },
  json: new Set(['text']),
};

/** All SQL of working groups, their members and their plans. */
export class WorkingGroupRepository {
  constructor(private readonly db: Connection) {}

  byIds(ids: readonly string[]): Promise<WorkingGroup[]> {
    return this.db
      .getRepository(WorkingGroup)
      .createQueryBuilder('g')
      .where('g.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** In Finnish name order; an area's list includes the city-wide groups. */
  list(filter: { themes?: WorkingGroupTheme[]; serviceAreaId?: string }): Promise<WorkingGroup[]> {
    const q = this.db.getRepository(WorkingGroup).createQueryBuilder('g').where('TRUE');
    if (filter.themes?.length) q.andWhere('g.theme = ANY(:themes)', { themes: filter.themes });
    if (filter.serviceAreaId) {
      q.andWhere(`(g.service_area_ids = '{}' OR :area = ANY(g.service_area_ids))`, {
        area: filter.serviceAreaId,
      });
    }
    return q.orderBy(`g.name->>'fi'`).addOrderBy('g.id').getMany();
  }

  async insertGroup(values: GroupValues): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('cooperation.working_group', columnValues(values, GROUP_COLUMNS)),
    );
    return rows[0].id;
  }

  async updateGroup(
    id: string,
    values: GroupValues,
    expectedVersion: number | null,
  ): Promise<void> {
    await versionedUpdate(
      this.db,
      'cooperation.working_group',
      'WorkingGroup',
      id,
      columnValues(values, GROUP_COLUMNS),
      expectedVersion,
      { also: ['updated_at = now()'] },
    );
  }

  /** Removes a group with its members and plan (the database cascades). */
  async removeGroup(id: string): Promise<boolean> {
    return this.remove('working_group', id);
  }

  membersByIds(ids: readonly string[]): Promise<WorkingGroupMember[]> {
    return this.db
      .getRepository(WorkingGroupMember)
      .createQueryBuilder('m')
      .where('m.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** Chairs first, then by role, then in the order they joined. */
  membersOf(groupIds: readonly string[]): Promise<WorkingGroupMember[]> {
    return this.db
      .getRepository(WorkingGroupMember)
      .createQueryBuilder('m')
      .where('m.working_group_id = ANY(:groupIds)', { groupIds })
      .orderBy(`array_position(ARRAY['CHAIR','VICE_CHAIR','SECRETARY','MEMBER'], m.role)`)
      .addOrderBy('m.created_at')
      .addOrderBy('m.id')
      .getMany();
  }

  async insertMember(values: MemberValues): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('cooperation.working_group_member', columnValues(values, MEMBER_COLUMNS)),
    );
    return rows[0].id;
  }

  async updateMember(id: string, values: MemberValues): Promise<void> {
    await this.db.query(
      ...updateSql('cooperation.working_group_member', id, columnValues(values, MEMBER_COLUMNS)),
    );
  }

  removeMember(id: string): Promise<boolean> {
    return this.remove('working_group_member', id);
  }

  planItemsByIds(ids: readonly string[]): Promise<PlanItem[]> {
    return this.db
      .getRepository(PlanItem)
      .createQueryBuilder('p')
      .where('p.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** In the working method's order (current state, goal, change, action), then by due date. */
  planOf(groupIds: readonly string[]): Promise<PlanItem[]> {
    return this.db
      .getRepository(PlanItem)
      .createQueryBuilder('p')
      .where('p.working_group_id = ANY(:groupIds)', { groupIds })
      .orderBy(`array_position(ARRAY['CURRENT_STATE','GOAL','CHANGE','ACTION'], p.stage)`)
      .addOrderBy('p.due_on', 'ASC', 'NULLS LAST')
      .addOrderBy('p.created_at')
      .addOrderBy('p.id')
      .getMany();
  }

  /**
   * Plan items due within [from, to) (dates "YYYY-MM-DD"), by due date: of the groups of a
   * service area and the city-wide ones, or of every group.
   */
  planDueBetween(from: string, to: string, serviceAreaId: string | null): Promise<PlanItem[]> {
    const q = this.db
      .getRepository(PlanItem)
      .createQueryBuilder('p')
      .innerJoin(WorkingGroup, 'g', 'g.id = p.working_group_id')
      .where('p.due_on >= :from AND p.due_on < :to', { from, to });
    if (serviceAreaId) {
      q.andWhere(`(g.service_area_ids = '{}' OR :area = ANY(g.service_area_ids))`, {
        area: serviceAreaId,
      });
    }
    return q.orderBy('p.due_on').addOrderBy('p.id').getMany();
  }

  async insertPlanItem(values: PlanItemValues): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('cooperation.plan_item', columnValues(values, PLAN_COLUMNS)),
    );
    return rows[0].id;
  }

  async updatePlanItem(id: string, values: PlanItemValues): Promise<void> {
    await this.db.query(
      ...updateSql('cooperation.plan_item', id, columnValues(values, PLAN_COLUMNS), {
        also: ['updated_at = now()'],
      }),
    );
  }

  removePlanItem(id: string): Promise<boolean> {
    return this.remove('plan_item', id);
  }

  private async remove(table: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      returningRows(`DELETE FROM cooperation.${table} WHERE id = $1 RETURNING id`),
      [id],
    );
    return rows.length > 0;
  }
}
