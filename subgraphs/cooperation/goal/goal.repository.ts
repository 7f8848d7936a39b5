import type { Connection } from '../../core/data';
import { type ColumnSpec, columnValues, insertSql } from '../../core/sql-writes';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { versionedUpdate } from '../../core/versioning';
import { Goal, type GoalMilestone } from './goal.entity';

/** Columns of cooperation.goal a change may set, by column name. */
export type GoalValues = Partial<{
  parent_id: string | null;
  name: LocalizedText;
  description: LocalizedText | null;
  working_group_id: string | null;
  indicator_id: string | null;
  baseline: string | null;
  target: string | null;
  weight: string;
  milestones: GoalMilestone[];
  position: number;
}>;

const GOAL_COLUMNS: ColumnSpec = { json: new Set(['name', 'description', 'milestones']) };

/** All SQL of goals. */
export class GoalRepository {
  constructor(private readonly db: Connection) {}

  byIds(ids: readonly string[]): Promise<Goal[]> {
    return this.db
      .getRepository(Goal)
      .createQueryBuilder('g')
      .where('g.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** The sub-goals of many goals, each list in its order. */
  childrenOf(ids: readonly string[]): Promise<Goal[]> {
    return this.db
      .getRepository(Goal)
      .createQueryBuilder('g')
      .where('g.parent_id = ANY(:ids)', { ids })
      .orderBy('g.position')
      .addOrderBy(`g.name->>'fi'`)
      .getMany();
  }

  /** Every goal, a tree's order: each goal before its sub-goals, siblings by position. */
  async tree(): Promise<Array<Goal & { depth: number }>> {
    const rows: Array<{ id: string; depth: number }> = await this.db.query(
      `WITH RECURSIVE walk AS (
         SELECT id, 0 AS depth, ARRAY[position::text, name->>'fi', id::text] AS path
           FROM cooperation.goal WHERE parent_id IS NULL
         UNION ALL
         SELECT g.id, w.depth + 1, w.path || ARRAY[g.position::text, g.name->>'fi', g.id::text]
           FROM cooperation.goal g JOIN walk w ON g.parent_id = w.id
       )
       SELECT id, depth FROM walk ORDER BY path`,
    );
    const byId = new Map((await this.byIds(rows.map((r) => r.id))).map((g) => [g.id, g]));
    return rows.map((r) => Object.assign(byId.get(r.id)!, { depth: r.depth }));
  }

  async insert(values: GoalValues): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('cooperation.goal', columnValues(values, GOAL_COLUMNS)),
    );
    return rows[0].id;
  }

  async update(id: string, values: GoalValues, expectedVersion: number | null): Promise<void> {
    await versionedUpdate(
      this.db,
      'cooperation.goal',
      'Goal',
      id,
      columnValues(values, GOAL_COLUMNS),
      expectedVersion,
      { also: ['updated_at = now()'] },
    );
  }
}
