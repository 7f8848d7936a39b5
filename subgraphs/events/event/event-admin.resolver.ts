import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import type { EventsContext } from '../events.context';
import { CreateEventInput, CreateEventSeriesInput, UpdateEventInput } from './event-admin.inputs';
import { Event } from './event.entity';
import { SeriesFrequency } from './event.enums';

@ObjectType({ description: 'A recurring event: how it repeats and its occurrences.' })
export class EventSeries {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;

  @Field(() => SeriesFrequency, { description: 'Weekly or monthly.' })
  frequency!: SeriesFrequency;

  @Field(() => Int, { description: 'Every how many weeks or months.' })
  interval!: number;

  @Field(() => [Event], { description: 'Every occurrence in start order, exceptions included.' })
  occurrences!: Event[];
}

/** Creating and changing events (staff for their areas; associations for their community events). */
@Resolver(() => Event)
export class EventAdminResolver {
  @Mutation(() => Event, {
    description: 'Creates an event, as a DRAFT unless SCHEDULED is asked for.',
  })
  createEvent(
    @Arg('input', () => CreateEventInput, { description: 'The event.' }) input: CreateEventInput,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.eventAdmin.create(input);
  }

  @Mutation(() => [Event], {
    description:
      'Creates a recurring event: every occurrence at the same Helsinki time, each its own event to change alone.',
  })
  createEventSeries(
    @Arg('input', () => CreateEventSeriesInput, {
      description: 'The first occurrence and the rule.',
    })
    input: CreateEventSeriesInput,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.eventAdmin.createSeries(input);
  }

  @Mutation(() => Event, {
    description:
      'Changes one event; for an occurrence of a series, only that one (it becomes an exception). Calendars see SEQUENCE grow.',
  })
  updateEvent(
    @Arg('input', () => UpdateEventInput, { description: 'What to change.' })
    input: UpdateEventInput,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.eventAdmin.update(input);
  }

  @Mutation(() => Event, {
    description: 'Cancels one event (or one occurrence); it stays listed as CANCELLED.',
  })
  cancelEvent(
    @Arg('id', () => ID, { description: 'The event.' }) id: string,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.eventAdmin.cancel(id);
  }

  @FieldResolver(() => EventSeries, {
    nullable: true,
    description: 'The series this event is an occurrence of, if any.',
  })
  series(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return event.seriesId ? ctx.events.series(event.seriesId) : null;
  }
}
