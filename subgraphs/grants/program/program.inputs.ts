import { Field, ID, InputType } from 'type-graphql';
import { GrantKind } from './program.enums';

@InputType({ description: 'Narrows the list of grant programs.' })
export class GrantProgramFilter {
  @Field(() => [GrantKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: GrantKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Owned by any of these service areas.' })
  serviceAreaIds?: string[] | null;
}
