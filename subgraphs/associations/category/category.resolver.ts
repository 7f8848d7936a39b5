import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AssociationFilter } from '../association/association.inputs';
import type { AssociationsContext } from '../associations.context';
import { Category } from './category.entity';
import { CreateCategoryInput, UpdateCategoryInput } from './category.inputs';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], {
    nullable: true,
    description:
      "Every category of the directory, each with `associationCount` under the given filter: facets for a directory site. The filter's own `categoryIds` is ignored for the counts, so picking one category still shows how many the others have.",
  })
  categories(
    @Arg('filter', () => AssociationFilter, {
      nullable: true,
      description: 'Count only associations that match this.',
    })
    filter: AssociationFilter | null,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.categories.all(filter);
  }

  @FieldResolver(() => Int, {
    description:
      'How many associations are in this category: under the filter given to `Query.categories` when read from there, all of them elsewhere.',
  })
  associationCount(@Root() category: Category, @Ctx() ctx: AssociationsContext) {
    return ctx.categories.associationCount(category);
  }

  @Mutation(() => Category, { description: 'Adds a category (admins).' })
  createCategory(
    @Arg('input', () => CreateCategoryInput, { description: 'The new category.' })
    input: CreateCategoryInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.categories.create(input);
  }

  @Mutation(() => Category, { description: 'Changes a category (admins).' })
  updateCategory(
    @Arg('input', () => UpdateCategoryInput, { description: 'What to change.' })
    input: UpdateCategoryInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.categories.update(input);
  }
}
