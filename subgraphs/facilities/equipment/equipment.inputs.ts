import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { ReservationDecision } from '../reservation/reservation.enums';

@InputType({ description: 'Narrows a list of lendable equipment.' })
export class EquipmentFilter {
  @Field(() => [ID], { nullable: true, description: 'Lent by any of these service areas.' })
  serviceAreaIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Name contains this (any language).' })
  search?: string | null;
}

@ArgsType()
export class EquipmentItemsArgs extends PageArgsType {
  @Field(() => EquipmentFilter, { nullable: true, description: 'Conditions the items must meet.' })
  filter?: EquipmentFilter | null;
}

@ArgsType()
export class EquipmentAvailabilityArgs {
  @Field(() => Date, { description: 'From (pick-up).' })
  from!: Date;

  @Field(() => Date, { description: 'To (return).' })
  to!: Date;
}

@InputType({
  description: "A request to borrow equipment, made by an association's representative.",
})
export class RequestEquipmentInput {
  @Field(() => ID, { description: 'The item.' })
  itemId!: string;

  @Field(() => ID, { description: 'The association borrowing; you must represent it.' })
  associationId!: string;

  @Field(() => Int, { description: 'How many, at least 1.' })
  quantity!: number;

  @Field(() => Date, { description: 'Pick-up time.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'Return time.' })
  endsAt!: Date;

  @Field(() => String, { description: 'What it is for.' })
  purpose!: string;
}

@InputType({ description: "Staff's decision on an equipment request." })
export class DecideEquipmentReservationInput {
  @Field(() => ID, { description: 'The equipment reservation.' })
  id!: string;

  @Field(() => ReservationDecision, { description: 'Confirm or reject.' })
  decision!: ReservationDecision;
}
