import { expectedVersionOf, staleVersion } from '../../core/versioning';
import { isCityStaff, requireThat } from '../../core/authorization';
import { pgErrorCode, PgErrorCode } from '../../core/database';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import { localizedTerms, searchWordTerms } from '../../core/finnish/search-terms';
import type { LocalizedText } from '../../core/types/localized-text.type';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { givenOnly, Validator } from '../../core/validation';
import type { CooperationData } from '../cooperation.repositories';
import type { CooperationLoaders } from '../cooperation.loaders';
import type { Guide, GuideVersion } from './guide.entity';
import { GuideAudience, type GuideKind } from './guide.enums';
import type { CreateGuideInput, UpdateGuideInput } from './guide.inputs';
import type { WorkingGroup } from '../working-group/working-group.entity';
import { keepsWorkingGroup } from '../working-group/working-group.service';
import type { GuideValues } from './guide.repository';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A guide's search terms, written with its text (core/finnish/search-terms). */
function termsOf(title: LocalizedText, body: LocalizedText): GuideValues {
  const { searchTerms, searchTermsBy } = localizedTerms([title, body]);
  return { search_terms: searchTerms, search_terms_by: searchTermsBy };
}
const MAX_BODY = 100_000;

/**
 * The cooperation handbook (Yhdistysyhteistyön opas): public texts that city staff keep.
 * Every change of title or text is a new version and the earlier ones stay readable; a
 * change made on an outdated version is refused rather than overwriting a colleague's.
 */
export class GuideService {
  constructor(
    private readonly data: CooperationData,
    private readonly loaders: CooperationLoaders,
    private readonly identity: Identity,
  ) {}

  bySlug(slug: string): Promise<Guide | null> {
    return this.data.repositories.guides.bySlug(slug.trim().toLowerCase());
  }

  reference(id: string): Promise<Guide | null> {
    return this.loaders.guide.load(id);
  }

  /** A reference from another subgraph, by id or by slug (a space page's "tilaopas"). */
  referenceBySlug(slug: string): Promise<Guide | null> {
    return this.loaders.guideBySlug.load(slug);
  }

  list(
    kinds: GuideKind[] | null,
    audiences: GuideAudience[] | null,
    search: string | null = null,
  ): Promise<Guide[]> {
    const words = search?.trim() ?? '';
    if (words.length > 200) {
      throw BadUserInputError.single('search', 'MAX_LENGTH', 'must be at most 200 characters');
    }
    return this.data.repositories.guides.list({
      kinds: kinds ?? undefined,
      audiences: audiences ?? undefined,
      searchTerms: words ? searchWordTerms(words) : undefined,
    });
  }

  versions(guide: Guide): Promise<GuideVersion[]> {
    return this.loaders.versionsOfGuide.load(guide.id);
  }

  async create(input: CreateGuideInput): Promise<Guide> {
    this.requireEditor('writing the handbook');
    const v = new Validator();
    const values = this.check(v, input, true);
    v.throwIfInvalid();
    await this.requireWorkingGroup(values.working_group_id);
    await this.requireOwner(values.working_group_id ?? null, 'writing a guide for a working group');
    const id = await this.data
      .transaction(({ guides }) =>
        guides.insert({
          ...values,
          kind: input.kind,
          audience: input.audience ?? GuideAudience.EVERYONE,
          position: values.position ?? 0,
          ...termsOf(values.title!, values.body!),
        }),
      )
      .catch((error: unknown) => this.slugTaken(error, values.slug!));
    return this.existing(id);
  }

