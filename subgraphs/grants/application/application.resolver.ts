import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Field,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import { Money } from '../../core/types/money.type';
import type { GrantsContext } from '../grants.context';
import { AssociationRef } from '../refs/association.ref';
import { ApplicationRound } from '../round/round.entity';
import { GrantApplication } from './application.entity';
import {
  CreateGrantApplicationInput,
  DecideGrantApplicationInput,
  GrantApplicationStepInput,
  GrantApplicationsArgs,
  ReportGrantUsageInput,
  UpdateGrantApplicationInput,
} from './application.inputs';
import { BudgetLine, GrantDecision, StatusChange } from './application.types';

export const GrantApplicationConnection = createConnectionType(
  'GrantApplication',
  GrantApplication,
  'grant application',
);

@ObjectType({ description: 'Exact sums of an application’s budget.' })
export class BudgetTotals {
  @Field(() => Money, { description: 'All income lines.' })
  income!: Money;

  @Field(() => Money, { description: 'All cost lines.' })
  costs!: Money;

  @Field(() => Money, { description: 'All funding from elsewhere.' })
  otherFunding!: Money;

  @Field(() => Money, { description: 'Costs not covered by income or other funding.' })
  uncovered!: Money;
}

@Resolver(() => GrantApplication)
export class GrantApplicationResolver {
  @Query(() => GrantApplication, {
    nullable: true,
    description: 'One application; null when there is none or it is not yours to see.',
  })
  grantApplication(
    @Arg('id', () => ID, { description: 'The application id.' }) id: string,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.byId(id);
  }

  @Query(() => GrantApplicationConnection, {
    nullable: true,
    description:
      "Applications, newest first: city staff see all; a representative sees their own associations' only; anonymous callers none.",
  })
  grantApplications(
    @Args(() => GrantApplicationsArgs) args: GrantApplicationsArgs,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.list(args);
  }

  @FieldResolver(() => ApplicationRound, { description: 'The round applied in.' })
  round(@Root() application: GrantApplication, @Ctx() ctx: GrantsContext) {
    return ctx.applications.roundOf(application);
  }

  @FieldResolver(() => AssociationRef, { description: 'The association applying.' })
  applicant(@Root() application: GrantApplication): AssociationRef {
    return { id: application.associationId };
  }

  @FieldResolver(() => Money, { description: 'Amount applied for.' })
  requestedAmount(@Root() application: GrantApplication, @Ctx() ctx: GrantsContext) {
    return ctx.applications.requested(application);
  }

  @FieldResolver(() => GrantDecision, { nullable: true, description: 'The decision, once made.' })
  decision(@Root() application: GrantApplication, @Ctx() ctx: GrantsContext) {
    return ctx.applications.decision(application);
  }

  @FieldResolver(() => [StatusChange], {
    description: 'Every step so far: who, when, and the note given.',
  })
  history(@Root() application: GrantApplication, @Ctx() ctx: GrantsContext) {
    return ctx.applications.history(application);
  }

  @FieldResolver(() => [BudgetLine], {
    description: 'The budget: income, costs and other funding.',
  })
  budget(@Root() application: GrantApplication, @Ctx() ctx: GrantsContext) {
    return ctx.applications.budget(application);
  }

  @FieldResolver(() => BudgetTotals, { description: 'Exact sums of the budget.' })
  budgetTotals(@Root() application: GrantApplication, @Ctx() ctx: GrantsContext) {
    return ctx.applications.budgetTotals(application);
  }

  @Mutation(() => GrantApplication, {
    description: "Starts an application as a DRAFT (the association's representatives).",
  })
  createGrantApplication(
    @Arg('input', () => CreateGrantApplicationInput, { description: 'The application.' })
    input: CreateGrantApplicationInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.create(input);
  }

  @Mutation(() => GrantApplication, { description: 'Changes a DRAFT application.' })
  updateGrantApplication(
    @Arg('input', () => UpdateGrantApplicationInput, { description: 'What to change.' })
    input: UpdateGrantApplicationInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.update(input);
  }

  @Mutation(() => GrantApplication, {
    description: 'DRAFT → SUBMITTED, only while the round is open (the applicant).',
  })
  submitGrantApplication(
    @Arg('input', () => GrantApplicationStepInput, { description: 'The application.' })
    input: GrantApplicationStepInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.submit(input);
  }

  @Mutation(() => GrantApplication, { description: "SUBMITTED → IN_REVIEW (the program's staff)." })
  startGrantReview(
    @Arg('input', () => GrantApplicationStepInput, { description: 'The application.' })
    input: GrantApplicationStepInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.startReview(input);
  }

  @Mutation(() => GrantApplication, {
    description:
      "IN_REVIEW → APPROVED | PARTIALLY_APPROVED | REJECTED with the awarded amount (the program's staff).",
  })
  decideGrantApplication(
    @Arg('input', () => DecideGrantApplicationInput, { description: 'The decision.' })
    input: DecideGrantApplicationInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.decide(input);
  }

  @Mutation(() => GrantApplication, { description: "An approval → PAID (the program's staff)." })
  markGrantPaid(
    @Arg('input', () => GrantApplicationStepInput, { description: 'The application.' })
    input: GrantApplicationStepInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.pay(input);
  }

  @Mutation(() => GrantApplication, {
    description: 'PAID → REPORTED with the usage report (the applicant).',
  })
  reportGrantUsage(
    @Arg('input', () => ReportGrantUsageInput, { description: 'The report.' })
    input: ReportGrantUsageInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.report(input);
  }

  @Mutation(() => GrantApplication, {
    description: 'Withdraws an application before a decision (the applicant).',
  })
  withdrawGrantApplication(
    @Arg('input', () => GrantApplicationStepInput, { description: 'The application.' })
    input: GrantApplicationStepInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.withdraw(input);
  }
}
