import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import type { AssociationsContext } from '../associations.context';
import { ServiceArea } from '../service-area/service-area.entity';
import { Association } from './association.entity';
import { AssociationsArgs } from './association.inputs';

export const AssociationConnection = createConnectionType(
  'Association',
  Association,
  'association',
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
    description: 'Associations in the directory, filtered, ordered and paged (Relay connection).',
  })
  associations(
    @Args(() => AssociationsArgs) args: AssociationsArgs,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.associations.list(args);
  }

  @FieldResolver(() => [ServiceArea], {
    description: 'Service areas of the city this association works with.',
  })
  serviceAreas(@Root() association: Association, @Ctx() ctx: AssociationsContext) {
    return ctx.serviceAreas.ofAssociation(association.id);
  }
}
