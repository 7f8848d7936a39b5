import { EventVenues } from './event/event-venue';
import type { DataSource } from 'typeorm';
import type { BaseContext, CallerRequest, SharedServices } from '../core/context';
import { Data } from '../core/data';
import { createEventsRepositories } from './events.repositories';
import type { Identity } from '../core/identity';
import { createEventLoaders, type EventLoaders } from './events.loaders';
import { EventService, seesDrafts } from './event/event.service';
import { EventAdminService } from './event/event-admin.service';
import { CalendarService } from './calendar/calendar.service';
import { EnrolmentService } from './enrolment/enrolment.service';
import { FeedbackService } from './feedback/feedback.service';
import { MilestoneService } from './milestone/milestone.service';
import { SupportService } from './support/support.service';
import { AttendanceService } from './attendance/attendance.service';
import { OrganizerInvitationService } from './organizer/organizer-invitation.service';
import type { PersonalDataService } from '../core/personal-data/personal-data.service';
import { subjectRecordsService } from '../core/personal-data/subject-records';
import { EVENTS_PERSONAL_DATA } from './privacy/personal-data.records';

export interface EventsContext extends BaseContext {
  loaders: EventLoaders;
  events: EventService;
  enrolments: EnrolmentService;
  feedback: FeedbackService;
  calendar: CalendarService;
  eventAdmin: EventAdminService;
  milestones: MilestoneService;
  support: SupportService;
  invitations: OrganizerInvitationService;
  attendance: AttendanceService;
  personalData: PersonalDataService;
}

export function createEventsContext(
  db: DataSource,
  identity: Identity,
  shared: SharedServices,
  request: CallerRequest = {},
): EventsContext {
  const data = new Data(db, createEventsRepositories);
  const loaders = createEventLoaders(data.repositories, seesDrafts(identity));
  const eventAdmin = new EventAdminService(
    data,
    loaders,
    identity,
    shared.associations,
    new EventVenues(shared.graph, request.authorization),
    shared.events,
  );
  return {
    identity,
    loaders,
    events: new EventService(data, identity, loaders),
    enrolments: new EnrolmentService(data, loaders, identity, shared.associations, shared.events),
    feedback: new FeedbackService(data, loaders, identity, shared.associations),
    calendar: new CalendarService(data, identity),
    eventAdmin,
    milestones: new MilestoneService(data, identity),
    invitations: new OrganizerInvitationService(
      data,
      loaders,
      identity,
      shared.associations,
      eventAdmin,
    ),
    support: new SupportService(data, loaders, identity, shared.associations, shared.events),
    attendance: new AttendanceService(data, loaders, identity, eventAdmin),
    personalData: subjectRecordsService('events', db, identity, EVENTS_PERSONAL_DATA),
  };
}
