import { expectedVersionOf } from '../../core/versioning';
import type { AssociationsData } from '../associations.repositories';
import { NotFoundError } from '../../core/errors';
import { requireUuid } from '../../core/ids';
import { givenOnly, Validator } from '../../core/validation';
import type { Association } from '../association/association.entity';
import type { AssociationService } from '../association/association.service';
import type { AssociationLoaders } from '../associations.loaders';
import type { Activity } from './activity.entity';
import type {
  ActivitiesArgs,
  ActivityFields,
  AddActivityInput,
  UpdateActivityInput,
} from './activity.inputs';
import type { ConnectionResult } from '../../core/connection';
import { MAX_SEARCH_WORDS, searchWords } from '../association/association.search';

type ActivityValues = Partial<Omit<Activity, 'id' | 'associationId' | 'createdAt' | 'updatedAt'>>;

/** Activities: public to read; an association's representatives and staff keep them. */
export class ActivityService {
  constructor(
    private readonly data: AssociationsData,
    private readonly loaders: AssociationLoaders,
    private readonly associations: AssociationService,
  ) {}

  /** What associations run, across the directory: public, like the associations. */
  list(args: ActivitiesArgs): Promise<ConnectionResult<Activity>> {
    const filter = args.filter ?? {};
    const v = new Validator();
    v.text('filter.search', filter.search, { max: 200 });
    const words = filter.search ? searchWords(filter.search) : [];
    if (words.length > MAX_SEARCH_WORDS) {
      v.problem('filter.search', 'MAX_WORDS', `must have at most ${MAX_SEARCH_WORDS} words`);
    }
    const languages = v.languageCodes('filter.languages', filter.languages);
    const associationIds = v.ids('filter.associationIds', filter.associationIds);
    filter.municipalityCodes?.forEach((code, i) =>
      v.municipalityCode(`filter.municipalityCodes[${i}]`, code),
    );
    v.throwIfInvalid();
    return this.data.repositories.activities.page(
      {
        words,
        targetGroups: filter.targetGroups ?? undefined,
        languages: languages ?? undefined,
        freeOnly: filter.freeOnly ?? false,
        associationIds: associationIds ?? undefined,
        municipalityCodes: filter.municipalityCodes ?? undefined,
      },
      args,
    );
  }

  /** The association an activity belongs to (batched). */
  association(activity: Activity): Promise<Association | null> {
    return this.loaders.association.load(activity.associationId);
  }

  ofAssociation(associationId: string): Promise<Activity[]> {
    return this.loaders.activitiesOfAssociation.load(associationId);
  }

  async add(input: AddActivityInput): Promise<Activity> {
    const associationId = requireUuid('input.associationId', input.associationId);
    this.associations.requireProfileRights(associationId, `adding activities to ${associationId}`);
    const v = new Validator();
    const name = v.localized('input.name', input.name, { max: 200, required: true });
    const values = this.checkFields(v, input);
    v.throwIfInvalid();
    await this.associations.existing(associationId);
    const id = await this.associations.changePart(associationId, ({ activities }) =>
      activities.insert({
        associationId,
        name: name!,
        ...values,
      }),
    );
    return this.found(id);
  }

  async update(input: UpdateActivityInput): Promise<Activity> {
    const activity = await this.found(requireUuid('input.id', input.id));
    this.associations.requireProfileRights(
      activity.associationId,
      `changing activities of ${activity.associationId}`,
    );
    const v = new Validator();
    if (input.name === null) v.problem('input.name', 'REQUIRED', 'cannot be cleared');
    const values: ActivityValues = this.checkFields(v, input);
    if (input.name) {
      values.name = v.localized('input.name', input.name, { max: 200, required: true })!;
    }
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.associations.changePart(activity.associationId, async ({ activities }) => {
      await activities.lockVersion(activity.id, expected);
      await activities.update(activity.id, values);
    });
    return this.found(activity.id);
  }

  async remove(idArg: string): Promise<Association> {
    const activity = await this.found(requireUuid('id', idArg));
    this.associations.requireProfileRights(
      activity.associationId,
      `removing activities of ${activity.associationId}`,
    );
    await this.associations.changePart(activity.associationId, ({ activities }) =>
      activities.delete(activity.id),
    );
    return this.associations.fresh(activity.associationId);
  }

  private async found(id: string): Promise<Activity> {
    const activity = await this.data.repositories.activities.findById(id);
    if (!activity) throw new NotFoundError('Activity', id);
    return activity;
  }

  private checkFields(v: Validator, input: ActivityFields): ActivityValues {
    return givenOnly({
      description: v.localized('input.description', input.description, { max: 5000 }),
      targetGroups:
        input.targetGroups === undefined ? undefined : [...new Set(input.targetGroups ?? [])],
      languages: v.languageCodes('input.languages', input.languages),
      isFree: input.isFree ?? undefined,
      location: v.text('input.location', input.location, { max: 300 }),
      schedule: v.text('input.schedule', input.schedule, { max: 300 }),
      url: v.url('input.url', input.url),
    });
  }
}
