import { Field, ObjectType } from 'type-graphql';
import { Money } from '../../core/types/money.type';
import { BudgetLineKind, GrantApplicationStatus } from './application.enums';

@ObjectType({ description: 'One line of an application’s budget.' })
export class BudgetLine {
  @Field(() => BudgetLineKind, { description: 'Income, cost, or funding from elsewhere.' })
  kind!: BudgetLineKind;

  @Field(() => String, { description: 'What the line is, e.g. "Salivuokrat".' })
  label!: string;

  @Field(() => Money, { description: 'Amount.' })
  amount!: Money;
}

@ObjectType({ description: 'The decision on an application (päätös).' })
export class GrantDecision {
  @Field(() => GrantApplicationStatus, { description: 'APPROVED, PARTIALLY_APPROVED or REJECTED.' })
  outcome!: GrantApplicationStatus;

  @Field(() => Money, { description: 'The amount awarded; 0 for a rejection.' })
  awardedAmount!: Money;

  @Field(() => Date, { description: 'When it was decided.' })
  decidedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Who decided, e.g. "Hyvinvointilautakunta".',
  })
  decisionBody!: string | null;

  @Field(() => String, { nullable: true, description: 'The reasons given.' })
  note!: string | null;
}

@ObjectType({
  description: 'One step in an application’s history: who moved it where, when and why.',
})
export class StatusChange {
  @Field(() => GrantApplicationStatus, {
    nullable: true,
    description: 'From; null when the application was started.',
  })
  from!: GrantApplicationStatus | null;

  @Field(() => GrantApplicationStatus, { description: 'To.' })
  to!: GrantApplicationStatus;

  @Field(() => String, { description: 'Who: the role (the person’s id is kept, not shown).' })
  actorRole!: string;

  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The note given with it.' })
  note!: string | null;
}

/** History and lines as the repository reads them. */
export interface HistoryRow extends StatusChange {
  applicationId: string;
}

export interface LineRow {
  applicationId: string;
  kind: BudgetLineKind;
  label: string;
  amount: string;
}
