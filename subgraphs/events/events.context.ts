import type { DataSource } from 'typeorm';
import type { BaseContext, SharedServices } from '../core/context';
import type { Identity } from '../core/identity';
import { createEventLoaders, type EventLoaders } from './events.loaders';
import { EventService, seesDrafts } from './event/event.service';
import { EventAdminService } from './event/event-admin.service';
import { CalendarRepository } from './calendar/calendar.repository';
import { CalendarService } from './calendar/calendar.service';
import { EnrolmentService } from './enrolment/enrolment.service';
import { FeedbackService } from './feedback/feedback.service';
import { MilestoneService } from './milestone/milestone.service';

export interface EventsContext extends BaseContext {
  loaders: EventLoaders;
  events: EventService;
  enrolments: EnrolmentService;
  feedback: FeedbackService;
  calendar: CalendarService;
  eventAdmin: EventAdminService;
  milestones: MilestoneService;
}

export function createEventsContext(
  db: DataSource,
  identity: Identity,
  shared: SharedServices,
): EventsContext {
  const loaders = createEventLoaders(db, seesDrafts(identity));
  return {
    identity,
    loaders,
    events: new EventService(db, identity, loaders),
    enrolments: new EnrolmentService(db, loaders, identity, shared.associations),
    feedback: new FeedbackService(db, loaders, identity, shared.associations),
    calendar: new CalendarService(new CalendarRepository(db), identity),
    eventAdmin: new EventAdminService(db, loaders, identity, shared.associations),
    milestones: new MilestoneService(db, identity),
  };
}
