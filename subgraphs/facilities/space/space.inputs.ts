import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { SpaceType } from './space.enums';

@InputType({ description: 'A span of time to look for free spaces in.' })
export class TimeRangeInput {
  @Field(() => Date, { description: 'Start.' })
  from!: Date;

  @Field(() => Date, { description: 'End; on the same Helsinki day as the start.' })
  to!: Date;
}

@InputType({ description: 'Narrows a list of spaces.' })
export class SpaceFilter {
  @Field(() => [ID], { nullable: true, description: 'Inside any of these facilities.' })
  facilityIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Facilities' municipality codes." })
  municipalityCodes?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Facilities owned by any of these service areas.',
  })
  serviceAreaIds?: string[] | null;

  @Field(() => [SpaceType], { nullable: true, description: 'Any of these kinds of space.' })
  types?: SpaceType[] | null;

  @Field(() => Int, { nullable: true, description: 'Holds at least this many people.' })
  minCapacity?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only accessible spaces when true.' })
  accessible?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only spaces associations use free of charge; false: only priced ones.',
  })
  freeForAssociations?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Has all of this equipment, e.g. ["projector", "piano"].',
  })
  equipment?: string[] | null;

  @Field(() => TimeRangeInput, {
    nullable: true,
    description:
      'Open and free for this whole time: inside opening hours, with no reservation or busy time on the space, its parts or the whole it is part of.',
  })
  freeBetween?: TimeRangeInput | null;
}

@ArgsType()
export class SpacesArgs extends PageArgsType {
  @Field(() => SpaceFilter, { nullable: true, description: 'Conditions the spaces must meet.' })
  filter?: SpaceFilter | null;
}

@ArgsType()
export class AvailabilityArgs {
  @Field(() => Date, { description: 'Start of the range.' })
  from!: Date;

  @Field(() => Date, { description: 'End of the range; at most 31 days after the start.' })
  to!: Date;
}

@ArgsType()
export class VenueCheckArgs {
  @Field(() => Date, { description: 'When the event starts.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'When it ends; at most 31 days after the start.' })
  endsAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The event being moved: its own hold on the space is not counted as a clash.',
  })
  eventId?: string | null;
}
