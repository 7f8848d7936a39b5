import type { Connection, Data } from '../core/data';
import { AttendanceRepository } from './attendance/attendance.repository';
import { CalendarRepository } from './calendar/calendar.repository';
import { EnrolmentRepository } from './enrolment/enrolment.repository';
import { EventAdminRepository } from './event/event-admin.repository';
import { EventRepository } from './event/event.repository';
import { FeedbackRepository } from './feedback/feedback.repository';
import { MilestoneRepository } from './milestone/milestone.repository';
import { SupportRepository } from './support/support.repository';
import { OrganizerInvitationRepository } from './organizer/organizer-invitation.repository';

/** Every repository of the events subgraph, on one connection (the pool or a transaction). */
export function createEventsRepositories(connection: Connection) {
  return {
    events: new EventRepository(connection),
    eventAdmin: new EventAdminRepository(connection),
    enrolments: new EnrolmentRepository(connection),
    feedback: new FeedbackRepository(connection),
    calendar: new CalendarRepository(connection),
    milestones: new MilestoneRepository(connection),
    support: new SupportRepository(connection),
    invitations: new OrganizerInvitationRepository(connection),
    attendance: new AttendanceRepository(connection),
  };
}

export type EventsRepositories = ReturnType<typeof createEventsRepositories>;
export type EventsData = Data<EventsRepositories>;
