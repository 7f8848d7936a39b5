import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../../core/errors';
import type { AssociationsContext } from '../associations.context';
import { CityLiaison } from './city-liaison.entity';
import { ServiceArea } from './service-area.entity';

@Resolver(() => ServiceArea)
export class ServiceAreaResolver {
  @Query(() => [ServiceArea], { description: "The city's service areas, in the city's own order." })
  serviceAreas(@Ctx() ctx: AssociationsContext) {
    return ctx.serviceAreas.all();
  }

  @Query(() => [CityLiaison], {
    description:
      "The city's association liaisons, coordinators first; only one service area's when it is given.",
  })
  liaisons(
    @Arg('serviceAreaId', () => ID, { nullable: true, description: 'Only this service area.' })
    serviceAreaId: string | null,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.serviceAreas.liaisons(serviceAreaId);
  }
}

/** Kept apart from the queries because `liaisons` is both a root field and a field here. */
@Resolver(() => ServiceArea)
export class ServiceAreaFieldsResolver {
  @FieldResolver(() => [CityLiaison], {
    description: 'The named city people to contact in this service area.',
  })
  liaisons(@Root() area: ServiceArea, @Ctx() ctx: AssociationsContext) {
    return ctx.serviceAreas.liaisonsOf(area.id);
  }
}

@Resolver(() => CityLiaison)
export class CityLiaisonResolver {
  @FieldResolver(() => ServiceArea, { description: 'The service area this person works in.' })
  async serviceArea(@Root() liaison: CityLiaison, @Ctx() ctx: AssociationsContext) {
    const area = await ctx.serviceAreas.byId(liaison.serviceAreaId);
    if (!area) throw new NotFoundError('ServiceArea', liaison.serviceAreaId);
    return area;
  }
}
