import { Directive, Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@Directive('@shareable')
@ObjectType({ description: 'An amount of money. Amounts are exact decimals, never floats.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'The amount as a decimal string, e.g. "1234.50".' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 currency code; always "EUR" today.' })
  currency!: string;
}

/** Wraps a PostgreSQL numeric (a string from `pg`) as euros; null stays null. */
export function euros(amount: string | null | undefined): Money | null {
  if (amount === null || amount === undefined) return null;
  return { amount, currency: 'EUR' };
}
