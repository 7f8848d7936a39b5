import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Enrolment } from '../enrolment/enrolment.entity';
import { Event } from '../event/event.entity';
import type { EventsContext } from '../events.context';
import { EventAttendance, RecordAttendanceInput } from './attendance.types';

/** Who came to an event, and its sign-ups for those who may see them. */
@Resolver(() => Event)
export class AttendanceResolver {
  @Mutation(() => Event, {
    description:
      'Records who came to an event once it has started: how many of each enrolled sign-up’s people came and a head count of everyone (the organising association for a community event, the staff of its service areas). Recording again corrects it.',
  })
  recordAttendance(
    @Arg('input', () => RecordAttendanceInput, { description: 'Who came.' })
    input: RecordAttendanceInput,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.attendance.record(input);
  }

  @FieldResolver(() => EventAttendance, {
    nullable: true,
    description:
      'Who came, as recorded after the event: signed up, came, no-shows and the head count. Null until recorded.',
  })
  attendance(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return ctx.attendance.ofEvent(event);
  }

  @FieldResolver(() => [Enrolment], {
    description:
      'The sign-ups, enrolled and waiting first, in sign-up order: all to city staff and the event’s managers, their own to associations’ representatives, none to others.',
  })
  enrolments(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return ctx.attendance.enrolmentsOf(event);
  }
}
