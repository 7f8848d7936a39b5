import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { FacilityKind } from './facility.enums';

@InputType({ description: 'Narrows a list of facilities.' })
export class FacilityFilter {
  @Field(() => [String], { nullable: true, description: 'Municipality codes, e.g. ["398"].' })
  municipalityCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Owned by any of these service areas.' })
  serviceAreaIds?: string[] | null;

  @Field(() => [FacilityKind], { nullable: true, description: 'Any of these kinds of building.' })
  kinds?: FacilityKind[] | null;
}

@ArgsType()
export class FacilitiesArgs extends PageArgsType {
  @Field(() => FacilityFilter, {
    nullable: true,
    description: 'Conditions the facilities must meet.',
  })
  filter?: FacilityFilter | null;
}
