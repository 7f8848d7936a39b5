import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { GrantKind } from '../program/program.enums';

@InputType({
  description: 'Grant program fields; on an update, omitted fields stay and null clears.',
})
export class GrantProgramFields {
  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'What the grant is for, in plain language.',
  })
  description?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'The grant rules in plain language: who may apply, for what, how it is decided.',
  })
  summary?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Who is eligible.' })
  eligibility?: LocalizedTextInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'Link to the written rules (http or https).',
  })
  rulesUrl?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The money the program has a year, in euros, e.g. "150000.00"; 0 or more.',
  })
  yearlyBudget?: string | null;
}

@InputType({
  description:
    'A new grant program: by staff of the service area that will run it; a city-wide program (no service area) by an admin.',
})
export class CreateGrantProgramInput extends GrantProgramFields {
  @Field(() => LocalizedTextInput, { description: 'Name of the program; Finnish required.' })
  name!: LocalizedTextInput;

  @Field(() => GrantKind, { description: 'Kind of grant.' })
  kind!: GrantKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The service area that runs it and decides its applications; none: city-wide.',
  })
  serviceAreaId?: string | null;
}

@InputType({ description: "Changes to a grant program (its service area's staff, or an admin)." })
export class UpdateGrantProgramInput extends GrantProgramFields {
  @Field(() => ID, { description: 'The program.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Name of the program.' })
  name?: LocalizedTextInput | null;

  @Field(() => GrantKind, { nullable: true, description: 'Kind of grant.' })
  kind?: GrantKind | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'Application round fields; on an update, omitted fields stay.' })
export class ApplicationRoundFields {
  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'Name, e.g. "Kevään 2027 haku"; none for a program’s only round of a year.',
  })
  name?: LocalizedTextInput | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When decisions are expected: not before the round closes.',
  })
  decisionExpectedAt?: Date | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The money this round may award, in euros; 0 or more.',
  })
  budget?: string | null;
}

@InputType({ description: "A new application round of a program (its service area's staff)." })
export class CreateApplicationRoundInput extends ApplicationRoundFields {
  @Field(() => ID, { description: 'The program.' })
  programId!: string;

  @Field(() => Int, {
    description: 'The year the grants are for: the year the window opens, or the next.',
  })
  year!: number;

  @Field(() => Date, { description: 'Applications are taken from.' })
  opensAt!: Date;

  @Field(() => Date, { description: 'The deadline: later than opensAt.' })
  closesAt!: Date;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A continuous round: applications decided as they come (false by default).',
  })
  continuous?: boolean | null;
}

@InputType({
  description:
    "Changes to an application round (its program's staff). Once an application has been submitted, the opening time stays.",
})
export class UpdateApplicationRoundInput extends ApplicationRoundFields {
  @Field(() => ID, { description: 'The round.' })
  id!: string;

  @Field(() => Date, { nullable: true, description: 'Applications are taken from.' })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'The deadline.' })
  closesAt?: Date | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}
