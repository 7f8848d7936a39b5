import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../../core/errors';
import type { AssociationsContext } from '../associations.context';
import { CityLiaison } from './city-liaison.entity';
import { ServiceArea } from './service-area.entity';
import {
  AddCityLiaisonInput,
  CreateServiceAreaInput,
  UpdateCityLiaisonInput,
  UpdateServiceAreaInput,
} from './service-area.inputs';

@Resolver(() => ServiceArea)
export class ServiceAreaResolver {
  @Query(() => [ServiceArea], {
    nullable: true,
    description: "The city's service areas, in the city's own order.",
  })
  serviceAreas(@Ctx() ctx: AssociationsContext) {
    return ctx.serviceAreas.all();
  }

  @Query(() => [CityLiaison], {
    nullable: true,
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

  @Mutation(() => ServiceArea, { description: 'Adds a service area (admins).' })
  createServiceArea(
    @Arg('input', () => CreateServiceAreaInput, { description: 'The new service area.' })
    input: CreateServiceAreaInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.serviceAreas.create(input);
  }

  @Mutation(() => ServiceArea, {
    description: 'Changes a service area (its own staff or admins).',
  })
  updateServiceArea(
    @Arg('input', () => UpdateServiceAreaInput, { description: 'What to change.' })
    input: UpdateServiceAreaInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.serviceAreas.update(input);
  }
}

/** Kept apart from the queries because `liaisons` is both a root field and a field here. */
@Resolver(() => ServiceArea)
export class ServiceAreaFieldsResolver {
  @FieldResolver(() => [CityLiaison], {
    description: 'The named city people to contact in this service area, coordinators first.',
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

  @Mutation(() => CityLiaison, {
    description: 'Adds a liaison to a service area (its own staff or admins).',
  })
  addCityLiaison(
    @Arg('input', () => AddCityLiaisonInput, { description: 'The new liaison.' })
    input: AddCityLiaisonInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.serviceAreas.addLiaison(input);
  }

  @Mutation(() => CityLiaison, { description: "Changes a liaison (their area's staff or admins)." })
  updateCityLiaison(
    @Arg('input', () => UpdateCityLiaisonInput, { description: 'What to change.' })
    input: UpdateCityLiaisonInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.serviceAreas.updateLiaison(input);
  }

  @Mutation(() => ServiceArea, {
    description: 'Removes a liaison; returns their service area.',
  })
  removeCityLiaison(
    @Arg('id', () => ID, { description: 'The liaison to remove.' }) id: string,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.serviceAreas.removeLiaison(id);
  }
}
