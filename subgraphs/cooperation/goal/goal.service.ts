import { isCityStaff, requireThat } from '../../core/authorization';
import { NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { givenOnly, Validator } from '../../core/validation';
import { expectedVersionOf } from '../../core/versioning';
import type { CooperationLoaders } from '../cooperation.loaders';
import type { CooperationData } from '../cooperation.repositories';
import type { Indicator } from '../indicator/indicator.entity';
import type { WorkingGroup } from '../working-group/working-group.entity';
import type { Goal, GoalMilestone } from './goal.entity';
import type { CreateGoalInput, GoalFields, UpdateGoalInput } from './goal.inputs';
import type { GoalValues } from './goal.repository';

const MAX_MILESTONES = 50;

/** A share 0…1 with four places, as indicators write shares ("0.4500"). */
const asShare = (value: number) => value.toFixed(4);

/**
 * Goals and their progress (issue 32, item 3). A goal with a target on an indicator is as
 * far as the indicator's latest value has come from the baseline towards the target (0 to
 * 1); one without, as far as its milestones are reached; a goal with sub-goals, the
 * weighted mean of theirs (Decidim's accountability results roll up the same way). Public;
 * city staff set goals.
 */
export class GoalService {
  constructor(
    private readonly data: CooperationData,
    private readonly loaders: CooperationLoaders,
    private readonly identity: Identity,
  ) {}

  /** Every goal, each before its sub-goals, with its depth: the yearly report's rows. */
  tree(): Promise<Array<Goal & { depth: number }>> {
    return this.data.repositories.goals.tree();
  }

  byId(id: string): Promise<Goal | null> {
    return this.loaders.goal.load(id);
  }

  children(goal: Goal): Promise<Goal[]> {
    return this.loaders.childrenOfGoal.load(goal.id);
  }

  async parent(goal: Goal): Promise<Goal | null> {
    return goal.parentId ? this.loaders.goal.load(goal.parentId) : null;
  }

  async indicator(goal: Goal): Promise<Indicator | null> {
    return goal.indicatorId ? this.loaders.indicator.load(goal.indicatorId) : null;
  }

  async workingGroup(goal: Goal): Promise<WorkingGroup | null> {
    return goal.workingGroupId ? this.loaders.workingGroup.load(goal.workingGroupId) : null;
  }

  /** The indicator's latest figure up to the year (every year when none is given). */
  async current(goal: Goal, year: number | null): Promise<string | null> {
    if (!goal.indicatorId) return null;
    const values = (await this.loaders.valuesOfIndicator.load(goal.indicatorId))
      .filter((v) => v.value !== null && (year === null || Number(v.period.slice(0, 4)) <= year))
      .sort((a, b) => a.period.localeCompare(b.period));
    return values.at(-1)?.value ?? null;
  }

  /** Progress 0…1 as a four-place share; null when nothing measures it yet. */
  async progress(goal: Goal, year: number | null): Promise<string | null> {
    const value = await this.progressOf(goal, year);
    return value === null ? null : asShare(value);
  }

  private async progressOf(goal: Goal, year: number | null): Promise<number | null> {
    const children = await this.children(goal);
    if (children.length > 0) {
      const parts = await Promise.all(children.map((c) => this.progressOf(c, year)));
      let weighted = 0;
      let weights = 0;
      children.forEach((child, i) => {
        if (parts[i] === null) return;
        weighted += Number(child.weight) * parts[i]!;
        weights += Number(child.weight);
      });
      return weights > 0 ? weighted / weights : null;
    }
    if (goal.indicatorId && goal.baseline !== null && goal.target !== null) {
      const current = await this.current(goal, year);
      if (current === null) return null;
      const span = Number(goal.target) - Number(goal.baseline);
      const done = (Number(current) - Number(goal.baseline)) / span;
      return Math.min(1, Math.max(0, done));
    }
    if (goal.milestones.length > 0) {
      const end = year === null ? null : `${year}-12-31`;
      const reached = goal.milestones.filter(
        (m) => m.reachedOn !== null && (end === null || m.reachedOn <= end),
      ).length;
      return reached / goal.milestones.length;
    }
    return null;
  }

  async create(input: CreateGoalInput): Promise<Goal> {
    this.requireStaff('setting goals');
    const v = new Validator();
    const name = v.localized('input.name', input.name, { max: 200, required: true });
    const parentId = input.parentId ? v.ids('input.parentId', [input.parentId])?.[0] : null;
    const values = this.check(v, input, null);
    v.throwIfInvalid();
    await this.requireReferences(values, parentId ?? null);
    const id = await this.data.repositories.goals.insert({
      ...values,
      name: name!,
      parent_id: parentId ?? null,
    });
    return this.existing(id);
  }

  async update(input: UpdateGoalInput): Promise<Goal> {
    this.requireStaff('changing goals');
    const goal = await this.existing(requireUuid('input.id', input.id));
    const v = new Validator();
    if (input.name === null) v.problem('input.name', 'REQUIRED', 'cannot be cleared');
    const values = this.check(v, input, goal);
    const expected = expectedVersionOf(v, input);
    const name = input.name
      ? v.localized('input.name', input.name, { max: 200, required: true })
      : undefined;
    v.throwIfInvalid();
    await this.requireReferences(values, null);
    await this.data.repositories.goals.update(
      goal.id,
      givenOnly({ ...values, name: name ?? undefined }),
      expected,
    );
    this.loaders.goal.clear(goal.id);
    return this.existing(goal.id);
  }

  private check(v: Validator, input: GoalFields, current: Goal | null): GoalValues {
    const weight = input.weight ?? undefined;
    if (weight !== undefined && !(Number(weight) > 0 && Number(weight) <= 1000)) {
      v.problem('input.weight', 'RANGE', 'must be more than 0 and at most 1000');
    }
    // A target on an indicator needs both ends of its scale, and they must differ.
    const indicatorId = input.indicatorId === undefined ? current?.indicatorId : input.indicatorId;
    const baseline = input.baseline === undefined ? current?.baseline : input.baseline;
    const target = input.target === undefined ? current?.target : input.target;
    if (indicatorId && (baseline == null || target == null)) {
      v.problem('input.target', 'REQUIRED', 'and baseline are needed with an indicator');
    } else if (indicatorId && Number(baseline) === Number(target)) {
      v.problem('input.target', 'RANGE', 'must differ from baseline: progress runs between them');
    }
    let milestones: GoalMilestone[] | undefined;
    if (input.milestones) {
      if (input.milestones.length > MAX_MILESTONES) {
        v.problem('input.milestones', 'MAX_ITEMS', `must list at most ${MAX_MILESTONES}`);
      }
      milestones = input.milestones.slice(0, MAX_MILESTONES).map((m, i) => ({
        title: v.localized(`input.milestones[${i}].title`, m.title, {
          max: 300,
          required: true,
        }) as LocalizedText,
        dueOn: v.date(`input.milestones[${i}].dueOn`, m.dueOn) ?? '',
        reachedOn: v.date(`input.milestones[${i}].reachedOn`, m.reachedOn) ?? null,
      }));
      milestones.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    }
    return givenOnly({
      description: v.localized('input.description', input.description, { max: 4000 }),
      working_group_id:
        input.workingGroupId === undefined
          ? undefined
          : input.workingGroupId &&
            (v.ids('input.workingGroupId', [input.workingGroupId])?.[0] ?? null),
      indicator_id:
        input.indicatorId === undefined
          ? undefined
          : input.indicatorId && (v.ids('input.indicatorId', [input.indicatorId])?.[0] ?? null),
      baseline: input.baseline,
      target: input.target,
      weight: weight ?? undefined,
      milestones,
      position: v.int('input.position', input.position, { min: 0, max: 10_000 }) ?? undefined,
    }) as GoalValues;
  }

  /** Every id a goal names must exist; a goal cannot be its own ancestor. */
  private async requireReferences(values: GoalValues, parentId: string | null): Promise<void> {
    const v = new Validator();
    if (parentId && !(await this.loaders.goal.load(parentId))) {
      v.problem('input.parentId', 'UNKNOWN', `names no goal (${parentId})`);
    }
    if (
      values.working_group_id &&
      !(await this.loaders.workingGroup.load(values.working_group_id))
    ) {
      v.problem(
        'input.workingGroupId',
        'UNKNOWN',
        `names no working group (${values.working_group_id})`,
      );
    }
    if (values.indicator_id && !(await this.loaders.indicator.load(values.indicator_id))) {
      v.problem('input.indicatorId', 'UNKNOWN', `names no indicator (${values.indicator_id})`);
    }
    v.throwIfInvalid();
  }

  private async existing(id: string): Promise<Goal> {
    const goal = await this.loaders.goal.load(id);
    if (!goal) throw new NotFoundError('Goal', id);
    return goal;
  }

  private requireStaff(action: string): void {
    requireThat(this.identity, isCityStaff(this.identity), `${action} (city staff)`);
  }
}
