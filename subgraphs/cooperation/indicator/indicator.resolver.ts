import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CooperationContext } from '../cooperation.context';
import { Survey, SurveyQuestion } from '../survey/survey.entity';
import { Indicator, IndicatorValue } from './indicator.entity';
import { IndicatorKind, IndicatorSource } from './indicator.enums';
import { CreateIndicatorInput, RecordIndicatorValueInput } from './indicator.inputs';

/** Indicators: thin; the rules are in IndicatorService. */
@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], {
    nullable: true,
    description: 'Indicators in table order: RESULT ones first, then IMPACT.',
  })
  indicators(
    @Arg('kind', () => IndicatorKind, { nullable: true, description: 'Only this kind.' })
    kind: IndicatorKind | null,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.indicators.list(kind ?? null);
  }

  @Query(() => Indicator, { nullable: true, description: 'One indicator.' })
  indicator(
    @Arg('id', () => ID, { description: 'The indicator.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.indicators.get(id);
  }

  @FieldResolver(() => IndicatorSource, { description: 'Where its values come from.' })
  source(@Root() indicator: Indicator, @Ctx() ctx: CooperationContext) {
    return ctx.indicators.source(indicator);
  }

  @FieldResolver(() => SurveyQuestion, {
    nullable: true,
    description: 'SURVEY indicators: the question its values are computed from.',
  })
  surveyQuestion(@Root() indicator: Indicator, @Ctx() ctx: CooperationContext) {
    return ctx.indicators.surveyQuestion(indicator);
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Its values, oldest period first.' })
  values(@Root() indicator: Indicator, @Ctx() ctx: CooperationContext) {
    return ctx.indicators.values(indicator);
  }

  @FieldResolver(() => IndicatorValue, {
    nullable: true,
    description: 'The first value: the baseline (lähtötaso).',
  })
  async baseline(@Root() indicator: Indicator, @Ctx() ctx: CooperationContext) {
    return (await ctx.indicators.values(indicator))[0] ?? null;
  }

  @FieldResolver(() => IndicatorValue, {
    nullable: true,
    description: 'The latest value: the current level (nykytaso).',
  })
  async latest(@Root() indicator: Indicator, @Ctx() ctx: CooperationContext) {
    return (await ctx.indicators.values(indicator)).at(-1) ?? null;
  }

  @Mutation(() => Indicator, { description: 'Creates an indicator (city staff).' })
  createIndicator(
    @Arg('input', () => CreateIndicatorInput, { description: 'The new indicator.' })
    input: CreateIndicatorInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.indicators.create(input);
  }

  @Mutation(() => Indicator, {
    description:
      "Records an indicator's value for a period (city staff): given by hand, or computed from a closed survey or the hub's data.",
  })
  recordIndicatorValue(
    @Arg('input', () => RecordIndicatorValueInput, { description: 'The value.' })
    input: RecordIndicatorValueInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.indicators.recordValue(input);
  }

  @Mutation(() => Indicator, {
    description: "Removes an indicator's value for a period (city staff).",
  })
  removeIndicatorValue(
    @Arg('indicatorId', () => ID, { description: 'The indicator.' }) indicatorId: string,
    @Arg('period', () => String, { description: 'The period, e.g. "2022".' }) period: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.indicators.removeValue(indicatorId, period);
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @FieldResolver(() => Survey, {
    nullable: true,
    description: 'The survey run the value was computed from.',
  })
  survey(@Root() value: IndicatorValue, @Ctx() ctx: CooperationContext) {
    return ctx.indicators.survey(value);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The variables of `query`, as JSON (e.g. the year's first and last moment); null with it.",
  })
  queryVariables(@Root() value: IndicatorValue): string | null {
    return value.computedVariables ? JSON.stringify(value.computedVariables) : null;
  }
}
