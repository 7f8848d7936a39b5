import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import { euros, Money } from '../../core/types/money.type';
import type { FacilitiesContext } from '../facilities.context';
import { Facility } from '../facility/facility.entity';
import { AssociationRef } from '../refs/association.ref';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { EquipmentItem, EquipmentReservation } from './equipment.entity';
import {
  DecideEquipmentReservationInput,
  EquipmentAvailabilityArgs,
  EquipmentItemsArgs,
  RequestEquipmentInput,
} from './equipment.inputs';

export const EquipmentItemConnection = createConnectionType(
  'EquipmentItem',
  EquipmentItem,
  'equipment item',
);

@Resolver(() => EquipmentItem)
export class EquipmentItemResolver {
  @Query(() => EquipmentItemConnection, {
    nullable: true,
    description: 'Event equipment the city lends, in Finnish name order.',
  })
  equipmentItems(
    @Args(() => EquipmentItemsArgs) args: EquipmentItemsArgs,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.equipment.items(args);
  }

  @FieldResolver(() => Int, { description: 'How many are free for the whole of [from, to).' })
  available(
    @Root() item: EquipmentItem,
    @Args(() => EquipmentAvailabilityArgs) args: EquipmentAvailabilityArgs,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.equipment.available(item, args.from, args.to);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      "What lending one for a day is worth (what renting it would cost): a loan's part of the association's support in kind (`Association.support`). Null when none is set.",
  })
  dailyValue(@Root() item: EquipmentItem) {
    return euros(item.dailyValue);
  }

  @FieldResolver(() => Facility, { nullable: true, description: 'Where it is picked up.' })
  pickupFacility(@Root() item: EquipmentItem, @Ctx() ctx: FacilitiesContext) {
    return item.pickupFacilityId ? ctx.loaders.facility.load(item.pickupFacilityId) : null;
  }

  @FieldResolver(() => ServiceAreaRef, {
    nullable: true,
    description: 'The service area that lends it.',
  })
  serviceArea(@Root() item: EquipmentItem): ServiceAreaRef | null {
    return item.serviceAreaId ? { id: item.serviceAreaId } : null;
  }

  @Mutation(() => EquipmentReservation, {
    description:
      'Asks to borrow equipment for an association (its representatives only); CONFLICT says how many are free when too few are.',
  })
  requestEquipment(
    @Arg('input', () => RequestEquipmentInput, { description: 'What, how many and when.' })
    input: RequestEquipmentInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.equipment.request(input);
  }

  @Mutation(() => EquipmentReservation, {
    description: 'Confirms or rejects an equipment request (staff).',
  })
  decideEquipmentReservation(
    @Arg('input', () => DecideEquipmentReservationInput, { description: 'The decision.' })
    input: DecideEquipmentReservationInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.equipment.decide(input);
  }

  @Mutation(() => EquipmentReservation, {
    description: "Cancels an equipment loan (the association's representatives or staff).",
  })
  cancelEquipmentReservation(
    @Arg('id', () => ID, { description: 'The loan to cancel.' }) id: string,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.equipment.cancel(id);
  }
}

@Resolver(() => EquipmentReservation)
export class EquipmentReservationResolver {
  @FieldResolver(() => EquipmentItem, { description: 'The item borrowed.' })
  item(@Root() reservation: EquipmentReservation, @Ctx() ctx: FacilitiesContext) {
    return ctx.loaders.equipmentItem.load(reservation.itemId);
  }

  @FieldResolver(() => AssociationRef, { description: 'The association borrowing.' })
  association(@Root() reservation: EquipmentReservation): AssociationRef {
    return { id: reservation.associationId };
  }
}
