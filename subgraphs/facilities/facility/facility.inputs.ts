import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { SpaceType } from '../space/space.enums';

@InputType({ description: 'Narrows a list of facilities.' })
export class FacilityFilter {
  @Field(() => [String], { nullable: true, description: 'Municipality codes, e.g. ["398"].' })
  municipalityCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Owned by any of these service areas.' })
  serviceAreaIds?: string[] | null;
}

@ArgsType()
export class FacilitiesArgs extends PageArgsType {
  @Field(() => FacilityFilter, {
    nullable: true,
    description: 'Conditions the facilities must meet.',
  })
  filter?: FacilityFilter | null;
}

@InputType({ description: 'Narrows a list of spaces.' })
export class SpaceFilter {
  @Field(() => [ID], { nullable: true, description: 'Inside any of these facilities.' })
  facilityIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Facilities' municipality codes." })
  municipalityCodes?: string[] | null;

  @Field(() => [SpaceType], { nullable: true, description: 'Any of these kinds of space.' })
  types?: SpaceType[] | null;

  @Field(() => Int, { nullable: true, description: 'Holds at least this many people.' })
  minCapacity?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only accessible spaces when true.' })
  accessible?: boolean | null;
}

@ArgsType()
export class SpacesArgs extends PageArgsType {
  @Field(() => SpaceFilter, { nullable: true, description: 'Conditions the spaces must meet.' })
  filter?: SpaceFilter | null;
}