  async update(input: UpdateGuideInput): Promise<Guide> {
    this.requireEditor('changing the handbook');
    const guide = await this.existing(requireUuid('input.id', input.id));
    await this.requireOwner(guide.workingGroupId, 'changing a guide its working group keeps');
    const v = new Validator();
    for (const field of ['slug', 'kind', 'audience', 'title', 'body', 'position'] as const) {
      if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
    }
    const values = this.check(v, input, false);
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.requireWorkingGroup(values.working_group_id);
    if (values.working_group_id) {
      await this.requireOwner(values.working_group_id, 'handing a guide to a working group');
    }
    // Only a new title or text is a new version; moving it in the contents is not.
    const newVersion =
      (values.title !== undefined &&
        JSON.stringify(values.title) !== JSON.stringify(guide.title)) ||
      (values.body !== undefined && JSON.stringify(values.body) !== JSON.stringify(guide.body));
    await this.data
      .transaction(async ({ guides }) => {
        const current = await guides.lockedVersion(guide.id);
        if (current === null) throw new NotFoundError('Guide', guide.id);
        if (expected !== null && expected !== current) {
          throw staleVersion('Guide', guide.id, expected, current);
        }
        await guides.update(
          guide.id,
          newVersion
            ? { ...values, ...termsOf(values.title ?? guide.title, values.body ?? guide.body) }
            : values,
          newVersion,
        );
      })
      .catch((error: unknown) => this.slugTaken(error, values.slug ?? guide.slug));
    return this.existing(guide.id);
  }

  async remove(idArg: string): Promise<boolean> {
    this.requireEditor('removing a guide');
    const guide = await this.existing(requireUuid('id', idArg));
    await this.requireOwner(guide.workingGroupId, 'removing a guide its working group keeps');
    return this.data.repositories.guides.remove(guide.id);
  }

  private check(
    v: Validator,
    input: CreateGuideInput | UpdateGuideInput,
    required: boolean,
  ): GuideValues {
    let slug: string | undefined;
    if (input.slug != null) {
      slug = input.slug.trim().toLowerCase();
      if (!SLUG.test(slug) || slug.length > 80) {
        v.problem(
          'input.slug',
          'SLUG',
          'must be lower-case letters a–z, digits and single dashes, at most 80 characters, e.g. "yhdistysillan-huoneentaulu"',
        );
      }
    }
    return givenOnly({
      slug,
      kind: input.kind ?? undefined,
      audience: input.audience ?? undefined,
      title:
        input.title === null
          ? undefined
          : (v.localized('input.title', input.title, { max: 300, required }) ?? undefined),
      body:
        input.body === null
          ? undefined
          : (v.localized('input.body', input.body, { max: MAX_BODY, required }) ?? undefined),
      position: v.int('input.position', input.position, { min: 0, max: 10_000 }) ?? undefined,
      working_group_id:
        input.workingGroupId === undefined
          ? undefined
          : input.workingGroupId === null
            ? null
            : (v.ids('input.workingGroupId', [input.workingGroupId])?.[0] ?? undefined),
    });
  }

  /** The guides a working group keeps. */
  keptBy(workingGroupId: string): Promise<Guide[]> {
    return this.loaders.guidesKeptBy.load(workingGroupId);
  }

  /** The working group that keeps a guide; its members are the guide's contacts. */
  async workingGroupOf(guide: Guide): Promise<WorkingGroup | null> {
    return guide.workingGroupId ? this.loaders.workingGroup.load(guide.workingGroupId) : null;
  }

  /**
   * A guide a working group keeps is edited by those who keep the group (the staff of its
   * service areas; any staff for a city-wide group); one without a group, by any staff.
   */
  private async requireOwner(workingGroupId: string | null, action: string): Promise<void> {
    const group = workingGroupId ? await this.loaders.workingGroup.load(workingGroupId) : null;
    requireThat(
      this.identity,
      group ? keepsWorkingGroup(this.identity, group.serviceAreaIds) : isCityStaff(this.identity),
      `${action} (the staff who keep its working group)`,
    );
  }

  private async requireWorkingGroup(id: string | null | undefined): Promise<void> {
    if (id && !(await this.loaders.workingGroup.load(id))) {
      throw BadUserInputError.single(
        'input.workingGroupId',
        'UNKNOWN',
        `names no working group (${id})`,
      );
    }
  }

  private slugTaken(error: unknown, slug: string): never {
    if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
      throw new ConflictError(`Another guide already has the slug "${slug}"`, { slug });
    }
    throw error;
  }

  private requireEditor(action: string): void {
    requireThat(this.identity, isCityStaff(this.identity), `${action} (city staff)`);
  }

  private async existing(id: string): Promise<Guide> {
    this.loaders.guide.clear(id);
    const guide = await this.loaders.guide.load(id);
    if (!guide) throw new NotFoundError('Guide', id);
    return guide;
  }
}
