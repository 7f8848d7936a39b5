import { CSV_DIALECTS, CsvFormat } from '../../core/types/csv-format';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import type { CooperationContext } from '../cooperation.context';
import { CalendarRef } from '../refs/calendar.ref';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { Survey, SurveyQuestion } from './survey.entity';
import { SurveyStatus } from './survey.enums';
import {
  CreateSurveyInput,
  SubmitSurveyResponseInput,
  SurveysArgs,
  UpdateSurveyInput,
} from './survey.inputs';
import { SurveyComparison, SurveyResults } from './survey-results.types';
import { SurveyResponseReceipt } from './survey-response.types';

export const SurveyConnection = createConnectionType('Survey', Survey, 'survey');

/** Surveys: thin; the rules are in SurveyService and SurveyResponseService. */
@Resolver(() => Survey)
export class SurveyResolver {
  @Query(() => Survey, {
    nullable: true,
    description: 'One survey; drafts only for city staff.',
  })
  survey(
    @Arg('id', () => ID, { description: 'The survey.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.surveys.get(id);
  }

  @Query(() => SurveyConnection, {
    nullable: true,
    description: 'Surveys, the latest opening first, filtered and paged.',
  })
  surveys(@Args(() => SurveysArgs) args: SurveysArgs, @Ctx() ctx: CooperationContext) {
    return ctx.surveys.list(args.filter ?? null, args);
  }

  @Query(() => SurveyComparison, {
    nullable: true,
    description:
      'Two runs of the same questions side by side (spring and autumn): counts, shares and the change in agreement. Public once both have closed.',
  })
  surveyComparison(
    @Arg('firstId', () => ID, { description: 'The earlier run.' }) firstId: string,
    @Arg('secondId', () => ID, { description: 'The later run.' }) secondId: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.surveys.compare(firstId, secondId);
  }

  @FieldResolver(() => SurveyStatus, {
    description: 'DRAFT, OPEN or CLOSED; an open survey past its closing time is CLOSED.',
  })
  status(@Root() survey: Survey, @Ctx() ctx: CooperationContext) {
    return ctx.surveys.status(survey);
  }

  @FieldResolver(() => [ServiceAreaRef], {
    description: 'Service areas it belongs to; empty for a city-wide survey.',
  })
  serviceAreas(@Root() survey: Survey): ServiceAreaRef[] {
    return survey.serviceAreaIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [SurveyQuestion], { description: 'The questions, in order.' })
  questions(@Root() survey: Survey, @Ctx() ctx: CooperationContext) {
    return ctx.surveys.questions(survey);
  }

  @FieldResolver(() => Int, { description: 'Responses received so far.' })
  responseCount(@Root() survey: Survey, @Ctx() ctx: CooperationContext) {
    return ctx.surveys.responseCount(survey);
  }

  @FieldResolver(() => SurveyResults, {
    nullable: true,
    description:
      'Counts and shares per question. Null for the public until the survey has closed; staff see them at any time.',
  })
  results(@Root() survey: Survey, @Ctx() ctx: CooperationContext) {
    return ctx.surveys.results(survey);
  }

  @FieldResolver(() => String, {
    // Nullable so that a refusal costs only this field: a createSurvey asking for it used to
    // answer data: null (CONFLICT) after the survey had been created, and clients retried.
    nullable: true,
    description:
      'A closed survey’s answers as CSV (UTF-8; RFC 4180 unless `format` says otherwise), for staff: a row per response, a column per question. An anonymous survey’s rows name no association and no time. Null, with an error at this path, while the survey is open (CONFLICT) or for anyone but staff (FORBIDDEN).',
  })
  answersCsv(
    @Root() survey: Survey,
    @Arg('format', () => CsvFormat, {
      defaultValue: CsvFormat.RFC_4180,
      description: 'SPREADSHEET_FI for a file Excel opens right in a Finnish locale.',
    })
    format: CsvFormat,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.surveys.answersCsv(survey, CSV_DIALECTS[format]);
  }

  @Mutation(() => Survey, {
    description:
      'Creates a survey as a DRAFT (staff of its service areas; any staff for a city-wide one).',
  })
  createSurvey(
    @Arg('input', () => CreateSurveyInput, { description: 'The new survey.' })
    input: CreateSurveyInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.surveys.create(input);
  }

  @Mutation(() => Survey, {
    description:
      'Changes a survey: anything while a DRAFT; once open only its title, description and closing time.',
  })
  updateSurvey(
    @Arg('input', () => UpdateSurveyInput, { description: 'What to change.' })
    input: UpdateSurveyInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.surveys.update(input);
  }

  @Mutation(() => Survey, {
    description: 'Publishes a DRAFT survey: answers are taken between opensAt and closesAt.',
  })
  openSurvey(
    @Arg('id', () => ID, { description: 'The survey.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.surveys.open(id);
  }

  @Mutation(() => Survey, {
    description: 'Closes an open survey now: no more answers; its results become public.',
  })
  closeSurvey(
    @Arg('id', () => ID, { description: 'The survey.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.surveys.close(id);
  }

  @Mutation(() => SurveyResponseReceipt, {
    description:
      'Answers a survey: once per association (by its representative) or per staff member; a second response is CONFLICT.',
  })
  submitSurveyResponse(
    @Arg('input', () => SubmitSurveyResponseInput, { description: 'The response.' })
    input: SubmitSurveyResponseInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.surveyResponses.submit(input);
  }

  @Mutation(() => SurveyResponseReceipt, {
    description: 'Replaces your earlier response while the survey is open.',
  })
  changeSurveyResponse(
    @Arg('input', () => SubmitSurveyResponseInput, { description: 'The new response.' })
    input: SubmitSurveyResponseInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.surveyResponses.change(input);
  }
}

@Resolver(() => CalendarRef)
export class CalendarSurveysResolver {
  @FieldResolver(() => [Survey], {
    nullable: true,
    description:
      "Surveys open at any time in the year, by closing time: the area's own and city-wide ones (all of them for the whole city). Null, with an error naming the cooperation service, when that service cannot answer.",
  })
  surveys(@Root() calendar: CalendarRef, @Ctx() ctx: CooperationContext) {
    return ctx.surveys.ofCalendar(calendar.year, calendar.serviceAreaId);
  }
}
