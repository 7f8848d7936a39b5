import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { DecimalScalar } from '../../core/scalars';
import { BudgetLineKind, GrantApplicationStatus, GrantDecisionOutcome } from './application.enums';

@InputType({ description: 'One line of a budget.' })
export class BudgetLineInput {
  @Field(() => BudgetLineKind, { description: 'Income, cost, or funding from elsewhere.' })
  kind!: BudgetLineKind;

  @Field(() => String, { description: 'What the line is.' })
  label!: string;

  @Field(() => DecimalScalar, { description: 'Euros, e.g. "1250.00".' })
  amount!: string;
}

@InputType({ description: 'A link to attach.' })
export class AttachmentInput {
  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { description: 'The address (http or https).' })
  url!: string;
}

@InputType({ description: 'Application fields; on an update, omitted fields stay.' })
export class GrantApplicationFields {
  @Field(() => String, { nullable: true, description: 'What the money is for.' })
  purpose?: string | null;

  @Field(() => [BudgetLineInput], {
    nullable: true,
    description: 'The budget (replaces all lines).',
  })
  budget?: BudgetLineInput[] | null;

  @Field(() => [AttachmentInput], { nullable: true, description: 'Links (replaces all).' })
  attachments?: AttachmentInput[] | null;
}

@InputType({
  description: "A new application, started as a DRAFT by an association's representative.",
})
export class CreateGrantApplicationInput extends GrantApplicationFields {
  @Field(() => ID, { description: 'The round applied in.' })
  roundId!: string;

  @Field(() => ID, { description: 'The association applying; you must represent it.' })
  associationId!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => DecimalScalar, { description: 'Euros applied for, more than 0, e.g. "2500.00".' })
  requestedAmount!: string;
}

@InputType({ description: 'Changes to a DRAFT application. Omitted fields stay; null clears.' })
export class UpdateGrantApplicationInput extends GrantApplicationFields {
  @Field(() => ID, { description: 'The application.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Euros applied for.' })
  requestedAmount?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'Moves an application on, with an optional note for its history.' })
export class GrantApplicationStepInput {
  @Field(() => ID, { description: 'The application.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A note recorded in the history.' })
  note?: string | null;
}

@InputType({ description: "Staff's decision on an application under review." })
export class DecideGrantApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  id!: string;

  @Field(() => GrantDecisionOutcome, { description: 'Approved, partially approved or rejected.' })
  outcome!: GrantDecisionOutcome;

  @Field(() => DecimalScalar, {
    description:
      'Euros awarded: more than 0 and at most the requested for an approval (less for a partial one), exactly "0" for a rejection.',
  })
  awardedAmount!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who decided, e.g. "Hyvinvointilautakunta 12.3.2027 § 45".',
  })
  decisionBody?: string | null;

  @Field(() => String, { nullable: true, description: 'The reasons; required for a rejection.' })
  note?: string | null;
}

@InputType({ description: 'The usage report (käyttöselvitys) of a paid grant.' })
export class ReportGrantUsageInput {
  @Field(() => ID, { description: 'The application.' })
  id!: string;

  @Field(() => String, { description: 'How the money was used.' })
  report!: string;
}

@InputType({ description: 'Narrows a list of applications.' })
export class GrantApplicationFilter {
  @Field(() => [ID], { nullable: true, description: 'Of any of these associations.' })
  associationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'In any of these rounds.' })
  roundIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'In rounds of any of these programs.' })
  programIds?: string[] | null;

  @Field(() => [GrantApplicationStatus], {
    nullable: true,
    description: 'In any of these statuses.',
  })
  statuses?: GrantApplicationStatus[] | null;

  @Field(() => Int, { nullable: true, description: 'In rounds of this year.' })
  year?: number | null;
}

@ArgsType()
export class GrantApplicationsArgs extends PageArgsType {
  @Field(() => GrantApplicationFilter, {
    nullable: true,
    description: 'Conditions the applications must meet.',
  })
  filter?: GrantApplicationFilter | null;
}

/** `Association.grantApplications` pages like every other connection. */
@ArgsType()
export class AssociationApplicationsArgs extends PageArgsType {}
