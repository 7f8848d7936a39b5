import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import { Activity } from '../activity/activity.entity';
import type { AssociationsContext } from '../associations.context';
import { Category } from '../category/category.entity';
import { ContactPerson } from '../contact/contact-person.entity';
import { ServiceArea } from '../service-area/service-area.entity';
import { Association } from './association.entity';
import { EXACT_SEARCH_COUNT } from './association.search';
import {
  AssociationsArgs,
  CreateAssociationInput,
  UpdateAssociationInput,
} from './association.inputs';

export const AssociationConnection = createConnectionType(
  'Association',
  Association,
  'association',
  {
    estimatedCount: `for a search matching more than ${EXACT_SEARCH_COUNT.toLocaleString('en')} associations, which are counted to ${EXACT_SEARCH_COUNT.toLocaleString('en')} and estimated beyond`,
  },
);

@Resolver(() => Association)
export class AssociationResolver {
  @Query(() => Association, {
    nullable: true,
    description: 'One association by id; null when there is none.',
  })
  association(
    @Arg('id', () => ID, { description: 'The association id.' }) id: string,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.associations.byId(id);
  }

  @Query(() => Association, {
    nullable: true,
    description:
      'One association by its Finnish business ID (Y-tunnus); null when none is registered here.',
  })
  associationByBusinessId(
    @Arg('businessId', () => String, { description: 'Business ID, e.g. "1234567-8".' })
    businessId: string,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.associations.byBusinessId(businessId);
  }

  @Query(() => AssociationConnection, {
    nullable: true,
    description: 'Associations in the directory, filtered, ordered and paged (Relay connection).',
  })
  associations(
    @Args(() => AssociationsArgs) args: AssociationsArgs,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.associations.list(args);
  }

  @FieldResolver(() => [Category], { description: 'Themes of its work.' })
  categories(@Root() association: Association, @Ctx() ctx: AssociationsContext) {
    return ctx.categories.ofAssociation(association.id);
  }

  @FieldResolver(() => [ServiceArea], {
    description: 'Service areas of the city this association works with.',
  })
  serviceAreas(@Root() association: Association, @Ctx() ctx: AssociationsContext) {
    return ctx.serviceAreas.ofAssociation(association.id);
  }

  @FieldResolver(() => [Activity], {
    description: 'Groups and services it runs, by Finnish name.',
  })
  activities(@Root() association: Association, @Ctx() ctx: AssociationsContext) {
    return ctx.activities.ofAssociation(association.id);
  }

  @FieldResolver(() => [ContactPerson], {
    description:
      'Its named contact persons, chair first and down the roles. Personal data: see ContactPerson for who sees email and phone.',
  })
  contacts(@Root() association: Association, @Ctx() ctx: AssociationsContext) {
    return ctx.contacts.ofAssociation(association.id);
  }

  @Mutation(() => Association, {
    description: 'Adds an association to the directory (city staff).',
  })
  createAssociation(
    @Arg('input', () => CreateAssociationInput, { description: 'The new association.' })
    input: CreateAssociationInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.associations.create(input);
  }

  @Mutation(() => Association, {
    description:
      "Changes an association: city staff any field, the association's own representatives its profile.",
  })
  updateAssociation(
    @Arg('input', () => UpdateAssociationInput, { description: 'The id and what to change.' })
    input: UpdateAssociationInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.associations.update(input);
  }

  @Mutation(() => Association, {
    description:
      'Archives an association (city staff): it stays for history with status DISSOLVED.',
  })
  archiveAssociation(
    @Arg('id', () => ID, { description: 'The association to archive.' }) id: string,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.associations.archive(id);
  }
}
