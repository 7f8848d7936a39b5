import { SupportNamesAndCancel1768900000000 } from './migrations/1768900000000-support-names-and-cancel';
import { MeetingNotes1768700000000 } from './migrations/1768700000000-meeting-notes';
import { AttendanceResolver } from './attendance/attendance.resolver';
import { Attendance1768600000000 } from './migrations/1768600000000-attendance';
import type { SubgraphDefinition } from '../core/subgraph';
import { eventsReferenceResolvers } from './events.reference';
import { Event } from './event/event.entity';
import {
  AssociationEventsResolver,
  EventResolver,
  WorkingGroupMeetingsResolver,
} from './event/event.resolver';
import { createEventsContext, type EventsContext } from './events.context';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { Cooperation1764200000000 } from './migrations/1764200000000-cooperation';
import { EventSources1764300000000 } from './migrations/1764300000000-event-sources';
import { EventSeries1764400000000 } from './migrations/1764400000000-event-series';
import { AllDay1765100000000 } from './migrations/1765100000000-all-day';
import { WorkingGroupMeetings1766000000000 } from './migrations/1766000000000-working-group-meetings';
import { EditVersions1768000000000 } from './migrations/1768000000000-edit-versions';
import { CalendarResolver } from './calendar/calendar.resolver';
import { EventAdminResolver } from './event/event-admin.resolver';
import { EventStatisticsResolver } from './event/event-statistics.resolver';
import { Enrolment } from './enrolment/enrolment.entity';
import { EventDetailsResolver, SpaceEventsResolver } from './event/event-details.resolver';
import { EnrolmentResolver } from './enrolment/enrolment.resolver';
import { EventFeedbackResolver } from './feedback/feedback.resolver';
import { Feedback } from './feedback/feedback.entity';
import { Milestone } from './milestone/milestone.entity';
import { MilestoneResolver } from './milestone/milestone.resolver';
import { EventSupport1768300000000 } from './migrations/1768300000000-event-support';
import { EventSupportPart, EventSupportRequest } from './support/support.entity';
import {
  EventSupportResolver,
  SupportPartResolver,
  SupportResolver,
} from './support/support.resolver';
import { SupportConsumer } from './support/support.consumer';
import { CoOrganizers1768400000000 } from './migrations/1768400000000-co-organizers';
import { OrganizerInvitation } from './organizer/organizer-invitation.entity';
import {
  AssociationInvitationsResolver,
  EventInvitationsResolver,
  OrganizerInvitationResolver,
} from './organizer/organizer-invitation.resolver';
import { Data } from '../core/data';
import { createEventsRepositories } from './events.repositories';
import { CONSUMERS } from '../core/domain-events';
import { JobMonitor } from '../core/jobs';
import {
  DEFAULT_RETENTION,
  type RetentionConfig,
  scheduleRetention,
} from '../core/personal-data/retention';
import { anonymiseExpiredEventData } from './privacy/retention.service';
import { PersonalData1769100000000 } from './migrations/1769100000000-personal-data';
import { EventsPersonalDataResolver } from './privacy/personal-data.records';

/**
 * Events of the cooperation with enrolment and feedback, milestones, and the calendar;
 * `retention` says when enrolments and feedback are anonymised.
 */
export function createEventsSubgraph(
  retention: RetentionConfig = DEFAULT_RETENTION,
): SubgraphDefinition<EventsContext> {
  const monitor = new JobMonitor();
  return {
    name: 'events',
    schema: 'events',
    entities: [
      Event,
      Enrolment,
      Feedback,
      Milestone,
      EventSupportRequest,
      EventSupportPart,
      OrganizerInvitation,
    ],
    migrations: [
      Initial1763800000000,
      Cooperation1764200000000,
      EventSources1764300000000,
      EventSeries1764400000000,
      AllDay1765100000000,
      WorkingGroupMeetings1766000000000,
      EditVersions1768000000000,
      EventSupport1768300000000,
      CoOrganizers1768400000000,
      Attendance1768600000000,
      MeetingNotes1768700000000,
      SupportNamesAndCancel1768900000000,
      PersonalData1769100000000,
    ],
    resolvers: [
      EventResolver,
      EventDetailsResolver,
      EventAdminResolver,
      EventStatisticsResolver,
      EnrolmentResolver,
      EventFeedbackResolver,
      SpaceEventsResolver,
      AssociationEventsResolver,
      WorkingGroupMeetingsResolver,
      CalendarResolver,
      MilestoneResolver,
      SupportResolver,
      SupportPartResolver,
      EventSupportResolver,
      OrganizerInvitationResolver,
      EventInvitationsResolver,
      AssociationInvitationsResolver,
      AttendanceResolver,
      EventsPersonalDataResolver,
    ],
    referenceResolvers: eventsReferenceResolvers,
    createContext: createEventsContext,
    observe: (metrics) => monitor.observe(metrics),
    startJobs: (db, log, shared, warn) => {
      monitor.warnTo(warn);
      // The answers and decisions of support requests' parts, from their owners.
      const answers = new SupportConsumer(new Data(db, createEventsRepositories), shared.events);
      const ready = shared.events
        .consume(CONSUMERS.supportRequests, (message) => answers.handle(message))
        .catch((error: Error) => warn(`events: support requests did not start: ${error.message}`));
      // Who enrolled and who gave feedback, let go after their retention.
      const stopRetention = retention.automatic
        ? scheduleRetention(
            'retention',
            async (now) => {
              const done = await anonymiseExpiredEventData(db, retention, now);
              return done.enrolments + done.feedback;
            },
            monitor,
            log,
          )
        : () => undefined;
      return {
        ready,
        stop: () => {
          stopRetention();
          return Promise.resolve();
        },
      };
    },
  };
}

/** The events subgraph with the default retention (tests and tools). */
export const eventsSubgraph = createEventsSubgraph();
