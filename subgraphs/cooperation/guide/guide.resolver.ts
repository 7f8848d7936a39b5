import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CooperationContext } from '../cooperation.context';
import { Guide, GuideVersion } from './guide.entity';
import { GuideAudience, GuideKind } from './guide.enums';
import { CreateGuideInput, UpdateGuideInput } from './guide.inputs';
import { WorkingGroup } from '../working-group/working-group.entity';

/** The handbook: thin; the rules are in GuideService. */
@Resolver(() => Guide)
export class GuideResolver {
  @Query(() => [Guide], {
    nullable: true,
    description: 'The handbook in table-of-contents order; with `search`, the guides that match.',
  })
  guides(
    @Arg('kind', () => GuideKind, { nullable: true, description: 'Only this kind.' })
    kind: GuideKind | null,
    @Arg('audiences', () => [GuideAudience], {
      nullable: true,
      description: 'Only guides written for any of these.',
    })
    audiences: GuideAudience[] | null,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Words the guide must have, in any inflection, as the directory searches (e.g. "avaimet" finds the space guide’s "avain").',
    })
    search: string | null,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.guides.list(kind ? [kind] : null, audiences ?? null, search);
  }

  @Query(() => Guide, { nullable: true, description: 'One guide by its slug.' })
  guide(
    @Arg('slug', () => String, { description: 'e.g. "yhdistysillan-huoneentaulu".' }) slug: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.guides.bySlug(slug);
  }

  @FieldResolver(() => WorkingGroup, {
    nullable: true,
    description:
      'The working group that keeps the guide: ask its `members` for the contacts. Null for none.',
  })
  workingGroup(@Root() guide: Guide, @Ctx() ctx: CooperationContext) {
    return ctx.guides.workingGroupOf(guide);
  }

  @FieldResolver(() => [GuideVersion], {
    description: 'Every version, the newest (current) first.',
  })
  versions(@Root() guide: Guide, @Ctx() ctx: CooperationContext) {
    return ctx.guides.versions(guide);
  }

  @FieldResolver(() => GuideVersion, {
    nullable: true,
    description: 'One version as it read then; null when there is no such version.',
  })
  async atVersion(
    @Root() guide: Guide,
    @Arg('version', () => Int, { description: 'The version number.' }) version: number,
    @Ctx() ctx: CooperationContext,
  ) {
    return (await ctx.guides.versions(guide)).find((v) => v.version === version) ?? null;
  }

  @Mutation(() => Guide, { description: 'Adds a text to the handbook (city staff).' })
  createGuide(
    @Arg('input', () => CreateGuideInput, { description: 'The new guide.' })
    input: CreateGuideInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.guides.create(input);
  }

  @Mutation(() => Guide, {
    description: 'Changes a guide (city staff); a new title or text is a new version.',
  })
  updateGuide(
    @Arg('input', () => UpdateGuideInput, { description: 'What to change.' })
    input: UpdateGuideInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.guides.update(input);
  }

  @Mutation(() => Boolean, {
    description: 'Removes a guide with its versions (city staff); true when it was there.',
  })
  removeGuide(
    @Arg('id', () => ID, { description: 'The guide.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.guides.remove(id);
  }
}
