import { Field, ID, InputType, Int } from 'type-graphql';
import { GrantKind } from '../program/program.enums';
import { RoundStatus } from './round.enums';

@InputType({ description: 'Narrows the list of application rounds.' })
export class ApplicationRoundFilter {
  @Field(() => Int, { nullable: true, description: 'Rounds for this year.' })
  year?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Of any of these programs.' })
  programIds?: string[] | null;

  @Field(() => [GrantKind], { nullable: true, description: 'Of programs of any of these kinds.' })
  kinds?: GrantKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Of programs of any of these service areas.' })
  serviceAreaIds?: string[] | null;

  @Field(() => [RoundStatus], {
    nullable: true,
    description: 'In any of these statuses, e.g. [OPEN].',
  })
  statuses?: RoundStatus[] | null;
}
