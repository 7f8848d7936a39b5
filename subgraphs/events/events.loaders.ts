import DataLoader from 'dataloader';
import { byIdLoader, groupLoader } from '../core/loaders';
import type { OrganizerPage } from './event/event.repository';
import type { EventsRepositories } from './events.repositories';
import type { EventCounts } from './event/event.types';

export function createEventLoaders(
  { events: repository, support, invitations, attendance, enrolments }: EventsRepositories,
  includeDrafts: boolean,
) {
  // One loader per page size: the batch query takes the size as a parameter.
  const firstPages = new Map<number, DataLoader<string, OrganizerPage>>();
  const upcomingBySize = new Map<number, DataLoader<string, string[]>>();
  return {
    attendanceOfEvent: byIdLoader(
      (ids) => attendance.ofEvents(ids),
      (a) => a.eventId,
    ),
    enrolmentsOfEvent: groupLoader(
      (ids) => enrolments.ofEvents(ids),
      (e) => e.eventId,
    ),
    invitationsOfEvent: groupLoader(
      (ids) => invitations.ofEvents(ids),
      (i) => i.eventId,
    ),
    pendingInvitationsOf: groupLoader(
      (ids) => invitations.pendingOf(ids),
      (i) => i.associationId,
    ),
    supportRequest: byIdLoader(
      (ids) => support.requestsByIds(ids),
      (r) => r.id,
    ),
    supportRequestsOfEvent: groupLoader(
      (ids) => support.requestsOfEvents(ids),
      (r) => r.eventId,
    ),
    partsOfSupportRequest: groupLoader(
      (ids) => support.partsOf(ids),
      (p) => p.requestId,
    ),
    event: byIdLoader(
      (ids) => repository.eventsByIds(ids),
      (e) => e.id,
    ),
    organizerIdsOfEvent: groupLoader(
      (ids) => repository.organizersOf(ids),
      (l) => l.eventId,
    ),
    serviceAreaIdsOfEvent: groupLoader(
      (ids) => repository.serviceAreasOf(ids),
      (l) => l.eventId,
    ),
    series: byIdLoader(
      (ids) => repository.seriesOf(ids),
      (s) => s.id,
    ),
    meetingsOfWorkingGroup: groupLoader(
      (ids) => repository.meetingsOf(ids, includeDrafts),
      (e) => e.workingGroupId!,
    ),
    agendaOfEvent: groupLoader(
      (ids) => repository.agendaOf(ids),
      (a) => a.eventId,
    ),
    /** Enrolment and feedback figures of many events, in one statement. */
    counts: new DataLoader<string, EventCounts>(async (ids) => {
      const byId = new Map((await repository.countsOf(ids)).map((c) => [c.eventId, c]));
      return ids.map(
        (id) =>
          byId.get(id) ?? {
            eventId: id,
            enrolled: 0,
            waitlisted: 0,
            feedbackCount: 0,
            ratingSum: 0,
            distribution: [0, 0, 0, 0, 0],
          },
      );
    }),
    /** The next `size` public events in each space, for Space.upcomingEvents. */
    upcomingInSpace(size: number, now: Date): DataLoader<string, string[]> {
      let loader = upcomingBySize.get(size);
      if (!loader) {
        loader = new DataLoader(async (spaceIds) => {
          const rows = await repository.upcomingInSpaces(spaceIds, size, now);
          const byId = new Map(rows.map((r) => [r.spaceId, r.eventIds]));
          return spaceIds.map((id) => byId.get(id) ?? []);
        });
        upcomingBySize.set(size, loader);
      }
      return loader;
    },
    firstPageOfOrganizer(size: number): DataLoader<string, OrganizerPage> {
      let loader = firstPages.get(size);
      if (!loader) {
        loader = new DataLoader(async (associationIds) => {
          const pages = await repository.firstPages(associationIds, size, includeDrafts);
          const byId = new Map(pages.map((p) => [p.associationId, p]));
          return associationIds.map(
            (id) => byId.get(id) ?? { associationId: id, eventIds: [], total: 0 },
          );
        });
        firstPages.set(size, loader);
      }
      return loader;
    },
  };
}
export type EventLoaders = ReturnType<typeof createEventLoaders>;
