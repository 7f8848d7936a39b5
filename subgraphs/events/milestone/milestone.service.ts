import { expectedVersionOf } from '../../core/versioning';
import type { EventsData } from '../events.repositories';
import { isAdmin, isCityStaff, requireThat, worksInServiceArea } from '../../core/authorization';
import { NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { givenOnly, Validator } from '../../core/validation';
import type { Milestone } from './milestone.entity';
import type {
  CreateMilestoneInput,
  MilestoneFields,
  UpdateMilestoneInput,
} from './milestone.inputs';
import { type MilestoneValues } from './milestone.repository';

/**
 * Keeping the milestones of the cooperation year (budget preparation, welfare report work,
 * survey windows): staff of the milestone's service area, or any staff for a city-wide
 * one, as with events; admins always.
 */
export class MilestoneService {
  constructor(
    private readonly data: EventsData,
    private readonly identity: Identity,
  ) {}

  private requireKeeper(serviceAreaId: string | null, action: string): void {
    requireThat(
      this.identity,
      isAdmin(this.identity) ||
        (serviceAreaId
          ? worksInServiceArea(this.identity, serviceAreaId)
          : isCityStaff(this.identity)),
      `${action} (staff of its service area; any staff for a city-wide milestone)`,
    );
  }

  async create(input: CreateMilestoneInput): Promise<Milestone> {
    const v = new Validator();
    const title = v.localized('input.title', input.title, { max: 200, required: true });
    const problemsBefore = v.problems.length;
    const startsOn = v.date('input.startsOn', input.startsOn);
    const endsOn = v.date('input.endsOn', input.endsOn);
    const datesValid = v.problems.length === problemsBefore;
    const serviceAreaId = input.serviceAreaId
      ? v.ids('input.serviceAreaId', [input.serviceAreaId])?.[0]
      : null;
    const fields = this.fields(v, input);
    if (datesValid) this.checkDays(v, startsOn, endsOn);
    v.throwIfInvalid();
    this.requireKeeper(serviceAreaId ?? null, 'adding milestones');
    const id = await this.data.repositories.milestones.insert({
      ...fields,
      title: title!,
      kind: input.kind,
      startsOn: startsOn!,
      endsOn: endsOn!,
      serviceAreaId: serviceAreaId ?? null,
    });
    return this.existing(id);
  }

  async update(input: UpdateMilestoneInput): Promise<Milestone> {
    const milestone = await this.existing(requireUuid('input.id', input.id));
    this.requireKeeper(milestone.serviceAreaId, 'changing a milestone');
    const v = new Validator();
    const values: MilestoneValues = this.fields(v, input);
    if (input.title !== undefined) {
      values.title = v.localized('input.title', input.title, { max: 200, required: true })!;
    }
    for (const field of ['kind', 'startsOn', 'endsOn'] as const) {
      if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
    }
    if (input.kind) values.kind = input.kind;
    const problemsBefore = v.problems.length;
    if (input.startsOn) values.startsOn = v.date('input.startsOn', input.startsOn)!;
    if (input.endsOn) values.endsOn = v.date('input.endsOn', input.endsOn)!;
    if (v.problems.length === problemsBefore) {
      this.checkDays(v, values.startsOn ?? milestone.startsOn, values.endsOn ?? milestone.endsOn);
    }
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.data.edit(
      { table: 'events.milestone', entity: 'Milestone', id: milestone.id, expected },
      (r) => r.milestones.update(milestone.id, values),
    );
    return this.existing(milestone.id);
  }

  async remove(idArg: string): Promise<boolean> {
    const milestone = await this.existing(requireUuid('id', idArg));
    this.requireKeeper(milestone.serviceAreaId, 'removing a milestone');
    return this.data.repositories.milestones.remove(milestone.id);
  }

  private fields(v: Validator, input: MilestoneFields): MilestoneValues {
    return givenOnly({
      description: v.localized('input.description', input.description, { max: 4000 }),
      url: v.url('input.url', input.url),
    });
  }

  private checkDays(
    v: Validator,
    startsOn: string | null | undefined,
    endsOn: string | null | undefined,
  ) {
    // Valid "YYYY-MM-DD" strings compare as the dates they are.
    if (startsOn && endsOn && endsOn < startsOn) {
      v.problem('input.endsOn', 'NOT_BEFORE_START', 'must be the first day or later');
    }
  }

  private async existing(id: string): Promise<Milestone> {
    const milestone = await this.data.repositories.milestones.find(id);
    if (!milestone) throw new NotFoundError('Milestone', id);
    return milestone;
  }
}
