import { OrganizationKind } from '../../core/types/organization-kind';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { Money } from '../../core/types/money.type';
import { GrantKind } from '../program/program.enums';

@ObjectType({
  description:
    'A grant awarded to an association: public data once decided (APPROVED or PARTIALLY_APPROVED, and after payment).',
})
export class AwardedGrant {
  @Field(() => ID, { description: 'Stable identifier (the application’s).' })
  id!: string;

  @Field(() => Int, { description: 'The year the grant is for.' })
  year!: number;

  @Field(() => String, { description: 'Title of what was funded.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the money is for.' })
  description!: string | null;

  @Field(() => Money, { description: 'Amount awarded.' })
  amountAwarded!: Money;

  @Field(() => Money, { description: 'Amount applied for.' })
  amountRequested!: Money;

  @Field(() => Date, { description: 'When it was decided.' })
  awardDate!: Date;

  @Field(() => String, { nullable: true, description: 'Who decided.' })
  decisionBody!: string | null;

  roundId!: string;
  associationId!: string;
}

@InputType({
  description: 'Narrows awarded grants (and statistics). Every given condition must hold.',
})
export class AwardedGrantFilter {
  @Field(() => Int, { nullable: true, description: 'Grants for this year.' })
  year?: number | null;

  @Field(() => [ID], { nullable: true, description: 'From any of these programs.' })
  programIds?: string[] | null;

  @Field(() => [GrantKind], { nullable: true, description: 'Of any of these kinds.' })
  kinds?: GrantKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Of programs of any of these service areas.' })
  serviceAreaIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'To this association.' })
  associationId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'To associations based in any of these municipalities (codes, e.g. "398").',
  })
  municipalityCodes?: string[] | null;

  @Field(() => [OrganizationKind], {
    nullable: true,
    description: 'To associations of any of these kinds.',
  })
  associationKinds?: OrganizationKind[] | null;
}

@ArgsType()
export class AwardedGrantsArgs extends PageArgsType {
  @Field(() => AwardedGrantFilter, {
    nullable: true,
    description: 'Conditions the grants must meet.',
  })
  filter?: AwardedGrantFilter | null;
}
